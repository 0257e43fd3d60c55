/**
 * The annotator's fast path over the page's state: pre-annotate, review suggestions one by
 * one or all at once, step through spans, quotes, suggestions and documents, and search.
 * Every action goes through the store's queue, so keys pressed faster than the API answers
 * still act in order. Offsets are code points.
 */
import type { SpanView } from "../../core/contract.ts";
import { searchInput, type AnnotationStore, type SearchQuery } from "./annotation-store.ts";
import { storeMessages as t } from "./store.messages.ts";

/** Which spans a step visits. */
export type StepKind = "span" | "quote" | "suggestion";

/** The spans of the open document a step visits, in text order. */
function stops(store: AnnotationStore, kind: StepKind): SpanView[] {
  const spans = store.model.document?.spans ?? [];
  if (kind === "quote") return spans.filter((s) => store.model.kindOf(s) === "quote");
  if (kind === "suggestion") {
    // A suggested cue or speaker of a suggested quote is reviewed with its quote (Enter on
    // the quote accepts all three), so the steps visit the quote and skip its parts.
    const suggested = new Set(spans.filter((s) => s.suggested !== null).map((s) => s.id));
    const parts = new Set(
      (store.model.document?.relations ?? [])
        .filter((r) => suggested.has(r.fromSpanId) && r.toSpanId !== null)
        .map((r) => r.toSpanId),
    );
    return spans.filter((s) => suggested.has(s.id) && !parts.has(s.id));
  }
  return spans;
}

/** The span after (direction 1) or before (-1) the active one among `list`, or the first / last. */
function neighbour(store: AnnotationStore, list: SpanView[], direction: 1 | -1): SpanView | undefined {
  const active = store.activeSpan;
  if (active === undefined) return direction === 1 ? list[0] : list[list.length - 1];
  const after = (s: SpanView) => s.start > active.start || (s.start === active.start && s.id > active.id);
  return direction === 1 ? list.find(after) : [...list].reverse().find((s) => !after(s) && s.id !== active.id);
}

/**
 * Make the next (or previous) span of a kind active, from the active one (or the start),
 * after the actions queued before it.
 */
export async function step(store: AnnotationStore, kind: StepKind, direction: 1 | -1): Promise<void> {
  await store.queue(() => {
    const next = neighbour(store, stops(store, kind), direction);
    if (next === undefined) store.notify("info", () => (kind === "suggestion" ? t("noSuggestion") : t("noMore")));
    else store.activate(next.id);
    return Promise.resolve();
  });
}

/** Open the next (or previous) document of `among` (the list as filtered), after the actions queued before it. */
export async function stepDocument(
  store: AnnotationStore,
  direction: 1 | -1,
  among: () => readonly { id: number }[] = () => store.model.documents,
): Promise<void> {
  await store.queue(async () => {
    const list = among();
    const at = list.findIndex((d) => d.id === store.model.document?.id);
    const next = list[at < 0 ? 0 : at + direction];
    if (next === undefined) store.notify("info", () => t("noMore"));
    else await store.load(next.id);
  });
}

/** Pre-annotate the open document (quotes by rule, and the other mentions of known names). */
export async function preannotate(store: AnnotationStore): Promise<void> {
  await store.perform(
    async () => {
      const doc = store.model.document;
      if (doc === null) return null;
      const quotes = await store.api.preannotate({ documentIds: [doc.id] });
      const names = await store.api.propagateNames({ documentIds: [doc.id] });
      const found = quotes.documents[0]?.newQuotes ?? 0;
      // What the project's reviews taught held some of the rules' quotes back.
      const heldBack = () => (quotes.heldBack > 0 ? t("heldBack", { n: quotes.heldBack }) : "");
      if (found === 0 && names.suggested === 0) {
        // Nothing new; what an earlier run suggested may still wait for review.
        return () =>
          t("nothingSuggested") + (quotes.kept > 0 ? t("stillToReview", { n: quotes.kept }) : "") + heldBack();
      }
      return () => {
        const parts = [
          ...(found > 0 ? [t("suggestedQuotes", { n: found })] : []),
          ...(names.suggested > 0 ? [t("suggestedNames", { n: names.suggested })] : []),
        ];
        return t("preannotated", { what: parts.join(t("and")) }) + heldBack();
      };
    },
    () => {
      if (store.activeSpan?.suggested == null) {
        const first = stops(store, "suggestion")[0];
        if (first !== undefined) store.activate(first.id);
      }
    },
  );
}

/**
 * Accept or reject the active suggestion, then go to the next one (a quote brings its
 * suggested cue and speaker along). The active span is read when the action's turn comes,
 * so Enter pressed twice quickly reviews two suggestions.
 */
export async function reviewActive(store: AnnotationStore, decision: "accept" | "reject"): Promise<void> {
  let later: SpanView | undefined;
  await store.perform(
    async () => {
      const span = store.activeSpan;
      if (span?.suggested == null) throw new Error(t("notSuggestion"));
      later = neighbour(store, stops(store, "suggestion"), 1);
      const result = await store.api.reviewSuggestions({ decision, spanIds: [span.id] });
      const n = decision === "accept" ? result.accepted.length : result.rejected.length;
      return () => t(decision === "accept" ? "accepted" : "rejected", { n });
    },
    () => {
      // The next suggestion that still exists (a quote takes its cue and speaker along).
      const next = stops(store, "suggestion").find((s) => later === undefined || s.start >= later.start);
      store.activate(next?.id ?? null);
    },
  );
}

/** Accept or reject every suggestion of the open document. */
export async function reviewAll(store: AnnotationStore, decision: "accept" | "reject"): Promise<void> {
  await store.perform(async () => {
    const doc = store.model.document;
    if (doc === null) return null;
    if (stops(store, "suggestion").length === 0) return () => t("noSuggestion");
    const result = await store.api.reviewSuggestions({ decision, documentId: doc.id });
    const n = decision === "accept" ? result.accepted.length : result.rejected.length;
    return t(decision === "accept" ? "accepted" : "rejected", { n });
  });
}

/** Run a search and show its hits in the search panel. */
export async function search(store: AnnotationStore, query: SearchQuery): Promise<void> {
  store.view.searchQuery = query;
  store.view.panel = "search";
  await store.queue(async () => {
    const result = await store.api.search(searchInput(query));
    store.view.searchResult = result;
    store.notify("info", () => t("found", { n: result.total }));
  });
}

/** Open a hit's document and show the hit (and make its span active, when it is one). */
export async function goToHit(
  store: AnnotationStore,
  hit: { documentId: number; start: number; end: number; spanId: number | null },
): Promise<void> {
  await store.queue(async () => {
    if (store.model.document?.id !== hit.documentId) await store.load(hit.documentId);
    store.view.found = { documentId: hit.documentId, start: hit.start, end: hit.end };
    store.view.activeSpanId = hit.spanId;
  });
}
