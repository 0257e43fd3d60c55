/**
 * What a curator walks through (docs/guidelines.md, "Layers and adjudication"): the spans of
 * two layers in one document, grouped where they overlap (spans of the same label kind
 * sharing a code point, transitively), and for each group whether the layers agree on it —
 * the same labels, extents, quote types, speakers, cues and linked entities — and whether
 * the gold layer already holds an adjudication of it (a gold span of that kind inside the
 * group's extent). Offsets are code points.
 */
import type { RelationView, SpanView } from "../contract.ts";

/** What two layers' versions of a group differ in. */
export type Difference = "missing" | "extent" | "label" | "type" | "speaker" | "cue" | "entity";

/** One group of overlapping spans of two layers. */
export interface CurationItem {
  /** Stable while the spans are: `<kind>:<start>-<end>`. */
  key: string;
  /** The label kind (`quote`, `speaker`, `cue`, `entity`). */
  kind: string;
  start: number;
  end: number;
  /** The first layer's spans in the group, then the second's, each by start. */
  a: SpanView[];
  b: SpanView[];
  /** Empty when the layers agree. */
  differences: Difference[];
  /** The gold layer holds a span of this kind inside the group's extent. */
  adjudicated: boolean;
}

const fragmentsOf = (s: SpanView) => s.fragments ?? [{ start: s.start, end: s.end }];
const extentKey = (s: SpanView) =>
  fragmentsOf(s)
    .map((f) => `${String(f.start)}-${String(f.end)}`)
    .join(",");

/**
 * The groups of `document`'s spans of layers `a` and `b`, in text order.
 * @param kindOf a span's label kind
 * @param gold the gold layer's name
 */
export function curationItems(
  document: { spans: readonly SpanView[]; relations: readonly RelationView[] },
  a: string,
  b: string,
  kindOf: (span: SpanView) => string | undefined,
  gold: string,
): CurationItem[] {
  const byId = new Map(document.spans.map((s) => [s.id, s]));
  const linked = (s: SpanView, type: string) =>
    document.relations.find((r) => r.fromSpanId === s.id && r.type === type);
  const speakerOf = (s: SpanView): string => {
    const r = linked(s, "attributed_to");
    if (r === undefined) return "none";
    if (r.toEntityId !== null) return `entity:${String(r.toEntityId)}`;
    const to = r.toSpanId === null ? undefined : byId.get(r.toSpanId);
    if (to === undefined) return "none";
    return to.entityId !== null ? `entity:${String(to.entityId)}` : `text:${to.text}`;
  };
  const cueOf = (s: SpanView): string => {
    const r = linked(s, "cue");
    const to = r?.toSpanId == null ? undefined : byId.get(r.toSpanId);
    return to === undefined ? "none" : extentKey(to);
  };
  const reviewed = document.spans.filter((s) => s.suggested === null);
  const items: CurationItem[] = [];
  const kinds = [...new Set(reviewed.map((s) => kindOf(s) ?? ""))];
  for (const kind of kinds) {
    const pool = reviewed
      .filter((s) => (s.annotator === a || s.annotator === b) && kindOf(s) === kind)
      .sort((x, y) => x.start - y.start || y.end - x.end);
    // Spans sorted by start: a group runs while the next span starts before the group ends.
    let group: SpanView[] = [];
    let end = -1;
    const close = () => {
      if (group.length === 0) return;
      const start = Math.min(...group.map((s) => s.start));
      const stop = Math.max(...group.map((s) => s.end));
      const first = group.filter((s) => s.annotator === a);
      const second = group.filter((s) => s.annotator === b);
      const differences = new Set<Difference>();
      if (first.length === 0 || second.length === 0 || first.length !== second.length) differences.add("missing");
      const sig = (list: SpanView[], f: (s: SpanView) => string) => list.map(f).sort().join("|");
      if (sig(first, extentKey) !== sig(second, extentKey)) differences.add("extent");
      if (sig(first, (s) => s.label) !== sig(second, (s) => s.label)) differences.add("label");
      if (kind === "quote") {
        if (sig(first, (s) => s.attributes["type"] ?? "") !== sig(second, (s) => s.attributes["type"] ?? ""))
          differences.add("type");
        if (sig(first, speakerOf) !== sig(second, speakerOf)) differences.add("speaker");
        if (sig(first, cueOf) !== sig(second, cueOf)) differences.add("cue");
      }
      if (kind === "entity" || kind === "speaker") {
        const entity = (s: SpanView) => String(s.entityId);
        if (sig(first, entity) !== sig(second, entity)) differences.add("entity");
      }
      if (first.length === 0 || second.length === 0) {
        differences.delete("extent");
        differences.delete("label");
        differences.delete("type");
        differences.delete("speaker");
        differences.delete("cue");
        differences.delete("entity");
      }
      const adjudicated = reviewed.some(
        (s) => s.annotator === gold && kindOf(s) === kind && s.start < stop && s.end > start,
      );
      items.push({
        key: `${kind}:${String(start)}-${String(stop)}`,
        kind,
        start,
        end: stop,
        a: first,
        b: second,
        differences: [...differences],
        adjudicated,
      });
      group = [];
    };
    for (const s of pool) {
      if (group.length > 0 && s.start >= end) close();
      group.push(s);
      end = Math.max(end, s.end);
      if (group.length === 1) end = s.end;
    }
    close();
  }
  return items.sort((x, y) => x.start - y.start || y.end - x.end);
}
