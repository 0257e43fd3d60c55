/**
 * brat standoff (https://brat.nlplab.org/standoff.html): a document is a `.txt` file and an
 * `.ann` file whose offsets count characters (code points) of the `.txt` exactly,
 * end-exclusive, discontinuous spans as `start end;start end`. No fragment may hold a line
 * break (brat's server refuses the annotation), so a span crossing a line end is written as
 * fragments split at each line end, and read back whole. Lines:
 *   `T1<TAB>LABEL start end<TAB>text`, `R1<TAB>TYPE Arg1:T1 Arg2:T2`,
 *   `A1<TAB>NAME T1 VALUE`, `N1<TAB>Reference T1 DB:ID<TAB>name`,
 *   `#1<TAB>AnnotatorNotes T1<TAB>note`.
 * The schema goes to `annotation.conf`.
 */
import { WIKIDATA_ID_PATTERN, type LabelKind } from "../../labels.ts";
import { OffsetIndex } from "../../text/offsets.ts";
import { FormatError, requireLabelName } from "../format-error.ts";
import type { NativeDocument, NativeHeader } from "../native-jsonl.ts";
import type { Loss } from "../loss.ts";

/** A span read from an `.ann` file. */
export interface BratSpan {
  /** `T12` → 12 */
  id: string;
  label: string;
  fragments: { start: number; end: number }[];
  text: string;
  attributes: Record<string, string>;
  note?: string;
  /** Normalization to a knowledge base: `Wikidata:Q20087` and the name given. */
  reference?: { db: string; id: string; name: string };
}

/** A relation read from an `.ann` file. */
export interface BratRelation {
  id: string;
  type: string;
  from: string;
  to: string;
}

/** What an `.ann` file holds. */
export interface BratAnnotation {
  spans: BratSpan[];
  relations: BratRelation[];
}

/**
 * Read an `.ann` file against its `.txt`. Fragments of a `T` line with only whitespace
 * holding a line break between them (how brat must write a span crossing a line end) are
 * read as one contiguous span.
 * @param ann the `.ann` file's text
 * @param text the `.txt` file's text (offsets count its code points)
 * @throws FormatError with the line and reason of the first malformed line
 */
export function readBratAnn(ann: string, text: string): BratAnnotation {
  const offsets = new OffsetIndex(text);
  const spans = new Map<string, BratSpan>();
  const relations: BratRelation[] = [];
  const later: { line: number; fields: string[] }[] = [];
  ann.split(/\r?\n/u).forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === "") return;
    const fields = line.split("\t");
    const id = fields[0] ?? "";
    if (id.startsWith("T")) {
      const [head = "", spanText = ""] = fields.slice(1);
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/u.exec(head);
      if (m === null) throw new FormatError(n, `expected "LABEL start end" after ${id}`);
      requireLabelName(n, m[1] ?? "", `${id}: label`);
      const fragments = (m[2] ?? "").split(";").map((pair) => {
        const [start = 0, end = 0] = pair.split(" ").map(Number);
        if (end <= start || end > offsets.codePointLength) {
          throw new FormatError(n, `${id}: [${String(start)}, ${String(end)}) is not inside the text`);
        }
        return { start, end };
      });
      const sliced = fragments.map((f) => offsets.slice(f.start, f.end)).join(" ");
      if (sliced !== spanText) {
        throw new FormatError(
          n,
          `${id}: the text after the offsets is not the .txt at those offsets (are they code points?)`,
        );
      }
      const whole = joinLineEnds(fragments, offsets);
      const text = whole.map((f) => offsets.slice(f.start, f.end)).join(" ");
      spans.set(id, { id, label: m[1] ?? "", fragments: whole, text, attributes: {} });
    } else if (/^[RAN#]/u.test(id)) {
      later.push({ line: n, fields });
    } else if (/^[EM*]/u.test(id)) {
      throw new FormatError(n, `${id}: events and equivalences are not supported`);
    } else {
      throw new FormatError(n, `unknown annotation id "${id}"`);
    }
  });
  const span = (ref: string, n: number) => {
    const s = spans.get(ref);
    if (s === undefined) throw new FormatError(n, `refers to ${ref}, which is not a text-bound annotation here`);
    return s;
  };
  for (const { line: n, fields } of later) {
    const id = fields[0] ?? "";
    const parts = (fields[1] ?? "").split(" ");
    if (id.startsWith("R")) {
      const [type = "", a1 = "", a2 = ""] = parts;
      const from = /^Arg1:(T\d+)$/u.exec(a1)?.[1];
      const to = /^Arg2:(T\d+)$/u.exec(a2)?.[1];
      if (from === undefined || to === undefined)
        throw new FormatError(n, `expected "TYPE Arg1:T1 Arg2:T2" after ${id}`);
      requireLabelName(n, type, `${id}: relation type`);
      span(from, n);
      span(to, n);
      relations.push({ id, type, from, to });
    } else if (id.startsWith("A")) {
      const [name = "", ref = "", value = "true"] = parts;
      span(ref, n).attributes[name] = value;
    } else if (id.startsWith("N")) {
      const [kind = "", ref = "", target = ""] = parts;
      const [db = "", kbId = ""] = target.split(":");
      if (kind !== "Reference" || kbId === "") throw new FormatError(n, `expected "Reference T1 DB:ID" after ${id}`);
      if (db.toLowerCase() === "wikidata" && !WIKIDATA_ID_PATTERN.test(kbId)) {
        throw new FormatError(n, `${id}: ${JSON.stringify(kbId)} is not a Wikidata id (Q1234)`);
      }
      span(ref, n).reference = { db, id: kbId, name: fields[2] ?? "" };
    } else {
      const [kind = "", ref = ""] = parts;
      if (kind !== "AnnotatorNotes") throw new FormatError(n, `expected "AnnotatorNotes T1" after ${id}`);
      span(ref, n).note = fields[2] ?? "";
    }
  }
  return { spans: [...spans.values()], relations };
}

/** A line break: CRLF, CR or LF. */
const LINE_BREAK = /\r\n|\r|\n/gu;

/**
 * A fragment `[start, end)` split at each line break (CR, LF, CRLF) of the text: the line
 * breaks are in no piece, and a piece that would be empty or whitespace only is dropped.
 * @returns code point extents, in order
 */
export function splitAtLineEnds(
  fragment: { start: number; end: number },
  offsets: OffsetIndex,
): { start: number; end: number }[] {
  const inside = offsets.slice(fragment.start, fragment.end);
  const out: { start: number; end: number }[] = [];
  let from = fragment.start;
  const keep = (start: number, end: number) => {
    if (end > start && offsets.slice(start, end).trim() !== "") out.push({ start, end });
  };
  let cp = fragment.start;
  let last = 0;
  for (const m of inside.matchAll(LINE_BREAK)) {
    cp += [...inside.slice(last, m.index)].length;
    keep(from, cp);
    cp += m[0].length;
    from = cp;
    last = m.index + m[0].length;
  }
  keep(from, fragment.end);
  return out;
}

/**
 * Fragments joined again where only whitespace holding a line break lies between them (what
 * `splitAtLineEnds` cut apart).
 */
function joinLineEnds(
  fragments: readonly { start: number; end: number }[],
  offsets: OffsetIndex,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const f of fragments) {
    const previous = out.at(-1);
    const gap = previous === undefined || previous.end > f.start ? null : offsets.slice(previous.end, f.start);
    if (previous !== undefined && gap !== null && /[\r\n]/u.test(gap) && gap.trim() === "") previous.end = f.end;
    else out.push({ ...f });
  }
  return out;
}

/** One document written as brat standoff. */
export interface BratDocumentFiles {
  txt: string;
  ann: string;
  /** What brat could not hold, in words. */
  lost: Loss[];
}

/**
 * Write one document as brat standoff. Entities are written as normalizations (`N` lines):
 * to Wikidata when the entity has a QID, otherwise to the project's own registry (`Qawl:ID`).
 */
export function writeBratDocument(header: NativeHeader, doc: NativeDocument): BratDocumentFiles {
  const entities = new Map(header.entities.map((e) => [e.id, e]));
  const lines: string[] = [];
  const tOf = new Map<number, string>();
  let a = 0;
  let nIndex = 0;
  let note = 0;
  const lost: Loss[] = [];
  const offsets = new OffsetIndex(doc.text);
  let split = 0;
  let changed = 0;
  doc.spans.forEach((s, i) => {
    const t = `T${String(i + 1)}`;
    tOf.set(s.id, t);
    const fragments = s.fragments ?? [{ start: s.start, end: s.end }];
    // No fragment may hold a line break (brat refuses it): split at each line end.
    const pieces = fragments.flatMap((f) => splitAtLineEnds(f, offsets));
    const same = (list: readonly { start: number; end: number }[]) =>
      JSON.stringify(list.map((f) => [f.start, f.end])) === JSON.stringify(fragments.map((f) => [f.start, f.end]));
    if (!same(pieces)) split++;
    if (!same(joinLineEnds(pieces, offsets))) changed++;
    const text = pieces.map((f) => offsets.slice(f.start, f.end)).join(" ");
    const extents = pieces.map((f) => `${String(f.start)} ${String(f.end)}`).join(";");
    lines.push(`${t}\t${s.label} ${extents}\t${text}`);
  });
  doc.spans.forEach((s) => {
    const t = tOf.get(s.id) ?? "";
    for (const [name, value] of Object.entries(s.attributes)) lines.push(`A${String(++a)}\t${name} ${t} ${value}`);
    if (s.entity !== undefined) {
      const e = entities.get(s.entity);
      const target = e?.kb_id != null ? `Wikidata:${e.kb_id}` : `Qawl:${String(s.entity)}`;
      lines.push(`N${String(++nIndex)}\tReference ${t} ${target}\t${e?.name ?? ""}`);
    }
    if (s.note !== undefined) lines.push(`#${String(++note)}\tAnnotatorNotes ${t}\t${s.note.replace(/\r?\n/gu, " ")}`);
  });
  let r = 0;
  for (const rel of doc.relations) {
    const from = tOf.get(rel.from);
    if (rel.to !== undefined) {
      lines.push(`R${String(++r)}\t${rel.type} Arg1:${from ?? ""} Arg2:${tOf.get(rel.to) ?? ""}`);
    } else {
      const e = rel.to_entity === undefined ? undefined : entities.get(rel.to_entity);
      lost.push({ kind: "relation_kept_as_note", relation: rel.id, type: rel.type, entity: e?.name ?? "?" });
      lines.push(`#${String(++note)}\tAnnotatorNotes ${from ?? ""}\t${rel.type}: ${e?.name ?? ""}`);
    }
  }
  if (split > 0) lost.push({ kind: "split_at_line_ends", count: split, changed });
  return { txt: doc.text, ann: lines.length === 0 ? "" : lines.join("\n") + "\n", lost };
}

const CONF_SECTION: Readonly<Record<LabelKind, string>> = {
  quote: "entities",
  speaker: "entities",
  cue: "entities",
  entity: "entities",
  custom: "entities",
};

/** `annotation.conf` for a label schema (brat configuration, https://brat.nlplab.org/configuration.html). */
export function writeBratConf(header: NativeHeader): string {
  const entities = header.labels.filter((l) => CONF_SECTION[l.kind] === "entities").map((l) => l.name);
  const byKind = (kind: LabelKind) => header.labels.filter((l) => l.kind === kind).map((l) => l.name);
  const relations = header.relation_types.map((t) => {
    const from = byKind(t.from_kind).join("|") || "<ENTITY>";
    const to = byKind(t.to_kind).join("|") || "<ENTITY>";
    return `${t.name}\tArg1:${from}, Arg2:${to}`;
  });
  const attributes = header.labels.flatMap((l) =>
    l.attributes.map((a) => `${a.name}\tArg:${l.name}, Value:${a.values.join("|")}`),
  );
  return [
    "[entities]",
    ...entities,
    "",
    "[relations]",
    ...relations,
    "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    "",
    "[events]",
    "",
    "[attributes]",
    ...attributes,
    "",
  ].join("\n");
}
