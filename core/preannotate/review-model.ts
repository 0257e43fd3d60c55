/**
 * Learning from review: a logistic-regression model over features of a suggested quote (the
 * segment, its cue, its speaker) that says how likely a reviewer is to keep it. It is trained
 * on a project's reviewed documents — every suggestion the rules make there, labelled kept
 * when a person's quote overlaps it and dropped otherwise — and filters the rules'
 * suggestions for the next documents (`main/ops/review-model.ts`).
 *
 * The model is L2-regularised logistic regression fitted by full-batch gradient descent
 * (Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning*, 2nd ed., §4.4):
 * deterministic, so the same reviews always give the same model. Features are binary and
 * named by strings; offsets in UTF-16 units of the text.
 */
import { foldArabic } from "../text/normalize.ts";
import type { QuoteSuggestion } from "./rules.ts";

/** One training example: a candidate's features, where it came from, and whether the reviewer kept it. */
export interface ReviewExample {
  features: readonly string[];
  origin: CandidateOrigin;
  kept: boolean;
}

/** A trained model. */
export interface ReviewModel {
  bias: number;
  weights: ReadonlyMap<string, number>;
  /** Examples it was trained on. */
  examples: number;
  /** Of them, the rules' suggestions reviewers dropped, and the quoted segments they kept as quotes. */
  dropped: number;
  promoted: number;
}

/** Fitting settings; the defaults are what Qawl uses. */
export interface TrainOptions {
  /** L2 penalty on feature weights (not on the bias), per example. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

/**
 * A suggestion is held back only when the model gives it less than this probability of being
 * kept. Rules are right far more often than not, so this is a strong statement.
 */
export const KEEP_THRESHOLD = 0.5;

/** A quoted segment is promoted to a quote when the model gives it at least this probability of being kept. */
export const PROMOTE_THRESHOLD = 0.5;

/**
 * Fewest examples of a kind before the model acts on that kind: dropped suggestions before it
 * holds any back, kept quoted segments before it promotes any. With fewer, what it learned is
 * one example's accident.
 */
export const FEWEST_EXAMPLES = 3;

/**
 * Where a candidate comes from: a suggestion of the rules, or a quoted segment the rules left
 * alone (a name, a title, a quote they could not attribute).
 */
export type CandidateOrigin = "rules" | "marks";

const WORD = /\p{L}[\p{L}\p{M}]*/gu;
const MARKS = /["'«»“”„‘’]/u;

/** The folded words of a stretch of text, in order. */
function wordsOf(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => foldArabic(m[0]));
}

function lengthBucket(words: number): string {
  if (words <= 1) return "1";
  if (words <= 3) return "2-3";
  if (words <= 6) return "4-6";
  if (words <= 12) return "7-12";
  if (words <= 25) return "13-25";
  return "26+";
}

/**
 * The features of a suggested quote in its text: its type and length, its first and last
 * words, the words just before and after it, whether quotation marks or a colon stand at its
 * edges, Latin letters in it, its cue's lemma and distance, and whether it has a speaker of its
 * own, a carried-over one or none; each also joined with the candidate's origin.
 * @param text the document's text
 * @param s a suggestion of `preannotateQuotes` for that text, or a quoted segment as a direct quote with no cue
 * @returns feature names, each once
 */
export function suggestionFeatures(text: string, s: QuoteSuggestion, origin: CandidateOrigin): string[] {
  const inside = wordsOf(text.slice(s.quote.start, s.quote.end));
  const before = wordsOf(text.slice(Math.max(0, s.quote.start - 60), s.quote.start));
  const after = wordsOf(text.slice(s.quote.end, s.quote.end + 40));
  const edgeBefore = text.slice(Math.max(0, s.quote.start - 3), s.quote.start);
  const edgeAfter = text.slice(s.quote.end, s.quote.end + 3);
  const length = lengthBucket(inside.length);
  const lemma = s.lemma ?? "none";
  const speaker = s.speaker === null ? "none" : s.carried ? "carried" : "own";
  const features = [
    `type=${s.type}`,
    `length=${length}`,
    `type×length=${s.type}×${length}`,
    `lemma=${lemma}`,
    `type×lemma=${s.type}×${lemma}`,
    `speaker=${speaker}`,
    `type×speaker=${s.type}×${speaker}`,
    `first=${inside[0] ?? ""}`,
    `last=${inside.at(-1) ?? ""}`,
    `before=${before.at(-1) ?? ""}`,
    `before2=${before.at(-2) ?? ""}`,
    `after=${after[0] ?? ""}`,
    `marks=${String(MARKS.test(edgeBefore) || MARKS.test(text.slice(s.quote.start, s.quote.start + 1)))}`,
    `closed=${String(MARKS.test(edgeAfter))}`,
    `colon=${String(edgeBefore.includes(":"))}`,
    `latin=${String(/[A-Za-z]/u.test(text.slice(s.quote.start, s.quote.end)))}`,
  ];
  if (s.cue !== null) {
    const gap = s.cue.end <= s.quote.start ? wordsOf(text.slice(s.cue.end, s.quote.start)).length : -1;
    features.push(`cue-gap=${gap < 0 ? "after" : lengthBucket(gap)}`);
  }
  return [...new Set([`origin=${origin}`, ...features.map((f) => `${origin}:${f}`), ...features])];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function linear(model: { bias: number; weights: ReadonlyMap<string, number> }, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return z;
}

/**
 * Fit the model to reviewed examples.
 * @returns the model (with no examples, weights and bias 0: it neither holds back nor promotes,
 *   see `FEWEST_EXAMPLES`)
 */
export function trainReviewModel(examples: readonly ReviewExample[], options: TrainOptions = {}): ReviewModel {
  const l2 = options.l2 ?? 0.01;
  const iterations = options.iterations ?? 300;
  const rate = options.learningRate ?? 0.5;
  const names = [...new Set(examples.flatMap((e) => e.features))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => ({ at: e.features.map((f) => index.get(f) ?? 0), y: e.kept ? 1 : 0 }));
  const count = (origin: CandidateOrigin, kept: boolean) =>
    examples.filter((e) => e.origin === origin && e.kept === kept).length;
  const w = new Float64Array(names.length);
  let bias = 0;
  const n = Math.max(1, rows.length);
  const grad = new Float64Array(names.length);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gradBias = 0;
    for (const row of rows) {
      let z = bias;
      for (const j of row.at) z += w[j] ?? 0;
      const err = sigmoid(z) - row.y;
      gradBias += err;
      for (const j of row.at) grad[j] = (grad[j] ?? 0) + err;
    }
    bias -= (rate * gradBias) / n;
    for (let j = 0; j < w.length; j++) w[j] = (w[j] ?? 0) - rate * ((grad[j] ?? 0) / n + l2 * (w[j] ?? 0));
  }
  const weights = new Map<string, number>();
  names.forEach((name, j) => {
    const v = w[j] ?? 0;
    if (v !== 0) weights.set(name, v);
  });
  return { bias, weights, examples: rows.length, dropped: count("rules", false), promoted: count("marks", true) };
}

/** The probability, by the model, that a reviewer keeps a suggestion with these features. */
export function keepProbability(model: ReviewModel, features: readonly string[]): number {
  return sigmoid(linear(model, features));
}

/**
 * Whether the model holds a suggestion of the rules back: it has learned from at least
 * `FEWEST_EXAMPLES` dropped suggestions and gives this one less than `KEEP_THRESHOLD`.
 */
export function holdsBack(model: ReviewModel, features: readonly string[]): boolean {
  return model.dropped >= FEWEST_EXAMPLES && keepProbability(model, features) < KEEP_THRESHOLD;
}

/**
 * Whether the model promotes a quoted segment the rules left alone to a quote: it has learned
 * from at least `FEWEST_EXAMPLES` such segments kept as quotes and gives this one at least
 * `PROMOTE_THRESHOLD`.
 */
export function promotes(model: ReviewModel, features: readonly string[]): boolean {
  return model.promoted >= FEWEST_EXAMPLES && keepProbability(model, features) >= PROMOTE_THRESHOLD;
}
