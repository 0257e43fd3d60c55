/**
 * `npm run bench` (team part, issue 12): 20 annotators labelling at once on the team server
 * (`qawl serve --team` on PostgreSQL, started as a user starts it), each signed in with a
 * session, each following the change feed as the page does:
 *
 * - write: from sending `createSpan` to its acknowledged reply, p50 / p95 / max, beside the
 *   floor measured in the same run: the same number of rows inserted raw by 20 `pg`
 *   clients at once into a table of the same database (its p95, and the ratio);
 * - propagation: from a write's acknowledgement to each other annotator's feed delivering
 *   its record, p50 / p95 / max over every (write, listener) pair;
 * - lost: acknowledged spans not in the database afterwards with the annotator, label and
 *   extent acknowledged (must be 0), and feed records never delivered.
 *
 * Two phases of `QAWL_BENCH_WRITES` writes per annotator (default 10), each within 120 s:
 * paced as people label (one span every 2–4 s each, about 6.7 writes a second in all), then
 * flat out (each annotator's next write as soon as the last is acknowledged), which gives
 * the server's ceiling in writes a second. Targets (README), paced: write p95 ≤ 250 ms,
 * propagation p95 ≤ 1000 ms; in both, nothing lost and every record delivered.
 * Needs `QAWL_TEST_POSTGRES` (an account that may create databases; .ci/run sets it).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ProjectStore } from "../db/project.ts";
import { createOperationTable } from "../main/ops/table.ts";
import { TeamAccounts } from "../main/team/accounts.ts";
import { percentile, round, summary } from "./browser.ts";
import { mulberry32 } from "./long-article.ts";

const ANNOTATORS = 20;
const WRITES = Number(process.env["QAWL_BENCH_WRITES"] ?? 10);
/** Longest a phase runs, in milliseconds. */
const BOUND_MS = 120_000;
const admin = process.env["QAWL_TEST_POSTGRES"];
if (admin === undefined) {
  console.log("team load: QAWL_TEST_POSTGRES is not set; not run");
  process.exit(1);
}
const name = "qawl_bench_team";
const adminClient = new pg.Client({ connectionString: admin });
await adminClient.connect();
await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await adminClient.query(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
const database = url.toString();

// The project: the sample article; every annotator labels its words, each their own share.
const sample = readFileSync(new URL("../fixtures/lavrov-pompeo-sochi-2019.txt", import.meta.url), "utf8");
const store = new ProjectStore(database);
const table = createOperationTable(store, { annotator: "bench" });
const documentId =
  table.importDocuments({ files: [{ name: "sample.txt", contentBase64: Buffer.from(sample).toString("base64") }] })
    .outcomes[0]?.documentId ?? 0;
store.close();
const points = [...sample];
const words: { start: number; end: number }[] = [];
for (const m of points.join("").matchAll(/\p{L}{3,}/gu)) {
  const start = [...points.join("").slice(0, m.index)].length;
  words.push({ start, end: start + [...m[0]].length });
}
const accounts = await TeamAccounts.open(database);
const names = Array.from({ length: ANNOTATORS }, (_, i) => `annotator${String(i + 1).padStart(2, "0")}`);
for (const n of names) await accounts.setAccount(n, `${n}-password`, "annotator");
await accounts.assign(new Map(names.map((n) => [n, [documentId]])));
await accounts.close();

const qawl = fileURLToPath(new URL("../bin/qawl.mjs", import.meta.url));
const server = spawn(process.execPath, [qawl, "serve", "--team", "--database", database]);
let base = "";
for await (const line of createInterface({ input: server.stdout })) {
  const found = /http:\/\/\S+/u.exec(line)?.[0];
  if (found !== undefined) {
    base = found.replace(/\/$/u, "");
    break;
  }
}

interface Person {
  name: string;
  cookie: string;
  csrf: string;
  /** When this person's feed delivered each revision (performance.now()). */
  heard: Map<number, number>;
  stop: AbortController;
}

async function signIn(person: string): Promise<Person> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ name: person, password: `${person}-password` }),
    redirect: "manual",
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
  const csrf = (cookies.find((c) => c.startsWith("qawl_csrf=")) ?? "").slice("qawl_csrf=".length);
  return { name: person, cookie: cookies.join("; "), csrf, heard: new Map(), stop: new AbortController() };
}

/** Follow the feed as the page does, noting when each record arrives. */
async function follow(person: Person, ready: () => void): Promise<void> {
  const res = await fetch(`${base}/api/changes`, {
    headers: { Cookie: person.cookie, "X-Qawl-Csrf": person.csrf, "X-Qawl-Client": person.name },
    signal: person.stop.signal,
  });
  if (res.body === null) throw new Error(`${person.name}: no feed (${String(res.status)})`);
  ready();
  let buffer = "";
  try {
    for await (const chunk of res.body.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!event.includes("event: change")) continue;
        const revision = Number(/^id: (\d+)$/mu.exec(event)?.[1]);
        person.heard.set(revision, performance.now());
      }
    }
  } catch (e) {
    if (!person.stop.signal.aborted) throw e;
  }
}

const people = await Promise.all(names.map(signIn));
await Promise.all(people.map((p) => new Promise<void>((ready) => void follow(p, ready))));

interface Write {
  by: string;
  label: string;
  start: number;
  end: number;
  spanId: number;
  revision: number;
  acked: number;
  ms: number;
}
const writes: Write[] = [];
let refused = 0;
const random = mulberry32(20261202);

/**
 * Every annotator makes `each` writes of `label`, waiting `think()` ms before each (a person
 * selecting the next name), all at once, each on the words of their own share.
 * @returns the phase's writes and how long it took (ms)
 */
async function phase(each: number, label: string, think: () => number): Promise<{ writes: Write[]; ms: number }> {
  const mine: Write[] = [];
  const began = performance.now();
  const deadline = began + BOUND_MS;
  await Promise.all(
    people.map(async (person, i) => {
      const share = words.filter((_, w) => w % ANNOTATORS === i).slice(0, each);
      for (const word of share) {
        await new Promise((resolve) => setTimeout(resolve, think()));
        if (performance.now() > deadline) return;
        const sent = performance.now();
        const res = await fetch(`${base}/api/createSpan`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Cookie: person.cookie,
            "X-Qawl-Csrf": person.csrf,
            "X-Qawl-Client": person.name,
          },
          body: JSON.stringify({ documentId, label, start: word.start, end: word.end }),
        });
        const reply = (await res.json()) as { ok: boolean; value?: { id: number }; changes?: { revision: number }[] };
        const acked = performance.now();
        if (!reply.ok || reply.value === undefined) {
          refused++;
          continue;
        }
        mine.push({
          by: person.name,
          label,
          ...word,
          spanId: reply.value.id,
          revision: reply.changes?.[0]?.revision ?? -1,
          acked,
          ms: acked - sent,
        });
      }
    }),
  );
  writes.push(...mine);
  return { writes: mine, ms: performance.now() - began };
}

// People: a label every 2–4 s each (about 6.7 writes a second from the 20). Then flat out:
// every annotator writing as soon as the last write was acknowledged (the server's ceiling).
const paced = await phase(WRITES, "PER", () => 2000 + 2000 * random());
const flatOut = await phase(WRITES, "LOC", () => 0);
// Let the last records reach every feed (the server polls its log every 200 ms).
await new Promise((resolve) => setTimeout(resolve, 1500));
for (const p of people) p.stop.abort();

/** Delays from each write's acknowledgement to every other annotator's feed delivering it. */
function propagation(of: readonly Write[]): { delays: number[]; undelivered: number } {
  const delays: number[] = [];
  let undelivered = 0;
  for (const w of of) {
    for (const p of people) {
      if (p.name === w.by) continue;
      const at = p.heard.get(w.revision);
      if (at === undefined) undelivered++;
      else delays.push(Math.max(0, at - w.acked));
    }
  }
  return { delays, undelivered };
}

// Every acknowledged span is in the database, as acknowledged.
const check = new pg.Client({ connectionString: database });
await check.connect();
// bigint columns arrive as strings from a plain pg client.
const { rows } = await check.query<{ id: string; start: string; end: string; annotator: string; label: string }>(
  `SELECT s.id, s.start, s."end" AS end, a.name AS annotator, l.name AS label
   FROM spans s JOIN annotators a ON a.id = s.annotator_id JOIN labels l ON l.id = s.label_id`,
);
const stored = new Map(rows.map((r) => [Number(r.id), r]));
const lost = writes.filter((w) => {
  const r = stored.get(w.spanId);
  return (
    r === undefined ||
    r.annotator !== w.by ||
    r.label !== w.label ||
    Number(r.start) !== w.start ||
    Number(r.end) !== w.end
  );
}).length;

// The floor: as many raw INSERTs by 20 pg clients at once into a table of the same database.
await check.query("CREATE TABLE floor_rows (id bigserial PRIMARY KEY, doc bigint, start int, stop int, at text)");
const raw: number[] = [];
await Promise.all(
  Array.from({ length: ANNOTATORS }, async () => {
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    for (let k = 0; k < Math.ceil(writes.length / ANNOTATORS); k++) {
      const sent = performance.now();
      await client.query("INSERT INTO floor_rows (doc, start, stop, at) VALUES ($1, $2, $3, $4)", [
        documentId,
        k,
        k + 1,
        new Date().toISOString(),
      ]);
      raw.push(performance.now() - sent);
    }
    await client.end();
  }),
);
await check.end();
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await adminClient.end();

const report = (of: { writes: Write[]; ms: number }) => {
  const spread = propagation(of.writes);
  const write = summary(of.writes.map((w) => w.ms));
  return {
    acknowledged: of.writes.length,
    perSecond: round(of.writes.length / (of.ms / 1000)),
    write,
    writeP95OverFloor: round(write.p95 / floorP95),
    propagation: summary(spread.delays),
    undelivered: spread.undelivered,
  };
};
const floorP95 = round(percentile(raw, 95));
const result = {
  annotators: ANNOTATORS,
  floor: { rawInsertP95: floorP95, clients: ANNOTATORS },
  paced: report(paced),
  flatOut: report(flatOut),
  refused,
  lost,
};
console.log(JSON.stringify(result, null, 2));
const ok =
  result.paced.write.p95 <= 250 &&
  result.paced.propagation.p95 <= 1000 &&
  result.paced.undelivered === 0 &&
  result.flatOut.undelivered === 0 &&
  lost === 0 &&
  refused === 0;
console.log(ok ? "team load: within targets" : "team load: MISSED a target");
process.exitCode = ok ? 0 : 1;
