/**
 * `<qawl-document-list>`: the project's documents with their date, status and counts of
 * quotes, speakers and entities; choosing one opens it.
 */
import { LitElement, html, nothing } from "lit";
import type { DocumentSummary } from "../../core/contract.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { StoreController } from "../state/store-controller.ts";
import { plural } from "../format.ts";

const STATUS_NAMES: Readonly<Record<DocumentSummary["status"], string>> = {
  new: "New",
  in_progress: "In progress",
  done: "Done",
};

export class DocumentList extends LitElement {
  static override properties = { store: { attribute: false } };
  declare store: AnnotationStore | undefined;

  constructor() {
    super();
    this.store = undefined;
    new StoreController(this, () => this.store);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  #count(store: AnnotationStore, doc: DocumentSummary, kind: string): number {
    return Object.entries(doc.spanCounts)
      .filter(([label]) => store.label(label)?.kind === kind)
      .reduce((sum, [, n]) => sum + n, 0);
  }

  protected override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    return html`<h2 id="documents-heading">Documents <span class="count">${store.documents.length}</span></h2>
      ${store.documents.length === 0 ? html`<p class="muted">No documents yet.</p>` : nothing}
      <ul class="document-list" aria-label="Documents">
        ${store.documents.map((doc) => {
          const current = store.document?.id === doc.id;
          return html`<li>
            <button
              type="button"
              class="document-item"
              aria-current=${current ? "page" : "false"}
              @click=${() => {
                void store.openDocument(doc.id);
              }}
            >
              <span
                class="doc-title"
                lang=${doc.lang === "und" ? nothing : doc.lang}
                dir=${doc.lang === "ar" ? "rtl" : "auto"}
                >${doc.title}</span
              >
              <span class="doc-meta">
                ${doc.published === null ? nothing : html`<time datetime=${doc.published.iso}>${doc.published.iso}</time>`}
                <span class="status" data-status=${doc.status}>${STATUS_NAMES[doc.status]}</span>
              </span>
              <span class="doc-counts">
                ${plural(this.#count(store, doc, "quote"), "quote")} ·
                ${plural(this.#count(store, doc, "speaker"), "speaker")} ·
                ${plural(this.#count(store, doc, "entity"), "name")}
              </span>
            </button>
          </li>`;
        })}
      </ul>`;
  }
}

customElements.define("qawl-document-list", DocumentList);
