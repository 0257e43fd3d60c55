/**
 * The page's state, as plain TypeScript that knows nothing of the DOM: the project's
 * schema, its documents and entities, the open document, the active span, the undo
 * history. Every change goes to the API at once (so it persists); the store then updates
 * itself from the answer and tells its listeners. Offsets here are code points, as in the
 * contract.
 */
import type {
  Api,
  DocumentStatus,
  DocumentSummary,
  DocumentView,
  EntityDetail,
  EntityView,
  ExportFormat,
  ExportResult,
  Fragment,
  HistoryEntry,
  HistoryState,
  ImportReport,
  OperationInput,
  LabelView,
  ProjectInfo,
  RelationView,
  SearchResult,
  SpanView,
} from "../../core/contract.ts";
import { excerptForHistory } from "../../core/change-message.ts";
import type { ErrorDetail } from "../../core/errors.ts";
import type { ImportFormat as ReadFormat } from "../../core/import-formats.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";
import { nearestOnLine } from "../../core/article/nearest.ts";
import { graphemeBoundaries, stepGrapheme } from "../../core/text/graphemes.ts";
import { stepWord } from "../../core/text/words.ts";
import { excerpt, isolate } from "../format.ts";
import { changeText } from "../i18n/changes.ts";
import { errorText } from "../i18n/errors.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { storeMessages as t } from "./store.messages.ts";

/** A message for the status line; `text` is worded in the interface language each time it is read. */
export interface StatusMessage {
  kind: "info" | "error";
  readonly text: string;
}

/**
 * A status text: how to word it (a message key with its parameters, run again when the
 * interface language changes), or a string already made (which stays as it is).
 */
export type StatusText = string | (() => string);

/** A format the import reads (`auto` finds it per file). */
/** A format the import menu offers: one Qawl reads, or `auto` to find it per file. */
export type ImportFormat = "auto" | ReadFormat;

/** Which list the side panel shows. */
export type SidePanel = "spans" | "entities" | "search";

/** What the search panel asks (see the `search` operation). */
export interface SearchQuery {
  query: string;
  scope: "text" | "quotes" | "speaker";
  label: string;
  status: DocumentStatus | "";
}

/** The `search` operation's input for what the search panel asks. */
export function searchInput(query: SearchQuery): OperationInput<"search"> {
  return {
    query: query.query,
    scope: query.scope,
    ...(query.label !== "" ? { label: query.label } : {}),
    ...(query.status !== "" ? { status: query.status } : {}),
  };
}

/** A place in the open document to show (a search hit), code points. */
export interface FoundRange {
  documentId: number;
  start: number;
  end: number;
}

const LAST_DOCUMENT_KEY = "qawl.lastDocument";

/** How long after a new span the undo history and entity matches are fetched, in milliseconds. */
const AFTER_CHANGE_DELAY_MS = 120;

/**
 * How long the annotator must pause after tagging names before their other mentions are
 * suggested, in milliseconds: tagging in a burst is never held up by propagation.
 */
const PROPAGATE_IDLE_MS = 600;

/** Read a browser file as base64 (RFC 4648 §4). */
async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Whether history entry `entry` is the tagging of `span` (added, or a suggestion accepted by labelling it). */
function isTaggingOf(entry: HistoryEntry, span: SpanView): boolean {
  const m = entry.message;
  return (
    entry.documentId === span.documentId &&
    (m?.kind === "span.add" || m?.kind === "span.accept") &&
    m.label.name === span.label &&
    m.text === excerptForHistory(span.text)
  );
}

/** Insert a span into a list ordered by start, then longest first (the order `getDocument` gives). */
function insertSorted(spans: SpanView[], span: SpanView): SpanView[] {
  const i = spans.findIndex((s) => s.start > span.start || (s.start === span.start && s.end < span.end));
  return i < 0 ? [...spans, span] : [...spans.slice(0, i), span, ...spans.slice(i)];
}

/** The page's state and the actions people take on it. */
export class AnnotationStore extends EventTarget {
  readonly api: Api;
  project: ProjectInfo | null = null;
  documents: DocumentSummary[] = [];
  document: DocumentView | null = null;
  entities: EntityView[] = [];
  /** The entity shown in the entity panel, with its mentions. */
  entity: EntityDetail | null = null;
  /** Entities whose name or alias matches the active span's text. */
  candidates: EntityView[] = [];
  history: HistoryState = { undo: null, redo: null };
  /** Offset and grapheme indexes of the open document's text. */
  offsets: OffsetIndex | null = null;
  graphemes: Uint32Array | null = null;
  activeSpanId: number | null = null;
  panel: SidePanel = "spans";
  status: StatusMessage | null = null;
  busy = false;
  /** Files read so far by an import, for its progress bar. */
  progress: { done: number; total: number } | null = null;
  /** The search panel's question and its answer. */
  searchQuery: SearchQuery = { query: "", scope: "text", label: "", status: "" };
  searchResult: SearchResult | null = null;
  /** The search hit shown in the article. */
  found: FoundRange | null = null;

  constructor(api: Api) {
    super();
    this.api = api;
  }

  #changed(): void {
    this.dispatchEvent(new Event("change"));
  }

  #say(kind: StatusMessage["kind"], text: StatusText): void {
    const word = typeof text === "function" ? text : () => text;
    this.status = {
      kind,
      get text() {
        return word();
      },
    };
  }

  /**
   * Run an action after the ones before it (so each sees the state the previous left, even
   * when keys are pressed faster than the API answers); a refusal becomes an error message.
   */
  #act(action: () => Promise<void>): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      try {
        await action();
        return true;
      } catch (e) {
        const error = e as Error & { detail?: ErrorDetail | null };
        this.#say("error", () => errorText(error));
        return false;
      } finally {
        this.#changed();
      }
    };
    const result = this.#queue.then(run);
    this.#queue = result.then(() => undefined);
    return result;
  }

  #queue: Promise<void> = Promise.resolve();

  /** Labels offered for new spans. */
  get labels(): LabelView[] {
    return (this.project?.labels ?? []).filter((l) => !l.retired);
  }

  /** The label definition called `name`. */
  label(name: string): LabelView | undefined {
    return this.project?.labels.find((l) => l.name === name);
  }

  /** A label's name to show (its display name, in the interface language for a default label). */
  #labelName(name: string): string {
    const label = this.label(name);
    return label === undefined ? name : labelDisplayName(label);
  }

  /** Kind of a span's label. */
  kindOf(span: SpanView): string | undefined {
    return this.label(span.label)?.kind;
  }

  /** Position of a label in the schema (its colour class and highlight follow it). */
  labelIndex(name: string): number {
    return this.project?.labels.findIndex((l) => l.name === name) ?? -1;
  }

  /** The span with this id in the open document. */
  span(id: number | null): SpanView | undefined {
    return id === null ? undefined : this.document?.spans.find((s) => s.id === id);
  }

  /** The active span. */
  get activeSpan(): SpanView | undefined {
    return this.span(this.activeSpanId);
  }

  /** Relations that start at a span. */
  relationsFrom(spanId: number): RelationView[] {
    return this.document?.relations.filter((r) => r.fromSpanId === spanId) ?? [];
  }

  /** The span of a kind closest to a span on its line, else anywhere (see `core/article/nearest.ts`). */
  nearestSpan(from: SpanView, kind: string): SpanView | undefined {
    if (this.document === null || this.offsets === null) return undefined;
    const candidates = this.document.spans.filter((s) => s.id !== from.id && this.kindOf(s) === kind);
    return nearestOnLine(this.offsets, from, candidates);
  }

  /**
   * For a quote attributed to an entity (a carried-over speaker): the speaker entity of the
   * quote before it now, when that differs — the carry-over may be stale.
   */
  staleCarryOver(quote: SpanView): EntityView | undefined {
    const carried = this.relationsFrom(quote.id).find((r) => r.type === "attributed_to" && r.toEntityId !== null);
    if (carried === undefined || this.document === null) return undefined;
    const previous = this.document.spans
      .filter((s) => s.start < quote.start && this.kindOf(s) === "quote")
      .map((s) => ({ s, r: this.relationsFrom(s.id).find((r) => r.type === "attributed_to") }))
      .filter((x) => x.r !== undefined)
      .pop();
    if (previous?.r === undefined) return undefined;
    const entityId = previous.r.toEntityId ?? this.span(previous.r.toSpanId)?.entityId ?? null;
    return entityId !== null && entityId !== carried.toEntityId ? this.entityById(entityId) : undefined;
  }

  /** An entity of the registry. */
  entityById(id: number | null): EntityView | undefined {
    return id === null ? undefined : this.entities.find((e) => e.id === id);
  }

  /** Load the project and open the last (or first) document. */
  async init(): Promise<void> {
    await this.#act(async () => {
      this.project = await this.api.getProject({});
      this.documents = await this.api.listDocuments({});
      this.entities = await this.api.listEntities({});
      this.history = await this.api.getHistory({});
      const remembered = Number(localStorage.getItem(`${LAST_DOCUMENT_KEY}:${this.project.path}`));
      const first = this.documents.find((d) => d.id === remembered) ?? this.documents[0];
      if (first !== undefined) await this.#load(first.id);
    });
  }

  async #load(documentId: number): Promise<void> {
    const doc = await this.api.getDocument({ documentId });
    if (this.document?.textSha256 !== doc.textSha256) {
      this.offsets = new OffsetIndex(doc.text);
      this.graphemes = graphemeBoundaries(doc.text);
    }
    if (this.document?.id !== doc.id) {
      this.activeSpanId = null;
      this.candidates = [];
    }
    this.document = doc;
    if (this.activeSpanId !== null && this.span(this.activeSpanId) === undefined) this.activeSpanId = null;
    if (this.project !== null) localStorage.setItem(`${LAST_DOCUMENT_KEY}:${this.project.path}`, String(doc.id));
  }

  /** Refetch what any change may have touched: the document, the list, entities, schema, history. */
  async #refresh(): Promise<void> {
    const [documents, entities, history, project] = await Promise.all([
      this.api.listDocuments({}),
      this.api.listEntities({}),
      this.api.getHistory({}),
      this.api.getProject({}),
    ]);
    this.documents = documents;
    this.entities = entities;
    this.history = history;
    this.project = project;
    if (this.document !== null) {
      if (documents.some((d) => d.id === this.document?.id)) await this.#load(this.document.id);
      else this.document = null;
    }
    if (this.entity !== null) {
      const id = this.entity.id;
      this.entity = entities.some((e) => e.id === id) ? await this.api.getEntity({ entityId: id }) : null;
    }
  }

  /** Open a document (an error shown about the one before goes away). */
  async openDocument(documentId: number): Promise<void> {
    if (this.status?.kind === "error") this.status = null;
    await this.#act(() => this.#load(documentId));
  }

  /** Reload everything (after a change made by the host, e.g. Electron's menu). */
  async reload(): Promise<void> {
    await this.#act(async () => {
      await this.#refresh();
      if (this.document === null) {
        const last = this.documents[this.documents.length - 1];
        if (last !== undefined) await this.#load(last.id);
      }
    });
  }

  /**
   * Import article files chosen or dropped by the user; opens the first new document.
   * @param encoding WHATWG label of the files' encoding; strict UTF-8 when absent
   * @param format the files' format; found per file when absent
   */
  async importFiles(files: File[], encoding?: string, format?: ImportFormat): Promise<ImportReport | null> {
    if (files.length === 0) return null;
    let report: ImportReport | null = null;
    this.busy = true;
    this.progress = { done: 0, total: files.length };
    this.#say("info", () => t("reading", { n: files.length }));
    this.#changed();
    await this.#act(async () => {
      const inputs: { name: string; contentBase64: string }[] = [];
      for (const f of files) {
        // A file picked from a folder keeps its path inside the folder.
        const name = f.webkitRelativePath === "" ? f.name : f.webkitRelativePath;
        inputs.push({ name, contentBase64: await fileToBase64(f) });
        this.progress = { done: inputs.length, total: files.length };
        this.#changed();
      }
      this.#say("info", () => t("importing", { n: files.length }));
      this.#changed();
      report = await this.api.importDocuments({
        files: inputs,
        ...(encoding !== undefined ? { encoding } : {}),
        ...(format !== undefined ? { format } : {}),
      });
      const imported = report.outcomes.filter((o) => o.status === "imported");
      const duplicates = report.outcomes.filter((o) => o.status === "duplicate");
      // An import may bring labels, relation types and entities as well as documents.
      await this.#refresh();
      const open = imported[0] ?? duplicates[0];
      if (open !== undefined) await this.#load(open.documentId);
      const notes = report.notes;
      const titles = new Map(this.documents.map((d) => [d.id, d.title]));
      const summary = () => {
        const parts = [t("imported", { n: imported.length })];
        if (duplicates.length > 0) {
          // Each file with the document that already has its text.
          const names = duplicates
            .map((d) => {
              const title = titles.get(d.documentId);
              return title === undefined ? d.file : `${d.file}: «${isolate(excerpt(title))}»`;
            })
            .join(t("listSeparator"));
          parts.push(t("duplicates", { n: duplicates.length, files: names }));
        }
        // The notes come from the readers (core), in English.
        return [...parts, ...notes].join(t("separator"));
      };
      this.#say("info", summary);
    });
    this.busy = false;
    this.progress = null;
    this.#changed();
    return report;
  }

  /**
   * Export documents in a format; the result (files and loss report) is returned for the
   * page to save and show.
   * @param documentIds the documents to export; all when absent
   */
  async exportDocuments(
    format: ExportFormat,
    documentIds?: number[],
    variant?: "relations" | "spans",
  ): Promise<ExportResult | null> {
    let result: ExportResult | null = null;
    await this.#act(async () => {
      const done = await this.api.exportDocuments({
        format,
        ...(documentIds !== undefined ? { documentIds } : {}),
        ...(variant !== undefined ? { variant } : {}),
      });
      result = done;
      const lost = done.report.documents.length;
      this.#say(
        "info",
        t("exported", { n: done.documentCount, format }) +
          (lost > 0 ? t("separator") + t("exportLost", { n: lost }) : ""),
      );
    });
    return result;
  }

  /**
   * Label the text between two code point offsets of the open document. The new span is
   * added to the page's state from the answer, without reloading the document.
   * @returns the new span, or null when it was refused (the status says why)
   */
  async createSpan(label: string, start: number, end: number): Promise<SpanView | null> {
    const documentId = this.document?.id;
    if (documentId === undefined) return null;
    let created: SpanView | null = null;
    await this.#act(async () => {
      let span: SpanView;
      try {
        span = await this.api.createSpan({ documentId, label, start, end });
      } catch (e) {
        // Already there: that span becomes active, so the annotator sees it (the message says why).
        if ((e as { detail?: ErrorDetail | null }).detail?.kind === "span.duplicate") {
          const twin = this.document?.spans.find((s) => s.label === label && s.start === start && s.end === end);
          if (twin !== undefined) this.activeSpanId = twin.id;
        }
        throw e;
      }
      // The document as the actions before this one left it (keys may come faster than answers).
      const doc = this.document;
      if (doc?.id !== documentId) return;
      created = span;
      this.activeSpanId = span.id;
      const spanCounts = { ...doc.spanCounts, [label]: (doc.spanCounts[label] ?? 0) + 1 };
      const status: DocumentStatus = doc.status === "new" ? "in_progress" : doc.status;
      // Labelling exactly a suggestion accepts it (same span, no longer suggested).
      const accepted = doc.spans.some((s) => s.id === span.id);
      const spans = accepted ? doc.spans.map((s) => (s.id === span.id ? span : s)) : insertSorted(doc.spans, span);
      const suggestionCount = doc.suggestionCount - (accepted ? 1 : 0);
      this.document = { ...doc, spans, spanCounts, status, suggestionCount };
      this.documents = this.documents.map((d) => (d.id === doc.id ? { ...d, spanCounts, status, suggestionCount } : d));
      this.#say("info", () => `${this.#labelName(label)}: ${isolate(excerpt(span.text))}`);
      // Not needed to show the new span: let it paint first.
      setTimeout(() => void this.#afterChange(span), AFTER_CHANGE_DELAY_MS);
    });
    const made = this.span(this.activeSpanId);
    if (made !== undefined && made.label === label && this.label(label)?.kind === "entity")
      this.#schedulePropagation(made);
    return created;
  }

  /**
   * Suggestion steps made by propagating a name right after it was tagged: the suggestions'
   * history entry id → the tagging's. Undoing the one undoes the other, and so does redoing.
   */
  readonly #madeFrom = new Map<number, HistoryEntry>();

  /**
   * The change the Undo button takes back: the latest entry, or, when that is the
   * suggestions propagated from a name just tagged, the tagging (both go in one step).
   */
  get undoStep(): HistoryEntry | null {
    const latest = this.history.undo;
    return latest === null ? null : (this.#madeFrom.get(latest.id) ?? latest);
  }

  /** Names tagged since the last propagation, waiting for the annotator to pause. */
  #toPropagate: SpanView[] = [];
  #propagateTimer: ReturnType<typeof setTimeout> | undefined;

  /** Propagate a name once the annotator pauses (each new tag restarts the wait). */
  #schedulePropagation(span: SpanView): void {
    this.#toPropagate.push(span);
    clearTimeout(this.#propagateTimer);
    this.#propagateTimer = setTimeout(() => {
      const spans = this.#toPropagate;
      this.#toPropagate = [];
      for (const s of spans) void this.#propagate(s);
    }, PROPAGATE_IDLE_MS);
  }

  /**
   * Suggest the other mentions of a name just tagged, in this document and the corpus; the
   * open document gets them without a reload.
   */
  async #propagate(span: SpanView): Promise<void> {
    await this.#act(async () => {
      if (this.span(span.id)?.label !== span.label) return; // deleted or relabelled meanwhile
      const before = (await this.api.getHistory({})).undo;
      const result = await this.api.propagateNames({ spanId: span.id });
      if (result.suggested === 0) return;
      const doc = this.document;
      if (doc !== null && doc.id === span.documentId && result.inDocument.length > 0) {
        let spans = doc.spans;
        for (const made of result.inDocument) spans = insertSorted(spans, made);
        const suggestionCount = doc.suggestionCount + result.inDocument.length;
        this.document = { ...doc, spans, suggestionCount };
      }
      this.documents = await this.api.listDocuments({});
      this.history = await this.api.getHistory({});
      // Made from the tagging just before: one Ctrl+Z takes both back (see #travel).
      const suggestions = this.history.undo;
      if (before !== null && suggestions !== null && isTaggingOf(before, span))
        this.#madeFrom.set(suggestions.id, before);
      this.#say("info", () => t("propagated", { n: result.suggested, name: isolate(excerpt(span.text)) }));
    });
  }

  /** Work after a change that is not needed to paint it: history, and entity candidates of a new mention. */
  async #afterChange(span?: SpanView): Promise<void> {
    this.history = await this.api.getHistory({});
    if (span !== undefined) await this.#loadCandidates(span);
    this.#changed();
  }

  async #loadCandidates(span: SpanView | undefined): Promise<void> {
    const kind = span === undefined ? undefined : this.kindOf(span);
    this.candidates =
      span !== undefined &&
      span.entityId === null &&
      (kind === "speaker" || kind === "entity") &&
      this.entities.length > 0
        ? await this.api.entityCandidates({ spanId: span.id })
        : [];
  }

  /** Make a span the active one (or none). */
  activate(spanId: number | null): void {
    this.activeSpanId = spanId;
    this.candidates = [];
    this.#changed();
    void this.#loadCandidates(this.span(spanId)).then(() => {
      this.#changed();
    });
  }

  /** Run a change through the API, then refresh everything it may have touched. */
  async #edit(action: () => Promise<StatusText | null>, after?: () => void): Promise<boolean> {
    return this.#act(async () => {
      const message = await action();
      await this.#refresh();
      after?.();
      await this.#loadCandidates(this.activeSpan);
      if (message !== null) this.#say("info", message);
    });
  }

  /** Give the active span another label. */
  async relabelActive(label: string): Promise<void> {
    const span = this.activeSpan;
    if (span === undefined || span.label === label) return;
    await this.#edit(async () => {
      await this.api.updateSpan({ spanId: span.id, label });
      return () => t("changedTo", { label: this.#labelName(label), text: isolate(excerpt(span.text)) });
    });
  }

  /** Set one attribute of a span (e.g. a quote's `type`). */
  async setAttribute(spanId: number, name: string, value: string): Promise<void> {
    const span = this.span(spanId);
    if (span === undefined) return;
    await this.#edit(async () => {
      await this.api.updateSpan({ spanId, attributes: { ...span.attributes, [name]: value } });
      return () => t("attributeSet", { name, value });
    });
  }

  /** Move one end of a span to a code point offset (the other end stays). */
  async resize(spanId: number, edge: "start" | "end", to: number): Promise<void> {
    await this.#edit(async () => {
      const span = this.span(spanId);
      if (span === undefined || span[edge] === to) return null;
      const resized = await this.api.updateSpan({ spanId, [edge]: to });
      return () => t("resized", { text: isolate(excerpt(resized.text)) });
    });
  }

  /**
   * Move one end of the active span by a character or a word, computed when the move runs
   * (after any earlier move has landed).
   */
  async nudgeActive(
    edge: "start" | "end",
    direction: "forward" | "backward",
    unit: "grapheme" | "word",
  ): Promise<void> {
    await this.#edit(async () => {
      const span = this.activeSpan;
      if (span === undefined || this.offsets === null || this.graphemes === null) return null;
      const u16 = this.offsets.toUtf16(span[edge]);
      const next =
        unit === "word" ? stepWord(this.offsets.text, u16, direction) : stepGrapheme(this.graphemes, u16, direction);
      const to = this.offsets.toCodePoint(next);
      if (to === span[edge]) return null;
      const resized = await this.api.updateSpan({ spanId: span.id, [edge]: to });
      return () => t("resized", { text: isolate(excerpt(resized.text)) });
    });
  }

  /** Add a piece of text to a quote as a further fragment (a discontinuous quote). */
  async addFragment(spanId: number, piece: Fragment): Promise<void> {
    const span = this.span(spanId);
    if (span === undefined) return;
    const pieces = [...(span.fragments ?? [{ start: span.start, end: span.end }]), piece].sort(
      (a, b) => a.start - b.start,
    );
    await this.#edit(async () => {
      await this.api.updateSpan({ spanId, fragments: pieces });
      return () => t("fragments", { n: pieces.length });
    });
  }

  /** Make a discontinuous span contiguous again, keeping its first fragment. */
  async removeFragments(spanId: number): Promise<void> {
    const span = this.span(spanId);
    const first = span?.fragments?.[0];
    if (first === undefined) return;
    await this.#edit(async () => {
      await this.api.updateSpan({ spanId, fragments: null, start: first.start, end: first.end });
      return () => t("firstFragmentKept");
    });
  }

  /** Set or clear a span's note. */
  async setNote(spanId: number, note: string): Promise<void> {
    const span = this.span(spanId);
    if (span === undefined || (span.note ?? "") === note) return;
    await this.#edit(async () => {
      await this.api.updateSpan({ spanId, note: note.trim() === "" ? null : note });
      return () => (note.trim() === "" ? t("noteRemoved") : t("noteSaved"));
    });
  }

  /** Delete a span; its relations go with it, and the status says how many. */
  async deleteSpan(spanId: number): Promise<void> {
    const span = this.span(spanId);
    if (span === undefined) return;
    await this.#edit(async () => {
      const result = await this.api.deleteSpan({ spanId });
      if (this.activeSpanId === spanId) this.activeSpanId = null;
      const n = result.deletedRelationIds.length;
      return () =>
        t("deleted", { label: this.#labelName(span.label), text: isolate(excerpt(span.text)) }) +
        (n > 0 ? t("deletedLinks", { n }) : "");
    });
  }

  /**
   * Link a quote to a span by a relation type (`attributed_to`, `cue`), replacing the
   * previous link of that type; `toSpanId` null removes the link.
   */
  async link(quoteId: number, type: string, toSpanId: number | null): Promise<void> {
    await this.#edit(async () => {
      if (toSpanId === null) {
        for (const r of this.relationsFrom(quoteId).filter((r) => r.type === type)) {
          await this.api.deleteRelation({ relationId: r.id });
        }
        return () => t("linkRemoved");
      }
      await this.api.createRelation({ type, fromSpanId: quoteId, toSpanId });
      const to = this.span(toSpanId);
      return () => (to === undefined ? t("linkedToSpan") : t("linkedTo", { text: isolate(excerpt(to.text)) }));
    });
  }

  /** Attribute a quote to the speaker (entity) of the previous quote: `وأضاف: "…"`. */
  async carryOverSpeaker(quoteId: number): Promise<void> {
    await this.#edit(async () => {
      const { entity } = await this.api.carryOverSpeaker({ quoteId });
      return () => t("sameSpeaker", { name: isolate(entity.name) });
    });
  }

  /** Link a speaker or name span to an entity (null unlinks). */
  async linkEntity(spanId: number, entityId: number | null): Promise<void> {
    await this.#edit(async () => {
      await this.api.updateSpan({ spanId, entityId });
      const entity = this.entityById(entityId);
      return () => (entity === undefined ? t("entityLinkRemoved") : t("refersTo", { name: isolate(entity.name) }));
    });
  }

  /** Make a new entity from a span (its text as the name) and link the span to it. */
  async createEntityFrom(spanId: number): Promise<void> {
    const span = this.span(spanId);
    if (span === undefined) return;
    const type = this.kindOf(span) === "speaker" ? "PER" : span.label;
    await this.#edit(async () => {
      const entity = await this.api.createEntity({ name: span.text, type, spanIds: [spanId] });
      return () => t("newEntity", { name: isolate(entity.name) });
    });
  }

  /** Show the entity panel for one entity (or the list when null). */
  async showEntity(entityId: number | null): Promise<void> {
    await this.#act(async () => {
      this.panel = "entities";
      this.entity = entityId === null ? null : await this.api.getEntity({ entityId });
    });
  }

  /** Switch the side panel. */
  showPanel(panel: SidePanel): void {
    this.panel = panel;
    this.#changed();
  }

  /** Rename an entity or change its type, aliases or Wikidata id. */
  async updateEntity(
    entityId: number,
    change: { name?: string; type?: string; aliases?: string[]; kbId?: string | null },
  ): Promise<void> {
    await this.#edit(async () => {
      const entity = await this.api.updateEntity({ entityId, ...change });
      return () => t("entitySaved", { name: isolate(entity.name) });
    });
  }

  /** Merge entities into one; their mentions and quotes move to it. */
  async mergeEntities(intoId: number, fromIds: number[]): Promise<void> {
    await this.#edit(async () => {
      const entity = await this.api.mergeEntities({ intoId, fromIds });
      return () => t("merged", { name: isolate(entity.name), n: entity.mentionCount });
    });
  }

  /** Open a document and make one of its spans active (from the entity panel). */
  async goToSpan(documentId: number, spanId: number): Promise<void> {
    await this.#act(async () => {
      if (this.document?.id !== documentId) await this.#load(documentId);
      this.activeSpanId = spanId;
    });
  }

  /** Delete the open document (not undoable: the API clears the undo history); the next in the list opens. */
  async deleteDocument(): Promise<void> {
    const doc = this.document;
    if (doc === null) return;
    await this.#act(async () => {
      const at = this.documents.findIndex((d) => d.id === doc.id);
      await this.api.deleteDocuments({ documentIds: [doc.id] });
      await this.#refresh();
      const next = this.documents[Math.min(Math.max(at, 0), this.documents.length - 1)];
      if (next !== undefined) await this.#load(next.id);
      // Search hits in the deleted document would lead nowhere: ask again.
      if (this.found?.documentId === doc.id) this.found = null;
      if (this.searchResult !== null) this.searchResult = await this.api.search(searchInput(this.searchQuery));
      this.#say("info", () => t("documentDeleted", { title: isolate(excerpt(doc.title)) }));
    });
  }

  /** Set the open document's status. */
  async setStatus(status: DocumentStatus): Promise<void> {
    const doc = this.document;
    if (doc === null || doc.status === status) return;
    await this.#edit(async () => {
      await this.api.setDocumentStatus({ documentId: doc.id, status });
      // Done with suggestions left: say so, since they will not be exported.
      const left = doc.spans.filter((s) => s.suggested !== null).length;
      return () => t("statusSet", { status }) + (status === "done" && left > 0 ? t("stillToReview", { n: left }) : "");
    });
  }

  /** Set the open document's details (title, date, URL, outlet, author; `null` clears one): one undoable step. */
  async updateDetails(details: Omit<OperationInput<"updateDocument">, "documentId">): Promise<boolean> {
    const doc = this.document;
    if (doc === null) return false;
    return this.#edit(async () => {
      const saved = await this.api.updateDocument({ documentId: doc.id, ...details });
      return () => t("detailsSaved", { title: isolate(excerpt(saved.title)) });
    });
  }

  /** Add a label to the schema. */
  async createLabel(label: {
    name: string;
    kind: LabelView["kind"];
    displayName: string;
    key: string | null;
    color: string;
  }): Promise<boolean> {
    return this.#edit(async () => {
      await this.api.createLabel(label);
      return () => t("labelAdded", { name: labelDisplayName(label) });
    });
  }

  /** Change a label: display name, export name, key, colour, retired. */
  async updateLabel(
    name: string,
    change: { newName?: string; displayName?: string; key?: string | null; color?: string; retired?: boolean },
  ): Promise<boolean> {
    return this.#edit(async () => {
      const label = await this.api.updateLabel({ name, ...change });
      return () => t("labelSaved", { name: labelDisplayName(label) });
    });
  }

  /** Undo the latest change (opening the document it touched). */
  async undo(): Promise<void> {
    await this.#travel("undo");
  }

  /** Redo the latest undone change. */
  async redo(): Promise<void> {
    await this.#travel("redo");
  }

  async #travel(direction: "undo" | "redo"): Promise<void> {
    // A name tagged just before Ctrl+Z is not propagated: a change landing after an undo
    // would surprise the annotator and take their redo away.
    clearTimeout(this.#propagateTimer);
    this.#toPropagate = [];
    await this.#act(async () => {
      const result = direction === "undo" ? await this.api.undo({}) : await this.api.redo({});
      let entry = "undone" in result ? result.undone : result.redone;
      // A name's suggestions go with its tagging: undo both (suggestions first), or redo both.
      if (entry !== null) {
        const id = entry.id;
        const tagging = this.#madeFrom.get(id);
        if (direction === "undo" && tagging !== undefined && result.history.undo?.id === tagging.id) {
          entry = (await this.api.undo({})).undone ?? entry;
        } else if (direction === "redo") {
          const suggestions = [...this.#madeFrom].find(([, tag]) => tag.id === id)?.[0];
          if (suggestions !== undefined && result.history.redo?.id === suggestions) await this.api.redo({});
        }
      }
      if (entry === null) {
        this.#say("info", () => (direction === "undo" ? t("nothingToUndo") : t("nothingToRedo")));
        return;
      }
      if (entry.documentId !== null && entry.documentId !== this.document?.id) await this.#load(entry.documentId);
      await this.#refresh();
      this.#say("info", () => {
        const description = changeText(entry);
        return direction === "undo" ? t("undone", { description }) : t("redone", { description });
      });
    });
  }

  /**
   * Run a change through the API (after the actions before it), then refresh everything it
   * may have touched; the returned text goes to the status line.
   * @param after runs once the state is refreshed, before the next queued action (e.g. to
   *   choose the span to make active from the new state); not run when the action fails
   * @returns whether it succeeded (a refusal's message is shown)
   */
  perform(action: () => Promise<StatusText | null>, after?: () => void): Promise<boolean> {
    return this.#edit(action, after);
  }

  /**
   * Run `action` once the actions queued before it are done, so it sees the state they
   * leave (which span is active, what the document holds), not the state at the key press.
   */
  whenSettled(action: () => void): void {
    void this.#act(() => {
      action();
      return Promise.resolve();
    });
  }

  /** Run a read or a view change after the actions before it; a refusal's message is shown. */
  queue(action: () => Promise<void>): Promise<boolean> {
    return this.#act(action);
  }

  /** Open a document within a queued action (see `queue`). */
  async load(documentId: number): Promise<void> {
    await this.#load(documentId);
  }

  /** Show a message in the status line. */
  notify(kind: StatusMessage["kind"], text: StatusText): void {
    this.#say(kind, text);
    this.#changed();
  }
}
