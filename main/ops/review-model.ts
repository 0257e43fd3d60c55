/**
 * What a project's reviews teach the pre-annotator (`core/preannotate/review-model.ts`): the
 * examples are the candidates on the reviewed documents — the rules' suggestions, and the
 * quoted segments the rules left alone — each labelled by what the people made of it: kept
 * when a person's quote overlaps it (accepted, corrected, or drawn by hand), dropped when it
 * was rejected or the document is reviewed and holds no quote there.
 * A suggestion still waiting for review teaches nothing. Offsets: the rules work in UTF-16,
 * the store in code points.
 */
import type { CueLemma } from "../../core/preannotate/cues.ts";
import { preannotateQuotes, quotedSegments, type QuoteSuggestion } from "../../core/preannotate/rules.ts";
import {
  holdsBack,
  promotes,
  suggestionFeatures,
  trainReviewModel,
  type CandidateOrigin,
  type ReviewExample,
  type ReviewModel,
} from "../../core/preannotate/review-model.ts";
import type { DocumentRow } from "../../db/project.ts";
import type { Ops } from "./context.ts";

/** Most recently imported reviewed documents a model learns from (the cost of training is linear in them). */
export const MOST_DOCUMENTS = 400;

/** A model and the number of reviewed documents it learned from. */
export interface LearnedModel {
  model: ReviewModel;
  documents: number;
}

/** A candidate quote and where it came from. */
interface Candidate {
  suggestion: QuoteSuggestion;
  origin: CandidateOrigin;
}

/** A quoted segment as a candidate: a direct quote with no cue and no speaker. */
const segmentCandidate = (quote: { start: number; end: number }): Candidate => ({
  suggestion: { quote, type: "direct", cue: null, speaker: null, carried: false, lemma: null },
  origin: "marks",
});

/** The quoted segments of a text that no suggestion overlaps, as candidates. */
function segmentsBeside(text: string, suggestions: readonly QuoteSuggestion[]): Candidate[] {
  return quotedSegments(text)
    .filter((e) => !suggestions.some((s) => s.quote.start < e.end && e.start < s.quote.end))
    .map(segmentCandidate);
}

/** The candidates of a text: the rules' suggestions (with no prior attribution), then the quoted segments beside them. */
function candidatesOf(text: string, lemmas: readonly CueLemma[]): Candidate[] {
  const rules = preannotateQuotes(text, lemmas);
  return [...rules.map((suggestion) => ({ suggestion, origin: "rules" as const })), ...segmentsBeside(text, rules)];
}

/**
 * The examples one reviewed document gives (see `quoteReviewedDocumentIds` for which are).
 * @param lemmas the project's cue lemmas, read once per run by the caller
 */
export function reviewExamples(ops: Ops, doc: DocumentRow, lemmas: readonly CueLemma[]): ReviewExample[] {
  const spans = ops.store.spansOf(doc.id).filter((s) => s.label_kind === "quote");
  const people = spans.filter((s) => s.suggested_by === null);
  const waiting = spans.filter((s) => s.suggested_by === "rules");
  const rejected = ops.store.rejectedQuoteExtents(doc.id);
  const reviewed = waiting.length === 0;
  const { offsets } = ops.indexesOf(doc);
  const examples: ReviewExample[] = [];
  for (const { suggestion: s, origin } of candidatesOf(doc.text, lemmas)) {
    const start = offsets.toCodePoint(s.quote.start);
    const end = offsets.toCodePoint(s.quote.end);
    const overlaps = (x: { start: number; end: number }) => x.start < end && start < x.end;
    let kept: boolean | null = null;
    if (people.some(overlaps)) kept = true;
    else if (rejected.some((r) => r.start === start && r.end === end)) kept = false;
    else if (waiting.some(overlaps)) kept = null;
    else if (reviewed) kept = false;
    if (kept !== null) examples.push({ features: suggestionFeatures(doc.text, s, origin), origin, kept });
  }
  return examples;
}

/**
 * Train on the project's reviewed documents (the `MOST_DOCUMENTS` latest that give an
 * example), or null when none gave one.
 */
export function learnFromReviews(ops: Ops): LearnedModel | null {
  const examples: ReviewExample[] = [];
  let documents = 0;
  const lemmas = ops.store.cueLemmas();
  for (const id of ops.store.quoteReviewedDocumentIds()) {
    if (documents >= MOST_DOCUMENTS) break;
    const found = reviewExamples(ops, ops.document(id), lemmas);
    if (found.length === 0) continue;
    documents++;
    examples.push(...found);
  }
  if (documents === 0) return null;
  return { model: trainReviewModel(examples), documents };
}

/**
 * The rules' suggestions for a text that a learned model does not hold back, with the quoted
 * segments beside them that it promotes to direct quotes (no cue, no speaker: the reviewer
 * attributes them), in text order.
 * @param learned null: the rules' suggestions as they are
 */
export function filterByReviews(
  learned: LearnedModel | null,
  text: string,
  suggestions: readonly QuoteSuggestion[],
): { kept: QuoteSuggestion[]; heldBack: number; promoted: number } {
  if (learned === null) return { kept: [...suggestions], heldBack: 0, promoted: 0 };
  const { model } = learned;
  const kept = suggestions.filter((s) => !holdsBack(model, suggestionFeatures(text, s, "rules")));
  const promoted = segmentsBeside(text, suggestions)
    .filter((c) => promotes(model, suggestionFeatures(text, c.suggestion, c.origin)))
    .map((c) => c.suggestion);
  return {
    kept: [...kept, ...promoted].sort((a, b) => a.quote.start - b.quote.start),
    heldBack: suggestions.length - kept.length,
    promoted: promoted.length,
  };
}
