/**
 * Arabic folding for matching names and search (design §3): the stored text is never
 * changed; only the compared strings are folded.
 *
 * Folded: harakat and other combining marks of the Arabic block (U+064B–U+065F, U+0670,
 * U+06D6–U+06ED), tatweel (U+0640), alef forms (أ إ آ ٱ → ا), ta marbuta (ة → ه), alef
 * maqsura (ى → ي), directional marks and joiners (U+200B–U+200F, U+061C, U+202A–U+202E,
 * U+2066–U+2069); Latin letters are lowercased and runs of whitespace become one space.
 */

const DROPPED = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

/** `text` folded for comparison (see the module comment). */
export function foldArabic(text: string): string {
  return text
    .replace(DROPPED, "")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ة/gu, "ه")
    .replace(/ى/gu, "ي")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}
