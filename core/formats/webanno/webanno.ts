/**
 * WebAnno TSV 3.3, the tab-separated format INCEpTION imports and exports
 * (https://inception-project.github.io/releases/latest/docs/user-guide.html#sect_formats_webannotsv).
 * One file per document: a header declaring the layers, then per sentence its `#Text=` lines
 * (one per line of the sentence's text) and one line per token:
 * `sentence-token<TAB>begin-end<TAB>token<TAB>features…<TAB>`, token text raw, each column
 * followed by a TAB, as INCEpTION's `Tsv3XSerializer` writes it.
 * Its offsets count UTF-16 code units (Java strings) — the one format in which Qawl writes
 * UTF-16 offsets, as the format requires.
 *
 * Layers: a span layer `webanno.custom.Qawl` with features `label`, `quoteType`, `entity`;
 * a relation layer `webanno.custom.QawlLink` with feature `type`, based on it. A span over
 * several tokens, or stacked on a token with another, carries `[id]` on each of its tokens; a
 * relation sits on its target's first token
 * and points to its source's first token (`sent-tok[sourceId_targetId]`).
 */
import { OffsetIndex } from "../../text/offsets.ts";
import { TOKENIZATION_NOTE, tokenize, type Token } from "../../text/tokens.ts";
import { LossCollector, documentFileName, type ExportInput, type Written } from "../export-types.ts";
import type { NativeDocument, NativeHeader } from "../native-jsonl.ts";

/** What INCEpTION escapes in a feature value (`Escaping.escapeValue`), each with a backslash. */
const VALUE_SPECIALS = /\\|\[|\]|\||_|->|;|\t|\n|\*/gu;

/**
 * Escape a feature value as INCEpTION does: `\ [ ] | _ -> ; *` get a backslash, TAB and LF
 * become `\t` and `\n`. Token text is never escaped (INCEpTION writes it raw).
 */
function escapeValue(value: string): string {
  return value.replace(VALUE_SPECIALS, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : `\\${c}`));
}

/**
 * Escape one line of a sentence for its `#Text=` line, as INCEpTION does
 * (`Escaping.escapeText`): TAB, LF, FF, CR, BS and backslash as `\t \n \f \r \b \\`, other
 * control characters below U+0020 with a backslash before them, except VT (U+000B), left as
 * it is. Line feeds never reach here: a sentence holding one is written as one `#Text=`
 * line per line, and readers join them with LF.
 */
function escapeTextLine(line: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is escaped
  return line.replace(/[\u0000-\u001F\\]/gu, (c) => {
    switch (c) {
      case "\t":
        return "\\t";
      case "\n":
        return "\\n";
      case "\f":
        return "\\f";
      case "\r":
        return "\\r";
      case "\b":
        return "\\b";
      case "\\":
        return "\\\\";
      case "\u000B":
        return c;
      default:
        return `\\${c}`;
    }
  });
}

interface Piece {
  /** The disambiguation id (`[n]`), or 0 when the annotation needs none. */
  annotationId: number;
  label: string;
  quoteType: string;
  entity: string;
  start: number;
  end: number;
  tokens: number[];
}

/** One document as WebAnno TSV 3.3. */
export function writeWebAnnoDocument(header: NativeHeader, doc: NativeDocument, losses: LossCollector): string {
  const entities = new Map(header.entities.map((e) => [e.id, e]));
  const offsets = new OffsetIndex(doc.text);
  const boundaries = doc.spans.flatMap((s) => (s.fragments ?? [s]).flatMap((f) => [f.start, f.end]));
  const sentences = tokenize(doc.text, boundaries, doc.spans);
  const tokens: (Token & { address: string })[] = sentences.flatMap((sentence, si) =>
    sentence.map((t, ti) => ({ ...t, address: `${String(si + 1)}-${String(ti + 1)}` })),
  );
  const pieces: Piece[] = [];
  const firstPieceOf = new Map<number, Piece>();
  for (const s of doc.spans) {
    for (const f of s.fragments ?? [s]) {
      const covered = tokens.flatMap((t, i) => (t.start >= f.start && t.end <= f.end ? [i] : []));
      const entity = s.entity === undefined ? undefined : entities.get(s.entity);
      const piece: Piece = {
        annotationId: 0,
        label: s.label,
        quoteType: s.attributes["type"] ?? "",
        entity: entity === undefined ? "" : (entity.kb_id ?? entity.name),
        start: f.start,
        end: f.end,
        tokens: covered,
      };
      pieces.push(piece);
      if (!firstPieceOf.has(s.id)) firstPieceOf.set(s.id, piece);
    }
  }
  const byToken = new Map<number, Piece[]>();
  for (const p of pieces) for (const t of p.tokens) byToken.set(t, [...(byToken.get(t) ?? []), p]);
  // INCEpTION gives a disambiguation id to every annotation over several tokens and to every
  // annotation stacked on a token with another of the same layer (Tsv3XCasDocumentBuilder).
  let nextId = 1;
  for (const p of pieces) {
    if (p.tokens.length > 1 || p.tokens.some((t) => (byToken.get(t)?.length ?? 0) > 1)) p.annotationId = nextId++;
  }
  const linksByToken = new Map<number, string[][]>();
  let carried = 0;
  for (const r of doc.relations) {
    const source = firstPieceOf.get(r.from);
    const target = r.to === undefined ? undefined : firstPieceOf.get(r.to);
    if (source === undefined || target === undefined) {
      carried++;
      continue;
    }
    const at = target.tokens[0];
    const sourceToken = source.tokens[0];
    if (at === undefined || sourceToken === undefined) continue;
    const ids =
      source.annotationId > 0 || target.annotationId > 0
        ? `[${String(source.annotationId)}_${String(target.annotationId)}]`
        : "";
    const list = linksByToken.get(at) ?? [];
    list.push([escapeValue(r.type), `${tokens[sourceToken]?.address ?? ""}${ids}`]);
    linksByToken.set(at, list);
  }
  const cell = (values: string[]) => (values.length === 0 ? "_" : values.join("|"));
  const feature = (p: Piece, value: string) => {
    const v = value === "" ? "*" : escapeValue(value);
    return p.annotationId > 0 ? `${v}[${String(p.annotationId)}]` : v;
  };
  const lines = [
    "#FORMAT=WebAnno TSV 3.3",
    "#T_SP=webanno.custom.Qawl|entity|label|quoteType",
    "#T_RL=webanno.custom.QawlLink|type|BT_webanno.custom.Qawl",
    "",
  ];
  let k = 0;
  for (const sentence of sentences) {
    const first = sentence[0];
    const last = sentence[sentence.length - 1];
    if (first === undefined || last === undefined) continue;
    lines.push(
      "",
      ...offsets
        .slice(first.start, last.end)
        .split("\n")
        .map((l) => `#Text=${escapeTextLine(l)}`),
    );
    for (const t of sentence) {
      const here = byToken.get(k) ?? [];
      const links = linksByToken.get(k) ?? [];
      const begin = offsets.toUtf16(t.start);
      const end = offsets.toUtf16(t.end);
      lines.push(
        [
          tokens[k]?.address ?? "",
          `${String(begin)}-${String(end)}`,
          offsets.slice(t.start, t.end),
          cell(here.map((p) => feature(p, p.entity))),
          cell(here.map((p) => feature(p, p.label))),
          cell(here.map((p) => feature(p, p.quoteType))),
          cell(links.map((l) => l[0] ?? "")),
          cell(links.map((l) => l[1] ?? "")),
          "",
        ].join("\t"),
      );
      k++;
    }
  }
  const split = doc.spans.filter((s) => s.fragments !== undefined).length;
  const noted = doc.spans.filter((s) => s.note !== undefined).length;
  losses.add(
    doc,
    ...(split > 0 ? [{ kind: "fragments", count: split, what: "quote", as: "annotations" } as const] : []),
    ...(carried > 0 ? [{ kind: "relations_to_entity", count: carried, why: null } as const] : []),
    ...(noted > 0 ? [{ kind: "notes", count: noted } as const] : []),
  );
  return lines.join("\n") + "\n";
}

/** A project as WebAnno TSV 3.3, one file per document. */
export function writeWebAnno(input: ExportInput): Written {
  const losses = new LossCollector("webanno", [
    "WebAnno TSV 3.3: offsets count UTF-16 code units, as the format requires",
    `layers webanno.custom.Qawl (entity, label, quoteType) and webanno.custom.QawlLink (type); ${TOKENIZATION_NOTE}`,
  ]);
  const files = input.documents.map((doc) => ({
    path: `${documentFileName(doc)}.tsv`,
    mediaType: "text/tab-separated-values",
    content: writeWebAnnoDocument(input.header, doc, losses),
  }));
  return { files, report: losses.report() };
}
