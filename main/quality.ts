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
import { bootstrapIntervals, type Interval, type ReportIntervals } from "../core/preannotate/bootstrap.ts";
import { countAll, sumCounts, type QualityReport } from "../core/preannotate/evaluate.ts";
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

/** A gold set's figures and their 95 % bootstrap intervals over documents. */
export interface Measurement {
  report: QualityReport;
  intervals: ReportIntervals;
}

/** One column of `formatQuality`: a part of a gold set and its measurement. */
export interface MeasuredPart {
  /** `all`, `development`, `test`, or a gold file's name. */
  name: string;
  measurement: Measurement;
}

/**
 * Pre-annotate the gold texts in a scratch project and score the suggestions, with a 95 %
 * percentile bootstrap interval on every figure (`core/preannotate/bootstrap.ts`).
 * @param cues the cue list to use (default: the gold project's, else Qawl's default list)
 */
export async function measureQuality(gold: Gold, cues?: readonly CueLemma[]): Promise<Measurement> {
  const predicted = await predictGold(gold, cues);
  const counts = countAll(gold.documents, predicted);
  return { report: sumCounts(counts), intervals: bootstrapIntervals(counts) };
}

/**
 * The pre-annotator's suggestions for the gold texts, made in a fresh in-memory project that
 * holds those texts only (so one part of a split never sees another's names).
 * @param reviewed documents already reviewed in that project: imported with their annotation
 *   (people's quotes, their entities in the registry) before the gold texts, so that what
 *   their review teaches (`main/ops/review-model.ts`) applies; they are not pre-annotated
 * @returns the predicted documents, as native JSONL documents, in the order of `gold.documents`
 */
export async function predictGold(
  gold: Gold,
  cues?: readonly CueLemma[],
  reviewed: readonly NativeDocument[] = [],
): Promise<NativeDocument[]> {
  const store = new ProjectStore(":memory:");
  try {
    const table = createOperationTable(store, { annotator: "qawl-quality" });
    const chosen = cues ?? gold.cues;
    if (chosen !== null) table.setCueLemmas({ cues: [...chosen] });
    const load = (name: string, header: NativeHeader, documents: readonly NativeDocument[]) =>
      table.importDocuments({
        files: [{ name, contentBase64: Buffer.from(writeNativeJsonl(header, [...documents])).toString("base64") }],
        format: "jsonl",
      });
    if (reviewed.length > 0) {
      // The registry holds the reviewed documents' entities only.
      const used = new Set(
        reviewed.flatMap((d) => d.spans.flatMap((sp) => (sp.entity === undefined ? [] : [sp.entity]))),
      );
      load(
        "reviewed.jsonl",
        { ...gold.header, entities: gold.header.entities.filter((e) => used.has(e.id)) },
        reviewed,
      );
    }
    const before = new Set(table.listDocuments({}).map((d) => d.id));
    // Bare texts, not yet reviewed (a gold file marks its documents done).
    const bare = gold.documents.map((d) => canonicalDocument({ ...d, spans: [], relations: [], status: "new" }));
    // The gold schema, but none of its entities: the pre-annotator starts from an empty registry.
    load("gold.jsonl", { ...gold.header, entities: [], annotators: [] }, bare);
    const ids = table
      .listDocuments({})
      .map((d) => d.id)
      .filter((id) => !before.has(id));
    table.preannotate({ documentIds: ids });
    const exported = await table.exportDocuments({ format: "jsonl", documentIds: ids });
    return readNativeJsonl(exported.files[0]?.content ?? "", sha256).documents;
  } finally {
    store.close();
  }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const cell = (value: number, interval: Interval | undefined) =>
  interval === undefined ? pct(value) : `${pct(value)} [${pct(interval.low)}–${pct(interval.high)}]`;

/**
 * The measurements of one or more parts side by side, as a plain-text table: per label and
 * quote type, precision and recall by exact and by overlap match, each with its 95 % interval
 * in brackets, then speaker attribution. Percentages with one decimal.
 */
export function formatQuality(parts: readonly MeasuredPart[]): string {
  const width = 34;
  const first = 22;
  const line = (head: string, cells: string[]) =>
    `${head.padEnd(first)}${cells.map((c) => c.padEnd(width)).join("")}`.trimEnd();
  const lines = [
    line(
      "",
      parts.map(
        (p) =>
          `${p.name}: ${String(p.measurement.report.documents)} document${p.measurement.report.documents === 1 ? "" : "s"}`,
      ),
    ),
  ];
  const rows = parts[0]?.measurement.report.spans ?? [];
  rows.forEach((row, i) => {
    const of = (p: MeasuredPart) => ({ r: p.measurement.report.spans[i], iv: p.measurement.intervals.spans[i] });
    lines.push(
      line(
        row.name,
        parts.map((p) => {
          const { r } = of(p);
          return `gold ${String(r?.exact.gold ?? 0)}, found ${String(r?.exact.predicted ?? 0)}`;
        }),
      ),
    );
    for (const kind of ["exact", "overlap"] as const) {
      for (const key of ["precision", "recall"] as const) {
        lines.push(
          line(
            `  ${kind} ${key === "precision" ? "P" : "R"}`,
            parts.map((p) => {
              const { r, iv } = of(p);
              return r === undefined ? "" : cell(r[kind][key], iv?.[kind][key]);
            }),
          ),
        );
      }
    }
  });
  lines.push(
    line(
      "speaker of found",
      parts.map((p) => {
        const a = p.measurement.report.attribution;
        return `${cell(a.accuracy, p.measurement.intervals.attribution)} (${String(a.correct)}/${String(a.found)})`;
      }),
    ),
  );
  const level = parts[0]?.measurement.intervals.level ?? 0.95;
  lines.push(`[…]: ${String(Math.round(level * 100))}% percentile bootstrap interval over documents`);
  return `${lines.join("\n")}\n`;
}
