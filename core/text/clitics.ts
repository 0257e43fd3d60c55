/**
 * Arabic proclitics attached to names (guidelines: spans exclude them): the conjunctions
 * و and ف, then the prepositions ب ل ك; `لل` is ل + ال with the alef dropped (`للأمم` =
 * ل + الأمم), so peeling its first ل leaves `لأمم`.
 */

const CONJUNCTIONS = ["و", "ف"];
const PREPOSITIONS = ["ب", "ل", "ك"];

/**
 * The ways a word may start with proclitics: each entry is the number of UTF-16 units of
 * proclitic at the start of `word` and the rest, longest proclitic last; the first entry
 * is the word itself (no proclitic). Only splits that leave at least two letters are given.
 */
export function procliticSplits(word: string): { prefixLength: number; rest: string }[] {
  const out = [{ prefixLength: 0, rest: word }];
  const add = (n: number) => {
    if (word.length - n >= 2) out.push({ prefixLength: n, rest: word.slice(n) });
  };
  const first = word[0] ?? "";
  const second = word[1] ?? "";
  if (CONJUNCTIONS.includes(first)) {
    add(1);
    if (PREPOSITIONS.includes(second)) add(2);
  } else if (PREPOSITIONS.includes(first)) {
    add(1);
  }
  return out;
}

/** Whether `prefix` (a word's first letters) could be proclitics alone (و, ف, ب, ل, ك, وب, فل, …). */
export function isProcliticPrefix(prefix: string): boolean {
  if (prefix.length === 1) return CONJUNCTIONS.includes(prefix) || PREPOSITIONS.includes(prefix);
  if (prefix.length === 2) return CONJUNCTIONS.includes(prefix[0] ?? "") && PREPOSITIONS.includes(prefix[1] ?? "");
  return false;
}
