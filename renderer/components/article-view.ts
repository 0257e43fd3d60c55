/**
 * `<qawl-article>`: the document's text, right-to-left for Arabic, one `<p>` per line, with
 * spans painted as highlights (no elements inside words, so letters stay joined). Text is
 * selected with the mouse or the keyboard (arrows move a caret; Shift extends by character,
 * Ctrl+Shift by word); clicking a highlight makes its span active; the active span has a
 * handle at each end that can be dragged to resize it.
 *
 * Offsets: the DOM works in UTF-16 units; this element converts to code points (through the
 * document's `OffsetIndex`) before anything reaches the store.
 */
import { mayUse } from "../state/access.ts";
import { GOLD_LAYER, isGoldLayer } from "../../core/layers.ts";
import "./article-view.css";
import { html, nothing, type PropertyValues } from "lit";
import { StoreElement } from "./store-element.ts";
import { live } from "lit/directives/live.js";
import type { DocumentStatus, SpanView } from "../../core/contract.ts";
import type { AnnotationStore, FoundRange } from "../state/annotation-store.ts";
import { afterNextPaint } from "../frames.ts";
import { snapToGraphemes } from "../../core/text/graphemes.ts";
import { offsetOfPoint, rangeOfOffsets, type ParagraphElements } from "../article/dom-positions.ts";
import { HighlightPainter } from "../article/highlights.ts";
import { paragraphsOf, type Paragraph } from "../article/paragraphs.ts";
import { spanExtentOfSelection, type ExtentOptions } from "../article/selection-extent.ts";
import { t } from "./article-view.messages.ts";

const CARET_KEYS: Readonly<Record<string, "left" | "right" | "forward" | "backward">> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "backward",
  ArrowDown: "forward",
};

const STATUSES: readonly DocumentStatus[] = ["new", "in_progress", "done"];

/** A boundary point under the pointer (`caretPositionFromPoint`, with the older WebKit call as fallback). */
function pointAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const p = document.caretPositionFromPoint(x, y);
    return p === null ? null : { node: p.offsetNode, offset: p.offset };
  }
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- fallback for Chromium before 128
  const r = document.caretRangeFromPoint(x, y);
  return r === null ? null : { node: r.startContainer, offset: r.startOffset };
}

/** Letters and digits that run left to right even inside an Arabic line. */
const LEFT_TO_RIGHT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]/u;

/**
 * Where a range's start (or end) is drawn: the outer side of its first (or last) character,
 * on that character's own line — a collapsed range at a line wrap would sit at the end of
 * the previous line.
 */
function edgeOf(range: Range, atStart: boolean): { x: number; top: number; height: number } | null {
  const node = atStart ? range.startContainer : range.endContainer;
  const offset = atStart ? range.startOffset : range.endOffset;
  if (node.nodeType !== Node.TEXT_NODE) return null;
  const data = node.textContent ?? "";
  const at = atStart ? offset : offset - 1;
  if (at < 0 || at >= data.length) return null;
  const code = data.charCodeAt(at);
  const wide = atStart ? code >= 0xd800 && code <= 0xdbff : code >= 0xdc00 && code <= 0xdfff;
  const char = document.createRange();
  char.setStart(node, atStart ? at : wide ? at - 1 : at);
  char.setEnd(node, atStart ? (wide ? at + 2 : at + 1) : at + 1);
  const rect = char.getClientRects()[0];
  if (rect === undefined) return null;
  const rightToLeft =
    !LEFT_TO_RIGHT.test(char.toString()) &&
    (node.parentElement?.closest("[dir]")?.getAttribute("dir") ?? "ltr") === "rtl";
  // The start of a right-to-left character is its right side.
  const x = atStart === rightToLeft ? rect.right : rect.left;
  return { x, top: rect.top, height: rect.height };
}

/** Light DOM (from `StoreElement`): the page's selection and highlights work on plain document nodes. */
export class ArticleView extends StoreElement {
  readonly #painter = new HighlightPainter<SpanView>();
  #paragraphElements: ParagraphElements | null = null;
  /** The text the painted ranges were made for. */
  #paintedText: string | null = null;
  #paragraphs: Paragraph[] = [];
  #paragraphsOf: string | null = null;
  #paintedLabels = "";
  #lastActive: number | null = null;
  /** The search hit shown last (scrolled to once). */
  #lastFound: FoundRange | null = null;
  /** While a handle is dragged: which end, and where it would go (UTF-16). */
  #drag: { spanId: number; edge: "start" | "end"; to: number } | null = null;
  #caretFrame = 0;
  /** Place the caret at the next frame (measuring now would force a layout mid-update). */
  readonly #onSelectionChange = () => {
    cancelAnimationFrame(this.#caretFrame);
    this.#caretFrame = requestAnimationFrame(() => {
      this.#placeCaret();
    });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("selectionchange", this.#onSelectionChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("selectionchange", this.#onSelectionChange);
    this.#listening?.removeEventListener("provisional", this.#onProvisional);
    this.#listening = undefined;
    this.#painter.clear();
  }

  /** The store whose provisional spans this view paints at once (before the page re-renders). */
  #listening: AnnotationStore | undefined;
  readonly #onProvisional = () => {
    this.#paint();
  };

  /** The `<article>` element, once rendered. */
  get article(): HTMLElement | null {
    return this.querySelector("article");
  }

  /** The paragraph elements by index, looked up once after each render of the text. */
  #elements(): ParagraphElements {
    if (this.#paragraphElements === null) {
      const list: (Element | undefined)[] = [];
      for (const p of this.querySelectorAll<HTMLElement>("article p[data-index]")) list[Number(p.dataset["index"])] = p;
      this.#paragraphElements = list;
    }
    return this.#paragraphElements;
  }

  /** UTF-16 offset in the document of a DOM point, or null outside the article. */
  #offsetOf(node: Node, offset: number): number | null {
    const article = this.article;
    return article === null ? null : offsetOfPoint(article, this.#paragraphs, node, offset);
  }

  /**
   * The code point extent the current selection would give a new span, or null when
   * nothing (or only whitespace and marks) inside the article is selected. A selection
   * that runs past the article (Ctrl+A) is cut to the article.
   */
  selectionExtent(options: ExtentOptions = {}): { start: number; end: number } | null {
    const store = this.store;
    const article = this.article;
    const sel = document.getSelection();
    if (store?.model.offsets == null || store.model.graphemes === null || article === null || sel === null) return null;
    if (sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const whole = document.createRange();
    whole.selectNodeContents(article);
    if (range.compareBoundaryPoints(Range.END_TO_START, whole) >= 0) return null;
    if (range.compareBoundaryPoints(Range.START_TO_END, whole) <= 0) return null;
    const from = range.compareBoundaryPoints(Range.START_TO_START, whole) < 0 ? whole : range;
    const to = range.compareBoundaryPoints(Range.END_TO_END, whole) > 0 ? whole : range;
    const a = this.#offsetOf(from.startContainer, from.startOffset);
    const b = this.#offsetOf(to.endContainer, to.endOffset);
    if (a === null || b === null) return null;
    return spanExtentOfSelection(store.model.offsets, store.model.graphemes, a, b, options);
  }

  /** Collapse the selection to a code point offset and keep the keyboard in the article. */
  placeCaretAt(codePoint: number): void {
    const store = this.store;
    const article = this.article;
    if (store?.model.offsets == null || article === null) return;
    const u16 = store.model.offsets.toUtf16(codePoint);
    const range = rangeOfOffsets(this.#elements(), this.#paragraphs, u16, u16);
    const sel = document.getSelection();
    if (range === null || sel === null) return;
    sel.removeAllRanges();
    sel.addRange(range);
    article.focus({ preventScroll: true });
  }

  /** The ranges of a span: one per fragment (UTF-16 → DOM). */
  #rangesOf(
    span: Pick<SpanView, "start" | "end" | "fragments">,
    from?: { edge: "start" | "end"; to: number },
  ): Range[] {
    const store = this.store;
    const article = this.article;
    if (store?.model.offsets == null || article === null) return [];
    const pieces = span.fragments ?? [{ start: span.start, end: span.end }];
    const elements = this.#elements();
    return pieces.flatMap((piece, i) => {
      let start = store.model.offsets?.toUtf16(piece.start) ?? 0;
      let end = store.model.offsets?.toUtf16(piece.end) ?? 0;
      if (from?.edge === "start" && i === 0) start = Math.min(from.to, end);
      if (from?.edge === "end" && i === pieces.length - 1) end = Math.max(from.to, start);
      const range = rangeOfOffsets(elements, this.#paragraphs, start, end);
      return range === null ? [] : [range];
    });
  }

  /** The spans under a UTF-16 offset, shortest first. */
  #spansAt(u16: number): SpanView[] {
    const store = this.store;
    if (store?.model.document == null || store.model.offsets === null) return [];
    const cp = store.model.offsets.toCodePoint(u16);
    const inside = (s: SpanView) =>
      (s.fragments ?? [{ start: s.start, end: s.end }]).some((f) => f.start <= cp && cp < f.end);
    return store.model.document.spans.filter(inside).sort((x, y) => x.end - x.start - (y.end - y.start));
  }

  #onClick = (event: MouseEvent): void => {
    if ((event.target as Element).closest(".handle") !== null) return;
    const sel = document.getSelection();
    if (sel === null || !sel.isCollapsed || sel.focusNode === null) return;
    const at = this.#offsetOf(sel.focusNode, sel.focusOffset);
    if (at === null) return;
    // Clicking again inside the active span moves to the next span under the pointer
    // (a Person span on the same words as a Speaker span).
    const under = this.#spansAt(at);
    const current = under.findIndex((s) => s.id === this.store?.view.activeSpanId);
    const next = current >= 0 ? under[(current + 1) % under.length] : under[0];
    this.store?.activate(next?.id ?? null);
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const article = this.article;
    const sel = document.getSelection();
    if (article === null || sel === null) return;
    const direction = CARET_KEYS[event.key];
    if (direction === undefined && event.key !== "Home" && event.key !== "End") return;
    if (event.altKey || event.metaKey) return;
    if (sel.rangeCount === 0 || !article.contains(sel.focusNode)) {
      const first = article.querySelector("p[data-index]:not(.blank)");
      if (first === null) return;
      sel.collapse(first.firstChild ?? first, 0);
    }
    const alter = event.shiftKey ? "extend" : "move";
    if (event.key === "Home" || event.key === "End") {
      sel.modify(alter, event.key === "Home" ? "backward" : "forward", "lineboundary");
    } else {
      const granularity = event.ctrlKey
        ? "word"
        : direction === "forward" || direction === "backward"
          ? "line"
          : "character";
      sel.modify(alter, direction ?? "forward", granularity);
    }
    event.preventDefault();
  };

  #onHandleDown = (event: PointerEvent): void => {
    const handle = event.currentTarget as HTMLElement;
    const span = this.store?.activeSpan;
    const edge = handle.dataset["edge"] === "start" ? "start" : "end";
    if (span === undefined || this.store?.model.offsets == null) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    this.#drag = { spanId: span.id, edge, to: this.store.model.offsets.toUtf16(span[edge]) };
  };

  #onHandleMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    const store = this.store;
    if (drag === null || store?.model.graphemes == null) return;
    const point = pointAt(event.clientX, event.clientY);
    if (point === null) return;
    const at = this.#offsetOf(point.node, point.offset);
    if (at === null) return;
    const snapped = snapToGraphemes(store.model.graphemes, at, at);
    this.#drag = { ...drag, to: drag.edge === "start" ? snapped.start : snapped.end };
    this.#paint();
  };

  #onHandleUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    const store = this.store;
    this.#drag = null;
    (event.currentTarget as HTMLElement).releasePointerCapture(event.pointerId);
    if (drag === null || store?.model.offsets == null) return;
    void store.resize(drag.spanId, drag.edge, store.model.offsets.toCodePoint(drag.to));
  };

  #placeCaret(): void {
    const caret = this.querySelector<HTMLElement>(".caret");
    const article = this.article;
    const sel = document.getSelection();
    if (caret === null || article === null) return;
    const show =
      sel !== null &&
      sel.rangeCount > 0 &&
      sel.isCollapsed &&
      document.activeElement === article &&
      article.contains(sel.focusNode);
    caret.hidden = !show;
    if (!show) return;
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    this.#moveTo(caret, this.#translation(caret, rect.left, rect.top));
    caret.style.blockSize = `${String(Math.max(rect.height, 16))}px`;
  }

  /** The translation last given to each overlay (caret, handles), in CSS px. */
  readonly #offsets = new WeakMap<HTMLElement, { x: number; y: number }>();

  /**
   * Where to translate an absolutely positioned overlay so its corner sits at a viewport
   * point, whatever the writing direction: its place untranslated is where it is now less
   * the translation it was last given. Reads layout only (call every `#translation` before
   * any `#moveTo`, so the page is laid out once).
   */
  #translation(element: HTMLElement, x: number, y: number): { x: number; y: number } {
    const now = element.getBoundingClientRect();
    const last = this.#offsets.get(element) ?? { x: 0, y: 0 };
    return { x: x - (now.left - last.x), y: y - (now.top - last.y) };
  }

  /** Give an overlay a translation (from `#translation`). Writes style only. */
  #moveTo(element: HTMLElement, to: { x: number; y: number }): void {
    this.#offsets.set(element, to);
    element.style.transform = `translate(${String(to.x)}px, ${String(to.y)}px)`;
  }

  #placeHandles(active: Range[]): void {
    const first = active[0];
    const last = active[active.length - 1];
    const handles = [...this.querySelectorAll<HTMLElement>(".handle")];
    // Shown first (a hidden handle has no place to measure), then everything measured, then
    // everything moved: one layout, not one per handle.
    for (const handle of handles) handle.hidden = (handle.dataset["edge"] === "start" ? first : last) === undefined;
    const moves = handles.map((handle) => {
      const atStart = handle.dataset["edge"] === "start";
      const source = atStart ? first : last;
      const rect = source === undefined ? null : edgeOf(source, atStart);
      return { handle, rect, to: rect === null ? null : this.#translation(handle, rect.x - 5, rect.top) };
    });
    for (const { handle, rect, to } of moves) {
      handle.hidden = rect === null;
      if (rect === null || to === null) continue;
      this.#moveTo(handle, to);
      handle.style.blockSize = `${String(Math.max(rect.height, 16))}px`;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const text = this.store?.model.document?.text ?? null;
    if (text !== this.#paragraphsOf) {
      this.#paragraphs = text === null ? [] : paragraphsOf(text);
      this.#paragraphsOf = text;
      this.#paragraphElements = null;
    }
  }

  /** Bring the highlights (and the handles) up to date with the store. */
  #paint(): void {
    const store = this.store;
    const labels = store?.model.project?.labels;
    const signature = JSON.stringify(labels?.map((l) => [l.name, l.kind, l.color]) ?? []);
    if (labels !== undefined && this.#paintedLabels !== signature) {
      this.#painter.setLabels(labels);
      this.#paintedLabels = signature;
    }
    if (store?.model.document == null || this.article === null) {
      this.#painter.reset();
      return;
    }
    if (this.#paintedText !== this.#paragraphsOf) {
      // The text was laid out again: every range points to old nodes.
      this.#painter.reset();
      this.#paintedText = this.#paragraphsOf;
    }
    const activeSpan = store.activeSpan;
    const drag = this.#drag;
    const active =
      activeSpan === undefined
        ? []
        : this.#rangesOf(activeSpan, drag !== null && drag.spanId === activeSpan.id ? drag : undefined);
    const linked =
      activeSpan === undefined
        ? []
        : store.model.document.relations
            .flatMap((r) =>
              r.fromSpanId === activeSpan.id ? [r.toSpanId] : r.toSpanId === activeSpan.id ? [r.fromSpanId] : [],
            )
            .flatMap((id) => {
              const span = store.model.span(id);
              return span === undefined ? [] : this.#rangesOf(span);
            });
    const hit =
      store.view.found !== null && store.view.found.documentId === store.model.document.id ? store.view.found : null;
    const found = hit === null ? [] : this.#rangesOf({ start: hit.start, end: hit.end, fragments: null });
    this.#painter.sync(
      store.model.document.spans,
      (span) => this.#rangesOf(span),
      active,
      linked,
      found,
      (span) => store.model.isProvisional(span),
    );
    if (hit !== this.#lastFound && found[0] !== undefined) {
      const first = found[0];
      requestAnimationFrame(() => {
        first.startContainer.parentElement?.scrollIntoView({ block: "center" });
      });
    }
    this.#lastFound = hit;
    // Measured once the highlights are on screen: a measurement in this frame would lay it out again.
    afterNextPaint(() => {
      this.#placeHandles(active);
    });
    // Newly active (a provisional span becoming its committed self is not: the person may
    // have scrolled on to the next words meanwhile).
    const last = this.#lastActive;
    const newlyActive =
      store.view.activeSpanId !== last && (last === null || store.model.resolve(last) !== store.view.activeSpanId);
    if (newlyActive && active[0] !== undefined) {
      const first = active[0];
      afterNextPaint(() => {
        const rect = first.getBoundingClientRect();
        const box = this.querySelector(".article-scroller")?.getBoundingClientRect();
        if (box !== undefined && (rect.top < box.top || rect.bottom > box.bottom)) {
          first.startContainer.parentElement?.scrollIntoView({ block: "center" });
          this.#placeHandles(active);
        }
      });
    }
    this.#lastActive = store.view.activeSpanId;
  }

  protected override updated(): void {
    if (this.store !== this.#listening) {
      this.#listening?.removeEventListener("provisional", this.#onProvisional);
      this.store?.addEventListener("provisional", this.#onProvisional);
      this.#listening = this.store;
    }
    this.#paint();
  }

  /**
   * The layer menu, once the document holds two or more layers: every layer, each one alone
   * (the host's annotator's marked as theirs, and gold, even while empty), and with three or
   * more annotators each pair of them together.
   */
  #layerPicker(store: AnnotationStore) {
    const model = store.model;
    const layers = model.documentLayers;
    if (layers.length < 2 && model.shownLayers === null) return nothing;
    const me = model.project?.annotator ?? "";
    const people = layers.filter((l) => !isGoldLayer(l));
    const name = (l: string) => (isGoldLayer(l) ? t("goldLayer") : l === me ? t("yourLayer", { name: l }) : l);
    // Your own layer and gold are offered even while empty: they are where you annotate.
    const alone = [...new Set([me, ...people, GOLD_LAYER])];
    const choices: { value: string; text: string }[] = [
      { value: "", text: t("allLayers") },
      ...alone.map((l) => ({ value: JSON.stringify([l]), text: name(l) })),
      ...(people.length < 3 ? [] : people).flatMap((a, i) =>
        people.slice(i + 1).map((b) => ({ value: JSON.stringify([a, b]), text: t("twoLayers", { a, b }) })),
      ),
    ];
    const current = model.shownLayers === null ? "" : JSON.stringify(model.shownLayers);
    return html`·
      <label class="status-field"
        >${t("layer")}
        <select
          class="layer-picker"
          aria-label=${t("layer")}
          .value=${live(current)}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            store.showLayers(value === "" ? null : (JSON.parse(value) as string[]));
          }}
        >
          ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === current}>${c.text}</option>`)}
        </select></label
      >`;
  }

  protected override render() {
    const store = this.store;
    const doc = store?.model.document;
    if (store === undefined || doc == null) {
      const [beforeButton, afterButton] = t("importHint").split("{button}");
      return html`<div class="article-empty">
        <p>${t("noDocument")}</p>
        <p>${beforeButton}<strong>${t("import")}</strong>${afterButton}</p>
      </div>`;
    }
    const rtl = doc.lang === "ar";
    return html`<header class="article-meta">
        <h1 lang=${rtl ? "ar" : nothing} dir=${rtl ? "rtl" : "auto"}>${doc.title}</h1>
        <p>
          ${doc.published === null ? nothing : html`<time datetime=${doc.published.iso}>${doc.published.iso}</time> ·`}
          ${t("codePoints", { n: doc.length })} · ${t("spans", { n: doc.spans.length })} ·
          <label class="status-field"
            >${t("status")}
            <select
              .value=${live(doc.status)}
              @change=${(e: Event) => {
                void store.setStatus((e.target as HTMLSelectElement).value as DocumentStatus);
              }}
            >
              ${STATUSES.map((value) => html`<option value=${value} ?selected=${doc.status === value}>${t(value)}</option>`)}
            </select></label
          >
          ${this.#layerPicker(store)} ·
          <button
            type="button"
            class="link-button"
            @click=${() => {
              this.dispatchEvent(new CustomEvent("qawl-edit-details", { bubbles: true }));
            }}
          >
            ${t("editDetails")}
          </button>
          ${
            mayUse(this.store?.model.project, "deleteDocuments")
              ? html`·
                  <button
                    type="button"
                    class="link-button"
                    @click=${() => {
                      this.dispatchEvent(new CustomEvent("qawl-delete-document", { bubbles: true }));
                    }}
                  >
                    ${t("deleteDocument")}
                  </button>`
              : nothing
          }
        </p>
      </header>
      <div class="article-scroller">
        <article
          lang=${doc.lang === "und" ? nothing : doc.lang}
          dir=${rtl ? "rtl" : "auto"}
          tabindex="0"
          aria-label=${t("articleText")}
          aria-describedby="article-help"
          @click=${this.#onClick}
          @keydown=${this.#onKeyDown}
          @focus=${this.#onSelectionChange}
          @blur=${this.#onSelectionChange}
        >
          ${this.#paragraphs.map((p, i) => {
            const text = doc.text.slice(p.start, p.end);
            return html`<p
              data-index=${i}
              dir=${rtl ? "rtl" : "auto"}
              class=${text.trim() === "" ? "blank" : ""}
              .textContent=${text}
            ></p>`;
          })}
          <span class="caret" aria-hidden="true" hidden></span>
          ${(["start", "end"] as const).map(
            (edge) =>
              html`<span
                class="handle"
                data-edge=${edge}
                aria-hidden="true"
                title=${edge === "start" ? t("dragStart") : t("dragEnd")}
                hidden
                @pointerdown=${this.#onHandleDown}
                @pointermove=${this.#onHandleMove}
                @pointerup=${this.#onHandleUp}
              ></span>`,
          )}
        </article>
        <p id="article-help" class="visually-hidden">${t("help")}</p>
      </div>`;
  }
}

customElements.define("qawl-article", ArticleView);
