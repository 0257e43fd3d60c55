/**
 * doccano JSONL (https://doccano.github.io/doccano/). Two layouts, one object a line:
 * - sequence labeling: `{"id", "text", "label": [[start, end, "LABEL"], …]}`;
 * - relation extraction: `{"id", "text", "entities": [{"id", "label", "start_offset",
 *   "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}]}`.
 * Offsets count code points, as doccano's backend (Python) does; its front end counts UTF-16
 * units, which is why a file from doccano is checked by the reader.
 */
import { LossCollector, type ExportInput, type Written } from "./export-types.ts";
import { FormatError } from "./format-error.ts";
import type { Loss } from "./loss.ts";

/** Which doccano layout. */
export type DoccanoVariant = "relations" | "spans";

/** Write a project as doccano JSONL. */
export function writeDoccano(input: ExportInput, variant: DoccanoVariant = "relations"): Written {
  const losses = new LossCollector("doccano", [
    `doccano ${variant === "relations" ? "relation extraction" : "sequence labeling"} layout; offsets count code points (doccano's backend unit)`,
  ]);
  const lines = input.documents.map((doc) => {
    const split = doc.spans.filter((s) => s.fragments !== undefined);
    const lost: Loss[] = [];
    if (split.length > 0) lost.push({ kind: "fragments", count: split.length, what: "quote", as: "spans" });
    const linked = doc.spans.filter((s) => s.entity !== undefined).length;
    if (linked > 0) lost.push({ kind: "entity_links", count: linked, why: null });
    const attributed = doc.spans.filter((s) => Object.keys(s.attributes).length > 0).length;
    if (attributed > 0) lost.push({ kind: "attributes", count: attributed, example: true });
    const noted = doc.spans.filter((s) => s.note !== undefined).length;
    if (noted > 0) lost.push({ kind: "notes", count: noted });
    const pieces = doc.spans.flatMap((s) =>
      (s.fragments ?? [s]).map((f, i) => ({
        span: s,
        id: i === 0 ? s.id : s.id * 1000 + i,
        start: f.start,
        end: f.end,
      })),
    );
    if (variant === "spans") {
      if (doc.relations.length > 0) lost.push({ kind: "relations", count: doc.relations.length, why: "sequence" });
      losses.add(doc, ...lost);
      return JSON.stringify({ id: doc.id, text: doc.text, label: pieces.map((p) => [p.start, p.end, p.span.label]) });
    }
    const toEntity = doc.relations.filter((r) => r.to === undefined).length;
    if (toEntity > 0) lost.push({ kind: "relations_to_entity", count: toEntity, why: "doccano" });
    losses.add(doc, ...lost);
    return JSON.stringify({
      id: doc.id,
      text: doc.text,
      entities: pieces.map((p) => ({ id: p.id, label: p.span.label, start_offset: p.start, end_offset: p.end })),
      relations: doc.relations
        .filter((r) => r.to !== undefined)
        .map((r) => ({ id: r.id, from_id: r.from, to_id: r.to, type: r.type })),
    });
  });
  return {
    files: [{ path: "doccano.jsonl", mediaType: "application/x-ndjson", content: lines.join("\n") + "\n" }],
    report: losses.report(),
  };
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
          relations.push({ from: r["from_id"], to: r["to_id"], type: r["type"] });
        }
      }
    }
    docs.push({ line: n, text, spans, relations });
  });
  if (docs.length === 0) throw new FormatError(null, "no documents in the file");
  return docs;
}
