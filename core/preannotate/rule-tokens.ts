/**
 * The token stream the quote rules read: words, punctuation, quotation marks and line
 * breaks, each with its folded form, its sentence and, for quotation marks, its partner.
 * Offsets in UTF-16 units of the text.
 *
 * Quotation marks pair as `“…”` and `«…»` (nesting allowed) and straight `"` (or `'`, or
 * `' '` as one mark, as some newswire writes them) in order within a line; a straight pair is
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
 */
export function ruleTokens(text: string, startsReport: (t: RuleToken) => boolean = () => false): RuleToken[] {
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
  pairMarks(tokens, startsReport);
  let sentence = 0;
  let depth = 0;
  for (const t of tokens) {
    t.sentence = sentence;
    if (t.partner >= 0) depth += t.opens ? 1 : -1;
    if (t.kind === "break" || (depth === 0 && SENTENCE_END.has(t.text))) sentence++;
  }
  return tokens;
}

function pairMarks(tokens: RuleToken[], startsReport: (t: RuleToken) => boolean): void {
  // Open straight marks, per character (`"` and `'` do not close each other).
  const straight = new Map<string, number>();
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
      const open = straight.get(t.text);
      if (open === undefined) straight.set(t.text, i);
      else {
        pair(open);
        straight.delete(t.text);
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
