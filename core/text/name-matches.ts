/**
 * Where a name occurs in a text, through Arabic folding (see `normalize.ts`) and with the
 * attached proclitics of the guidelines peeled: `وبومبيو` holds `بومبيو` (the span starts
 * after the `و`), and `للأمم المتحدة` holds `الأمم المتحدة` as `لأمم المتحدة` (ل + ال with the
 * alef dropped; the span starts after the first ل, as the guidelines say).
 *
 * Whole words only by default: `فيروس` does not match inside `الفيروسات` (letters before it
 * that are not proclitics, letters after it).
 */
import { isProcliticPrefix } from "./clitics.ts";
import { foldArabic, type Shadow } from "./normalize.ts";

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** An occurrence of a name, in code points of the original text, end-exclusive. */
export interface NameMatch {
  start: number;
  end: number;
}

/** Options of `findName`. */
export interface FindNameOptions {
  /** Also match inside longer words (`فيروس` in `الفيروسات`); default false. */
  partialWords?: boolean;
}

function isWordChar(folded: string, i: number): boolean {
  return i >= 0 && i < folded.length && WORD_CHAR.test(folded[i] ?? "");
}

/** Start of the word containing folded index `i`. */
function wordStart(folded: string, i: number): number {
  let w = i;
  while (w > 0 && isWordChar(folded, w - 1)) w--;
  return w;
}

/**
 * Every occurrence of `name` in the shadow's text.
 * @param shadow the text's folded shadow (`foldedShadow`)
 * @param name a name as written (it is folded here); an empty or blank name matches nothing
 * @returns occurrences in text order, code points, end-exclusive, never overlapping
 */
export function findName(shadow: Shadow, name: string, options: FindNameOptions = {}): NameMatch[] {
  const { folded, starts, ends } = shadow;
  const needle = foldArabic(name);
  if (needle === "") return [];
  // ل + ال fuses into لل: look for the name without its alef after a ل proclitic.
  const fused = needle.startsWith("ال") && needle.length > 3 ? `ل${needle.slice(2)}` : null;
  const out: NameMatch[] = [];
  let lastEnd = -1;
  const consider = (a: number, length: number, isFused: boolean) => {
    const b = a + length;
    if (a < lastEnd) return;
    if (!options.partialWords) {
      if (isWordChar(folded, b)) return;
      const w = wordStart(folded, a);
      const prefix = folded.slice(w, a);
      if (isFused) {
        if (!(prefix.endsWith("ل") && isProcliticPrefix(prefix))) return;
      } else if (prefix !== "" && !isProcliticPrefix(prefix)) {
        return;
      }
    }
    const start = starts[a] ?? 0;
    const end = ends[b - 1] ?? start;
    out.push({ start, end });
    lastEnd = b;
  };
  const hits: { at: number; length: number; fused: boolean }[] = [];
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    hits.push({ at, length: needle.length, fused: false });
  }
  if (fused !== null) {
    for (let at = folded.indexOf(fused); at >= 0; at = folded.indexOf(fused, at + 1)) {
      hits.push({ at, length: fused.length, fused: true });
    }
    hits.sort((x, y) => x.at - y.at);
  }
  for (const h of hits) consider(h.at, h.length, h.fused);
  return out;
}
