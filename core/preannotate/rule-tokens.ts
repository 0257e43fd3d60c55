/**
 * The token stream the quote rules read: words, punctuation, quotation marks and line
 * breaks, each with its folded form, its sentence and, for quotation marks, its partner.
 * Offsets in UTF-16 units of the text.
 *
 * Quotation marks pair as `“…”` and `«…»` (nesting allowed; two left unpaired in a line, one
 * of them typed the wrong way round, pair with each other) and straight `"` (or `'`, or
 * `' '` as one mark, as some newswire writes them) in order within a line, a short quotation
 * nested in a longer one with the same mark; a straight pair is
 * not closed across the start of a new report (a full stop and then `وقال`, when the quote's
 * own closing mark was never written); an unpaired mark is left alone. Sentences end at `.`,
 * `!`, `?`, `؟` and line breaks outside quotation marks (a full stop inside a quote does not
 * end the sentence that reports it).
 */
import { foldArabic } from "../text/normalize.ts";

/** What a token is. */
export type RuleTokenKind = "word" | "punct" | "mark" | "break";

/** A token of the text. */
export interface RuleToken {
  /** UTF-16 offsets, end-exclusive. */
  start: number;
  end: number;
  text: string;
  /** `foldArabic(text)`. */
  folded: string;
  kind: RuleTokenKind;
  /** Index of the sentence holding the token. */
  sentence: number;
  /** For a paired quotation mark: the index of its partner; otherwise -1. */
  partner: number;
  /** For a paired mark: whether it opens the pair. */
  opens: boolean;
}

// Words: letters, marks and digits (a decimal number, `سي.أن.أن`, is one word); every other visible
// character alone; format characters (U+200E before tokens, ZWJ) are skipped.
const TOKEN = /\n|[\p{L}\p{M}\p{N}]+(?:[.,٫][\p{N}]+|\.[\p{L}\p{M}]+)*|[^\s\p{Cf}]/gu;
const MARKS: Readonly<Record<string, "open" | "close" | "either">> = {
  '"': "either",
  "'": "either",
  "“": "open",
  "”": "close",
  "«": "open",
  "»": "close",
};
const CLOSER: Readonly<Record<string, string>> = { "“": "”", "«": "»" };
/** Punctuation that ends a sentence (outside quotation marks). */
export const SENTENCE_END: ReadonlySet<string> = new Set([".", "!", "?", "؟"]);

/**
 * Tokenize `text` for the rules (see the module comment).
 * @param startsReport whether a token starts a new report (a conjoined cue such as `وقال`):
 *   a straight quotation mark is not closed across a full stop followed by one
 * @param isCue whether a token is any cue (`مضيفا` too): words between two straight marks
 *   holding one are never a quotation nested in another
 */
export function ruleTokens(
  text: string,
  startsReport: (t: RuleToken) => boolean = () => false,
  isCue: (t: RuleToken) => boolean = startsReport,
): RuleToken[] {
  const tokens: RuleToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const kind: RuleTokenKind =
      t === "\n" ? "break" : MARKS[t] !== undefined ? "mark" : /^[\p{L}\p{N}]/u.test(t) ? "word" : "punct";
    const previous = tokens[tokens.length - 1];
    // `' '`: two apostrophes with only spaces between them are one quotation mark.
    if (t === "'" && previous?.text === "'" && /^\s*$/u.test(text.slice(previous.end, m.index))) {
      previous.end = m.index + 1;
      continue;
    }
    tokens.push({
      start: m.index,
      end: m.index + t.length,
      text: t,
      folded: kind === "word" ? foldArabic(t) : t,
      kind,
      sentence: 0,
      partner: -1,
      opens: false,
    });
  }
  pairMarks(tokens, startsReport, isCue);
  pairReversed(tokens);
  let sentence = 0;
  let depth = 0;
  for (const t of tokens) {
    t.sentence = sentence;
    if (t.partner >= 0) depth += t.opens ? 1 : -1;
    if (t.kind === "break" || (depth === 0 && SENTENCE_END.has(t.text))) sentence++;
  }
  return tokens;
}

/** Lone conjunctions: `" … " و " … "` is two quotations, not one holding a nested one. */
const CONJUNCTIONS = new Set(["و", "او", "أو", "ثم"]);

/**
 * Whether the straight mark at `i`, which would close the one at `open`, instead opens a
 * quotation nested in it (`' … يسمونه ' المجهول ' ، او … '`): the mark follows a word, the
 * quotation so far has four words or more, one to three words (no conjunction alone, no cue)
 * follow before the same mark again, and either another such mark comes later in the line or
 * (the outer quotation never closed) words follow. On success the nested pair is linked.
 * @returns the index of the nested quotation's closing mark, or -1
 */
function nestedAt(tokens: RuleToken[], open: number, i: number, isCue: (t: RuleToken) => boolean): number {
  const mark = tokens[i]?.text;
  if (tokens[i - 1]?.kind !== "word") return -1; // `… خطرا . "` closes
  let words = 0;
  for (let j = open + 1; j < i; j++) if (tokens[j]?.kind === "word") words++;
  if (words < 4) return -1;
  let k = i + 1;
  while (k <= i + 4 && tokens[k]?.kind === "word") {
    const w = tokens[k];
    if (w === undefined || CONJUNCTIONS.has(w.folded) || isCue(w)) return -1;
    k++;
  }
  const inner = tokens[k];
  if (k === i + 1 || k > i + 4 || inner?.text !== mark) return -1;
  let later = false;
  for (let j = k + 1; j < tokens.length && tokens[j]?.kind !== "break"; j++) {
    if (tokens[j]?.text === mark) later = true;
  }
  const o = tokens[i];
  // With no mark left for the outer quotation, it was never closed: nested only if the words go on.
  if (!later && tokens[k + 1]?.kind !== "word") return -1;
  if (o === undefined || inner === undefined) return -1;
  o.partner = k;
  o.opens = true;
  inner.partner = i;
  return k;
}

/**
 * Pair guillemets typed the wrong way round (`» … «`, `» … »`, `« … «`, a slip of typing
 * right to left): two unpaired guillemets in a line with words between are one quotation.
 */
function pairReversed(tokens: RuleToken[]): void {
  let pending = -1;
  tokens.forEach((t, i) => {
    if (t.kind === "break") pending = -1;
    if (t.kind !== "mark" || t.partner >= 0 || (t.text !== "«" && t.text !== "»")) return;
    const open = tokens[pending];
    if (open !== undefined && tokens.slice(pending + 1, i).some((x) => x.kind === "word")) {
      open.partner = i;
      open.opens = true;
      t.partner = pending;
      pending = -1;
    } else pending = i;
  });
}

function pairMarks(
  tokens: RuleToken[],
  startsReport: (t: RuleToken) => boolean,
  isCue: (t: RuleToken) => boolean,
): void {
  // Open straight marks, per character (`"` and `'` do not close each other).
  const straight = new Map<string, number>();
  /** Closing marks of nested quotations, paired in advance. */
  const nested = new Set<number>();
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === "break") {
      straight.clear();
      stack.length = 0;
      return;
    }
    if (straight.size > 0 && SENTENCE_END.has(tokens[i - 1]?.text ?? "") && startsReport(t)) {
      straight.clear(); // the open quote's closing mark was never written
    }
    if (t.kind !== "mark") return;
    const role = MARKS[t.text.slice(0, 1)];
    const pair = (open: number) => {
      const o = tokens[open];
      if (o === undefined) return;
      o.partner = i;
      o.opens = true;
      t.partner = open;
    };
    if (role === "either") {
      if (nested.has(i)) return; // the closing mark of a nested quotation, paired already
      const open = straight.get(t.text);
      if (open === undefined) straight.set(t.text, i);
      else {
        const inner = nestedAt(tokens, open, i, isCue);
        if (inner >= 0) nested.add(inner);
        else {
          pair(open);
          straight.delete(t.text);
        }
      }
    } else if (role === "open") {
      stack.push(i);
    } else {
      const at = stack.findLastIndex((o) => CLOSER[tokens[o]?.text ?? ""] === t.text);
      if (at >= 0) {
        pair(stack[at] ?? -1);
        stack.length = at;
      }
    }
  });
}
