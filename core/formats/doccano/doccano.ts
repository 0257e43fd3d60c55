/**
 * doccano JSONL (https://doccano.github.io/doccano/). Two layouts, one object a line:
 * - sequence labeling: `{"id", "text", "label": [[start, end, "LABEL"], …]}`;
 * - relation extraction: `{"id", "text", "entities": [{"id", "label", "start_offset",
 *   "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}`.
 * Offsets count code points, as doccano's backend (Python) does; its front end counts UTF-16
 * units, which is why a file from doccano is checked by the reader.
 *
 * A doccano project made with its defaults does not allow overlapping spans: its import drops
 * them without a word, and a relation to a dropped span makes the import fail. So when spans
 * overlap, `doccano.jsonl` (everything; needs "Allow overlapping entity") comes with
 * `doccano-no-overlap.jsonl` for default projects, where each overlapping span is left out
 * whole with every relation it joins, each named in the loss report.
 */
import { LossCollector, type ExportFile, type ExportInput, type Written } from "../export-types.ts";
import { FormatError, requireLabelName } from "../format-error.ts";
import type { Loss } from "../loss.ts";
import type { NativeDocument, NativeSpan } from "../native-jsonl.ts";

/** Which doccano layout. */
export type DoccanoVariant = "relations" | "spans";

/** The file for doccano projects that do not allow overlapping entities (the default). */
export const DOCCANO_NO_OVERLAP_FILE = "doccano-no-overlap.jsonl";

/** A span's piece as a doccano entity: one per fragment, the first with the span's id. */
interface Piece {
  span: NativeSpan;
  id: number;
  start: number;
  end: number;
}

/**
 * The spans kept when none may overlap, each whole or not at all: taken earlier first, then
 * longer, then older; a span any of whose pieces overlaps a kept piece is left out.
 * @returns the ids of the spans left out
 */
function overlappingLeftOut(pieces: readonly Piece[]): Set<number> {
  const bySpan = new Map<number, Piece[]>();
  for (const p of pieces) bySpan.set(p.span.id, [...(bySpan.get(p.span.id) ?? []), p]);
  const spans = [...bySpan.values()].map((list) => ({
    list,
    first: Math.min(...list.map((p) => p.start)),
    length: list.reduce((n, p) => n + p.end - p.start, 0),
    id: list[0]?.span.id ?? 0,
  }));
  spans.sort((a, b) => a.first - b.first || b.length - a.length || a.id - b.id);
  const kept: Piece[] = [];
  const left = new Set<number>();
  for (const s of spans) {
    if (s.list.some((p) => kept.some((k) => p.start < k.end && k.start < p.end))) left.add(s.id);
    else kept.push(...s.list);
  }
  return left;
}

/** Write a project as doccano JSONL. */
export function writeDoccano(input: ExportInput, variant: DoccanoVariant = "relations"): Written {
  const layout = `doccano ${variant === "relations" ? "relation extraction" : "sequence labeling"} layout; offsets count code points (doccano's backend unit)`;
  const perDocument: [NativeDocument, Loss[]][] = [];
  const losses = { add: (doc: NativeDocument, ...lost: Loss[]) => perDocument.push([doc, lost]) };
  const defaults: string[] = [];
  let overlapping = 0;
  let related = 0;
  const lines = input.documents.map((doc) => {
    const split = doc.spans.filter((s) => s.fragments !== undefined);
    const lost: Loss[] = [];
    // Relations join one span id each end: a split span's are written from (or to) its first fragment.
    const splitIds = new Set(split.map((s) => s.id));
    const firstOnly =
      variant === "relations" &&
      doc.relations.some((r) => r.to !== undefined && (splitIds.has(r.from) || splitIds.has(r.to)));
    if (split.length > 0)
      lost.push({
        kind: "fragments",
        count: split.length,
        what: "quote",
        as: "spans",
        ...(firstOnly ? { links: "first" as const } : {}),
      });
    const linked = doc.spans.filter((s) => s.entity !== undefined).length;
    if (linked > 0) lost.push({ kind: "entity_links", count: linked, why: null });
    const attributed = doc.spans.filter((s) => Object.keys(s.attributes).length > 0).length;
    if (attributed > 0) lost.push({ kind: "attributes", count: attributed, example: true });
    const noted = doc.spans.filter((s) => s.note !== undefined).length;
    if (noted > 0) lost.push({ kind: "notes", count: noted });
    const pieces: Piece[] = doc.spans.flatMap((s) =>
      (s.fragments ?? [s]).map((f, i) => ({
        span: s,
        id: i === 0 ? s.id : s.id * 1000 + i,
        start: f.start,
        end: f.end,
      })),
    );
    const left = overlappingLeftOut(pieces);
    if (left.size > 0) overlapping++;
    const kept = pieces.filter((p) => !left.has(p.span.id));
    const leftLoss: Loss[] =
      left.size === 0
        ? []
        : [
            {
              kind: "spans_left_out",
              why: "doccano_overlap",
              layer: null,
              spans: doc.spans.filter((s) => left.has(s.id)).map((s) => ({ label: s.label, text: s.text })),
            },
          ];
    if (variant === "spans") {
      if (doc.relations.length > 0) lost.push({ kind: "relations", count: doc.relations.length, why: "sequence" });
      losses.add(doc, ...lost, ...leftLoss);
      const line = (list: Piece[]) =>
        JSON.stringify({ id: doc.id, text: doc.text, label: list.map((p) => [p.start, p.end, p.span.label]) });
      return { all: line(pieces), noOverlap: line(kept) };
    }
    const toEntity = doc.relations.filter((r) => r.to === undefined).length;
    if (toEntity > 0) lost.push({ kind: "relations_to_entity", count: toEntity, why: "doccano" });
    const relations = doc.relations.flatMap((r) =>
      r.to === undefined ? [] : [{ id: r.id, from_id: r.from, to_id: r.to, type: r.type }],
    );
    if (relations.length > 0) related++;
    const keptRelations = relations.filter((r) => !left.has(r.from_id) && !left.has(r.to_id));
    const relationLoss: Loss[] =
      keptRelations.length === relations.length
        ? []
        : [
            {
              kind: "relations_left_out",
              count: relations.length - keptRelations.length,
              file: DOCCANO_NO_OVERLAP_FILE,
            },
          ];
    losses.add(doc, ...lost, ...leftLoss, ...relationLoss);
    const line = (list: Piece[], rels: typeof relations) =>
      JSON.stringify({
        id: doc.id,
        text: doc.text,
        entities: list.map((p) => ({ id: p.id, label: p.span.label, start_offset: p.start, end_offset: p.end })),
        relations: rels,
      });
    return { all: line(pieces, relations), noOverlap: line(kept, keptRelations) };
  });
  if (overlapping > 0) {
    defaults.push(
      `doccano.jsonl holds overlapping spans (${String(overlapping)} of ${String(input.documents.length)} documents): import it into a doccano project with "Allow overlapping entity" ticked; for a project with doccano's defaults import ${DOCCANO_NO_OVERLAP_FILE}, where each overlapping span is left out whole with the relations it joins`,
    );
  }
  if (related > 0) {
    defaults.push(
      `the relations need a doccano project with "Use relation labeling" ticked${overlapping > 0 ? " (both files)" : ""}`,
    );
  }
  // One note: the layout, then the project settings the data needs.
  const collector = new LossCollector("doccano", [[layout, ...defaults].join("; ")]);
  for (const [doc, lost] of perDocument) collector.add(doc, ...lost);
  const files: ExportFile[] = [
    {
      path: "doccano.jsonl",
      mediaType: "application/x-ndjson",
      content: lines.map((l) => l.all).join("\n") + "\n",
    },
  ];
  if (overlapping > 0) {
    files.push({
      path: DOCCANO_NO_OVERLAP_FILE,
      mediaType: "application/x-ndjson",
      content: lines.map((l) => l.noOverlap).join("\n") + "\n",
    });
  }
  return { files, report: collector.report() };
}

/** A document read from doccano JSONL. */
export interface DoccanoDocument {
  line: number;
  text: string;
  spans: { id: number; label: string; start: number; end: number }[];
  relations: { from: number; to: number; type: string }[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const isOffset = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/**
 * Read doccano JSONL (either layout).
 * @throws FormatError with the line and the reason
 */
export function readDoccano(content: string): DoccanoDocument[] {
  const docs: DoccanoDocument[] = [];
  content.split(/\r?\n/u).forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new FormatError(n, `not JSON (${(e as Error).message})`);
    }
    if (!isRecord(value) || typeof value["text"] !== "string")
      throw new FormatError(n, 'expected an object with a "text"');
    const text = value["text"];
    const length = [...text].length;
    const spans: DoccanoDocument["spans"] = [];
    const check = (start: unknown, end: unknown, label: unknown, where: string) => {
      if (!isOffset(start) || !isOffset(end) || typeof label !== "string" || end <= start || end > length) {
        throw new FormatError(n, `${where}: expected start < end ≤ ${String(length)} and a label`);
      }
      requireLabelName(n, label, `${where}: label`);
    };
    const labelList = value["label"] ?? value["labels"];
    if (Array.isArray(labelList)) {
      labelList.forEach((item: unknown, k) => {
        if (!Array.isArray(item)) throw new FormatError(n, `label ${String(k + 1)}: expected [start, end, label]`);
        const [start, end, label] = item as unknown[];
        check(start, end, label, `label ${String(k + 1)}`);
        spans.push({ id: k + 1, label: label as string, start: start as number, end: end as number });
      });
    }
    const entities = value["entities"];
    const relations: DoccanoDocument["relations"] = [];
    if (Array.isArray(entities)) {
      for (const [k, e] of entities.entries()) {
        if (!isRecord(e) || typeof e["id"] !== "number")
          throw new FormatError(n, `entity ${String(k + 1)}: expected an id`);
        check(e["start_offset"], e["end_offset"], e["label"], `entity ${String(e["id"])}`);
        spans.push({
          id: e["id"],
          label: e["label"] as string,
          start: e["start_offset"] as number,
          end: e["end_offset"] as number,
        });
      }
      const ids = new Set(spans.map((s) => s.id));
      const rels = value["relations"];
      if (Array.isArray(rels)) {
        for (const [k, r] of rels.entries()) {
          if (
            !isRecord(r) ||
            typeof r["from_id"] !== "number" ||
            typeof r["to_id"] !== "number" ||
            typeof r["type"] !== "string"
          ) {
            throw new FormatError(n, `relation ${String(k + 1)}: expected from_id, to_id and type`);
          }
          if (!ids.has(r["from_id"]) || !ids.has(r["to_id"])) {
            throw new FormatError(n, `relation ${String(k + 1)}: refers to an entity that is not on this line`);
          }
          requireLabelName(n, r["type"], `relation ${String(k + 1)}: type`);
          relations.push({ from: r["from_id"], to: r["to_id"], type: r["type"] });
        }
      }
    }
    docs.push({ line: n, text, spans, relations });
  });
  if (docs.length === 0) throw new FormatError(null, "no documents in the file");
  return docs;
}
