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
/** What `foldedShadow` does with a character. */
const PLAIN = 0;
const MARK = 1;
const CONTROL = 2;
const SPACE = 3;
const LETTER_MAP: Readonly<Record<string, string>> = { أ: "ا", إ: "ا", آ: "ا", ٱ: "ا", ة: "ه", ى: "ي" };
/** `LETTER_MAP` by UTF-16 code. */
const LETTER_MAP_CODES: ReadonlyMap<number, number> = new Map(
  Object.entries(LETTER_MAP).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]),
);

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

/** Folded texts computed ahead (`prepareFolded`), each taken by the first `foldedShadow` of its text. */
const prepared = new Map<string, string>();
/** Most texts kept ahead (a bound on the memory a forgotten preparation holds). */
const PREPARED_MAX = 20_000;

/**
 * Fold `text` now, so that the next `foldedShadow(text)` finds its `folded` ready (its maps are
 * then computed only when read). An import folds its documents this way while it reads, a
 * step at a time, so that the search index costs its one write transaction less.
 */
export function prepareFolded(text: string): void {
  if (prepared.size < PREPARED_MAX) prepared.set(text, computeShadow(text).folded);
}

/** Drop the texts prepared and not yet taken (an import that stopped before storing). */
export function forgetPrepared(texts: Iterable<string>): void {
  for (const text of texts) prepared.delete(text);
}

/**
 * Fold `text` (see the module comment), keeping where each folded character came from.
 * A match `[a, b)` in `folded` is the text's code points `[starts[a], ends[b - 1])`.
 */
export function foldedShadow(text: string): Shadow {
  const folded = prepared.get(text);
  if (folded === undefined) return computeShadow(text);
  prepared.delete(text);
  let whole: Shadow | null = null;
  return {
    folded,
    get starts() {
      whole ??= computeShadow(text);
      return whole.starts;
    },
    get ends() {
      whole ??= computeShadow(text);
      return whole.ends;
    },
  };
}

/** `foldedShadow`, computed. */
function computeShadow(text: string): Shadow {
  // One pass over UTF-16 units into preallocated arrays. ASCII and the Arabic block (nearly
  // every character of a news article) are decided by their code; anything else by the
  // patterns above. Folded text is at most as long as the text, unless lowercasing lengthens
  // a character (İ), which grows the arrays.
  let units = new Uint16Array(text.length);
  let starts = new Int32Array(text.length + 1);
  let ends = new Int32Array(text.length);
  let n = 0;
  const put = (unit: number, cp: number) => {
    if (n === units.length) {
      const size = units.length * 2 + 8;
      const moreUnits = new Uint16Array(size);
      moreUnits.set(units);
      units = moreUnits;
      const moreStarts = new Int32Array(size + 1);
      moreStarts.set(starts);
      starts = moreStarts;
      const moreEnds = new Int32Array(size);
      moreEnds.set(ends);
      ends = moreEnds;
    }
    units[n] = unit;
    starts[n] = cp;
    ends[n] = cp + 1;
    n++;
  };
  let cp = 0;
  let inSpace = false;
  for (let u = 0; u < text.length; u++) {
    let code = text.charCodeAt(u);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && u + 1 < text.length) {
      const low = text.charCodeAt(u + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const ch = width === 1 && code < 0x80 ? "" : text.slice(u, u + width);
    const kind =
      code < 0x80
        ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
          ? SPACE
          : PLAIN
        : code >= 0x0600 && code <= 0x06ff
          ? (code >= 0x064b && code <= 0x065f) ||
            code === 0x0670 ||
            (code >= 0x06d6 && code <= 0x06ed) ||
            code === 0x0640
            ? MARK
            : code === 0x061c
              ? CONTROL
              : PLAIN
          : MARKS.test(ch)
            ? MARK
            : CONTROLS.test(ch)
              ? CONTROL
              : /^\s$/u.test(ch)
                ? SPACE
                : PLAIN;
    if (kind === MARK) {
      // Harakat and tatweel extend the letter before them.
      if (n > 0 && !inSpace && ends[n - 1] === cp) {
        for (let i = n - 1; i >= 0 && ends[i] === cp; i--) ends[i] = cp + 1;
      }
    } else if (kind === SPACE) {
      if (!inSpace) put(0x20, cp);
      inSpace = true;
    } else if (kind === PLAIN) {
      inSpace = false;
      if (code < 0x80) put(code >= 0x41 && code <= 0x5a ? code + 32 : code, cp);
      else if (code <= 0x06ff && code >= 0x0600) put(LETTER_MAP_CODES.get(code) ?? code, cp);
      else {
        const out = (LETTER_MAP[ch] ?? ch).toLowerCase();
        for (let i = 0; i < out.length; i++) put(out.charCodeAt(i), cp);
      }
    }
    // CONTROL: dropped.
    u += width - 1;
    cp++;
  }
  starts[n] = cp;
  let folded = "";
  for (let i = 0; i < n; i += 4096) folded += String.fromCharCode(...units.subarray(i, Math.min(n, i + 4096)));
  return { folded, starts: starts.slice(0, n + 1), ends: ends.slice(0, n) };
}

/** `text` folded for comparison (see the module comment), trimmed. */
export function foldArabic(text: string): string {
  return foldedShadow(text).folded.trim();
}
