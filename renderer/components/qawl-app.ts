/**
 * `<qawl-app>`: the window — a toolbar (import, export, labels), the document list, the
 * article and the span panel, a status line, and the keyboard shortcuts:
 * a label's key labels the selection (or relabels the active span), Delete removes the
 * active span, Escape deselects. Files dropped anywhere on the window are imported.
 */
import { LitElement, html, nothing } from "lit";
import type { Connection } from "../api/index.ts";
import { AnnotationStore } from "../state/annotation-store.ts";
import { StoreController } from "../state/store-controller.ts";
import { isTypingTarget, matchesKey } from "../keys.ts";
import type { ArticleView } from "./article-view.ts";
import "./article-view.ts";
import "./document-list.ts";
import "./label-bar.ts";
import "./span-panel.ts";

/** Encodings offered for import: WHATWG labels and their names ("" is strict UTF-8). */
const ENCODINGS: readonly (readonly [string, string])[] = [
  ["", "UTF-8"],
  ["windows-1256", "Windows-1256 (Arabic)"],
  ["iso-8859-6", "ISO-8859-6 (Arabic)"],
  ["utf-16le", "UTF-16LE"],
  ["utf-16be", "UTF-16BE"],
];

/** Offer a text file to the user as a download. */
function download(fileName: string, mediaType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

export class QawlApp extends LitElement {
  static override properties = { dragging: { state: true }, encoding: { state: true } };
  declare dragging: boolean;
  /** Encoding of the next imported files ("" for strict UTF-8). */
  declare encoding: string;
  store: AnnotationStore | undefined;

  constructor() {
    super();
    this.dragging = false;
    this.encoding = "";
    this.store = undefined;
    new StoreController(this, () => this.store);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Attach to a host connection and load the project. */
  async start(connection: Connection): Promise<void> {
    this.store = new AnnotationStore(connection.api);
    connection.onProjectChanged(() => {
      void this.store?.reload();
    });
    this.requestUpdate();
    await this.store.init();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("keydown", this.#onKeyDown);
    window.addEventListener("dragover", this.#onDragOver);
    window.addEventListener("dragleave", this.#onDragLeave);
    window.addEventListener("drop", this.#onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("keydown", this.#onKeyDown);
    window.removeEventListener("dragover", this.#onDragOver);
    window.removeEventListener("dragleave", this.#onDragLeave);
    window.removeEventListener("drop", this.#onDrop);
  }

  get #article(): ArticleView | null {
    return this.querySelector("qawl-article");
  }

  /** Label the selection with `label`, or relabel the active span when nothing is selected. */
  async applyLabel(label: string): Promise<void> {
    const store = this.store;
    const article = this.#article;
    if (store === undefined || article === null) return;
    if (store.document === null) {
      store.notify("error", "Open a document first");
      return;
    }
    const extent = article.selectionExtent(store.label(label)?.kind !== "quote");
    if (extent !== null) {
      const span = await store.createSpan(label, extent.start, extent.end);
      if (span !== null) article.placeCaretAt(span.end);
      return;
    }
    if (store.activeSpanId !== null) {
      await store.relabelActive(label);
      return;
    }
    store.notify("error", "Select some text in the article first");
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const store = this.store;
    if (store === undefined || isTypingTarget(event)) return;
    const label = store.labels.find((l) => l.key !== null && matchesKey(event, l.key));
    if (label !== undefined) {
      event.preventDefault();
      void this.applyLabel(label.name);
      return;
    }
    if ((event.key === "Delete" || event.key === "Backspace") && store.activeSpanId !== null) {
      event.preventDefault();
      void store.deleteSpan(store.activeSpanId);
      return;
    }
    if (event.key === "Escape") {
      document.getSelection()?.removeAllRanges();
      store.activate(null);
    }
  };

  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    this.dragging = true;
  };

  #onDragLeave = (event: DragEvent): void => {
    if (event.relatedTarget === null) this.dragging = false;
  };

  #onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    this.dragging = false;
    void this.store?.importFiles([...event.dataTransfer.files], this.encoding || undefined);
  };

  #onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = "";
    void this.store?.importFiles(files, this.encoding || undefined);
  };

  protected override render() {
    const store = this.store;
    const status = store?.status;
    return html`<header class="toolbar">
        <span class="brand" lang="ar">قول <span lang="en">Qawl</span></span>
        <label class="button" for="import-input">Import…</label>
        <input
          id="import-input"
          class="visually-hidden"
          type="file"
          multiple
          accept=".txt,text/plain"
          aria-label="Import articles"
          @change=${this.#onFilesChosen}
        />
        <label class="encoding"
          ><span>Encoding</span>
          <select
            @change=${(e: Event) => {
              this.encoding = (e.target as HTMLSelectElement).value;
            }}
          >
            ${ENCODINGS.map(([value, name]) => html`<option value=${value} ?selected=${this.encoding === value}>${name}</option>`)}
          </select></label
        >
        <button
          type="button"
          class="button"
          ?disabled=${store === undefined || store.documents.length === 0}
          @click=${() => {
            void store?.exportProject(download);
          }}
        >
          Export JSONL
        </button>
        <qawl-label-bar
          .store=${store}
          @apply-label=${(e: CustomEvent<{ label: string }>) => {
            void this.applyLabel(e.detail.label);
          }}
        ></qawl-label-bar>
      </header>
      <nav class="documents" aria-label="Documents"><qawl-document-list .store=${store}></qawl-document-list></nav>
      <main class="reader"><qawl-article .store=${store}></qawl-article></main>
      <aside class="spans" aria-label="Spans"><qawl-span-panel .store=${store}></qawl-span-panel></aside>
      <footer class="statusbar">
        <p role="status" class=${status?.kind === "error" ? "error" : ""}>${status?.text ?? ""}</p>
        <p class="hint">Offsets count code points · keys: label key to tag, Delete to remove, Esc to deselect</p>
      </footer>
      ${this.dragging ? html`<div class="drop-overlay" aria-hidden="true">Drop articles to import</div>` : nothing}`;
  }
}

customElements.define("qawl-app", QawlApp);
