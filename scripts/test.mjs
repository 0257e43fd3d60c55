// `npm test`: every check and suite, one after the other, then one summary line
// `N passed, N failed` that sums them all (CI reads it). Each check (lint, stylelint, format,
// typecheck, build) counts as one test; unit tests come from Node's test runner (TAP
// summary), end-to-end tests from Playwright's JSON report. Skipped tests are listed with
// their reasons and never counted as passed. Exit status 1 when anything failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const RESULTS = "test-results";
mkdirSync(RESULTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const skipReasons = [];
const failures = [];

/** Run a command with inherited output; true when it exits 0. */
function sh(title, command, args, env = {}) {
  console.log(`\n── ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (sh(title, command, args)) totals.passed++;
  else {
    totals.failed++;
    failures.push(title);
  }
}

const bin = (name) => `node_modules/.bin/${name}`;

check("lint", bin("eslint"), ["."]);
check("stylelint", bin("stylelint"), ["renderer/**/*.css"]);
check("format", bin("prettier"), ["--check", "."]);
check("typecheck", "npm", ["run", "--silent", "typecheck"]);
check("build", "npm", ["run", "--silent", "build"]);

// Unit tests (Node's test runner on the TypeScript sources).
const tap = `${RESULTS}/unit.tap`;
rmSync(tap, { force: true });
sh("unit tests", process.execPath, [
  "--test",
  "--test-reporter=spec",
  "--test-reporter-destination=stdout",
  "--test-reporter=tap",
  `--test-reporter-destination=${tap}`,
  "core/**/*.test.ts",
  "db/**/*.test.ts",
  "main/**/*.test.ts",
  "cli/**/*.test.ts",
  "renderer/**/*.test.ts",
]);
if (existsSync(tap)) {
  const text = readFileSync(tap, "utf8");
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, "mu").exec(text)?.[1] ?? 0);
  totals.passed += count("pass");
  const unitFailed = count("fail") + count("cancelled");
  totals.failed += unitFailed;
  if (unitFailed > 0) failures.push(`${unitFailed} unit test(s)`);
  totals.skipped += count("skipped") + count("todo");
  for (const m of text.matchAll(/^\s*ok \d+ - (.*) # SKIP (.*)$/gmu)) skipReasons.push(`unit: ${m[1]}: ${m[2]}`);
} else {
  totals.failed++;
  failures.push("unit tests did not report");
}

// End-to-end tests (Playwright in Debian's Chromium, against `qawl serve`).
const report = `${RESULTS}/e2e.json`;
rmSync(report, { force: true });
sh("end-to-end tests", bin("playwright"), ["test"]);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, "utf8"));
  const stats = json.stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  if ((stats.unexpected ?? 0) > 0) failures.push(`${stats.unexpected} end-to-end test(s)`);
  totals.skipped += stats.skipped ?? 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "skipped") {
          const reason = (t.annotations ?? []).find((a) => a.type === "skip")?.description ?? "skipped";
          skipReasons.push(`e2e: ${spec.title}: ${reason}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of json.suites ?? []) walk(suite);
  for (const error of json.errors ?? []) failures.push(`e2e: ${error.message?.split("\n")[0] ?? "error"}`);
  if ((json.errors ?? []).length > 0 && (stats.unexpected ?? 0) === 0) totals.failed++;
} else {
  totals.failed++;
  failures.push("end-to-end tests did not report");
}

console.log("");
for (const reason of skipReasons) console.log(`skipped: ${reason}`);
if (failures.length > 0) console.log(`failed: ${failures.join("; ")}`);
console.log(`${totals.skipped} skipped (not counted as passed)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
