/**
 * `<qawl-search-panel>`: search across the corpus through Arabic folding (a name typed
 * without harakat finds it with them) — anywhere in the text, inside quotes, or by speaker
 * ("everything Lavrov said") — narrowed by label and document status. Choosing a hit opens
 * its document with the hit highlighted (and its span active when it is one).
 */
import { LitElement, html, nothing } from "lit";
import type { SearchHit } from "../../core/contract.ts";
import type { AnnotationStore, SearchQuery } from "../state/annotation-store.ts";
import { goToHit, search } from "../state/review.ts";
import { StoreController } from "../state/store-controller.ts";

export class SearchPanel extends LitElement {
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
    const q = store.searchQuery;
    const result = store.searchResult;
    return html`<h2 id="search-heading">Search</h2>
      <form
        class="search-form"
        role="search"
        aria-labelledby="search-heading"
        @submit=${(e: Event) => {
          this.#submit(e);
        }}
      >
        <label class="field"
          ><span>Find</span>
          <input
            type="search"
            name="query"
            dir="auto"
            aria-keyshortcuts="/"
            placeholder="e.g. لافروف"
            .value=${q.query}
        /></label>
        <label class="field"
          ><span>In</span>
          <select name="scope">
            <option value="text" ?selected=${q.scope === "text"}>the text</option>
            <option value="quotes" ?selected=${q.scope === "quotes"}>quotes</option>
            <option value="speaker" ?selected=${q.scope === "speaker"}>quotes by speaker</option>
          </select></label
        >
        <label class="field"
          ><span>Label</span>
          <select name="label">
            <option value="" ?selected=${q.label === ""}>any</option>
            ${store.labels.map((l) => html`<option value=${l.name} ?selected=${q.label === l.name}>${l.displayName}</option>`)}
          </select></label
        >
        <label class="field"
          ><span>Status</span>
          <select name="status">
            <option value="" ?selected=${q.status === ""}>any</option>
            <option value="new" ?selected=${q.status === "new"}>New</option>
            <option value="in_progress" ?selected=${q.status === "in_progress"}>In progress</option>
            <option value="done" ?selected=${q.status === "done"}>Done</option>
          </select></label
        >
        <button type="submit" class="button">Search</button>
      </form>
      ${
        result === null
          ? html`<p class="muted">Harakat, tatweel and alef forms are ignored: لافروف finds لافروفُ.</p>`
          : html`<p class="count-line" aria-live="polite">
                ${result.total === 1 ? "1 hit" : `${String(result.total)} hits`}${
                  result.total > result.hits.length ? ` (first ${String(result.hits.length)})` : ""
                }
              </p>
              <ol class="hit-list" aria-label="Search results">
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
