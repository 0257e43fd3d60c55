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

/** Run Node's test runner on `globs` and add its TAP summary to the totals. */
function unitSuite(title, tapName, globs, env = {}) {
  const tap = `${RESULTS}/${tapName}.tap`;
  rmSync(tap, { force: true });
  sh(
    title,
    process.execPath,
    [
      "--test",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      ...globs,
    ],
    env,
  );
  if (!existsSync(tap)) {
    totals.failed++;
    failures.push(`${title} did not report`);
    return;
  }
  const text = readFileSync(tap, "utf8");
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, "mu").exec(text)?.[1] ?? 0);
  totals.passed += count("pass");
  const failed = count("fail") + count("cancelled");
  totals.failed += failed;
  if (failed > 0) failures.push(`${failed} of ${title}`);
  totals.skipped += count("skipped") + count("todo");
  for (const m of text.matchAll(/^\s*ok \d+ - (.*) # SKIP (.*)$/gmu)) skipReasons.push(`${tapName}: ${m[1]}: ${m[2]}`);
}

// Unit tests (Node's test runner on the TypeScript sources).
unitSuite("unit tests", "unit", [
  "core/**/*.test.ts",
  "db/**/*.test.ts",
  "main/**/*.test.ts",
  "cli/**/*.test.ts",
  "renderer/**/*.test.ts",
]);

// The operation tests again, on PostgreSQL (ARCHITECTURE.md §12): `QAWL_TEST_POSTGRES` names
// an account that may create databases (.ci/run starts the server and sets it).
const postgres = process.env.QAWL_TEST_POSTGRES;
if (postgres === undefined) {
  totals.skipped++;
  skipReasons.push("operation tests on PostgreSQL: QAWL_TEST_POSTGRES is not set (.ci/run sets it)");
} else if (await preparePostgres(postgres)) {
  unitSuite(
    "operation tests on PostgreSQL",
    "postgres",
    ["db/postgres/*.test.ts", "main/ops/*.test.ts", "main/team/*.test.ts"],
    {
      QAWL_TEST_STORE: "postgres",
    },
  );
}

/**
 * Make the tests' database (`qawl_test`, one schema per test) and drop the schemas an
 * interrupted run left; false (counted as a failure) when the server cannot be reached.
 */
async function preparePostgres(url) {
  const { default: pg } = await import("pg");
  try {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'qawl_test'");
    if (exists.rowCount === 0) await admin.query("CREATE DATABASE qawl_test");
    await admin.end();
    const target = new URL(url);
    target.pathname = "/qawl_test";
    const tests = new pg.Client({ connectionString: target.toString() });
    await tests.connect();
    const left = await tests.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'");
    for (const row of left.rows) await tests.query(`DROP SCHEMA "${row.nspname}" CASCADE`);
    await tests.end();
    return true;
  } catch (e) {
    totals.failed++;
    failures.push(`PostgreSQL at ${url.replace(/:[^:@/]*@/u, ":***@")}: ${e.message}`);
    return false;
  }
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
