// `npm run bench`: every benchmark in turn, each run even when one before it misses its
// targets; exits 1 if any missed them. Not part of `npm test` (timings vary by machine).
import { spawnSync } from "node:child_process";

const benches = [
  "bench/article-view.bench.ts",
  "bench/import-while-labelling.bench.ts",
  "bench/interop.bench.ts",
  "bench/team-load.bench.ts",
  "bench/learning-curve.bench.ts",
  "bench/concurrency.bench.ts",
];
const extra = process.argv.slice(2);
let failed = 0;
for (const bench of benches) {
  console.log(`\n── ${bench}`);
  const run = spawnSync(process.execPath, [bench, ...(bench.includes("article-view") ? extra : [])], {
    stdio: "inherit",
  });
  if (run.status !== 0) failed++;
}
// Every reader fuzzed with 10,000 cases each (npm test runs the same properties with 2,000).
console.log("\n── main/import/fuzz.test.ts with QAWL_FUZZ_RUNS=10000");
const fuzz = spawnSync(process.execPath, ["--test", "main/import/fuzz.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, QAWL_FUZZ_RUNS: "10000" },
});
if (fuzz.status !== 0) failed++;
const total = benches.length + 1;
if (failed > 0) console.log(`\n${String(failed)} of ${String(total)} benchmarks missed their targets`);
process.exitCode = failed > 0 ? 1 : 0;
