/**
 * `<qawl-span-panel>`: the open document's spans as a list, in text order, each with its
 * label and text. The active span shows what can be edited: a quote's type, speaker, cue
 * and fragments (or "same speaker as the previous quote"); a mention's entity (with the
 * entity its text matches offered); a note on any span. A note is saved when its field is
 * left (blur, Esc); while it is typed, a draft is kept in `localStorage` and comes back when
 * the span's note is shown again (see `state/drafts.ts`), and leaving the page warns.
 */
import "./span-panel.css";
import { html, nothing } from "lit";
import { StoreElement } from "./store-element.ts";
import { guard } from "lit/directives/guard.js";
import { live } from "lit/directives/live.js";
import { virtualizerRef, type VirtualizerHostElement } from "@lit-labs/virtualizer/virtualize.js";
import { longList, settleLongList } from "./long-list.ts";
import type { DocumentView, EntityView, SpanView } from "../../core/contract.ts";
import { foldArabic } from "../../core/text/normalize.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { reviewActive, reviewAll } from "../state/review.ts";
import { clearNoteDraft, readNoteDraft, watchUnsaved, writeNoteDraft } from "../state/drafts.ts";
import { labelColorClass } from "../article/highlights.ts";
import { excerpt, isolate } from "../format.ts";
import { locale } from "../i18n/locale.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { relationDisplayName } from "../i18n/labels.ts";
import { t, typeValue } from "./span-panel.messages.ts";

/** A message with its `{name}` shown in a `<bdi>` (an Arabic name keeps its order inside English). */
function withName(message: string, name: string) {
  const [before = "", after = ""] = message.split("{name}");
  return html`${before}<bdi>${name}</bdi>${after}`;
}

/**
 * The entities the picker offers for a span: of the span's type (a name's entity is of its
 * label; a speaker may be any entity), whose name or an alias holds the query (folded), the
 * linked one always; in the registry's order.
 */
function entityChoices(store: AnnotationStore, span: SpanView, query: string): EntityView[] {
  const wanted = foldArabic(query.trim());
  const ofType = (e: EntityView) => store.model.kindOf(span) !== "entity" || e.type === span.label;
  const named = (e: EntityView) => wanted === "" || [e.name, ...e.aliases].some((n) => foldArabic(n).includes(wanted));
  return store.model.entities.filter((e) => e.id === span.entityId || (ofType(e) && named(e)));
}

export class SpanPanel extends StoreElement {
  static override properties = { filter: { state: true }, entityQuery: { state: true } };
  /** Which spans the list shows: `all`, `unlinked` (quotes missing a speaker or cue), or a label name. */
  declare filter: string;
  /** What is typed in the entity picker's search field (folded when compared). */
  declare entityQuery: string;
  #lastActive: number | null = null;
  #unwatch: (() => void) | null = null;

  constructor() {
    super();
    this.filter = "all";
    this.entityQuery = "";
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch = watchUnsaved(() => this.#noteUnsaved());
  }

  override disconnectedCallback(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    super.disconnectedCallback();
  }

  /** Whether the open note field holds text that is not the span's saved note. */
  #noteUnsaved(): boolean {
    const field = this.querySelector<HTMLTextAreaElement>("textarea.note");
    const id = this.store?.view.activeSpanId;
    const span = id == null ? undefined : this.store?.model.span(id);
    return field !== null && span !== undefined && field.value !== (span.note ?? "");
  }

  /** Save a note as today (one undoable step), then forget its draft once the project holds it. */
  async #saveNote(store: AnnotationStore, spanId: number, text: string): Promise<void> {
    const projectPath = store.model.project?.path ?? "";
    await store.setNote(spanId, text);
    const saved = store.model.span(spanId)?.note ?? "";
    if (saved === (text.trim() === "" ? "" : text)) clearNoteDraft(projectPath, spanId);
  }

  /** Whether a span passes the list's filter (the active span always does). */
  #shown(store: AnnotationStore, span: SpanView): boolean {
    if (this.filter === "all" || span.id === store.view.activeSpanId) return true;
    if (this.filter === "suggested") return span.suggested !== null;
    if (this.filter === "unlinked") {
      if (store.model.kindOf(span) !== "quote") return false;
      const types = new Set(store.model.relationsFrom(span.id).map((r) => r.type));
      return !types.has("attributed_to") || !types.has("cue");
    }
    return span.label === this.filter;
  }

  #quoteControls(store: AnnotationStore, span: SpanView) {
    const doc = store.model.document;
    const label = store.model.label(span.label);
    if (doc === null || label === undefined) return nothing;
    const relationControls = (store.model.project?.relationTypes ?? [])
      .filter((type) => type.fromKind === label.kind)
      .map((type) => {
        const current = store.model.relationsFrom(span.id).find((r) => r.type === type.name);
        const targets = doc.spans.filter((s) => store.model.kindOf(s) === type.toKind);
        const carried = current?.toEntityId != null ? store.model.entityById(current.toEntityId) : undefined;
        return html`<label class="field"
          ><span>${relationDisplayName(type)}</span>
          <select
            data-relation=${type.name}
            .value=${live(current === undefined ? "" : current.toSpanId === null ? "entity" : String(current.toSpanId))}
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              if (value !== "entity") void store.link(span.id, type.name, value === "" ? null : Number(value));
            }}
          >
            <option value="" ?selected=${current === undefined}>${t("none")}</option>
            ${
              carried === undefined
                ? nothing
                : html`<option
                    value="entity"
                    selected
                    .text=${t("carriedOverOption", { name: isolate(carried.name) })}
                  ></option>`
            }
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
    const pieces = span.fragments?.length ?? 1;
    const stale = store.model.staleCarryOver(span);
    return html`${relationControls}
      ${
        stale === undefined
          ? nothing
          : html`<p class="suggestion warning">
              ${withName(t("staleCarryOver"), stale.name)}
              <button type="button" class="small" @click=${() => void store.carryOverSpeaker(span.id)}>
                ${t("carryThatOver")}
              </button>
            </p>`
      }
      <div class="actions">
        <button
          type="button"
          class="small"
          aria-keyshortcuts="Shift+S"
          @click=${() => {
            this.#linkNearest(store, span, "attributed_to");
          }}
        >
          ${t("nearestSpeaker")} <kbd><span dir="ltr">⇧S</span></kbd>
        </button>
        <button
          type="button"
          class="small"
          aria-keyshortcuts="Shift+C"
          @click=${() => {
            this.#linkNearest(store, span, "cue");
          }}
        >
          ${t("nearestCue")} <kbd><span dir="ltr">⇧C</span></kbd>
        </button>
        <button
          type="button"
          class="small"
          aria-keyshortcuts="Shift+R"
          @click=${() => void store.carryOverSpeaker(span.id)}
        >
          ${t("sameSpeaker")} <kbd><span dir="ltr">⇧R</span></kbd>
        </button>
        <button
          type="button"
          class="small"
          aria-keyshortcuts="Shift+F"
          @mousedown=${(e: Event) => {
            e.preventDefault();
          }}
          @click=${() => {
            this.dispatchEvent(new CustomEvent("add-fragment", { bubbles: true }));
          }}
        >
          ${t("addFragment")} <kbd><span dir="ltr">⇧F</span></kbd>
        </button>
        ${
          pieces > 1
            ? html`<button type="button" class="small" @click=${() => void store.removeFragments(span.id)}>
                ${t("keepFirst", { n: pieces })}
              </button>`
            : nothing
        }
      </div>`;
  }

  #linkNearest(store: AnnotationStore, quote: SpanView, type: "attributed_to" | "cue"): void {
    const nearest = store.model.nearestSpan(quote, type === "cue" ? "cue" : "speaker");
    if (nearest === undefined) store.notify("error", () => t(type === "cue" ? "noCueSpan" : "noSpeakerSpan"));
    else void store.link(quote.id, type, nearest.id);
  }

  #entityControls(store: AnnotationStore, span: SpanView) {
    const entity = store.model.entityById(span.entityId);
    const candidate = store.view.candidates[0];
    const choices = entityChoices(store, span, this.entityQuery);
    return html`<label class="field"
        ><span>${t("findEntity")}</span>
        <input
          type="search"
          dir="auto"
          placeholder=${t("findEntityPlaceholder")}
          .value=${live(this.entityQuery)}
          @input=${(e: Event) => {
            this.entityQuery = (e.target as HTMLInputElement).value;
          }}
          @keydown=${(e: KeyboardEvent) => {
            // Enter links the first entity found; Esc clears the search.
            e.stopPropagation();
            const first = choices.find((c) => c.id !== span.entityId);
            if (e.key === "Enter" && this.entityQuery.trim() !== "" && first !== undefined) {
              e.preventDefault();
              this.entityQuery = "";
              void store.linkEntity(span.id, first.id);
            } else if (e.key === "Escape") this.entityQuery = "";
          }}
      /></label>
      <label class="field"
        ><span>${t("entity")}</span>
        <select
          .value=${live(span.entityId === null ? "" : String(span.entityId))}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            if (value === "new") void store.createEntityFrom(span.id);
            else void store.linkEntity(span.id, value === "" ? null : Number(value));
          }}
        >
          <option value="" ?selected=${span.entityId === null}>${t("none")}</option>
          ${choices.map(
            (e) =>
              html`<option
                value=${e.id}
                ?selected=${span.entityId === e.id}
                .text=${`${isolate(e.name)} · ${e.type}${e.kbId === null ? "" : ` · ${e.kbId}`}`}
              ></option>`,
          )}
          <option value="new">${t("newEntity")}</option>
        </select></label
      >
      ${
        entity === undefined && candidate !== undefined
          ? html`<p class="suggestion">
              ${withName(t("matches", { mentions: t("mentions", { n: candidate.mentionCount }) }), candidate.name)}
              <button
                type="button"
                class="small"
                aria-keyshortcuts="Shift+E"
                @click=${() => void store.linkEntity(span.id, candidate.id)}
              >
                ${t("link")} <kbd><span dir="ltr">⇧E</span></kbd>
              </button>
            </p>`
          : nothing
      }
      ${
        entity === undefined
          ? nothing
          : html`<p class="suggestion">
              <button type="button" class="link" @click=${() => void store.showEntity(entity.id)}>
                ${withName(t("showEntity", { mentions: t("mentions", { n: entity.mentionCount }) }), entity.name)}
              </button>
            </p>`
      }`;
  }

  #details(store: AnnotationStore, span: SpanView) {
    const label = store.model.label(span.label);
    if (label === undefined) return nothing;
    const projectPath = store.model.project?.path ?? "";
    // A note typed before the tab was closed (or the page reloaded), not saved yet.
    const stored = readNoteDraft(projectPath, span);
    const draft = stored === null || stored === (span.note ?? "") ? null : stored;
    const attributeControls = label.attributes.map((a) => {
      const value = a.name === "type" ? typeValue : (v: string) => v;
      return html`<label class="field"
        ><span>${a.name === "type" ? t("type") : a.name}</span>
        <select
          .value=${live(span.attributes[a.name] ?? "")}
          @change=${(e: Event) => {
            void store.setAttribute(span.id, a.name, (e.target as HTMLSelectElement).value);
          }}
        >
          ${a.values.map((v) => html`<option value=${v} ?selected=${span.attributes[a.name] === v}>${value(v)}</option>`)}
        </select></label
      >`;
    });
    return html`<div class="span-details">
      ${attributeControls} ${label.kind === "quote" ? this.#quoteControls(store, span) : nothing}
      ${label.kind === "speaker" || label.kind === "entity" ? this.#entityControls(store, span) : nothing}
      <label class="field note-field"
        ><span>${t("note")}</span>
        <textarea
          class="note"
          rows="2"
          aria-keyshortcuts="Shift+N"
          aria-describedby=${draft === null ? nothing : "note-draft-hint"}
          .value=${live(draft ?? span.note ?? "")}
          @input=${(e: Event) => {
            const text = (e.target as HTMLTextAreaElement).value;
            if (text === (span.note ?? "")) clearNoteDraft(projectPath, span.id);
            else writeNoteDraft(projectPath, span, text);
          }}
          @blur=${(e: Event) => {
            // On blur rather than change: a draft brought back is saved even if not typed in.
            void this.#saveNote(store, span.id, (e.target as HTMLTextAreaElement).value);
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === "Escape") (e.target as HTMLTextAreaElement).blur();
          }}
        ></textarea>
        ${draft === null ? nothing : html`<small id="note-draft-hint" class="hint">${t("noteDraft")}</small>`}
      </label>
      <p class="hint"><bdi dir="ltr">${span.start}–${span.end}</bdi> · ${t("resizeHint")}</p>
    </div>`;
  }

  #links(store: AnnotationStore, span: SpanView) {
    const links = store.model.relationsFrom(span.id);
    const entity = store.model.entityById(span.entityId);
    if (links.length === 0 && entity === undefined && span.note === null) return nothing;
    return html`<p class="span-links">
      ${links.map((r) => {
        const type = store.model.project?.relationTypes.find((rt) => rt.name === r.type);
        const name = type === undefined ? r.type : relationDisplayName(type);
        const to =
          r.toSpanId === null ? store.model.entityById(r.toEntityId)?.name : store.model.span(r.toSpanId)?.text;
        return html`<span class="link-item"
          >${name}: <bdi>${to === undefined ? "?" : excerpt(to, 32)}</bdi>${
            r.toEntityId === null ? nothing : t("carriedOver")
          }</span
        >`;
      })}
      ${entity === undefined ? nothing : html`<span class="link-item">${t("entity")}: <bdi>${entity.name}</bdi></span>`}
      ${span.note === null ? nothing : html`<span class="link-item">${t("note")}: <bdi>${excerpt(span.note, 40)}</bdi></span>`}
    </p>`;
  }

  protected override render() {
    const store = this.store;
    const doc = store?.model.document;
    if (store === undefined || doc == null)
      return html`<h2>${t("spans")}</h2>
        <p class="muted">${t("noDocument")}</p>`;
    return html`<h2 id="spans-heading">${t("spans")} <span class="count">${doc.spans.length}</span></h2>
      ${doc.suggestionCount > 0 ? this.#reviewBar(store, doc) : nothing}
      ${doc.spans.length === 0 ? html`<p class="muted">${t("noSpans")}</p>` : nothing}
      ${
        doc.spans.length === 0
          ? nothing
          : html`<label class="field filter"
              ><span>${t("show")}</span>
              <select
                .value=${live(this.filter)}
                @change=${(e: Event) => {
                  this.filter = (e.target as HTMLSelectElement).value;
                }}
              >
                <option value="all">${t("allSpans")}</option>
                <option value="suggested">${t("suggestedFilter", { n: doc.suggestionCount })}</option>
                <option value="unlinked">${t("unlinkedFilter")}</option>
                ${(store.model.project?.labels ?? []).map((l) => {
                  const text = t("labelFilter", { name: labelDisplayName(l), n: doc.spanCounts[l.name] ?? 0 });
                  return html`<option value=${l.name}>${text}</option>`;
                })}
              </select></label
            >`
      }
      <ul class="span-list" aria-label=${t("spans")}>
        ${longList(
          this.#rows(store, doc),
          (span) => span.id,
          (span) =>
            // A row is rebuilt only when its span, its activity or what it shows changed.
            guard(
              [
                span,
                span.id === store.view.activeSpanId,
                store.model.isProvisional(span),
                doc.suggestionCount,
                doc.relations,
                store.model.entities,
                store.model.project?.labels,
                store.view.candidates,
                span.id === store.view.activeSpanId ? this.entityQuery : "",
                locale(),
              ],
              () => this.#row(store, doc, span),
            ),
        )}
      </ul>`;
  }

  /** The document's suggestions at a glance, with accept-all and reject-all. */
  #reviewBar(store: AnnotationStore, doc: DocumentView) {
    return html`<div class="review-bar" role="group" aria-label=${t("suggestions")}>
      <span>${t("toReview", { n: doc.suggestionCount })}</span>
      <button
        type="button"
        class="small"
        aria-keyshortcuts="Shift+Enter"
        @click=${() => void reviewAll(store, "accept")}
      >
        ${t("acceptAll")} <kbd><span dir="ltr">⇧Enter</span></kbd>
      </button>
      <button
        type="button"
        class="small"
        aria-keyshortcuts="Shift+Backspace"
        @click=${() => void reviewAll(store, "reject")}
      >
        ${t("rejectAll")} <kbd><span dir="ltr">⇧⌫</span></kbd>
      </button>
    </div>`;
  }

  /** What an active suggestion offers: accept or reject it, with their keys. */
  #suggestionControls(store: AnnotationStore, span: SpanView) {
    return html`<p class="suggestion review">
      ${t(span.suggested === "rules" ? "byRules" : "byName")}
      <button
        type="button"
        class="small accept"
        aria-keyshortcuts="Enter"
        @click=${() => void reviewActive(store, "accept")}
      >
        ${t("accept")} <kbd>Enter</kbd>
      </button>
      <button
        type="button"
        class="small reject"
        aria-keyshortcuts="Backspace"
        @click=${() => void reviewActive(store, "reject")}
      >
        ${t("reject")} <kbd>⌫</kbd>
      </button>
    </p>`;
  }

  #row(store: AnnotationStore, doc: DocumentView, span: SpanView) {
    const label = store.model.label(span.label);
    const active = span.id === store.view.activeSpanId;
    const name = label === undefined ? span.label : labelDisplayName(label);
    const provisional = store.model.isProvisional(span);
    const rowClass = `span-row${active ? " active" : ""}${span.suggested === null ? "" : " suggested"}${provisional ? " provisional" : ""}`;
    // A span shown before the host committed it: greyed, and busy for assistive technology.
    return html`<li class=${rowClass} data-span-id=${span.id} aria-busy=${provisional ? "true" : nothing}>
      <div class="span-head">
        <button
          type="button"
          class="span-select"
          aria-current=${active ? "true" : "false"}
          @click=${() => {
            store.activate(span.id);
          }}
        >
          <span class="chip ${labelColorClass(store.model.labelIndex(span.label))}">${name}</span>
          ${span.suggested === null ? nothing : html`<span class="attr suggested-badge">${t("suggested")}</span>`}
          ${
            span.suggested === null &&
            (store.model.shownLayers?.length ?? 2) >= 2 &&
            store.model.documentLayers.length >= 2
              ? html`<span class="attr layer-badge">${span.annotator}</span>`
              : nothing
          }
          ${span.attributes["type"] === undefined ? nothing : html`<span class="attr">${typeValue(span.attributes["type"])}</span>`}
          ${span.fragments === null ? nothing : html`<span class="attr">${t("fragments", { n: span.fragments.length })}</span>`}
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
          aria-label=${t("deleteSpan", { name, text: excerpt(span.text, 30) })}
          title=${t("deleteTitle")}
          @click=${() => {
            void store.deleteSpan(span.id);
          }}
        >
          ✕
        </button>
      </div>
      ${this.#links(store, span)} ${active && span.suggested !== null ? this.#suggestionControls(store, span) : nothing}
      ${
        // A provisional span's row is replaced by the committed one: a field typed in now
        // would lose its focus and text, so its fields come with the committed span.
        active && !provisional ? this.#details(store, span) : nothing
      }
    </li>`;
  }

  /** The rows the list shows, in text order (kept while neither the spans nor the filter changed). */
  #rows(store: AnnotationStore, doc: DocumentView): SpanView[] {
    const key = [doc.spans, this.filter, store.view.activeSpanId, doc.relations] as const;
    if (this.#rowsOf === null || key.some((k, i) => k !== this.#rowsOf?.[i])) {
      this.#rowsOf = key;
      this.#shownRows = doc.spans.filter((span) => this.#shown(store, span));
    }
    return this.#shownRows;
  }

  #rowsOf: readonly unknown[] | null = null;
  #shownRows: SpanView[] = [];

  protected override updated(): void {
    settleLongList(this.querySelector("ul.span-list"));
    const store = this.store;
    const active = store?.view.activeSpanId ?? null;
    if (active !== this.#lastActive && active !== null && store !== undefined) {
      const index = this.#shownRows.findIndex((s) => s.id === store.model.resolve(active));
      // After the frame's layout, not in the middle of this update (a forced layout).
      requestAnimationFrame(() => {
        const list = this.querySelector<HTMLElement & VirtualizerHostElement>("ul.span-list");
        const virtualizer = list?.[virtualizerRef];
        if (virtualizer !== undefined) {
          if (index >= 0) virtualizer.element(index)?.scrollIntoView({ block: "nearest" });
        } else this.querySelector(`li[data-span-id="${String(active)}"]`)?.scrollIntoView({ block: "nearest" });
      });
    }
    // A search typed for one span's entity is not carried to the next span.
    if (active !== this.#lastActive && this.entityQuery !== "") this.entityQuery = "";
    this.#lastActive = active;
  }
}

customElements.define("qawl-span-panel", SpanPanel);
