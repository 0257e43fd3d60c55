/**
 * The one module that converts between the two units Qawl meets:
 *
 * - **code points** (Unicode scalar values): the unit of every offset that leaves the
 *   program — the operation contract, the CLI and every export — so that Python's
 *   `text[start:end]` returns the span's text;
 * - **UTF-16 code units**: the unit of JavaScript string indices and of the DOM
 *   (`Range`, `Selection`), used only inside the renderer and by `Intl.Segmenter`.
 *
 * The two differ by one for every astral character (emoji, flags, rare CJK) before the
 * position. Offsets are end-exclusive in both units.
 */

/** Whether `text` holds any astral character (a surrogate pair in UTF-16). */
function hasAstral(text: string): boolean {
  return /[\uD800-\uDFFF]/.test(text);
}

/**
 * Length of `text` in code points. A lone surrogate counts as one code point, as
 * Python counts it after `surrogateescape`; Qawl's stored texts never contain one,
 * because they come from strict UTF-8 decoding.
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * A precomputed map between code point offsets and UTF-16 offsets of one text.
 * Build it once per document (O(n) time and memory), then convert in O(1)
 * (code point → UTF-16) or O(log n) (UTF-16 → code point).
 */
export class OffsetIndex {
  /** The text the index was built for. */
  readonly text: string;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** `utf16At[cp]` is the UTF-16 offset of code point `cp`; length `codePointLength + 1`. Null when the text has no astral character (both units agree). */
  readonly #utf16At: Uint32Array | null;

  /** @param text the document text, exactly as stored. */
  constructor(text: string) {
    this.text = text;
    if (!hasAstral(text)) {
      this.#utf16At = null;
      this.codePointLength = text.length;
      return;
    }
    const cpLength = codePointLength(text);
    const utf16At = new Uint32Array(cpLength + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      utf16At[cp++] = i;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    utf16At[cp] = text.length;
    this.#utf16At = utf16At;
    this.codePointLength = cpLength;
  }

  /**
   * UTF-16 offset of a code point offset.
   * @param cp code point offset, 0 ≤ cp ≤ codePointLength
   * @throws RangeError when `cp` is outside the text
   */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.codePointLength) {
      throw new RangeError(`code point offset ${String(cp)} is outside 0..${String(this.codePointLength)}`);
    }
    return this.#utf16At === null ? cp : (this.#utf16At[cp] ?? this.text.length);
  }

  /**
   * Code point offset of a UTF-16 offset. An offset that falls between the two halves of a
   * surrogate pair is moved back to the start of that character (it cannot be a boundary).
   * @param u16 UTF-16 offset, 0 ≤ u16 ≤ text.length
   * @throws RangeError when `u16` is outside the text
   */
  toCodePoint(u16: number): number {
    if (!Number.isInteger(u16) || u16 < 0 || u16 > this.text.length) {
      throw new RangeError(`UTF-16 offset ${String(u16)} is outside 0..${String(this.text.length)}`);
    }
    const map = this.#utf16At;
    if (map === null) return u16;
    let lo = 0;
    let hi = this.codePointLength;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((map[mid] ?? Infinity) <= u16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The text between two code point offsets (what Python's `text[start:end]` returns).
   * @throws RangeError when either offset is outside the text
   */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
