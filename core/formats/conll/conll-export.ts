/**
 * CoNLL export. A document imported from a CoNLL file is written back in its own dialect,
 * with its own tokens and non-token lines (a file with several `-DOCSTART-` documents is
 * written as one file again). Any other document gets one tab-separated file with one tag
 * column per layer — token, QUOTE, SPEAKER, CUE, NER (last, where CoNLL readers look) — in
 * IOB2, so a name inside a quote keeps both tags; tokens and sentences come from
 * `tokenize`. Reading such a file back restores every layer.
 */
import { OffsetIndex } from "../../text/offsets.ts";
import { TOKENIZATION_NOTE, tokenize, type Token } from "../../text/tokens.ts";
import { tagsFor, writeConll, type ConllToken } from "./conll.ts";
import {
  LossCollector,
  documentFileName,
  kindOf,
  type ExportFile,
  type ExportInput,
  type Written,
} from "../export-types.ts";
import type { NativeDocument, NativeSpan } from "../native-jsonl.ts";
import type { ConllOrigin } from "../origin.ts";
import type { Loss } from "../loss.ts";

/** The tag columns of a document that brings no CoNLL origin, and the label kinds each holds. */
export const CONLL_LAYERS: readonly { name: string; kinds: readonly string[] }[] = [
  { name: "QUOTE", kinds: ["quote"] },
  { name: "SPEAKER", kinds: ["speaker"] },
  { name: "CUE", kinds: ["cue"] },
  // Last, where CoNLL readers look for the named-entity tag.
  { name: "NER", kinds: ["entity", "custom"] },
];

/**
 * The spans one tag column can hold, each whole or not at all: spans are taken in text order
 * (earlier first, then longer, then older), and a span any of whose pieces shares a token
 * with a piece already taken — crossing or nested — is left out whole, as is a span that
 * covers no token. Never truncates a span.
 * @param tokens the column's tokens (code point extents), in order
 * @returns the pieces to tag, and the spans left out
 */
export function columnSpans(
  spans: readonly NativeSpan[],
  tokens: readonly { start: number; end: number }[],
): { pieces: { label: string; start: number; end: number }[]; left: NativeSpan[] } {
  // Tokens are in order: the first one ending after the piece's start, by bisection.
  const tokenRange = (p: { start: number; end: number }) => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tokens[mid]?.end ?? 0) <= p.start) lo = mid + 1;
      else hi = mid;
    }
    let last = lo - 1;
    while (last + 1 < tokens.length && (tokens[last + 1]?.start ?? Infinity) < p.end) last++;
    return last < lo ? { first: -1, last: -1 } : { first: lo, last };
  };
  const ranged = spans.map((s) => ({ span: s, ranges: (s.fragments ?? [s]).map(tokenRange) }));
  const order = (r: (typeof ranged)[number]) => ({
    first: Math.min(...r.ranges.map((x) => x.first)),
    length: r.ranges.reduce((n, x) => n + x.last - x.first + 1, 0),
  });
  ranged.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x.first - y.first || y.length - x.length || a.span.id - b.span.id;
  });
  const taken = new Set<number>();
  const pieces: { label: string; start: number; end: number }[] = [];
  const left: NativeSpan[] = [];
  for (const { span, ranges } of ranged) {
    const indices = ranges.flatMap((r) =>
      r.first < 0 ? [] : Array.from({ length: r.last - r.first + 1 }, (_, k) => r.first + k),
    );
    if (ranges.some((r) => r.first < 0) || indices.some((i) => taken.has(i))) {
      left.push(span);
      continue;
    }
    for (const i of indices) taken.add(i);
    for (const f of span.fragments ?? [span]) pieces.push({ label: span.label, start: f.start, end: f.end });
  }
  left.sort((a, b) => a.start - b.start || a.id - b.id);
  return { pieces, left };
}

/** The loss of the spans a column left out (none when it kept them all). */
function leftOut(layer: string, left: readonly NativeSpan[]): Loss[] {
  return left.length === 0
    ? []
    : [
        {
          kind: "spans_left_out",
          why: "column",
          layer,
          spans: left.map((s) => ({ label: s.label, text: s.text })),
        },
      ];
}

/** Pieces whose ends do not fall on token boundaries. */
function offTokens(list: readonly { start: number; end: number }[], tokens: readonly Token[]): number {
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  return list.filter((p) => !starts.has(p.start) || !ends.has(p.end)).length;
}

/** Losses every CoNLL document shares: relations, entity links, attributes, notes, fragments. */
function commonLosses(doc: NativeDocument): Loss[] {
  const lost: Loss[] = [];
  if (doc.relations.length > 0) lost.push({ kind: "relations", count: doc.relations.length, why: "conll" });
  const linked = doc.spans.filter((s) => s.entity !== undefined).length;
  if (linked > 0) lost.push({ kind: "entity_links", count: linked, why: "conll" });
  const attributed = doc.spans.filter((s) => Object.keys(s.attributes).length > 0).length;
  if (attributed > 0) lost.push({ kind: "attributes", count: attributed, example: true });
  const noted = doc.spans.filter((s) => s.note !== undefined).length;
  if (noted > 0) lost.push({ kind: "notes", count: noted });
  const split = doc.spans.filter((s) => s.fragments !== undefined).length;
  if (split > 0) lost.push({ kind: "fragments", count: split, what: "span", as: "spans" });
  return lost;
}

/** Write a document that came from CoNLL, with the tags of its entity-layer spans. */
function fromOrigin(
  doc: NativeDocument,
  origin: ConllOrigin,
  entityLabels: Set<string>,
  kindOf: (label: string) => string | undefined,
  losses: LossCollector,
) {
  const offsets = new OffsetIndex(doc.text);
  const tokens: (ConllToken & { line: number })[] = [];
  let line = 0;
  let lastEnd = 0;
  for (const [i, [start, end]] of origin.tokens.entries()) {
    if (/[\n]/u.test(offsets.slice(lastEnd, start))) line++;
    lastEnd = end;
    tokens.push({
      text: offsets.slice(start, end),
      middle: origin.middle?.[String(i)] ?? [],
      tag: "O",
      start,
      end,
      line,
    });
  }
  const sentences: ConllToken[][] = [];
  for (const t of tokens) (sentences[t.line] ??= []).push(t);
  const namedSpans = doc.spans.filter((s) => entityLabels.has(s.label));
  const named = columnSpans(namedSpans, tokens);
  const columnLosses: Loss[] = [];
  // Layer columns (QUOTE, SPEAKER, CUE from Qawl's own export) are written from the spans again.
  const layerKinds = new Set<string>(Object.values(origin.layers ?? {}));
  for (const [column, layerKind] of Object.entries(origin.layers ?? {})) {
    const layer = columnSpans(
      doc.spans.filter((s) => kindOf(s.label) === layerKind),
      tokens,
    );
    columnLosses.push(...leftOut(layerKind.toUpperCase(), layer.left));
    const tags = tagsFor(tokens, layer.pieces, origin.dialect.tagScheme);
    tokens.forEach((t, i) => {
      t.middle = t.middle.map((value, c) => (String(c) === column ? (tags[i] ?? "O") : value));
    });
  }
  const others = doc.spans.filter((s) => !entityLabels.has(s.label) && !layerKinds.has(kindOf(s.label) ?? "")).length;
  losses.add(
    doc,
    ...commonLosses(doc),
    ...(others > 0 ? [{ kind: "other_spans", count: others, why: "dialect" } as const] : []),
    ...columnLosses,
    ...leftOut("NER", named.left),
    ...(offTokens(named.pieces, tokens) > 0
      ? [{ kind: "off_tokens", count: offTokens(named.pieces, tokens) } as const]
      : []),
  );
  return {
    sentences: sentences.filter((s) => s.length > 0),
    extraLines: origin.extra_lines.map(([at, text]) => ({ at, text })),
    tags: tagsFor(tokens, named.pieces, origin.dialect.tagScheme),
  };
}

/** Write a document without a CoNLL origin: token, then one IOB2 column per layer. */
function multiLayer(input: ExportInput, doc: NativeDocument, losses: LossCollector): string {
  const kind = kindOf(input.header);
  const boundaries = doc.spans.flatMap((s) => (s.fragments ?? [s]).flatMap((f) => [f.start, f.end]));
  const sentences = tokenize(doc.text, boundaries, doc.spans);
  const offsets = new OffsetIndex(doc.text);
  const tokens = sentences.flat();
  const columns = CONLL_LAYERS.map((layer) => {
    const kept = columnSpans(
      doc.spans.filter((s) => layer.kinds.includes(kind(s.label) ?? "custom")),
      tokens,
    );
    losses.add(doc, ...leftOut(layer.name, kept.left));
    return tagsFor(tokens, kept.pieces, "IOB2");
  });
  losses.add(doc, ...commonLosses(doc), { kind: "retokenized" });
  const lines: string[] = [];
  let k = 0;
  sentences.forEach((sentence, si) => {
    if (si > 0) lines.push("");
    for (const token of sentence) {
      const text = offsets.slice(token.start, token.end).replace(/\t/gu, " ");
      lines.push([text, ...columns.map((c) => c[k] ?? "O")].join("\t"));
      k++;
    }
  });
  return lines.join("\n") + "\n";
}

/** CoNLL files for a project: documents from CoNLL files as those files, the rest one file each. */
export function writeConllFiles(input: ExportInput): Written {
  const kind = kindOf(input.header);
  const entityLabels = new Set(input.header.labels.filter((l) => kind(l.name) === "entity").map((l) => l.name));
  const losses = new LossCollector("conll", [
    "documents imported from CoNLL are written back in their own dialect, with their own tokens",
    `other documents: columns token, ${CONLL_LAYERS.map((l) => l.name).join(", ")} (IOB2), tab-separated, a blank line between sentences; ${TOKENIZATION_NOTE}`,
  ]);
  const files: ExportFile[] = [];
  const byFile = new Map<string, { doc: NativeDocument; origin: ConllOrigin }[]>();
  for (const doc of input.documents) {
    const origin = doc.origin;
    if (origin?.format === "conll") {
      const list = byFile.get(origin.file) ?? [];
      list.push({ doc, origin });
      byFile.set(origin.file, list);
    } else {
      files.push({
        path: `${documentFileName(doc)}.conll`,
        mediaType: "text/plain",
        content: multiLayer(input, doc, losses),
      });
    }
  }
  for (const [file, docs] of byFile) {
    docs.sort((a, b) => a.origin.index - b.origin.index);
    const dialect = docs[0]?.origin.dialect;
    if (dialect === undefined) continue;
    const content = writeConll(
      dialect,
      docs.map(({ doc, origin }) => fromOrigin(doc, origin, entityLabels, kind, losses)),
    );
    files.push({ path: file.replace(/^.*[/\\]/u, ""), mediaType: "text/plain", content });
  }
  return { files, report: losses.report() };
}
