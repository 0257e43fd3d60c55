/**
 * `<qawl-document-list>`: the project's documents with their date, status, counts of
 * quotes, speakers and entities, and suggestions left to review; choosing one opens it.
 * Above the list: how many documents are done and how many quotes are confirmed, and
 * filters by status, suggestions, source and published date.
 */
import "./document-list.css";
import { html, nothing } from "lit";
import { guard } from "lit/directives/guard.js";
import { longList, settleLongList } from "./long-list.ts";
import { locale } from "../i18n/locale.ts";
import { StoreElement } from "./store-element.ts";
import type { DocumentStatus, DocumentSummary } from "../../core/contract.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { activeFilterCount, NO_FILTERS, passes, type DocumentFilters } from "./document-filters.ts";
import { t } from "./document-list.messages.ts";
import { DATE_PATTERN, dateHint, datePlaceholder, isWholeDate, typedDate } from "../date-field.ts";

const STATUSES: readonly DocumentStatus[] = ["new", "in_progress", "done"];

export class DocumentList extends StoreElement {
  static override properties = { filters: { state: true } };
  declare filters: DocumentFilters;

  constructor() {
    super();
    this.filters = { ...NO_FILTERS };
  }

  /** Spans of a document whose label is of `kind` (suggestions are not counted). */
  #count(store: AnnotationStore, doc: DocumentSummary, kind: string): number {
    return Object.entries(doc.spanCounts)
      .filter(([label]) => store.model.label(label)?.kind === kind)
      .reduce((sum, [, n]) => sum + n, 0);
  }

  /** The documents the filters let through, in list order (Alt+↓/↑ step through these). */
  visible(): DocumentSummary[] {
    const store = this.store;
    if (store === undefined) return [];
    return activeFilterCount(this.filters) > 0
      ? store.model.documents.filter((d) => passes(d, this.filters))
      : store.model.documents;
  }

  #set(change: Partial<DocumentFilters>): void {
    this.filters = { ...this.filters, ...change };
  }

  #progress(store: AnnotationStore) {
    const total = store.model.documents.length;
    const done = store.model.documents.filter((d) => d.status === "done").length;
    const quotes = store.model.documents.reduce((sum, d) => sum + this.#count(store, d, "quote"), 0);
    const text = t("progressText", { done, total });
    return html`<div class="doc-progress">
      <div class="doc-progress-done">
        <progress aria-label=${t("progressLabel")} aria-valuetext=${text} max=${total} .value=${done}></progress>
        <span>${text}</span>
      </div>
      <p class="doc-progress-quotes">${t("quotesConfirmed", { n: quotes })}</p>
    </div>`;
  }

  #filters() {
    const f = this.filters;
    const active = activeFilterCount(f);
    return html`<details class="doc-filters">
      <summary>${active === 0 ? t("filter") : t("filterActive", { n: active })}</summary>
      <div class="doc-filter-fields">
        <label class="doc-filter"
          ><span>${t("status")}</span>
          <select
            @change=${(e: Event) => {
              this.#set({ status: (e.target as HTMLSelectElement).value as DocumentFilters["status"] });
            }}
          >
            <option value="any" ?selected=${f.status === "any"}>${t("anyStatus")}</option>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${t(s)}</option>`)}
          </select></label
        >
        <label class="doc-filter-check"
          ><input
            type="checkbox"
            .checked=${f.suggestions}
            @change=${(e: Event) => {
              this.#set({ suggestions: (e.target as HTMLInputElement).checked });
            }}
          />
          ${t("hasSuggestions")}</label
        >
        <label class="doc-filter"
          ><span>${t("source")}</span>
          <input
            type="search"
            dir="auto"
            placeholder=${t("sourcePlaceholder")}
            .value=${f.source}
            @input=${(e: Event) => {
              this.#set({ source: (e.target as HTMLInputElement).value });
            }}
        /></label>
        <fieldset class="doc-filter-dates">
          <legend>${t("published")}</legend>
          <label class="doc-filter"
            ><span>${t("from")}</span>
            <input
              type="text"
              dir="ltr"
              pattern=${DATE_PATTERN}
              placeholder=${datePlaceholder()}
              title=${dateHint()}
              .value=${f.from}
              @input=${(e: Event) => {
                const from = typedDate((e.target as HTMLInputElement).value);
                // A date half typed does not filter yet.
                if (from === "" || isWholeDate(from)) this.#set({ from });
              }}
          /></label>
          <label class="doc-filter"
            ><span>${t("to")}</span>
            <input
              type="text"
              dir="ltr"
              pattern=${DATE_PATTERN}
              placeholder=${datePlaceholder()}
              title=${dateHint()}
              .value=${f.to}
              @input=${(e: Event) => {
                const to = typedDate((e.target as HTMLInputElement).value);
                if (to === "" || isWholeDate(to)) this.#set({ to });
              }}
          /></label>
        </fieldset>
        ${
          active === 0
            ? nothing
            : html`<button
                type="button"
                class="link"
                @click=${() => {
                  this.filters = { ...NO_FILTERS };
                }}
              >
                ${t("clear")}
              </button>`
        }
      </div>
    </details>`;
  }

  protected override updated(): void {
    settleLongList(this.querySelector("ul.document-list"));
  }

  protected override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const total = store.model.documents.length;
    const filtering = activeFilterCount(this.filters) > 0;
    const shown = this.visible();
    return html`<h2 id="documents-heading">${t("documents")} <span class="count">${total}</span></h2>
      ${total === 0 ? html`<p class="muted">${t("noDocuments")}</p>` : html`${this.#progress(store)}${this.#filters()}`}
      <p class="doc-filter-count" aria-live="polite">${filtering ? t("shown", { shown: shown.length, total }) : ""}</p>
      <ul class="document-list" aria-label=${t("documents")}>
        ${longList(
          shown,
          (doc) => doc.id,
          (doc) =>
            guard([doc, store.model.document?.id === doc.id, store.model.project?.labels, locale()], () =>
              this.#row(store, doc),
            ),
        )}
      </ul>
      ${filtering && shown.length === 0 && total > 0 ? html`<p class="muted doc-no-match">${t("noMatch")}</p>` : nothing}`;
  }

  #row(store: AnnotationStore, doc: DocumentSummary) {
    const current = store.model.document?.id === doc.id;
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
          <span class="status" data-status=${doc.status}>${t(doc.status)}</span>
        </span>
        <span class="doc-counts">
          ${[
            t("quotes", { n: this.#count(store, doc, "quote") }),
            t("speakers", { n: this.#count(store, doc, "speaker") }),
            t("names", { n: this.#count(store, doc, "entity") }),
          ].join(" · ")}
        </span>
        ${
          doc.suggestionCount > 0
            ? html`<span class="doc-suggestions">${t("suggestions", { n: doc.suggestionCount })}</span>`
            : nothing
        }
      </button>
    </li>`;
  }
}

customElements.define("qawl-document-list", DocumentList);
