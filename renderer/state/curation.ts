/**
 * Adjudication over the page's state (docs/guidelines.md, "Layers and adjudication"): the
 * groups where two layers of the open document overlap (`core/agreement/disagreements.ts`),
 * walked one by one from the keyboard — take the first layer's version, the second's, or
 * both into gold, or take one and edit it in the gold layer. Every action goes through the
 * store's queue, so keys pressed faster than the host answers still act in order.
 */
import { curationItems, type CurationItem } from "../../core/agreement/disagreements.ts";
import { GOLD_LAYER, isGoldLayer } from "../../core/layers.ts";
import type { SpanView } from "../../core/contract.ts";
import { excerpt, isolate } from "../format.ts";
import type { AnnotationStore } from "./annotation-store.ts";
import { storeMessages as t } from "./store.messages.ts";
import type { CurationState } from "./view-state.ts";

/** Which version a curator takes. */
export type CurationChoice = "a" | "b" | "both";

/** The two layers to compare in the open document: the chosen pair, else its first two annotators'. */
export function curationPair(store: AnnotationStore): CurationState | null {
  const people = store.model.documentLayers.filter((l) => !isGoldLayer(l));
  const chosen = store.view.curation;
  if (chosen !== null && people.includes(chosen.a) && people.includes(chosen.b) && chosen.a !== chosen.b) return chosen;
  const [a, b] = people;
  return a === undefined || b === undefined ? null : { a, b, key: null };
}

/** Every group of the open document's two layers, in text order. */
export function curationList(store: AnnotationStore): CurationItem[] {
  const doc = store.model.fullDocument;
  const pair = curationPair(store);
  if (doc === null || pair === null) return [];
  return curationItems(doc, pair.a, pair.b, (s) => store.model.kindOf(s), GOLD_LAYER);
}

/** The groups the layers disagree on. */
export function disagreements(store: AnnotationStore): CurationItem[] {
  return curationList(store).filter((i) => i.differences.length > 0);
}

/** The group shown: the one chosen, else the first disagreement not yet adjudicated, else the first. */
export function currentItem(store: AnnotationStore): CurationItem | undefined {
  const list = disagreements(store);
  const key = curationPair(store)?.key ?? null;
  return list.find((i) => i.key === key) ?? list.find((i) => !i.adjudicated) ?? list[0];
}

/** Show a group: it becomes current and the article shows its extent. */
export function showItem(store: AnnotationStore, item: CurationItem): void {
  const pair = curationPair(store);
  const doc = store.model.document;
  if (pair === null || doc === null) return;
  store.view.curation = { ...pair, key: item.key };
  store.view.found = { documentId: doc.id, start: item.start, end: item.end };
  const n = disagreements(store).findIndex((i) => i.key === item.key) + 1;
  store.notify("info", () => t("curationAt", { n }));
}

/** Compare another pair of layers. */
export function choosePair(store: AnnotationStore, a: string, b: string): void {
  store.view.curation = { a, b, key: null };
  store.notify("info", () => t("curationPair", { a, b }));
}

/** Go to the next (1) or previous (-1) disagreement, after the actions queued before. */
export async function stepItem(store: AnnotationStore, direction: 1 | -1): Promise<void> {
  await store.queue(() => {
    const list = disagreements(store);
    const current = currentItem(store);
    const at = current === undefined ? -1 : list.findIndex((i) => i.key === current.key);
    const next = list[at + direction];
    if (next === undefined) store.notify("info", () => t("curationEnd"));
    else showItem(store, next);
    return Promise.resolve();
  });
}

/** The status line's words for spans taken into gold. */
function takenText(spans: readonly { text: string }[]) {
  const first = spans[0];
  return first === undefined ? null : () => t("takenIntoGold", { n: spans.length, text: isolate(excerpt(first.text)) });
}

/**
 * Take a version of the current group into gold (one undoable change, after the actions
 * queued before it), then go to the next disagreement not yet adjudicated.
 * @param edit take it, then show the gold layer with the copy active to change it there
 */
export async function take(store: AnnotationStore, choice: CurationChoice, edit = false): Promise<void> {
  let item: CurationItem | undefined;
  let taken: readonly SpanView[] = [];
  await store.perform(
    async () => {
      item = currentItem(store);
      if (item === undefined) return () => t("curationNothing");
      const spans = choice === "a" ? item.a : choice === "b" ? item.b : [...item.a, ...item.b];
      if (spans.length === 0) throw new Error(t("curationEmptySide"));
      taken = (await store.api.copyToGold({ spanIds: spans.map((s) => s.id) })).spans;
      return takenText(taken);
    },
    () => {
      const done = item;
      if (done === undefined) return;
      if (edit) {
        store.showLayers([GOLD_LAYER]);
        store.activate(taken[0]?.id ?? null);
        return;
      }
      const left = disagreements(store).filter((i) => !i.adjudicated);
      const next = left.find((i) => i.start >= done.start) ?? left[0];
      if (next !== undefined) showItem(store, next);
      else store.notify("info", () => t("curationDone"));
    },
  );
}

/** Take every group the two layers agree on into gold (the first layer's spans), in one step. */
export async function takeAgreements(store: AnnotationStore): Promise<void> {
  await store.perform(async () => {
    const agreed = curationList(store).filter((i) => i.differences.length === 0 && !i.adjudicated);
    if (agreed.length === 0) return () => t("curationNoAgreement");
    const { spans } = await store.api.copyToGold({ spanIds: agreed.flatMap((i) => i.a.map((s) => s.id)) });
    return takenText(spans);
  });
}
