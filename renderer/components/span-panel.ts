/**
 * `<qawl-span-panel>`: the open document's spans as a list, in text order, each with its
 * label and text. The active span shows its attributes and, for a quote, its links: the
 * speaker it is attributed to and its cue. Spans and links are deleted from here.
 */
import { LitElement, html, nothing } from "lit";
import { labelColorClass } from "../article/highlights.ts";
import type { SpanView } from "../../core/contract.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { excerpt, isolate } from "../format.ts";
import { StoreController } from "../state/store-controller.ts";

export class SpanPanel extends LitElement {
  static override properties = { store: { attribute: false } };
  declare store: AnnotationStore | undefined;
  #lastActive: number | null = null;

  constructor() {
    super();
    this.store = undefined;
    new StoreController(this, () => this.store);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  #kindOf(span: SpanView): string | undefined {
    return this.store?.label(span.label)?.kind;
  }

  #details(store: AnnotationStore, span: SpanView) {
    const label = store.label(span.label);
    const doc = store.document;
    if (label === undefined || doc === null) return nothing;
    const attributeControls = label.attributes.map(
      (a) =>
        html`<label class="field"
          ><span>${a.name === "type" ? "Type" : a.name}</span>
          <select
            @change=${(e: Event) => {
              void store.setAttribute(span.id, a.name, (e.target as HTMLSelectElement).value);
            }}
          >
            ${a.values.map((v) => html`<option value=${v} ?selected=${span.attributes[a.name] === v}>${v}</option>`)}
          </select></label
        >`,
    );
    const relationControls = (store.project?.relationTypes ?? [])
      .filter((t) => t.fromKind === label.kind)
      .map((t) => {
        const current = store.relationsFrom(span.id).find((r) => r.type === t.name);
        const targets = doc.spans.filter((s) => this.#kindOf(s) === t.toKind);
        return html`<label class="field"
          ><span>${t.displayName}</span>
          <select
            data-relation=${t.name}
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              void store.link(span.id, t.name, value === "" ? null : Number(value));
            }}
          >
            <option value="" ?selected=${current === undefined}>— none —</option>
            ${targets.map(
              (s) =>
                html`<option
                  value=${s.id}
                  ?selected=${current?.toSpanId === s.id}
                  .text=${`${String(s.start)}–${String(s.end)} · ${isolate(excerpt(s.text, 48))}`}
                ></option>`,
            )}
          </select></label
        >`;
      });
    return html`<div class="span-details">${attributeControls}${relationControls}</div>`;
  }

  #links(store: AnnotationStore, span: SpanView) {
    const links = store.relationsFrom(span.id);
    if (links.length === 0) return nothing;
    return html`<p class="span-links">
      ${links.map((r) => {
        const to = store.span(r.toSpanId);
        const type = store.project?.relationTypes.find((t) => t.name === r.type);
        return html`<span class="link"
          >${type?.displayName ?? r.type}: <bdi lang="ar">${to === undefined ? "?" : excerpt(to.text, 32)}</bdi></span
        >`;
      })}
    </p>`;
  }

  protected override render() {
    const store = this.store;
    const doc = store?.document;
    if (store === undefined || doc == null)
      return html`<h2>Spans</h2>
        <p class="muted">No document open.</p>`;
    return html`<h2 id="spans-heading">Spans <span class="count">${doc.spans.length}</span></h2>
      ${
        doc.spans.length === 0
          ? html`<p class="muted">Select text in the article and press a label's key to add a span.</p>`
          : nothing
      }
      <ul class="span-list" aria-label="Spans">
        ${doc.spans.map((span) => {
          const label = store.label(span.label);
          const active = span.id === store.activeSpanId;
          const name = label?.displayName ?? span.label;
          return html`<li class=${active ? "span-row active" : "span-row"} data-span-id=${span.id}>
            <div class="span-head">
              <button
                type="button"
                class="span-select"
                aria-current=${active ? "true" : "false"}
                @click=${() => {
                  store.activate(span.id);
                }}
              >
                <span class="chip ${labelColorClass(store.labelIndex(span.label))}">${name}</span>
                ${span.attributes["type"] === undefined ? nothing : html`<span class="attr">${span.attributes["type"]}</span>`}
                <span
                  class="span-text"
                  lang=${doc.lang === "und" ? nothing : doc.lang}
                  dir=${doc.lang === "ar" ? "rtl" : "auto"}
                  >${excerpt(span.text, 90)}</span
                >
              </button>
              <button
                type="button"
                class="icon-button delete"
                aria-label=${`Delete ${name}: ${excerpt(span.text, 30)}`}
                title="Delete (Delete key)"
                @click=${() => {
                  void store.deleteSpan(span.id);
                }}
              >
                ✕
              </button>
            </div>
            ${this.#links(store, span)} ${active ? this.#details(store, span) : nothing}
          </li>`;
        })}
      </ul>`;
  }

  protected override updated(): void {
    const active = this.store?.activeSpanId ?? null;
    if (active !== this.#lastActive && active !== null) {
      this.querySelector(`li[data-span-id="${String(active)}"]`)?.scrollIntoView({ block: "nearest" });
    }
    this.#lastActive = active;
  }
}

customElements.define("qawl-span-panel", SpanPanel);
