/**
 * Suggestions: the quote pre-annotator's quotes, cues and speakers (`preannotate`), their
 * review (`reviewSuggestions`), and the project's cue list (`getCueLemmas`, `setCueLemmas`).
 * A suggestion is a span with `suggested_by` set; a relation is a suggestion when the span it
 * starts at is one. Exports other than the native JSONL leave suggestions out and say so.
 * Offsets in code points.
 */
import { excerptForHistory, type ChangeMessage } from "../../core/change-message.ts";
import type { OperationInput, OperationTable, PreannotatedDocument, PreannotateResult } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import type { LabelKind } from "../../core/labels.ts";
import { isDefaultCueList } from "../../core/preannotate/cues.ts";
import { preannotateQuotes, type Extent, type PriorAttribution } from "../../core/preannotate/rules.ts";
import { rejectionKey, type DocumentRow, type SpanRow, type StoredLabel } from "../../db/project.ts";
import type { Ops } from "./context.ts";
import { matchingEntities } from "./entities.ts";
import { checkExtent } from "./extent.ts";
import { filterByReviews, learnFromReviews } from "./review-model.ts";
import { runSteps, type Steps } from "./steps.ts";

/** The schema's first label of a kind that is in use. */
function labelOfKind(ops: Ops, kind: LabelKind): StoredLabel {
  const label = ops.store.labels().find((l) => l.kind === kind && !l.retired);
  if (label === undefined) throw new QawlError("bad_input", `this project's schema has no ${kind} label in use`);
  return label;
}

/**
 * Delete suggestions (their relations first, so undo restores them).
 * @param keepLinked keep a suggestion that a span outside `spans` still points to (a
 *   re-run of the pre-annotator must not pull a speaker from under an accepted quote);
 *   false when the person rejected these spans by name
 * @returns the ids of the spans deleted
 */
export function removeSuggestions(ops: Ops, spans: readonly SpanRow[], keepLinked = true): number[] {
  const removed: number[] = [];
  const doomed = new Set(spans.map((s) => s.id));
  for (const span of spans) {
    for (const r of ops.store.relationsTouching(span.id)) {
      if (r.from_span_id === span.id) ops.store.deleteRelation(r.id);
    }
  }
  for (const span of spans) {
    const links = ops.store.relationsTouching(span.id);
    if (keepLinked && links.some((r) => !doomed.has(r.from_span_id))) continue;
    for (const r of links) ops.store.deleteRelation(r.id);
    ops.store.deleteSpan(span.id);
    removed.push(span.id);
  }
  return removed;
}

/**
 * Pre-annotate one document. A new run replaces the pre-annotator's unreviewed suggestions:
 * those it suggests again stay as they are (with their cue and speaker), the others go.
 * @param suggestions what the rules suggest for it (`rulesSuggest`)
 * @returns what it newly suggested, the new span ids, and the unreviewed ones still there
 */
function preannotateDocument(
  ops: Ops,
  doc: DocumentRow,
  labels: Record<"quote" | "cue" | "speaker", StoredLabel>,
  suggestions: Suggestions,
) {
  const indexes = ops.indexesOf(doc);
  const { offsets } = indexes;
  const spans = ops.store.spansOf(doc.id);
  const earlier = spans.filter((s) => s.suggested_by === "rules");
  const earlierIds = new Set(earlier.map((s) => s.id));
  const relations = ops.store.relationsOf(doc.id);
  const created: number[] = [];
  const annotatorId = ops.annotatorId();
  const now = ops.now();
  const rejected = ops.store.rejectedExtents(doc.id);
  /** The span of a label on an extent: an existing one, or a new suggestion (null: none, or rejected before). */
  const spanAt = (label: StoredLabel, e: Extent, attributes: Record<string, string>): number | null => {
    const start = offsets.toCodePoint(e.start);
    const end = offsets.toCodePoint(e.end);
    const existing = ops.store.spanWithExtent(doc.id, label.id, start, end, annotatorId);
    if (existing !== undefined) return existing;
    if (rejected.has(rejectionKey(label.id, start, end))) return null;
    try {
      checkExtent(doc, indexes, label, start, end, null);
    } catch {
      return null; // an extent the rules got wrong (e.g. only punctuation) is not suggested
    }
    let entityId: number | null = null;
    if (label.kind === "speaker") {
      const candidates = matchingEntities(ops, offsets.slice(start, end));
      if (candidates.length === 1) entityId = candidates[0]?.id ?? null;
    }
    const id = ops.store.insertSpan(
      {
        document_id: doc.id,
        label_id: label.id,
        start,
        end,
        attributes: attributes,
        entity_id: entityId,
        annotator_id: annotatorId,
        suggested_by: "rules",
      },
      now,
    );
    created.push(id);
    return id;
  };
  const link = (type: string, from: number, to: number) => {
    const typeId = ops.store.relationTypeId(type);
    if (typeId === undefined) return;
    ops.store.insertRelation(
      {
        document_id: doc.id,
        type_id: typeId,
        from_span_id: from,
        to_span_id: to,
        to_entity_id: null,
        annotator_id: annotatorId,
      },
      now,
    );
  };
  const report: PreannotatedDocument = {
    documentId: doc.id,
    title: doc.title,
    quotes: 0,
    cues: 0,
    speakers: 0,
    carriedOver: 0,
    newQuotes: 0,
  };
  /** Earlier suggestions suggested again: kept, with the cue and speaker they link to. */
  const kept = new Set<number>();
  for (const s of suggestions) {
    const before = created.length;
    const quote = spanAt(labels.quote, s.quote, { type: s.type });
    if (quote === null) continue;
    if (created.length === before) {
      if (earlierIds.has(quote)) {
        // Suggested again: it stays, with its cue and speaker, and counts in the report.
        kept.add(quote);
        report.quotes++;
        for (const r of relations) {
          if (r.from_span_id !== quote || r.to_span_id === null) continue;
          kept.add(r.to_span_id);
          if (r.type === "cue") report.cues++;
          if (r.type === "attributed_to" && earlierIds.has(r.to_span_id) && !s.carried) report.speakers++;
        }
        if (s.carried) report.carriedOver++;
      }
      continue;
    }
    report.quotes++;
    report.newQuotes++;
    if (s.cue !== null) {
      const n = created.length;
      const cue = spanAt(labels.cue, s.cue, {});
      if (cue !== null) {
        link("cue", quote, cue);
        if (created.length > n) report.cues++;
      }
    }
    if (s.speaker !== null) {
      const n = created.length;
      const speaker = spanAt(labels.speaker, s.speaker, {});
      if (speaker !== null) {
        link("attributed_to", quote, speaker);
        if (created.length > n) report.speakers++;
        if (s.carried) report.carriedOver++;
      }
    }
  }
  removeSuggestions(
    ops,
    earlier.filter((s) => !kept.has(s.id)),
  );
  return { report, created, kept: [...kept].filter((id) => earlierIds.has(id)) };
}

/** The rules' quotes, cues and speakers. */
type Suggestions = ReturnType<typeof preannotateQuotes>;

/**
 * What the rules suggest for a document as it is now (reads only): its quotes that people
 * made (not the pre-annotator's) are given to the rules as known.
 */
function rulesSuggest(ops: Ops, doc: DocumentRow, names: readonly string[]): Suggestions {
  const { offsets } = ops.indexesOf(doc);
  const spans = ops.store.spansOf(doc.id);
  const earlierIds = new Set(spans.filter((s) => s.suggested_by === "rules").map((s) => s.id));
  const byId = new Map(spans.map((s) => [s.id, s]));
  const relations = ops.store.relationsOf(doc.id);
  const prior: PriorAttribution[] = spans
    .filter((s) => s.label_kind === "quote" && !earlierIds.has(s.id))
    .map((q) => {
      const speakerId = relations.find((r) => r.type === "attributed_to" && r.from_span_id === q.id)?.to_span_id;
      const speaker = speakerId === undefined || speakerId === null ? undefined : byId.get(speakerId);
      return {
        quote: { start: offsets.toUtf16(q.start), end: offsets.toUtf16(q.end) },
        speaker:
          speaker === undefined ? null : { start: offsets.toUtf16(speaker.start), end: offsets.toUtf16(speaker.end) },
      };
    });
  return preannotateQuotes(doc.text, ops.store.cueLemmas(), { prior, names });
}

/**
 * `preannotate` as steps (`steps.ts`): the rules run one document a step, reading only; the
 * suggestions are written in the last step, as one recorded change.
 */
export function* preannotateSteps(
  ops: Ops,
  { documentIds, accept }: OperationInput<"preannotate">,
): Steps<PreannotateResult> {
  const ids = documentIds ?? ops.store.documentIds();
  const docs = ids.map((id) => ops.document(id));
  const labels = {
    quote: labelOfKind(ops, "quote"),
    cue: labelOfKind(ops, "cue"),
    speaker: labelOfKind(ops, "speaker"),
  };
  yield { phase: "preannotate", done: 0, total: docs.length };
  // What the project's reviews taught: it holds back suggestions people would drop.
  const learned = learnFromReviews(ops);
  // Quotation marks around a known entity's name hold a name, not speech.
  const names = ops.store.entities().flatMap((e) => [e.name, ...e.aliases]);
  let heldBack = 0;
  let promoted = 0;
  const suggest = (doc: DocumentRow): Suggestions => {
    const filtered = filterByReviews(learned, doc.text, rulesSuggest(ops, doc, names));
    heldBack += filtered.heldBack;
    promoted += filtered.promoted;
    return filtered.kept;
  };
  const suggested = new Map<number, Suggestions>();
  for (const [i, doc] of docs.entries()) {
    yield { phase: "preannotate", done: i, total: docs.length };
    suggested.set(doc.id, suggest(doc));
  }
  yield { phase: "preannotate", done: docs.length, total: docs.length };
  const what: ChangeMessage =
    docs.length === 1
      ? { kind: "preannotate.document", title: excerptForHistory(docs[0]?.title ?? "") }
      : { kind: "preannotate.documents", count: docs.length };
  return ops.change(what, docs.length === 1 ? (docs[0]?.id ?? null) : null, () => {
    const documents: PreannotatedDocument[] = [];
    let created = 0;
    let accepted = 0;
    let keptInAll = 0;
    for (const stale of docs) {
      // The document as it is now: another client may have written since its step.
      const doc = ops.document(stale.id);
      const made = preannotateDocument(ops, doc, labels, suggested.get(doc.id) ?? suggest(doc));
      documents.push(made.report);
      created += made.created.length;
      keptInAll += made.kept.length;
      if (accept === true) {
        // Everything the rules suggest now: new, and still unreviewed from an earlier run.
        for (const id of [...made.kept, ...made.created]) ops.store.acceptSpan(id, ops.annotatorId(), ops.now());
        accepted += made.kept.length + made.created.length;
      }
      if (made.created.length > 0 && doc.status === "new")
        ops.store.setDocumentStatus(doc.id, "in_progress", ops.now());
    }
    return {
      documents,
      suggested: created,
      kept: keptInAll,
      accepted,
      heldBack,
      promoted,
      learnedFrom: learned?.documents ?? 0,
    };
  });
}

/** `preannotate`, `reviewSuggestions`, `getCueLemmas`, `setCueLemmas`. */
export function suggestionOperations(
  ops: Ops,
): Pick<OperationTable, "preannotate" | "reviewSuggestions" | "getCueLemmas" | "setCueLemmas"> {
  return {
    preannotate(input) {
      return runSteps(preannotateSteps(ops, input));
    },

    reviewSuggestions({ decision, spanIds, documentId }) {
      const spans =
        spanIds !== undefined
          ? spanIds.map((id) => ops.span(id))
          : ops.store.spansOf(documentId ?? 0).filter((s) => s.suggested_by !== null);
      if (documentId !== undefined) ops.document(documentId);
      const notSuggested = spans.find((s) => s.suggested_by === null);
      if (notSuggested !== undefined) {
        throw new QawlError(
          "bad_input",
          `span ${String(notSuggested.id)} is not a suggestion (it was already accepted)`,
        );
      }
      if (spans.length === 0) return { accepted: [], rejected: [] };
      const docId = spans.every((s) => s.document_id === spans[0]?.document_id)
        ? (spans[0]?.document_id ?? null)
        : null;
      if (decision === "accept") {
        // A quote brings its suggested cue and speaker along.
        const ids = new Set(spans.map((s) => s.id));
        for (const s of spans) {
          for (const r of ops.store.relationsTouching(s.id)) {
            if (r.from_span_id !== s.id || r.to_span_id === null) continue;
            const target = ops.store.span(r.to_span_id);
            if (target?.suggested_by !== null && target !== undefined) ids.add(target.id);
          }
        }
        const accepted = [...ids];
        ops.change({ kind: "suggestions.accept", count: accepted.length }, docId, () => {
          for (const id of accepted) ops.store.acceptSpan(id, ops.annotatorId(), ops.now());
        });
        return { accepted, rejected: [] };
      }
      // Rejecting a quote also drops the suggested cue and speaker only it used.
      const targets: SpanRow[] = [];
      for (const s of spans) {
        for (const r of ops.store.relationsTouching(s.id)) {
          if (r.from_span_id !== s.id || r.to_span_id === null) continue;
          const target = ops.store.span(r.to_span_id);
          if (target !== undefined && target.suggested_by !== null && !spans.some((x) => x.id === target.id)) {
            targets.push(target);
          }
        }
      }
      // Named by what goes: a quote takes its suggested cue and speaker along.
      const message = (removed: number[]): ChangeMessage => ({ kind: "suggestions.reject", count: removed.length });
      const rejected = ops.change(message, docId, () => {
        // Remembered, so that pre-annotation and propagation never suggest them again.
        for (const s of spans) ops.store.insertRejection(s.document_id, ops.label(s.label).id, s.start, s.end);
        const removed = removeSuggestions(ops, spans, false);
        const orphans = targets.filter(
          (t, i, all) => all.findIndex((x) => x.id === t.id) === i && ops.store.relationsTouching(t.id).length === 0,
        );
        return [...removed, ...removeSuggestions(ops, orphans)];
      });
      return { accepted: [], rejected };
    },

    getCueLemmas() {
      return ops.store.cueLemmas();
    },

    setCueLemmas({ cues, basedOn }) {
      const seen = new Set<string>();
      for (const c of cues) {
        if (seen.has(c.lemma)) {
          throw new QawlError("bad_input", `cue lemma ${c.lemma} is listed twice`, {
            kind: "cue.twice",
            lemma: c.lemma,
          });
        }
        seen.add(c.lemma);
      }
      const message: ChangeMessage = isDefaultCueList(cues)
        ? { kind: "cues.reset" }
        : { kind: "cues.set", count: cues.length };
      ops.change(message, null, () => {
        ops.fresh(basedOn, "cues", 0, null);
        ops.store.replaceCueLemmas(cues);
      });
      return ops.store.cueLemmas();
    },
  };
}
