/**
 * `npm run bench:interop`: import and export throughput on a large native JSONL file —
 * 10,000 articles (62 MB with their spans) built with a fixed seed from ANERcorp sentences, with
 * 200,000 spans — against two floors:
 * - import: documents per second through `importDocuments` (reading, checking every line
 *   against the schema and every span against the text, storing) beside the same rows
 *   inserted raw with better-sqlite3 in one transaction into the same tables and indexes;
 * - export: bytes per second through `exportDocuments` beside a bare `JSON.stringify` of the
 *   same data — from the document lines the project keeps, and again with every line rebuilt.
 * Targets: import within 3× of the raw insert; export within 2× of the bare serialization.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { NativeDocument, NativeHeader } from "../core/formats/native-jsonl.ts";
import { ProjectStore } from "../db/project.ts";
import { sha256 } from "../main/import/read-files.ts";
import { createOperationTable } from "../main/ops/table.ts";
import { longArticle, mulberry32 } from "./long-article.ts";

const DOCUMENTS = Number(process.env["QAWL_BENCH_DOCUMENTS"] ?? 10_000);
const SPANS_PER_DOCUMENT = 20;
const NOW = "2026-11-29T00:00:00.000Z";

// One long article of real sentences, cut into 10,000 articles of ~200 tokens (~3 KB each).
const random = mulberry32(20261130);
const source = longArticle(20261130, 1200, 0, 0);
const sentences = source.text.split("\n\n").slice(1).join(" ").split(" . ");
const labels = ["PER", "ORG", "LOC", "MISC", "SPEAKER", "CUE"];
const header: NativeHeader = {
  format: "qawl",
  version: 1,
  offset_unit: "codepoint",
  labels: ["QUOTE", ...labels].map((name) => ({
    name,
    kind: name === "QUOTE" ? "quote" : name === "SPEAKER" ? "speaker" : name === "CUE" ? "cue" : "entity",
    display_name: name,
    key: null,
    color: "#888888",
    attributes: [],
    retired: false,
  })),
  relation_types: [{ name: "attributed_to", display_name: "Speaker", from_kind: "quote", to_kind: "speaker" }],
  entities: [],
  annotators: [{ id: 1, name: "bench" }],
};
let nextSpan = 1;
const documents: NativeDocument[] = [];
for (let d = 0; d < DOCUMENTS; d++) {
  const parts: string[] = [`خبر رقم ${String(d + 1)}`];
  while (parts.join("\n\n").length < 1100) parts.push(sentences[Math.floor(random() * sentences.length)] ?? "");
  const text = parts.join("\n\n");
  const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => {
    const start = [...text.slice(0, m.index)].length;
    return { start, end: start + [...m[0]].length, text: m[0] };
  });
  const spans = Array.from({ length: SPANS_PER_DOCUMENT }, (_, i) => {
    const w = words[Math.floor((i / SPANS_PER_DOCUMENT) * words.length)] ?? {
      start: 0,
      end: 1,
      text: text.slice(0, 1),
    };
    return {
      id: nextSpan++,
      label: i === 0 ? "QUOTE" : (labels[i % labels.length] ?? "PER"),
      start: w.start,
      end: w.end,
      text: w.text,
      attributes: {},
      annotator: "bench",
      created_at: NOW,
      updated_at: NOW,
    };
  });
  documents.push({
    id: d + 1,
    title: parts[0] ?? "",
    published: null,
    source: `bench-${String(d + 1)}.txt`,
    url: null,
    lang: "ar",
    text,
    text_sha256: sha256(text),
    had_bom: false,
    status: "new",
    created_at: NOW,
    updated_at: NOW,
    spans,
    relations: [],
  });
}
const file = [JSON.stringify(header), ...documents.map((doc) => JSON.stringify(doc))].join("\n") + "\n";
const spanCount = documents.reduce((n, d) => n + d.spans.length, 0);
const dir = mkdtempSync(join(tmpdir(), "qawl-bench-"));

// Import through the operation table.
const store = new ProjectStore(join(dir, "import.qawl"));
const table = createOperationTable(store, { annotator: "bench", now: () => NOW });
// The host hands files over in base64 (the contract's form); encoding them is the host's work.
const contentBase64 = Buffer.from(file).toString("base64");
let t = performance.now();
table.importDocuments({ files: [{ name: "bench.jsonl", contentBase64 }] });
const importMs = performance.now() - t;

// The same rows, inserted raw into a project with the same schema.
new ProjectStore(join(dir, "raw.qawl")).close();
const raw = new Database(join(dir, "raw.qawl"));
raw.pragma("journal_mode = WAL");
raw.pragma("foreign_keys = ON");
raw.pragma("synchronous = NORMAL");
const insertDocument = raw.prepare(
  `INSERT INTO documents (id, title, lang, text, text_sha256, had_bom, length, status, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, 0, ?, 'new', ?, ?)`,
);
const labelIds = new Map(
  (raw.prepare("SELECT id, name FROM labels").all() as { id: number; name: string }[]).map((l) => [l.name, l.id]),
);
raw.prepare("INSERT INTO annotators (id, name, created_at) VALUES (1, 'bench', ?)").run(NOW);
const insertSpan = raw.prepare(
  `INSERT INTO spans (id, document_id, label_id, start, "end", attributes, annotator_id, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, '{}', 1, ?, ?)`,
);
t = performance.now();
raw.transaction(() => {
  for (const doc of documents) {
    insertDocument.run(doc.id, doc.title, doc.lang, doc.text, doc.text_sha256, [...doc.text].length, NOW, NOW);
    for (const s of doc.spans) insertSpan.run(s.id, doc.id, labelIds.get(s.label) ?? 4, s.start, s.end, NOW, NOW);
  }
})();
const rawMs = performance.now() - t;
raw.close();

// Export through the operation table, and a bare serialization of the same data.
t = performance.now();
const exported = await table.exportDocuments({ format: "jsonl" });
const exportMs = performance.now() - t;
const bytes = Buffer.byteLength(exported.files[0]?.content ?? "");
// The same export with no document line kept: every line rebuilt from the tables.
store.clearExportLines();
t = performance.now();
await table.exportDocuments({ format: "jsonl" });
const coldExportMs = performance.now() - t;
t = performance.now();
const bare = [JSON.stringify(header), ...documents.map((doc) => JSON.stringify(doc))].join("\n") + "\n";
const bareMs = performance.now() - t;
store.close();
rmSync(dir, { recursive: true, force: true });

const round = (n: number) => Math.round(n * 10) / 10;
const report = {
  input: { documents: DOCUMENTS, spans: spanCount, megabytes: round(Buffer.byteLength(file) / 1e6) },
  import: {
    ms: round(importMs),
    documentsPerSecond: Math.round(DOCUMENTS / (importMs / 1000)),
    rawInsertMs: round(rawMs),
    rawDocumentsPerSecond: Math.round(DOCUMENTS / (rawMs / 1000)),
    ratio: round(importMs / rawMs),
  },
  export: {
    ms: round(exportMs),
    megabytesPerSecond: round(bytes / 1e6 / (exportMs / 1000)),
    bareStringifyMs: round(bareMs),
    bareMegabytesPerSecond: round(Buffer.byteLength(bare) / 1e6 / (bareMs / 1000)),
    ratio: round(exportMs / bareMs),
    rebuiltMs: round(coldExportMs),
    rebuiltRatio: round(coldExportMs / bareMs),
  },
  targets: { importRatio: 3, exportRatio: 2 },
};
console.log(JSON.stringify(report, null, 2));
const ok = report.import.ratio <= 3 && report.export.ratio <= 2;
console.log(ok ? "targets met" : "targets NOT met");
process.exitCode = ok ? 0 : 1;
