/**
 * The commands people give the page (ARCHITECTURE.md §8): each goes to the API at once (so
 * it persists), and the records its reply carries are applied to the page's model
 * (`project-model.ts`); view state (`view-state.ts`) follows. Actions run one after another,
 * so each sees the state the one before left, however fast keys come. Listeners hear
 * `change` after each. Offsets are code points, as in the contract. No DOM.
 */
import { isGoldLayer } from "../../core/layers.ts";
import { PERSON_LABEL } from "../../core/labels.ts";
import type { AgreementReport } from "../../core/agreement/report.ts";
import type {
  Api,
  ChangeView,
  DocumentStatus,
  ExportFormat,
  ExportResult,
  Fragment,
  HistoryEntry,
  HistoryState,
  ImportReport,
  OperationInput,
  LabelView,
  SpanView,
} from "../../core/contract.ts";
import { excerptForHistory } from "../../core/change-message.ts";
import type { ErrorDetail } from "../../core/errors.ts";
import type { ImportFormat as ReadFormat } from "../../core/formats/registry.ts";
import { stepGrapheme } from "../../core/text/graphemes.ts";
import { stepWord } from "../../core/text/words.ts";
import type { EffectsListener } from "../api/index.ts";
import { excerpt, isolate } from "../format.ts";
import { changeText } from "../i18n/changes.ts";
import { errorText } from "../i18n/errors.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { ProjectModel, type Applied } from "./project-model.ts";
import { typedNote } from "./drafts.ts";
import { storeMessages as t } from "./store.messages.ts";
import { searchInput, ViewState, type SidePanel, type StatusMessage, type StatusText } from "./view-state.ts";
import { nextPaint } from "../frames.ts";

export type { FoundRange, SearchQuery, SidePanel, StatusMessage, StatusText } from "./view-state.ts";
export { searchInput } from "./view-state.ts";

/** A format the import menu offers: one Qawl reads, or `auto` to find it per file. */
export type ImportFormat = "auto" | ReadFormat;

const LAST_DOCUMENT_KEY = "qawl.lastDocument";

/** How long after a new span its entity matches are fetched, in milliseconds (it paints first). */
const AFTER_CHANGE_DELAY_MS = 120;

/** How long the page waits for the host to commit a provisional span before it shows the span in the list anyway (ms). */
const PROVISIONAL_CHROME_MS = 150;

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

/** The actions people take on the page, over its model and view state. */
export class AnnotationStore extends EventTarget {
  readonly api: Api;
  /** The project as this page knows it. */
  readonly model: ProjectModel;
  /** What the page shows and how. */
  readonly view = new ViewState();
  /** Records and undo states of replies not applied yet, in the order they came. */
  readonly #pending: { changes: ChangeView[]; history: HistoryState | undefined }[] = [];

  /**
   * @param api the operation table over the page's transport
   * @param onEffects registers for the records every write's reply carries (`Connection.onEffects`)
   */
  constructor(api: Api, onEffects: (listener: EffectsListener) => void) {
    super();
    this.api = api;
    this.model = new ProjectModel(api);
    onEffects((changes, history) => {
      this.#pending.push({ changes, history });
    });
  }

  #changed(): void {
    clearTimeout(this.#chromeTimer);
    this.dispatchEvent(new Event("change"));
  }

  #chromeTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * A provisional span was shown: the article paints it at once (`provisional` event). The
   * rest of the page (the span list, counts, status) is rendered once, when the host's
   * answer is applied, or after `PROVISIONAL_CHROME_MS` if the host is slow to answer.
   */
  #showProvisional(): void {
    this.dispatchEvent(new Event("provisional"));
    clearTimeout(this.#chromeTimer);
    this.#chromeTimer = setTimeout(() => {
      this.#changed();
    }, PROVISIONAL_CHROME_MS);
  }

  #say(kind: StatusMessage["kind"], text: StatusText): void {
    const word = typeof text === "function" ? text : () => text;
    this.view.status = {
      kind,
      get text() {
        return word();
      },
    };
  }

  /**
   * Run an action after the ones before it (so each sees the state the previous left, even
   * when keys are pressed faster than the API answers); a refusal becomes an error message.
   * Whatever the replies carried is applied before the next action runs.
   */
  #act(action: () => Promise<void>): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      try {
        await action();
        await this.#applyReplies();
        return true;
      } catch (e) {
        const error = e as Error & { detail?: ErrorDetail | null; code?: string };
        this.#say("error", () => errorText(error));
        await this.#applyReplies().catch(() => undefined);
        // Gone: deleted elsewhere, and the feed has not said so yet; catch up now.
        if (error.code === "not_found") await this.#follow(await this.model.catchUp()).catch(() => undefined);
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

  /** Apply the records the replies so far carried, then bring the view state along. */
  async #applyReplies(): Promise<void> {
    await this.#follow(await this.#drain());
  }

  /** Apply the records of the replies so far to the model only. */
  async #drain(): Promise<Applied> {
    const all: Applied = { documentGone: false, entitiesChanged: false, annotationChanged: false };
    for (let next = this.#pending.shift(); next !== undefined; next = this.#pending.shift()) {
      const applied = await this.model.apply(next.changes, next.history);
      all.documentGone ||= applied.documentGone;
      all.entitiesChanged ||= applied.entitiesChanged;
      all.annotationChanged ||= applied.annotationChanged;
    }
    return all;
  }

  /**
   * View state after the model changed: the active span, the open document, the entity panel.
   * @param elsewhere the records came from another client: what vanished from under the
   *   annotator is said (with a note they were typing on a span deleted there)
   */
  async #follow(applied: Applied, elsewhere = false): Promise<void> {
    const view = this.view;
    const active = view.activeSpanId;
    if (active !== null && this.model.span(active) === undefined) {
      if (elsewhere) {
        const note = typedNote(this.model.project?.path ?? "", active);
        this.#say("info", () =>
          note === null ? t("activeGoneElsewhere") : t("activeGoneWithNote", { note: isolate(note) }),
        );
      }
      view.activeSpanId = null;
      view.candidates = [];
    }
    if (applied.documentGone && this.model.document === null) {
      const next = this.model.documents[0];
      if (next !== undefined) {
        await this.#open(next.id);
        if (elsewhere) this.#say("info", () => t("documentGoneElsewhere", { title: isolate(excerpt(next.title)) }));
      }
    }
    if (view.entity !== null && (applied.entitiesChanged || applied.annotationChanged)) {
      const id = view.entity.id;
      view.entity = this.model.entityById(id) === undefined ? null : await this.api.getEntity({ entityId: id });
    }
  }

  /** A label's name to show (its display name, in the interface language for a default label). */
  #labelName(name: string): string {
    const label = this.model.label(name);
    return label === undefined ? name : labelDisplayName(label);
  }

  /** The active span. */
  get activeSpan(): SpanView | undefined {
    return this.model.span(this.view.activeSpanId);
  }

  /** Open a document, remembered as the one to open next time. */
  async #open(documentId: number): Promise<void> {
    const before = this.model.document?.id;
    await this.model.open(documentId);
    if (before !== documentId) {
      this.view.activeSpanId = null;
      this.view.candidates = [];
      this.#candidatesOf = "";
    }
    const project = this.model.project;
    if (project !== null) localStorage.setItem(`${LAST_DOCUMENT_KEY}:${project.path}`, String(documentId));
  }

  /** Load the project and open the last (or first) document. */
  async init(): Promise<void> {
    await this.#act(async () => {
      await this.model.loadAll();
      const project = this.model.project;
      const remembered = Number(localStorage.getItem(`${LAST_DOCUMENT_KEY}:${project?.path ?? ""}`));
      const documents = this.model.documents;
      const first = documents.find((d) => d.id === remembered) ?? documents[0];
      if (first !== undefined) await this.#open(first.id);
    });
  }

  /** Count each label's spans again (the labels dialog shows them). */
  async countLabels(): Promise<void> {
    await this.#act(() => this.model.reloadProject());
  }

  /** Open a document (an error shown about the one before goes away). */
  async openDocument(documentId: number): Promise<void> {
    if (this.view.status?.kind === "error") this.view.status = null;
    await this.#act(() => this.#open(documentId));
  }

  /** Reload everything from the API (a last resort: records keep the page current). */
  async reload(): Promise<void> {
    await this.#act(async () => {
      await this.model.loadAll();
      const last = this.model.documents[this.model.documents.length - 1];
      if (this.model.document === null && last !== undefined) await this.#open(last.id);
      await this.#follow({ documentGone: false, entitiesChanged: true, annotationChanged: true });
    });
  }

  /** Apply what was written elsewhere (another tab, the CLI, a second server) since the last record applied. */
  async catchUp(): Promise<void> {
    await this.#act(async () => {
      await this.#follow(await this.model.catchUp(), true);
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
    const view = this.view;
    view.busy = true;
    view.progress = { done: 0, total: files.length };
    this.#say("info", () => t("reading", { n: files.length }));
    this.#changed();
    // Read and sent outside the action queue, so that labelling goes on while the host
    // imports (it reports progress: renderer/state/jobs.ts); the result is applied in turn.
    const sent = (async () => {
      const inputs: { name: string; contentBase64: string }[] = [];
      let shown = 0;
      // Read 32 files at a time (each read waits on the browser), in order.
      for (let i = 0; i < files.length; i += 32) {
        const read = await Promise.all(
          files.slice(i, i + 32).map(async (f) => ({
            // A file picked from a folder keeps its path inside the folder.
            name: f.webkitRelativePath === "" ? f.name : f.webkitRelativePath,
            contentBase64: await fileToBase64(f),
          })),
        );
        inputs.push(...read);
        view.progress = { done: inputs.length, total: files.length };
        // Redrawn at most every 250 ms: a redraw per file of a folder held the page up.
        if (performance.now() - shown >= 250 || inputs.length === files.length) {
          shown = performance.now();
          this.#changed();
        }
      }
      this.#say("info", () => t("importing", { n: files.length }));
      this.#changed();
      return this.api.importDocuments({
        files: inputs,
        ...(encoding !== undefined ? { encoding } : {}),
        ...(format !== undefined ? { format } : {}),
      });
    })();
    await sent.catch(() => undefined);
    await this.#act(async () => {
      report = await sent;
      // The records bring the new documents, and any labels, relation types and entities.
      await this.#applyReplies();
      const imported = report.outcomes.filter((o) => o.status === "imported");
      const duplicates = report.outcomes.filter((o) => o.status === "duplicate");
      const merged = report.outcomes.flatMap((o) => (o.status === "merged" ? [o] : []));
      const open = imported[0] ?? merged[0] ?? duplicates[0];
      if (open !== undefined) await this.#open(open.documentId);
      const notes = report.notes;
      const titles = new Map(this.model.documents.map((d) => [d.id, d.title]));
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
        if (merged.length > 0) {
          const layers = [...new Set(merged.flatMap((o) => o.layers))].join(t("listSeparator"));
          parts.push(t("layersMerged", { n: merged.length, layers }));
        }
        // The notes come from the readers (core), in English.
        return [...parts, ...notes].join(t("separator"));
      };
      this.#say("info", summary);
    });
    view.busy = false;
    view.progress = null;
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
    layers?: string[],
  ): Promise<ExportResult | null> {
    let result: ExportResult | null = null;
    await this.#act(async () => {
      const done = await this.api.exportDocuments({
        format,
        ...(documentIds !== undefined ? { documentIds } : {}),
        ...(variant !== undefined ? { variant } : {}),
        ...(layers !== undefined ? { layers } : {}),
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
   * Label the text between two code point offsets of the open document. The span shows at
   * once, provisional, and becomes active; one request commits it, and its records bring
   * the committed span and the document's new line (its status and counts). A refusal
   * takes the provisional span away and says why.
   * @returns the committed span, or null when it was refused (the status says why)
   */
  async createSpan(label: string, start: number, end: number): Promise<SpanView | null> {
    const documentId = this.model.document?.id;
    if (documentId === undefined) return null;
    const layer = this.model.writeLayer;
    if (layer === null) {
      // Another annotator's layer is shown: it is theirs to change.
      const layers = (this.model.shownLayers ?? []).join(t("listSeparator"));
      this.#say("error", () => t("readOnlyLayer", { layers }));
      this.#changed();
      return null;
    }
    const provisional = this.model.proposeSpan(label, start, end);
    if (provisional !== null) {
      this.view.activeSpanId = provisional.id;
      this.view.candidates = [];
      this.#showProvisional();
    }
    // The request goes once the span is on screen: sending it costs the frame a millisecond or two.
    const painted = provisional === null ? Promise.resolve() : nextPaint();
    const result: { created: SpanView | null } = { created: null };
    await this.#act(async () => {
      let span: SpanView;
      try {
        await painted;
        span = await this.api.createSpan({ documentId, label, start, end, ...(isGoldLayer(layer) ? { layer } : {}) });
      } catch (e) {
        if (provisional !== null) this.model.withdraw(provisional);
        // Already there: that span becomes active, so the annotator sees it (the message says why).
        if ((e as { detail?: ErrorDetail | null }).detail?.kind === "span.duplicate") {
          const twin = this.model.document?.spans.find((s) => s.label === label && s.start === start && s.end === end);
          if (twin !== undefined) this.view.activeSpanId = twin.id;
        }
        throw e;
      }
      await this.#applyReplies();
      if (provisional !== null) this.model.withdraw(provisional, span.id);
      if (this.model.document?.id !== documentId) return;
      result.created = span;
      // Still the one the annotator works on (nothing else was made active meanwhile).
      if (provisional === null || this.view.activeSpanId === provisional.id) this.view.activeSpanId = span.id;
      this.#say("info", () => `${this.#labelName(label)}: ${isolate(excerpt(span.text))}`);
      // Not needed to show the new span: let it paint first.
      setTimeout(() => {
        void this.#loadCandidates().then(() => {
          this.#changed();
        });
      }, AFTER_CHANGE_DELAY_MS);
    });
    const made = result.created;
    if (made !== null && this.model.label(label)?.kind === "entity") {
      const now = this.model.span(made.id);
      if (now !== undefined && now.label === label) this.#schedulePropagation(now);
    }
    return made;
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
    const latest = this.model.history.undo;
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

  /** Suggest the other mentions of a name just tagged, in this document and the corpus (one request). */
  async #propagate(span: SpanView): Promise<void> {
    await this.#act(async () => {
      if (this.model.span(span.id)?.label !== span.label) return; // deleted or relabelled meanwhile
      const before = this.model.history.undo;
      const result = await this.api.propagateNames({ spanId: span.id });
      await this.#applyReplies();
      if (result.suggested === 0) return;
      // Made from the tagging just before: one Ctrl+Z takes both back (see #travel).
      const suggestions = this.model.history.undo;
      if (before !== null && suggestions !== null && isTaggingOf(before, span))
        this.#madeFrom.set(suggestions.id, before);
      this.#say("info", () => t("propagated", { n: result.suggested, name: isolate(excerpt(span.text)) }));
    });
  }

  /** What the candidates shown were found for (span id, text, kind): fetched again only when that changes. */
  #candidatesOf = "";

  /** Entity candidates of the active span, when it is a speaker or a name not yet linked. */
  async #loadCandidates(): Promise<void> {
    const span = this.activeSpan;
    const kind = span === undefined ? undefined : this.model.kindOf(span);
    const wanted =
      span !== undefined &&
      span.entityId === null &&
      !this.model.isProvisional(span) &&
      (kind === "speaker" || kind === "entity") &&
      this.model.entities.length > 0;
    const key = wanted ? `${String(span.id)}:${kind}:${span.text}` : "";
    if (key === this.#candidatesOf) return;
    this.#candidatesOf = key;
    this.view.candidates = wanted ? await this.api.entityCandidates({ spanId: span.id }) : [];
  }

  /** Make a span the active one (or none). */
  activate(spanId: number | null): void {
    this.view.activeSpanId = spanId;
    this.view.candidates = [];
    this.#candidatesOf = "";
    this.#changed();
    void this.#loadCandidates().then(() => {
      this.#changed();
    });
  }

  /** Run a change through the API, apply what its reply carries, and word the result. */
  async #edit(action: () => Promise<StatusText | null>, after?: () => void): Promise<boolean> {
    return this.#act(async () => {
      const message = await action();
      await this.#applyReplies();
      after?.();
      await this.#loadCandidates();
      if (message !== null) this.#say("info", message);
    });
  }

  /** Give the active span another label. */
  async relabelActive(label: string): Promise<void> {
    const span = this.activeSpan;
    if (span === undefined || span.label === label) return;
    // Shown at once; a span still provisional itself is relabelled once committed.
    const provisional = this.model.proposeChange(span.id, { label });
    if (provisional !== null) this.#showProvisional();
    const painted = provisional === null ? Promise.resolve() : nextPaint();
    await this.#edit(async () => {
      try {
        await painted;
        await this.api.updateSpan({ basedOn: this.model.revision, spanId: this.model.resolve(span.id), label });
      } finally {
        if (provisional !== null) this.model.withdraw(provisional);
      }
      return () => t("changedTo", { label: this.#labelName(label), text: isolate(excerpt(span.text)) });
    });
  }

  /** Set one attribute of a span (e.g. a quote's `type`). */
  async setAttribute(spanId: number, name: string, value: string): Promise<void> {
    const span = this.model.span(spanId);
    if (span === undefined) return;
    await this.#edit(async () => {
      await this.api.updateSpan({
        basedOn: this.model.revision,
        spanId: this.model.resolve(spanId),
        attributes: { ...span.attributes, [name]: value },
      });
      return () => t("attributeSet", { name, value });
    });
  }

  /** Move one end of a span to a code point offset (the other end stays). */
  async resize(spanId: number, edge: "start" | "end", to: number): Promise<void> {
    await this.#edit(async () => {
      const span = this.model.span(spanId);
      if (span === undefined || span[edge] === to) return null;
      const resized = await this.api.updateSpan({
        basedOn: this.model.revision,
        spanId: this.model.resolve(spanId),
        [edge]: to,
      });
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
      if (span === undefined || this.model.offsets === null || this.model.graphemes === null) return null;
      const u16 = this.model.offsets.toUtf16(span[edge]);
      const next =
        unit === "word"
          ? stepWord(this.model.offsets.text, u16, direction)
          : stepGrapheme(this.model.graphemes, u16, direction);
      const to = this.model.offsets.toCodePoint(next);
      if (to === span[edge]) return null;
      const resized = await this.api.updateSpan({ basedOn: this.model.revision, spanId: span.id, [edge]: to });
      return () => t("resized", { text: isolate(excerpt(resized.text)) });
    });
  }

  /** Add a piece of text to a quote as a further fragment (a discontinuous quote). */
  async addFragment(spanId: number, piece: Fragment): Promise<void> {
    const span = this.model.span(spanId);
    if (span === undefined) return;
    const pieces = [...(span.fragments ?? [{ start: span.start, end: span.end }]), piece].sort(
      (a, b) => a.start - b.start,
    );
    await this.#edit(async () => {
      await this.api.updateSpan({
        basedOn: this.model.revision,
        spanId: this.model.resolve(spanId),
        fragments: pieces,
      });
      return () => t("fragments", { n: pieces.length });
    });
  }

  /** Make a discontinuous span contiguous again, keeping its first fragment. */
  async removeFragments(spanId: number): Promise<void> {
    const span = this.model.span(spanId);
    const first = span?.fragments?.[0];
    if (first === undefined) return;
    await this.#edit(async () => {
      await this.api.updateSpan({
        basedOn: this.model.revision,
        spanId: this.model.resolve(spanId),
        fragments: null,
        start: first.start,
        end: first.end,
      });
      return () => t("firstFragmentKept");
    });
  }

  /** Set or clear a span's note. */
  async setNote(spanId: number, note: string): Promise<void> {
    const span = this.model.span(spanId);
    if (span === undefined || (span.note ?? "") === note) return;
    await this.#edit(async () => {
      await this.api.updateSpan({
        basedOn: this.model.revision,
        spanId: this.model.resolve(spanId),
        note: note.trim() === "" ? null : note,
      });
      return () => (note.trim() === "" ? t("noteRemoved") : t("noteSaved"));
    });
  }

  /** Delete a span; its relations go with it, and the status says how many. */
  async deleteSpan(spanId: number): Promise<void> {
    const span = this.model.span(spanId);
    if (span === undefined) return;
    await this.#edit(async () => {
      const id = this.model.resolve(spanId);
      const result = await this.api.deleteSpan({ spanId: id, basedOn: this.model.revision });
      if (this.view.activeSpanId !== null && this.model.resolve(this.view.activeSpanId) === id)
        this.view.activeSpanId = null;
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
        for (const r of this.model.relationsFrom(quoteId).filter((r) => r.type === type)) {
          await this.api.deleteRelation({ relationId: r.id });
        }
        return () => t("linkRemoved");
      }
      await this.api.createRelation({
        type,
        fromSpanId: this.model.resolve(quoteId),
        toSpanId: this.model.resolve(toSpanId),
      });
      const to = this.model.span(toSpanId);
      return () => (to === undefined ? t("linkedToSpan") : t("linkedTo", { text: isolate(excerpt(to.text)) }));
    });
  }

  /** Attribute a quote to the speaker (entity) of the previous quote: `وأضاف: "…"`. */
  async carryOverSpeaker(quoteId: number): Promise<void> {
    await this.#edit(async () => {
      const { entity } = await this.api.carryOverSpeaker({ quoteId: this.model.resolve(quoteId) });
      return () => t("sameSpeaker", { name: isolate(entity.name) });
    });
  }

  /** Link a speaker or name span to an entity (null unlinks). */
  async linkEntity(spanId: number, entityId: number | null): Promise<void> {
    await this.#edit(async () => {
      await this.api.updateSpan({ basedOn: this.model.revision, spanId: this.model.resolve(spanId), entityId });
      const entity = this.model.entityById(entityId);
      return () => (entity === undefined ? t("entityLinkRemoved") : t("refersTo", { name: isolate(entity.name) }));
    });
  }

  /** Make a new entity from a span (its text as the name) and link the span to it. */
  async createEntityFrom(spanId: number): Promise<void> {
    const span = this.model.span(spanId);
    if (span === undefined) return;
    // A speaker's entity is a person when the schema has persons, else of its first entity label.
    const entityLabels = (this.model.project?.labels ?? []).filter((l) => l.kind === "entity" && !l.retired);
    const type =
      this.model.kindOf(span) !== "speaker"
        ? span.label
        : ((entityLabels.find((l) => l.name === PERSON_LABEL) ?? entityLabels[0])?.name ?? PERSON_LABEL);
    await this.#edit(async () => {
      const entity = await this.api.createEntity({ name: span.text, type, spanIds: [this.model.resolve(spanId)] });
      return () => t("newEntity", { name: isolate(entity.name) });
    });
  }

  /** Show the entity panel for one entity (or the list when null). */
  async showEntity(entityId: number | null): Promise<void> {
    await this.#act(async () => {
      this.view.panel = "entities";
      this.view.entity = entityId === null ? null : await this.api.getEntity({ entityId });
    });
  }

  /**
   * Show only these layers of the open document (null: every layer); the active span stays
   * active only when it is still shown.
   */
  showLayers(layers: readonly string[] | null): void {
    this.model.showLayers(layers);
    if (this.model.span(this.view.activeSpanId) === undefined) this.view.activeSpanId = null;
    this.#changed();
  }

  /** The agreement report of every layer (null when refused; the status says why). */
  async agreement(): Promise<AgreementReport | null> {
    let report: AgreementReport | null = null;
    await this.#act(async () => {
      report = await this.api.agreement({});
    });
    return report;
  }

  /** Switch the side panel. */
  showPanel(panel: SidePanel): void {
    this.view.panel = panel;
    this.#changed();
  }

  /** Rename an entity or change its type, aliases or Wikidata id. */
  async updateEntity(
    entityId: number,
    change: { name?: string; type?: string; aliases?: string[]; kbId?: string | null },
  ): Promise<void> {
    await this.#edit(async () => {
      const entity = await this.api.updateEntity({ entityId, ...change, basedOn: this.model.revision });
      return () => t("entitySaved", { name: isolate(entity.name) });
    });
  }

  /** Merge entities into one; their mentions and quotes move to it. */
  async mergeEntities(intoId: number, fromIds: number[]): Promise<void> {
    await this.#edit(async () => {
      const entity = await this.api.mergeEntities({ intoId, fromIds, basedOn: this.model.revision });
      return () => t("merged", { name: isolate(entity.name), n: entity.mentionCount });
    });
  }

  /** Open a document and make one of its spans active (from the entity panel). */
  async goToSpan(documentId: number, spanId: number): Promise<void> {
    await this.#act(async () => {
      if (this.model.document?.id !== documentId) await this.#open(documentId);
      this.view.activeSpanId = spanId;
    });
  }

  /** Delete the open document; the next in the list opens. */
  async deleteDocument(): Promise<void> {
    const doc = this.model.document;
    if (doc === null) return;
    await this.#act(async () => {
      const at = this.model.documents.findIndex((d) => d.id === doc.id);
      await this.api.deleteDocuments({ documentIds: [doc.id] });
      const applied = await this.#drain();
      const next = this.model.documents[Math.min(Math.max(at, 0), this.model.documents.length - 1)];
      if (next !== undefined) await this.#open(next.id);
      await this.#follow({ ...applied, documentGone: false });
      // Search hits in the deleted document would lead nowhere: ask again.
      if (this.view.found?.documentId === doc.id) this.view.found = null;
      if (this.view.searchResult !== null)
        this.view.searchResult = await this.api.search(searchInput(this.view.searchQuery));
      this.#say("info", () => t("documentDeleted", { title: isolate(excerpt(doc.title)) }));
    });
  }

  /** Set the open document's status. */
  async setStatus(status: DocumentStatus): Promise<void> {
    const doc = this.model.document;
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
    const doc = this.model.document;
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
      await this.#applyReplies();
      if (entry.documentId !== null && entry.documentId !== this.model.document?.id) await this.#open(entry.documentId);
      this.#say("info", () => {
        const description = changeText(entry);
        return direction === "undo" ? t("undone", { description }) : t("redone", { description });
      });
    });
  }

  /**
   * Run a change through the API (after the actions before it), then apply what its reply
   * carries; the returned text goes to the status line.
   * @param after runs once the records are applied, before the next queued action (e.g. to
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
    await this.#open(documentId);
  }

  /** Show a message in the status line. */
  notify(kind: StatusMessage["kind"], text: StatusText): void {
    this.#say(kind, text);
    this.#changed();
  }
}
