/**
 * spaCy export (layout in docs/formats.md): two files that hold the same documents.
 *
 * `spacy.jsonl`, one document a line:
 * `{"text", "words": [...], "spaces": [...], "ents": [[start, end, "LABEL"], …],
 *   "spans": {"sc": [[start, end, "LABEL"], …]}, "sc_info": [{…}, …], "relations": [{…}, …],
 *   "entities": [{…}, …], "meta": {…}}`
 * - `words`/`spaces` are the arguments of `Doc(nlp.vocab, words=…, spaces=…)`
 *   (`core/text/spacy-words.ts`): the Doc's text is `text` exactly (line ends, runs of
 *   spaces) and every span and fragment boundary falls between two words, so
 *   `doc.char_span(start, end, label)` with spaCy's default strict alignment finds every
 *   span of `ents` and `spans["sc"]`. (spaCy's own tokenizer keeps `و` and its noun, or
 *   `".` after a quote, as one token: do not re-tokenize the text.)
 * - `ents`: the flat, non-overlapping names (as `Doc.ents` requires); `spans["sc"]`: every
 *   span, a discontinuous span as one entry per fragment; offsets count code points and the
 *   label is Qawl's.
 * - `sc_info[i]` describes `spans["sc"][i]`: `{"span": Qawl span id, "fragment": its index
 *   when the span is discontinuous, "attributes": {"type": "direct", …}, "entity": entity id,
 *   "note"}` (absent keys are not there).
 * - `relations`: `{"type", "head": i, "child": j}` with indices into `spans["sc"]` (a
 *   discontinuous span is its first fragment), or `{"type", "head": i, "entity": {"id",
 *   "name", "kb_id"}}` for a relation to an entity (a carried-over speaker). `head` is the
 *   relation's source (the quote), `child` its target (speaker, cue).
 * - `entities`: the entities this document links to, `{"id", "name", "type", "aliases",
 *   "kb_id"}`; `meta`: `{"id", "title", "published", "source", "url"}`.
 *
 * `spacy.spacy`, a DocBin (`spacy-docbin.ts`): `DocBin().from_disk(path).get_docs(vocab)`
 * gives the same words, `ents` (with `kb_id_`) and `spans["sc"]` (each span's `id_` its Qawl
 * span id, `kb_id_` its entity's Wikidata id), and `doc.user_data["qawl"]` holds `sc_info`,
 * `relations`, `entities` and `meta` as in the JSONL (arrays as tuples).
 *
 * What neither holds: a span cannot be discontinuous in spaCy (fragments are separate spans
 * sharing one `sc_info` span id), and a name that overlaps another is only in `spans["sc"]`.
 */
import { spacyWords } from "../../text/spacy-words.ts";
import { LossCollector, kindOf, type ExportInput, type Written } from "../export-types.ts";
import type { Loss } from "../loss.ts";
import type { NativeDocument, NativeHeader } from "../native-jsonl.ts";
import { writeDocBin, type DocBinDoc, type DocBinSpan } from "./spacy-docbin.ts";

/** What `sc_info` says of one entry of `spans["sc"]`. */
interface ScInfo {
  span: number;
  fragment?: number;
  attributes: Record<string, string>;
  entity?: number;
  note?: string;
}

/** A relation of a spaCy line. */
type SpacyRelation =
  | { type: string; head: number; child: number }
  | { type: string; head: number; entity: { id: number; name: string; kb_id: string | null } };

/** One document, laid out for spaCy. */
interface SpacyLine {
  text: string;
  words: string[];
  spaces: boolean[];
  ents: [number, number, string][];
  spans: { sc: [number, number, string][] };
  sc_info: ScInfo[];
  relations: SpacyRelation[];
  entities: NativeHeader["entities"];
  meta: { id: number; title: string; published: string | null; source: string | null; url: string | null };
}

const NOTE =
  'offsets count code points; each spacy.jsonl line has "words" and "spaces" for Doc(nlp.vocab, words=…, spaces=…), whose text is the document\'s exactly and which split at every span boundary, so doc.char_span(start, end, label) finds every span with the default strict alignment (do not re-tokenize with nlp(text)); ents are the non-overlapping names, spans["sc"] every span, sc_info[i] the Qawl span id, fragment, attributes, entity and note of spans["sc"][i], relations join indices into spans["sc"] or name an entity; spacy.spacy is the same as a DocBin, with sc_info, relations, entities and meta in Doc.user_data["qawl"]';

/** Write a project as `spacy.jsonl` and the `spacy.spacy` DocBin. */
export function writeSpacy(input: ExportInput): Written {
  const kind = kindOf(input.header);
  const entities = new Map(input.header.entities.map((e) => [e.id, e]));
  const losses = new LossCollector("spacy", [NOTE]);
  const bins: DocBinDoc[] = [];
  const lines = input.documents.map((doc) => {
    const { line, bin, lost } = layOut(doc, kind, entities);
    losses.add(doc, ...lost);
    bins.push(bin);
    return JSON.stringify(line);
  });
  return {
    files: [
      {
        path: "spacy.jsonl",
        mediaType: "application/x-ndjson",
        content: lines.join("\n") + (lines.length > 0 ? "\n" : ""),
      },
      { path: "spacy.spacy", mediaType: "application/octet-stream", content: writeDocBin(bins) },
    ],
    report: losses.report(),
  };
}

function layOut(
  doc: NativeDocument,
  kind: (label: string) => string | undefined,
  entities: Map<number, NativeHeader["entities"][number]>,
): { line: SpacyLine; bin: DocBinDoc; lost: Loss[] } {
  const sc: [number, number, string][] = [];
  const info: ScInfo[] = [];
  const binSpans: DocBinSpan[] = [];
  const firstIndex = new Map<number, number>();
  for (const s of doc.spans) {
    const parts = s.fragments ?? [{ start: s.start, end: s.end }];
    firstIndex.set(s.id, sc.length);
    const kbId = (s.entity !== undefined ? entities.get(s.entity)?.kb_id : null) ?? "";
    parts.forEach((f, i) => {
      sc.push([f.start, f.end, s.label]);
      info.push({
        span: s.id,
        ...(s.fragments !== undefined ? { fragment: i } : {}),
        attributes: { ...s.attributes },
        ...(s.entity !== undefined ? { entity: s.entity } : {}),
        ...(s.note !== undefined ? { note: s.note } : {}),
      });
      binSpans.push({ start: f.start, end: f.end, label: s.label, kbId, id: String(s.id) });
    });
  }

  const names = doc.spans
    .filter((s) => kind(s.label) === "entity" && s.fragments === undefined)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const ents: [number, number, string][] = [];
  const binEnts: DocBinSpan[] = [];
  let end = -1;
  let skipped = 0;
  for (const s of names) {
    if (s.start < end) skipped++;
    else {
      ents.push([s.start, s.end, s.label]);
      const kbId = (s.entity !== undefined ? entities.get(s.entity)?.kb_id : null) ?? "";
      binEnts.push({ start: s.start, end: s.end, label: s.label, kbId, id: String(s.id) });
      end = s.end;
    }
  }

  const relations: SpacyRelation[] = [];
  const linked = new Set<number>(doc.spans.flatMap((s) => (s.entity !== undefined ? [s.entity] : [])));
  for (const r of doc.relations) {
    const head = firstIndex.get(r.from);
    if (head === undefined) continue;
    if (r.to !== undefined) {
      const child = firstIndex.get(r.to);
      if (child !== undefined) relations.push({ type: r.type, head, child });
    } else if (r.to_entity !== undefined) {
      const e = entities.get(r.to_entity);
      linked.add(r.to_entity);
      relations.push({
        type: r.type,
        head,
        entity: { id: r.to_entity, name: e?.name ?? "", kb_id: e?.kb_id ?? null },
      });
    }
  }

  const words = spacyWords(
    doc.text,
    sc.map(([s]) => s),
    sc.map(([, e]) => e),
  );
  const docEntities = [...linked]
    .sort((a, b) => a - b)
    .flatMap((id) => {
      const e = entities.get(id);
      return e !== undefined ? [e] : [];
    });
  const meta = {
    id: doc.id,
    title: doc.title,
    published: doc.published?.iso ?? null,
    source: doc.source,
    url: doc.url,
  };
  const line: SpacyLine = {
    text: doc.text,
    words: words.words,
    spaces: words.spaces,
    ents,
    spans: { sc },
    sc_info: info,
    relations,
    entities: docEntities,
    meta,
  };
  const bin: DocBinDoc = {
    words: words.words,
    spaces: words.spaces,
    starts: words.starts,
    ents: binEnts,
    spanGroups: { sc: binSpans },
    userData: { qawl: { sc_info: info, relations, entities: docEntities, meta } },
  };

  const lost: Loss[] = [];
  if (skipped > 0) lost.push({ kind: "overlapping_names", count: skipped, where: "ents" });
  const split = doc.spans.filter((s) => s.fragments !== undefined);
  const quotes = split.filter((s) => kind(s.label) === "quote").length;
  if (quotes > 0) lost.push({ kind: "fragments", count: quotes, what: "quote", as: "spans" });
  if (split.length > quotes) lost.push({ kind: "fragments", count: split.length - quotes, what: "span", as: "spans" });
  return { line, bin, lost };
}
