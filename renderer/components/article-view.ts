/**
 * `<qawl-article>`: the document's text, right-to-left for Arabic, one `<p>` per line, with
 * spans painted as highlights (no elements inside words, so letters stay joined). Text is
 * selected with the mouse or the keyboard (arrows move a caret; Shift extends by character,
 * Ctrl+Shift by word); clicking a highlight makes its span active.
 *
 * Offsets: the DOM works in UTF-16 units; this element converts to code points (through the
 * document's `OffsetIndex`) before anything reaches the store.
 */
import { LitElement, html, nothing, type PropertyValues } from "lit";
import type { SpanView } from "../../core/contract.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { StoreController } from "../state/store-controller.ts";
import { offsetOfPoint, rangeOfOffsets } from "../article/dom-positions.ts";
import { HighlightPainter } from "../article/highlights.ts";
import { paragraphsOf, type Paragraph } from "../article/paragraphs.ts";
import { spanExtentOfSelection } from "../article/selection-extent.ts";

const CARET_KEYS: Readonly<Record<string, "left" | "right" | "forward" | "backward">> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "backward",
  ArrowDown: "forward",
};

export class ArticleView extends LitElement {
  static override properties = { store: { attribute: false } };
  declare store: AnnotationStore | undefined;

  readonly #painter = new HighlightPainter();
  #paragraphs: Paragraph[] = [];
  #paragraphsOf: string | null = null;
  #paintedLabels: unknown = null;
  #lastActive: number | null = null;
  readonly #onSelectionChange = () => {
    this.#placeCaret();
  };

  constructor() {
    super();
    this.store = undefined;
    new StoreController(this, () => this.store);
  }

  /** Light DOM: the page's selection and highlights work on plain document nodes. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("selectionchange", this.#onSelectionChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("selectionchange", this.#onSelectionChange);
    this.#painter.clear();
  }

  /** The `<article>` element, once rendered. */
  get article(): HTMLElement | null {
    return this.querySelector("article");
  }

  /**
   * The code point extent the current selection would give a new span, or null when
   * nothing (or only whitespace and marks) inside the article is selected. A selection
   * that runs past the article (Ctrl+A) is cut to the article.
   * @param trimPunctuation leave punctuation out of the span's ends (names, speakers, cues)
   */
  selectionExtent(trimPunctuation = false): { start: number; end: number } | null {
    const store = this.store;
    const article = this.article;
    const sel = document.getSelection();
    if (store?.offsets == null || store.graphemes === null || article === null || sel === null) return null;
    if (sel.isCollapsed || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    const whole = document.createRange();
    whole.selectNodeContents(article);
    if (range.compareBoundaryPoints(Range.END_TO_START, whole) >= 0) return null;
    if (range.compareBoundaryPoints(Range.START_TO_END, whole) <= 0) return null;
    const from = range.compareBoundaryPoints(Range.START_TO_START, whole) < 0 ? whole : range;
    const to = range.compareBoundaryPoints(Range.END_TO_END, whole) > 0 ? whole : range;
    const a = offsetOfPoint(article, this.#paragraphs, from.startContainer, from.startOffset);
    const b = offsetOfPoint(article, this.#paragraphs, to.endContainer, to.endOffset);
    if (a === null || b === null) return null;
    return spanExtentOfSelection(store.offsets, store.graphemes, a, b, trimPunctuation);
  }

  /** Collapse the selection to a code point offset and keep the keyboard in the article. */
  placeCaretAt(codePoint: number): void {
    const store = this.store;
    const article = this.article;
    if (store?.offsets == null || article === null) return;
    const range = rangeOfOffsets(
      article,
      this.#paragraphs,
      store.offsets.toUtf16(codePoint),
      store.offsets.toUtf16(codePoint),
    );
    const sel = document.getSelection();
    if (range === null || sel === null) return;
    sel.removeAllRanges();
    sel.addRange(range);
    article.focus({ preventScroll: true });
  }

  #spanAt(u16: number): SpanView | undefined {
    const store = this.store;
    if (store?.document == null || store.offsets === null) return undefined;
    const cp = store.offsets.toCodePoint(u16);
    const containing = store.document.spans.filter((s) => s.start <= cp && cp < s.end);
    containing.sort((x, y) => x.end - x.start - (y.end - y.start));
    return containing[0];
  }

  #onClick = (): void => {
    const sel = document.getSelection();
    const article = this.article;
    if (sel === null || !sel.isCollapsed || sel.focusNode === null || article === null) return;
    const at = offsetOfPoint(article, this.#paragraphs, sel.focusNode, sel.focusOffset);
    if (at === null) return;
    this.store?.activate(this.#spanAt(at)?.id ?? null);
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
    caret.style.transform = "none";
    const origin = caret.getBoundingClientRect();
    caret.style.transform = `translate(${String(rect.left - origin.left)}px, ${String(rect.top - origin.top)}px)`;
    caret.style.blockSize = `${String(Math.max(rect.height, 16))}px`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const text = this.store?.document?.text ?? null;
    if (text !== this.#paragraphsOf) {
      this.#paragraphs = text === null ? [] : paragraphsOf(text);
      this.#paragraphsOf = text;
    }
  }

  protected override updated(): void {
    const store = this.store;
    const article = this.article;
    if (store?.project != null && this.#paintedLabels !== store.project.labels) {
      this.#painter.setLabels(store.project.labels);
      this.#paintedLabels = store.project.labels;
    }
    if (store?.document == null || store.offsets === null || article === null) {
      this.#painter.paint(new Map(), null);
      return;
    }
    const offsets = store.offsets;
    const byLabel = new Map<string, Range[]>();
    let active: Range | null = null;
    for (const span of store.document.spans) {
      const range = rangeOfOffsets(article, this.#paragraphs, offsets.toUtf16(span.start), offsets.toUtf16(span.end));
      if (range === null) continue;
      const list = byLabel.get(span.label) ?? [];
      list.push(range);
      byLabel.set(span.label, list);
      if (span.id === store.activeSpanId) active = range.cloneRange();
    }
    this.#painter.paint(byLabel, active);
    if (store.activeSpanId !== this.#lastActive && active !== null) {
      const rect = active.getBoundingClientRect();
      const scroller = this.querySelector(".article-scroller");
      const box = scroller?.getBoundingClientRect();
      if (box !== undefined && (rect.top < box.top || rect.bottom > box.bottom)) {
        active.startContainer.parentElement?.scrollIntoView({ block: "center" });
      }
    }
    this.#lastActive = store.activeSpanId;
  }

  protected override render() {
    const doc = this.store?.document;
    if (doc == null) {
      return html`<div class="article-empty">
        <p>No document is open.</p>
        <p>Import a plain-text article with <strong>Import…</strong> or drop files onto this window.</p>
      </div>`;
    }
    const rtl = doc.lang === "ar";
    return html`<header class="article-meta">
        <h1 lang=${rtl ? "ar" : nothing} dir=${rtl ? "rtl" : "auto"}>${doc.title}</h1>
        <p>
          ${doc.published === null ? nothing : html`<time datetime=${doc.published.iso}>${doc.published.iso}</time> ·`}
          ${doc.length} code points · ${doc.spans.length} spans
        </p>
      </header>
      <div class="article-scroller">
        <article
          lang=${doc.lang === "und" ? nothing : doc.lang}
          dir=${rtl ? "rtl" : "auto"}
          tabindex="0"
          aria-label="Article text"
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
        </article>
        <p id="article-help" class="visually-hidden">
          Select text with the mouse, or with Shift and the arrow keys, then press a label's key.
        </p>
      </div>`;
  }
}

customElements.define("qawl-article", ArticleView);
