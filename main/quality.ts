/**
 * Measuring the pre-annotator (`qawl quality`): the gold documents' texts go into a fresh
 * in-memory project, are pre-annotated there with a cue list, and the suggestions are
 * compared with the gold annotation (`core/preannotate/evaluate.ts`). The gold project or
 * file is only read.
 */
import { existsSync, readFileSync } from "node:fs";
import { readNativeJsonl } from "../core/formats/jsonl/native-read.ts";
import {
  canonicalDocument,
  writeNativeJsonl,
  type NativeDocument,
  type NativeHeader,
} from "../core/formats/native-jsonl.ts";
import { FormatError } from "../core/formats/format-error.ts";
import { QawlError } from "../core/errors.ts";
import type { CueLemma } from "../core/preannotate/cues.ts";
import { evaluate, type QualityReport } from "../core/preannotate/evaluate.ts";
import { ProjectStore } from "../db/project.ts";
import { sha256 } from "./import/read-files.ts";
import { createOperationTable } from "./ops/table.ts";

/** Gold documents (with their file's header) and the cue list that came with them (a project has one; a JSONL file does not). */
export interface Gold {
  header: NativeHeader;
  documents: NativeDocument[];
  cues: CueLemma[] | null;
}

/**
 * Read gold annotation: a native JSONL file (`.jsonl`) or a Qawl project.
 * @throws QawlError naming the file and the problem
 */
export async function readGold(path: string): Promise<Gold> {
  if (!existsSync(path)) throw new QawlError("not_found", `${path}: no such file`);
  if (path.endsWith(".jsonl")) {
    try {
      return { ...readNativeJsonl(readFileSync(path, "utf8"), sha256), cues: null };
    } catch (e) {
      if (e instanceof FormatError) throw new QawlError("bad_input", `${path}: ${e.message}`);
      throw e;
    }
  }
  const store = new ProjectStore(path);
  try {
    const table = createOperationTable(store, { annotator: "qawl-quality" });
    const exported = await table.exportDocuments({ format: "jsonl" });
    const content = exported.files[0]?.content ?? "";
    return { ...readNativeJsonl(content, sha256), cues: store.cueLemmas() };
  } finally {
    store.close();
  }
}

/**
 * Pre-annotate the gold texts in a scratch project and score the suggestions.
 * @param cues the cue list to use (default: the gold project's, else Qawl's default list)
 */
export async function measureQuality(gold: Gold, cues?: readonly CueLemma[]): Promise<QualityReport> {
  const store = new ProjectStore(":memory:");
  try {
    const table = createOperationTable(store, { annotator: "qawl-quality" });
    const chosen = cues ?? gold.cues;
    if (chosen !== null) table.setCueLemmas({ cues: [...chosen] });
    const bare = gold.documents.map((d) => canonicalDocument({ ...d, spans: [], relations: [] }));
    // The gold schema, but none of its entities: the pre-annotator starts from an empty registry.
    const header: NativeHeader = { ...gold.header, entities: [], annotators: [] };
    const file = writeNativeJsonl(header, bare);
    table.importDocuments({
      files: [{ name: "gold.jsonl", contentBase64: Buffer.from(file).toString("base64") }],
      format: "jsonl",
    });
    table.preannotate({});
    const exported = await table.exportDocuments({ format: "jsonl" });
    const predicted = readNativeJsonl(exported.files[0]?.content ?? "", sha256).documents;
    return evaluate(gold.documents, predicted);
  } finally {
    store.close();
  }
}

/** The report as a plain-text table (percentages with one decimal). */
export function formatQuality(report: QualityReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  const lines = [
    `${String(report.documents)} document${report.documents === 1 ? "" : "s"}`,
    `${"spans".padEnd(16)} ${"gold".padStart(5)} ${"found".padStart(5)}   exact: P      R      F1     overlap: P      R      F1`,
  ];
  for (const row of report.spans) {
    lines.push(
      `${row.name.padEnd(16)} ${String(row.exact.gold).padStart(5)} ${String(row.exact.predicted).padStart(5)}   ` +
        `${pct(row.exact.precision)} ${pct(row.exact.recall)} ${pct(row.exact.f1)}    ` +
        `${pct(row.overlap.precision)} ${pct(row.overlap.recall)} ${pct(row.overlap.f1)}`,
    );
  }
  const a = report.attribution;
  lines.push(
    `speaker attribution: ${String(a.correct)} of ${String(a.found)} found quotes with a gold speaker (${pct(a.accuracy).trim()})`,
  );
  return `${lines.join("\n")}\n`;
}
