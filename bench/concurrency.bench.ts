/**
 * `npm run bench`: trust under concurrency and crashes (issue 14, points 1 and 2), on the
 * real `qawl serve` and CLI of this checkout (run `npm run build` first; `npm run bench` does).
 *
 * 1. Concurrency, for `QAWL_BENCH_SECONDS` (default 30): two browser tabs (HTTP clients with
 *    their own `X-Qawl-Client`) create, annotate and delete spans through `qawl serve`; a
 *    second writer on the same file (a worker thread with its own connection, as the desktop
 *    app or a script would) does the same in its own lines; the CLI imports documents one
 *    after another. Then every acknowledged write is checked in the file: each span there with
 *    its extent, label and last note (an edit that landed on another object would show here),
 *    each deleted one gone, each imported document there; and every refusal is counted, those
 *    saying "database is locked" (or busy) apart.
 * 2. Crashes: `QAWL_BENCH_KILLS` times (default 20), `qawl serve` is started, two tabs write
 *    spans as fast as it answers, and the server is killed with SIGKILL at a random moment.
 *    Afterwards every span whose creation was acknowledged must be in the file, and SQLite's
 *    `integrity_check` must say `ok`.
 * 3. Durability's price: writes per second with `synchronous = FULL` (Qawl's setting) and
 *    `NORMAL`, on the same file in the same run, and their ratio.
 *
 * Targets: 0 acknowledged writes lost, 0 edits on the wrong object, 0 "database is locked"
 * reaching a client, 0 corrupt files. Exit status 1 when one is missed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { ProjectStore } from "../db/project.ts";
import { createOperationTable } from "../main/ops/table.ts";
import { mulberry32 } from "./long-article.ts";

const BIN = fileURLToPath(new URL("../bin/qawl.mjs", import.meta.url));
const SECONDS = Number(process.env["QAWL_BENCH_SECONDS"] ?? 30);
const KILLS = Number(process.env["QAWL_BENCH_KILLS"] ?? 20);
const LINES = 20_000;
/** Writers own the lines whose number leaves their remainder by WRITERS (no two write one span). */
const WRITERS = 4;

/** The article every writer annotates: one line per span place, the first word of each. */
const lines = Array.from({ length: LINES }, (_, i) => `سطر ${String(i)} قال المتحدث إن الأمر واضح`);
const text = lines.join("\n");
const lineStart: number[] = [];
for (let i = 0, at = 0; i < LINES; i++) {
  lineStart.push(at);
  at += (lines[i] ?? "").length + 1;
}
/** The span place of line `i`: its first word, `سطر` (three code points). */
const place = (i: number) => ({ start: lineStart[i] ?? 0, end: (lineStart[i] ?? 0) + 3 });

/** What a writer was told was done. */
interface Acknowledged {
  /** Spans created and not deleted: id → extent and last note. */
  spans: Map<number, { start: number; end: number; note: string | null }>;
  /** Spans deleted. */
  deleted: Set<number>;
  /** Refusals and failures, by message. */
  refused: string[];
  /** Spans an edit or delete of which got no answer (the server was killed): either state is right. */
  inDoubt: Set<number>;
}

const newAcks = (): Acknowledged => ({ spans: new Map(), deleted: new Set(), refused: [], inDoubt: new Set() });

/** Whether a call got no answer at all (the server went away): it may or may not have landed. */
const unanswered = (reply: { ok: boolean; message?: string }) =>
  !reply.ok && (reply.message ?? "").startsWith("no answer");

/** One writer's loop over its lines, through `call`, until `until` (ms since the epoch). */
async function writeLoop(
  slot: number,
  until: number,
  call: (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; message?: string }>,
  documentId: number,
  acks: Acknowledged,
  from = 0,
  to = LINES / WRITERS,
): Promise<void> {
  const random = mulberry32(1000 + slot + from);
  let line = from * WRITERS + slot;
  const end = to * WRITERS;
  const mine: number[] = [];
  while (Date.now() < until && line < end) {
    const roll = random();
    if (roll < 0.6 || mine.length === 0) {
      const reply = await call("createSpan", { documentId, label: "MISC", ...place(line) });
      line += WRITERS;
      if (!reply.ok) {
        if (!unanswered(reply)) acks.refused.push(reply.message ?? "?");
        continue;
      }
      const id = (reply.value as { id: number }).id;
      acks.spans.set(id, { ...place(line - WRITERS), note: null });
      mine.push(id);
    } else if (roll < 0.85) {
      const id = mine[Math.floor(random() * mine.length)] ?? 0;
      const note = `note ${String(slot)}-${String(Math.floor(random() * 1e6))}`;
      const reply = await call("updateSpan", { spanId: id, note });
      if (unanswered(reply)) acks.inDoubt.add(id);
      else if (!reply.ok) acks.refused.push(reply.message ?? "?");
      else {
        const known = acks.spans.get(id);
        if (known !== undefined) known.note = note;
      }
    } else {
      const at = Math.floor(random() * mine.length);
      const id = mine[at] ?? 0;
      const reply = await call("deleteSpan", { spanId: id });
      if (unanswered(reply)) acks.inDoubt.add(id);
      else if (!reply.ok) acks.refused.push(reply.message ?? "?");
      else {
        mine.splice(at, 1);
        acks.spans.delete(id);
        acks.deleted.add(id);
      }
    }
  }
}

/** An HTTP client of `qawl serve` as a tab is: its token, its client id. */
function tab(url: string, client: string) {
  const parsed = new URL(url);
  const token = parsed.searchParams.get("token") ?? "";
  return async (name: string, input: unknown) => {
    try {
      const response = await fetch(new URL(`/api/${name}`, parsed), {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Qawl-Token": token, "X-Qawl-Client": client },
        body: JSON.stringify(input),
      });
      const reply = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (reply.ok) return { ok: true, value: reply.value };
      return { ok: false, message: reply.error?.message ?? String(response.status) };
    } catch (e) {
      return { ok: false, message: `no answer: ${(e as Error).message}` };
    }
  };
}

/** Start `qawl serve` on a project; its URL and process. */
async function serve(project: string, env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, "serve", "--project", project], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  for await (const line of createInterface({ input: child.stdout })) {
    const url = /http:\/\/\S+/u.exec(line)?.[0];
    if (url !== undefined) return { url, child };
  }
  throw new Error(`qawl serve printed no URL: ${stderr}`);
}

const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else {
      child.once("exit", () => {
        resolve();
      });
      child.kill(signal);
    }
  });

/** A project with the article, made in this process. */
function makeProject(path: string): number {
  const store = new ProjectStore(path);
  const table = createOperationTable(store, { annotator: "bench" });
  const report = table.importDocuments({
    files: [{ name: "lines.txt", contentBase64: Buffer.from(text).toString("base64") }],
  });
  store.close();
  return report.outcomes[0]?.documentId ?? 0;
}

/** What the file holds now: spans of a document (id → extent and note), documents' texts. */
function readBack(path: string, documentId: number) {
  const store = new ProjectStore(path);
  try {
    const answer = store.pragma("integrity_check");
    const integrity = Array.isArray(answer)
      ? String((answer[0] as { integrity_check?: string } | undefined)?.integrity_check)
      : String(answer);
    const table = createOperationTable(store, { annotator: "check" });
    const spans = new Map(table.getDocument({ documentId }).spans.map((s) => [s.id, s]));
    const titles = new Set(table.listDocuments({}).map((d) => d.title));
    return { integrity, spans, titles };
  } finally {
    store.close();
  }
}

/** Spans acknowledged but missing or different in the file, and deleted ones still there. */
function compare(acks: Acknowledged, spans: ReadonlyMap<number, { start: number; end: number; note: string | null }>) {
  let lost = 0;
  let wrong = 0;
  for (const [id, want] of acks.spans) {
    if (acks.inDoubt.has(id)) continue;
    const got = spans.get(id);
    if (got === undefined) lost++;
    else if (got.start !== want.start || got.end !== want.end || got.note !== want.note) wrong++;
  }
  let undeleted = 0;
  for (const id of acks.deleted) if (!acks.inDoubt.has(id) && spans.has(id)) undeleted++;
  return { lost, wrong, undeleted };
}

const isLocked = (message: string) => /database is locked|SQLITE_BUSY|busy/iu.test(message);

/** The second writer on the file: a worker thread with its own connection. */
function secondWriter(): void {
  const { path, documentId, until, slot } = workerData as {
    path: string;
    documentId: number;
    until: number;
    slot: number;
  };
  const store = new ProjectStore(path);
  const table = createOperationTable(store, { annotator: "desk", client: () => "desktop-2" });
  const acks = newAcks();
  const call = (name: string, input: unknown) => {
    try {
      const run = (table as unknown as Record<string, (i: unknown) => unknown>)[name];
      return Promise.resolve({ ok: true, value: run?.(input) });
    } catch (e) {
      return Promise.resolve({ ok: false, message: (e as Error).message });
    }
  };
  void writeLoop(slot, until, call, documentId, acks).then(() => {
    store.close();
    parentPort?.postMessage({ spans: [...acks.spans], deleted: [...acks.deleted], refused: acks.refused });
  });
}

async function concurrency(dir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const path = join(dir, "concurrency.qawl");
  const documentId = makeProject(path);
  const { url, child } = await serve(path, env);
  const until = Date.now() + SECONDS * 1000;
  const tabs = [newAcks(), newAcks()];
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { path, documentId, until, slot: 2 } });
  const second = new Promise<Acknowledged>((resolve, reject) => {
    worker.once(
      "message",
      (m: {
        spans: [number, { start: number; end: number; note: string | null }][];
        deleted: number[];
        refused: string[];
      }) => {
        resolve({ spans: new Map(m.spans), deleted: new Set(m.deleted), refused: m.refused, inDoubt: new Set() });
      },
    );
    worker.once("error", reject);
  });
  // The CLI imports one document after another meanwhile.
  const imported: string[] = [];
  const importRefusals: string[] = [];
  const cli = (async () => {
    for (let k = 0; Date.now() < until; k++) {
      const name = join(dir, `import-${String(k)}.txt`);
      writeFileSync(name, `وثيقة مستوردة رقم ${String(k)}\n\nقال المتحدث إن الأمر ${String(k)} واضح.`);
      const run = spawn(process.execPath, [BIN, "import", "--project", path, name], { env });
      let stderr = "";
      run.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => run.once("exit", resolve));
      if (status === 0) imported.push(`وثيقة مستوردة رقم ${String(k)}`);
      else importRefusals.push(stderr.trim());
    }
  })();
  await Promise.all([
    writeLoop(0, until, tab(url, "tab-1"), documentId, tabs[0] ?? newAcks()),
    writeLoop(1, until, tab(url, "tab-2"), documentId, tabs[1] ?? newAcks()),
    cli,
  ]);
  const desk = await second;
  await stopped(child, "SIGTERM");
  const all = [...tabs, desk];
  const back = readBack(path, documentId);
  const counts = all.map((a) => compare(a, back.spans));
  const sum = (f: (c: { lost: number; wrong: number; undeleted: number }) => number) =>
    counts.reduce((n, c) => n + f(c), 0);
  const refusals = [...all.flatMap((a) => a.refused), ...importRefusals];
  const writes = all.reduce((n, a) => n + a.spans.size + a.deleted.size, 0);
  const missingImports = imported.filter((title) => !back.titles.has(title)).length;
  const result = {
    seconds: SECONDS,
    acknowledgedSpanWrites: writes,
    notesChecked: all.reduce((n, a) => n + [...a.spans.values()].filter((s) => s.note !== null).length, 0),
    cliImports: imported.length,
    lost: sum((c) => c.lost) + missingImports,
    wrongObject: sum((c) => c.wrong),
    deletedStillThere: sum((c) => c.undeleted),
    lockedReachingAClient: refusals.filter(isLocked).length,
    otherRefusals: refusals.filter((m) => !isLocked(m)).length,
    integrity: back.integrity,
  };
  console.log("concurrency (2 tabs through qawl serve, a second connection, the CLI importing):");
  console.log(JSON.stringify(result, null, 2));
  for (const m of [...new Set(refusals)].slice(0, 5)) console.log(`  refusal: ${m}`);
  return (
    result.lost === 0 &&
    result.wrongObject === 0 &&
    result.deletedStillThere === 0 &&
    result.lockedReachingAClient === 0 &&
    result.integrity === "ok"
  );
}

async function crashes(dir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const path = join(dir, "crash.qawl");
  const documentId = makeProject(path);
  const random = mulberry32(20261203);
  const acks = [newAcks(), newAcks()];
  let corrupt = 0;
  let lost = 0;
  // Each round writes its own lines: 250 places per writer.
  for (let round = 0; round < Math.min(KILLS, LINES / WRITERS / 250); round++) {
    const { url, child } = await serve(path, env);
    const until = Date.now() + 60_000;
    const writing = acks.map((a, slot) =>
      writeLoop(slot, until, tab(url, `crash-${String(slot)}`), documentId, a, round * 250, round * 250 + 250),
    );
    await new Promise((resolve) => setTimeout(resolve, 200 + random() * 1500));
    await stopped(child, "SIGKILL");
    await Promise.all(writing);
    const back = readBack(path, documentId);
    if (back.integrity !== "ok") corrupt++;
    lost = acks.reduce((n, a) => n + compare(a, back.spans).lost, 0);
  }
  const writes = acks.reduce((n, a) => n + a.spans.size + a.deleted.size, 0);
  const result = { kills: KILLS, acknowledgedSpanWrites: writes, lost, corrupt };
  console.log("crashes (qawl serve killed with SIGKILL while two tabs write):");
  console.log(JSON.stringify(result, null, 2));
  return lost === 0 && corrupt === 0;
}

/** Writes per second on one file with `synchronous` NORMAL and FULL, in this run. */
function durability(dir: string): void {
  const rate = (mode: "NORMAL" | "FULL") => {
    const path = join(dir, `sync-${mode}.qawl`);
    const documentId = makeProject(path);
    const store = new ProjectStore(path);
    store.pragma(`synchronous = ${mode}`);
    const table = createOperationTable(store, { annotator: "bench" });
    const started = performance.now();
    const n = 400;
    for (let i = 0; i < n; i++) table.createSpan({ documentId, label: "MISC", ...place(i) });
    const seconds = (performance.now() - started) / 1000;
    store.close();
    return n / seconds;
  };
  const normal = rate("NORMAL");
  const full = rate("FULL");
  console.log("durability (span writes per second, one file, this run):");
  console.log(
    JSON.stringify(
      { normal: Math.round(normal), full: Math.round(full), fullOverNormal: Number((full / normal).toFixed(2)) },
      null,
      2,
    ),
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "qawl-trust-"));
  const env = { ...process.env, XDG_DATA_HOME: dir };
  try {
    const calm = await concurrency(dir, env);
    const safe = await crashes(dir, env);
    durability(dir);
    if (!calm || !safe) {
      console.log("MISSED: an acknowledged write was lost or wrong, a lock reached a client, or a file was corrupt");
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else secondWriter();
