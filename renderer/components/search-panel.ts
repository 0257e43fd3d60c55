/**
 * `<qawl-search-panel>`: search across the corpus through Arabic folding (a name typed
 * without harakat finds it with them) — anywhere in the text, inside quotes, or by speaker
 * ("everything Lavrov said") — narrowed by label and document status. Choosing a hit opens
 * its document with the hit highlighted (and its span active when it is one).
 */
import "./search-panel.css";
import { html, nothing } from "lit";
import { StoreElement } from "./store-element.ts";
import type { SearchHit } from "../../core/contract.ts";
import type { AnnotationStore, SearchQuery } from "../state/annotation-store.ts";
import { goToHit, search } from "../state/review.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { t } from "./search-panel.messages.ts";

export class SearchPanel extends StoreElement {
  /** Put the caret in the search box. */
  focusQuery(): void {
    const input = this.querySelector<HTMLInputElement>("input[type=search]");
    input?.focus();
    input?.select();
  }

  #submit(event: Event): void {
    event.preventDefault();
    const store = this.store;
    if (store === undefined) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const field = (name: string) => {
      const value = data.get(name);
      return typeof value === "string" ? value : "";
    };
    const query: SearchQuery = {
      query: field("query"),
      scope: (field("scope") || "text") as SearchQuery["scope"],
      label: field("label"),
      status: field("status") as SearchQuery["status"],
    };
    void search(store, query);
  }

  #open(store: AnnotationStore, hit: SearchHit): void {
    void goToHit(store, hit).then(() => {
      document.querySelector<HTMLElement>("qawl-article article")?.focus({ preventScroll: true });
    });
  }

  protected override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const q = store.view.searchQuery;
    const result = store.view.searchResult;
    return html`<h2 id="search-heading">${t("search")}</h2>
      <form
        class="search-form"
        role="search"
        aria-labelledby="search-heading"
        @submit=${(e: Event) => {
          this.#submit(e);
        }}
      >
        <label class="field"
          ><span>${t("find")}</span>
          <input
            type="search"
            name="query"
            dir="auto"
            aria-keyshortcuts="/"
            placeholder=${t("placeholder")}
            .value=${q.query}
            @keydown=${(e: KeyboardEvent) => {
              // Esc in an empty box gives the keyboard back to the article (the first Esc empties it).
              const box = e.target as HTMLInputElement;
              if (e.key === "Escape" && box.value === "") {
                e.preventDefault();
                document.querySelector<HTMLElement>("qawl-article article")?.focus({ preventScroll: true });
              }
            }}
        /></label>
        <label class="field"
          ><span>${t("in")}</span>
          <select name="scope">
            <option value="text" ?selected=${q.scope === "text"}>${t("scopeText")}</option>
            <option value="quotes" ?selected=${q.scope === "quotes"}>${t("scopeQuotes")}</option>
            <option value="speaker" ?selected=${q.scope === "speaker"}>${t("scopeSpeaker")}</option>
          </select></label
        >
        <label class="field"
          ><span>${t("label")}</span>
          <select name="label">
            <option value="" ?selected=${q.label === ""}>${t("any")}</option>
            ${store.model.labels.map((l) => html`<option value=${l.name} ?selected=${q.label === l.name}>${labelDisplayName(l)}</option>`)}
          </select></label
        >
        <label class="field"
          ><span>${t("status")}</span>
          <select name="status">
            <option value="" ?selected=${q.status === ""}>${t("any")}</option>
            <option value="new" ?selected=${q.status === "new"}>${t("new")}</option>
            <option value="in_progress" ?selected=${q.status === "in_progress"}>${t("inProgress")}</option>
            <option value="done" ?selected=${q.status === "done"}>${t("done")}</option>
          </select></label
        >
        <button type="submit" class="button">${t("search")}</button>
      </form>
      ${
        result === null
          ? html`<p class="muted">${t("help")}</p>`
          : // Not a live region: the status line already says how many were found.
            html`<p class="count-line">
                ${t("hits", { n: result.total })}${
                  result.total > result.hits.length ? t("first", { n: result.hits.length }) : ""
                }
              </p>
              <ol class="hit-list" aria-label=${t("results")}>
                ${result.hits.map(
                  (hit) =>
                    html`<li>
                      <button
                        type="button"
                        class="hit"
                        @click=${() => {
                          this.#open(store, hit);
                        }}
                      >
                        <span class="hit-doc" dir="auto">${hit.documentTitle}</span>
                        <span class="hit-text" lang="ar" dir="rtl"
                          >${hit.before}<mark>${hit.match}</mark>${hit.after}</span
                        >
                      </button>
                    </li>`,
                )}
              </ol>`
      }`;
  }
}

customElements.define("qawl-search-panel", SearchPanel);
