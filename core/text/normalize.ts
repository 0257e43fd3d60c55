/**
 * Arabic folding for matching names and search (ARCHITECTURE.md §3): the stored text is never
 * changed; only the compared strings are folded, and a folded shadow of a text keeps a map
 * back to the text's code point offsets.
 *
 * Folded: harakat and other combining marks of the Arabic block (U+064B–U+065F, U+0670,
 * U+06D6–U+06ED), tatweel (U+0640), alef forms (أ إ آ ٱ → ا), ta marbuta (ة → ه), alef
 * maqsura (ى → ي), directional marks and joiners (U+200B–U+200F, U+061C, U+202A–U+202E,
 * U+2066–U+2069); Latin letters are lowercased and runs of whitespace become one space.
 */

/** Marks that belong to the letter before them: dropped, and a match ending at that letter covers them. */
const MARKS = /^[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]$/u;
/** Invisible controls: dropped, and never part of a match's edge. */
const CONTROLS = /^[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069]$/u;
const LETTER_MAP: Readonly<Record<string, string>> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ة: "ه", ى: "ي" };

/**
 * A folded copy of a text with maps back to the text. Indices into `folded` are UTF-16
 * units; the maps give code point offsets into the original text.
 */
export interface Shadow {
  /** The folded text (not trimmed; each run of whitespace is one space). */
  folded: string;
  /** `starts[i]`: code point offset where the character behind `folded[i]` begins; `starts[folded.length]` is the text's length. */
  starts: Int32Array;
  /** `ends[i]`: code point offset just after the character behind `folded[i]` and the harakat or tatweel attached to it. */
  ends: Int32Array;
}

/**
 * Fold `text` (see the module comment), keeping where each folded character came from.
 * A match `[a, b)` in `folded` is the text's code points `[starts[a], ends[b - 1])`.
 */
export function foldedShadow(text: string): Shadow {
  const folded: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let cp = 0;
  let inSpace = false;
  for (const ch of text) {
    if (MARKS.test(ch)) {
      // Harakat and tatweel extend the letter before them.
      const last = ends.length - 1;
      if (last >= 0 && !inSpace && ends[last] === cp) {
        for (let i = last; i >= 0 && ends[i] === cp; i--) ends[i] = cp + 1;
      }
    } else if (CONTROLS.test(ch)) {
      // dropped
    } else if (/^\s$/u.test(ch)) {
      if (!inSpace) {
        folded.push(" ");
        starts.push(cp);
        ends.push(cp + 1);
      }
      inSpace = true;
    } else {
      inSpace = false;
      const out = (LETTER_MAP[ch] ?? ch).toLowerCase();
      for (let i = 0; i < out.length; i++) {
        folded.push(out[i] ?? "");
        starts.push(cp);
        ends.push(cp + 1);
      }
    }
    cp++;
  }
  starts.push(cp);
  return { folded: folded.join(""), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** `text` folded for comparison (see the module comment), trimmed. */
export function foldArabic(text: string): string {
  return foldedShadow(text).folded.trim();
}
