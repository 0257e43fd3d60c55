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
  const codings: Coding[] = [];
  for (const doc of documents) {
    const points = [...doc.text];
    for (const annotator of annotators) {
      const inside = new Uint8Array(points.length);
      for (const s of spans) {
        if (s.documentId !== doc.id || s.annotator !== annotator || s.label !== label) continue;
        for (const f of s.fragments) inside.fill(1, Math.max(0, f.start), Math.min(points.length, f.end));
      }
      points.forEach((ch, i) => {
        if (/\s/u.test(ch)) return;
        codings.push({ annotator, unit: `${String(doc.id)}:${String(i)}`, value: inside[i] === 1 ? INSIDE : OUTSIDE });
      });
    }
  }
  return codings;
}
