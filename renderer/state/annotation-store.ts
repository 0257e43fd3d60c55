/**
 * The page's state, as plain TypeScript that knows nothing of the DOM: the project's
 * schema, its documents, the open document and the active span. Every change goes to the
 * API at once (so it persists), then the store refreshes from the answer and tells its
 * listeners. Offsets here are code points, as in the contract.
 */
import type {
  Api,
  DocumentSummary,
  DocumentView,
  ImportReport,
  ProjectInfo,
  RelationView,
  SpanView,
} from "../../core/contract.ts";
import type { LabelDefinition } from "../../core/labels.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";
import { graphemeBoundaries } from "../../core/text/graphemes.ts";
import { excerpt, isolate, plural } from "../format.ts";

/** A message for the status line. */
export interface StatusMessage {
  kind: "info" | "error";
  text: string;
}

const LAST_DOCUMENT_KEY = "qawl.lastDocument";

/** Read a browser file as base64 (RFC 4648 §4). */
async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The page's state and the actions people take on it. */
export class AnnotationStore extends EventTarget {
  readonly api: Api;
  project: ProjectInfo | null = null;
  documents: DocumentSummary[] = [];
  document: DocumentView | null = null;
  /** Offset and grapheme indexes of the open document's text. */
  offsets: OffsetIndex | null = null;
  graphemes: Uint32Array | null = null;
  activeSpanId: number | null = null;
  status: StatusMessage | null = null;
  busy = false;

  constructor(api: Api) {
    super();
    this.api = api;
  }

  #changed(): void {
    this.dispatchEvent(new Event("change"));
  }

  #say(kind: StatusMessage["kind"], text: string): void {
    this.status = { kind, text };
  }

  /** Run an action; a refusal becomes an error message instead of an exception. */
  async #act(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (e) {
      this.#say("error", (e as Error).message);
      return false;
    } finally {
      this.#changed();
    }
  }

  /** Labels offered for new spans. */
  get labels(): LabelDefinition[] {
    return (this.project?.labels ?? []).filter((l) => !l.retired);
  }

  /** The label definition called `name`. */
  label(name: string): LabelDefinition | undefined {
    return this.project?.labels.find((l) => l.name === name);
  }

  /** Position of a label in the schema (its colour class and highlight follow it). */
  labelIndex(name: string): number {
    return this.project?.labels.findIndex((l) => l.name === name) ?? -1;
  }

  /** The span with this id in the open document. */
  span(id: number | null): SpanView | undefined {
    return id === null ? undefined : this.document?.spans.find((s) => s.id === id);
  }

  /** Relations that start at a span. */
  relationsFrom(spanId: number): RelationView[] {
    return this.document?.relations.filter((r) => r.fromSpanId === spanId) ?? [];
  }

  /** Load the project and open the last (or first) document. */
  async init(): Promise<void> {
    await this.#act(async () => {
      this.project = await this.api.getProject({});
      this.documents = await this.api.listDocuments({});
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
    if (this.document?.id !== doc.id) this.activeSpanId = null;
    this.document = doc;
    if (this.project !== null) localStorage.setItem(`${LAST_DOCUMENT_KEY}:${this.project.path}`, String(doc.id));
  }

  async #refresh(): Promise<void> {
    this.documents = await this.api.listDocuments({});
    if (this.document !== null) await this.#load(this.document.id);
  }

  /** Open a document. */
  async openDocument(documentId: number): Promise<void> {
    await this.#act(() => this.#load(documentId));
  }

  /** Reload everything (after a change made by the host, e.g. Electron's menu). */
  async reload(): Promise<void> {
    await this.#act(async () => {
      this.documents = await this.api.listDocuments({});
      const current = this.document?.id;
      const target = this.documents.find((d) => d.id === current) ?? this.documents[this.documents.length - 1];
      if (target !== undefined) await this.#load(target.id);
    });
  }

  /**
   * Import article files chosen or dropped by the user; opens the first new document.
   * @param encoding WHATWG label of the files' encoding; strict UTF-8 when absent
   */
  async importFiles(files: File[], encoding?: string): Promise<ImportReport | null> {
    if (files.length === 0) return null;
    let report: ImportReport | null = null;
    this.busy = true;
    this.#say("info", `Importing ${plural(files.length, "file")}…`);
    this.#changed();
    await this.#act(async () => {
      const inputs = await Promise.all(
        files.map(async (f) => ({ name: f.name, contentBase64: await fileToBase64(f) })),
      );
      report = await this.api.importDocuments({ files: inputs, ...(encoding !== undefined ? { encoding } : {}) });
      const imported = report.outcomes.filter((o) => o.status === "imported");
      const duplicates = report.outcomes.filter((o) => o.status === "duplicate");
      this.documents = await this.api.listDocuments({});
      const open = imported[0] ?? duplicates[0];
      if (open !== undefined) await this.#load(open.documentId);
      const parts = [`Imported ${plural(imported.length, "document")}`];
      if (duplicates.length > 0) {
        parts.push(
          `${plural(duplicates.length, "file")} already in the project (${duplicates.map((d) => d.file).join(", ")})`,
        );
      }
      this.#say("info", parts.join("; "));
    });
    this.busy = false;
    this.#changed();
    return report;
  }

  /** Export the whole project as native JSONL and hand it to `save`. */
  async exportProject(save: (fileName: string, mediaType: string, content: string) => void): Promise<void> {
    await this.#act(async () => {
      const file = await this.api.exportDocuments({ format: "jsonl" });
      save(file.fileName, file.mediaType, file.content);
      this.#say("info", `Exported ${plural(file.documentCount, "document")} to ${file.fileName}`);
    });
  }

  /**
   * Label the text between two code point offsets of the open document.
   * @returns the new span, or null when it was refused (the status says why)
   */
  async createSpan(label: string, start: number, end: number): Promise<SpanView | null> {
    const doc = this.document;
    if (doc === null) return null;
    let created: SpanView | null = null;
    await this.#act(async () => {
      created = await this.api.createSpan({ documentId: doc.id, label, start, end });
      this.activeSpanId = created.id;
      await this.#refresh();
      this.#say("info", `${this.label(label)?.displayName ?? label}: ${isolate(excerpt(created.text))}`);
    });
    return created;
  }

  /** Make a span the active one (or none). */
  activate(spanId: number | null): void {
    this.activeSpanId = spanId;
    this.#changed();
  }

  /** Give the active span another label. */
  async relabelActive(label: string): Promise<void> {
    const span = this.span(this.activeSpanId);
    if (span === undefined || span.label === label) return;
    await this.#act(async () => {
      await this.api.updateSpan({ spanId: span.id, label });
      await this.#refresh();
      this.#say("info", `Changed to ${this.label(label)?.displayName ?? label}: ${isolate(excerpt(span.text))}`);
    });
  }

  /** Set one attribute of a span (e.g. a quote's `type`). */
  async setAttribute(spanId: number, name: string, value: string): Promise<void> {
    const span = this.span(spanId);
    if (span === undefined) return;
    await this.#act(async () => {
      await this.api.updateSpan({ spanId, attributes: { ...span.attributes, [name]: value } });
      await this.#refresh();
    });
  }

  /** Delete a span; its relations go with it, and the status says how many. */
  async deleteSpan(spanId: number): Promise<void> {
    const span = this.span(spanId);
    if (span === undefined) return;
    await this.#act(async () => {
      const result = await this.api.deleteSpan({ spanId });
      if (this.activeSpanId === spanId) this.activeSpanId = null;
      await this.#refresh();
      const n = result.deletedRelationIds.length;
      this.#say(
        "info",
        `Deleted ${this.label(span.label)?.displayName ?? span.label}: ${isolate(excerpt(span.text))}` +
          (n > 0 ? ` and its ${plural(n, "link")}` : ""),
      );
    });
  }

  /**
   * Link a quote to a span by a relation type (`attributed_to`, `cue`), replacing the
   * previous link of that type; `toSpanId` null removes the link.
   */
  async link(quoteId: number, type: string, toSpanId: number | null): Promise<void> {
    await this.#act(async () => {
      if (toSpanId === null) {
        for (const r of this.relationsFrom(quoteId).filter((r) => r.type === type)) {
          await this.api.deleteRelation({ relationId: r.id });
        }
        this.#say("info", "Link removed");
      } else {
        await this.api.createRelation({ type, fromSpanId: quoteId, toSpanId });
        const to = this.span(toSpanId);
        this.#say("info", `Linked to ${to === undefined ? "span" : isolate(excerpt(to.text))}`);
      }
      await this.#refresh();
    });
  }

  /** Show a message in the status line. */
  notify(kind: StatusMessage["kind"], text: string): void {
    this.#say(kind, text);
    this.#changed();
  }
}
