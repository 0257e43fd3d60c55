/**
 * The token stream the quote rules read: words, punctuation, quotation marks and line
 * breaks, each with its folded form, its sentence and, for quotation marks, its partner.
 * Offsets in UTF-16 units of the text.
 *
 * Quotation marks pair as `“…”` and `«…»` (nesting allowed) and straight `"` in order
 * within a line; an unpaired mark is left alone. Sentences end at `.`, `!`, `?`, `؟` and line
 * breaks outside quotation marks (a full stop inside a quote does not end the sentence that
 * reports it).
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

// Words: letters, marks and digits (a decimal number is one word); every other visible
// character alone; format characters (U+200E before tokens, ZWJ) are skipped.
const TOKEN = /\n|[\p{L}\p{M}\p{N}]+(?:[.,٫][\p{N}]+)*|[^\s\p{Cf}]/gu;
const MARKS: Readonly<Record<string, "open" | "close" | "either">> = {
  '"': "either",
  "“": "open",
  "”": "close",
  "«": "open",
  "»": "close",
};
const CLOSER: Readonly<Record<string, string>> = { "“": "”", "«": "»" };
const SENTENCE_END = new Set([".", "!", "?", "؟"]);

/** Tokenize `text` for the rules (see the module comment). */
export function ruleTokens(text: string): RuleToken[] {
  const tokens: RuleToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const kind: RuleTokenKind =
      t === "\n" ? "break" : MARKS[t] !== undefined ? "mark" : /^[\p{L}\p{N}]/u.test(t) ? "word" : "punct";
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
  pairMarks(tokens);
  let sentence = 0;
  let depth = 0;
  for (const t of tokens) {
    t.sentence = sentence;
    if (t.partner >= 0) depth += t.opens ? 1 : -1;
    if (t.kind === "break" || (depth === 0 && SENTENCE_END.has(t.text))) sentence++;
  }
  return tokens;
}

function pairMarks(tokens: RuleToken[]): void {
  let straight = -1;
  const stack: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === "break") {
      straight = -1;
      stack.length = 0;
      return;
    }
    if (t.kind !== "mark") return;
    const role = MARKS[t.text];
    const pair = (open: number) => {
      const o = tokens[open];
      if (o === undefined) return;
      o.partner = i;
      o.opens = true;
      t.partner = open;
    };
    if (role === "either") {
      if (straight < 0) straight = i;
      else {
        pair(straight);
        straight = -1;
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
