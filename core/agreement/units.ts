/**
 * The units agreement is computed over (docs/guidelines.md, "Agreement"): for one label,
 * every non-whitespace code point of every document, coded by each annotator as inside one
 * of their spans of that label or not. Each label is scored on its own, so overlapping and
 * nested spans (a Speaker inside a Quote) are never dropped. Offsets count code points.
 */
import type { Coding } from "./coefficients.ts";

/** The part of a span agreement needs. */
export interface AnnotatedSpan {
  documentId: number;
  annotator: string;
  label: string;
  /** Pieces in code points, end-exclusive (one for a contiguous span). */
  fragments: readonly { start: number; end: number }[];
}

/** A document's id and text. */
export interface UnitDocument {
  id: number;
  text: string;
}

/** The value of a code point inside a span of the label. */
export const INSIDE = "in";
/** The value of a code point outside every span of the label. */
export const OUTSIDE = "out";

/** What units are: every non-whitespace code point, or every token. */
export type UnitKind = "codepoint" | "token";

/**
 * Tokens of a text as code point ranges: runs of letters, marks, digits and `_`, and every
 * other non-whitespace character alone (so `"قال:` is three tokens). Arabic proclitics stay
 * inside their word, as in ANERcorp's untokenised text.
 */
export function tokenRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let offset = 0;
  let wordStart = -1;
  for (const ch of text) {
    const word = /[\p{L}\p{M}\p{N}_]/u.test(ch);
    if (wordStart >= 0 && !word) {
      out.push({ start: wordStart, end: offset });
      wordStart = -1;
    }
    if (word && wordStart < 0) wordStart = offset;
    else if (!word && !/\s/u.test(ch)) out.push({ start: offset, end: offset + 1 });
    offset++;
  }
  if (wordStart >= 0) out.push({ start: wordStart, end: offset });
  return out;
}

/** A document with the layers that annotated it (each codes every one of its units). */
export interface LayeredDocument extends UnitDocument {
  layers: readonly string[];
}

/**
 * For `label`: each layer's coding of the units of the documents it annotated — `in` when
 * the unit is inside one of its spans of that label (a token: when any of its code points
 * is), else `out`. Unit ids are `<document id>:<first code point offset>`.
 */
export function layerUnits(
  documents: readonly LayeredDocument[],
  spans: readonly AnnotatedSpan[],
  label: string,
  kind: UnitKind,
): Coding[] {
  const codings: Coding[] = [];
  for (const doc of documents) {
    const points = [...doc.text];
    const units =
      kind === "token"
        ? tokenRanges(doc.text)
        : points.flatMap((ch, i) => (/\s/u.test(ch) ? [] : [{ start: i, end: i + 1 }]));
    for (const annotator of doc.layers) {
      const inside = new Uint8Array(points.length + 1);
      for (const s of spans) {
        if (s.documentId !== doc.id || s.annotator !== annotator || s.label !== label) continue;
        for (const f of s.fragments) inside.fill(1, Math.max(0, f.start), Math.min(points.length, f.end));
      }
      for (const u of units) {
        const isIn = inside.subarray(u.start, u.end).includes(1);
        codings.push({ annotator, unit: `${String(doc.id)}:${String(u.start)}`, value: isIn ? INSIDE : OUTSIDE });
      }
    }
  }
  return codings;
}

/**
 * For `label`: each annotator's coding of every non-whitespace code point of `documents`
 * (`in` inside one of their spans of that label, else `out`). Unit ids are
 * `<document id>:<code point offset>`.
 * @param annotators who coded these documents (each codes every unit)
 */
export function codePointUnits(
  documents: readonly UnitDocument[],
  spans: readonly AnnotatedSpan[],
  annotators: readonly string[],
  label: string,
): Coding[] {
  return layerUnits(
    documents.map((d) => ({ ...d, layers: annotators })),
    spans,
    label,
    "codepoint",
  );
}
