/**
 * Painting spans with the CSS Custom Highlight API (`CSS.highlights`, `::highlight()`):
 * ranges are painted without adding elements, so Arabic letters stay joined even when a
 * span starts or ends inside a word. One highlight per label, one per label for its
 * unreviewed suggestions (paler, with a dotted line), one for the active span, one for the
 * spans linked to it, one for a search hit and one for provisional spans (shown before the
 * host committed them); their styles live in a constructable
 * stylesheet (allowed by a CSP without `'unsafe-inline'`).
 */
import type { LabelDefinition } from "../../core/labels.ts";

/** Registry name of a label's highlight (a CSS identifier, whatever the label's name). */
export function highlightName(labelIndex: number): string {
  return `qawl-label-${String(labelIndex)}`;
}

/** Registry name of the highlight of a label's unreviewed suggestions. */
export function suggestionHighlightName(labelIndex: number): string {
  return `qawl-suggested-${String(labelIndex)}`;
}

/** Highlight name of a search hit shown in the article. */
export const FOUND_HIGHLIGHT = "qawl-found";

/** Underline styles given to entity labels in turn. */
const ENTITY_LINE_STYLES = ["solid", "double", "wavy", "dashed", "dotted"] as const;

/** Highlight name of the active span. */
export const ACTIVE_HIGHLIGHT = "qawl-active";
/** Highlight name of the spans linked to the active one (its speaker and cue, or its quotes). */
export const LINKED_HIGHLIGHT = "qawl-linked";
/** Highlight name of provisional spans: shown before the host committed them (a greyed text). */
export const PROVISIONAL_HIGHLIGHT = "qawl-provisional";

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return `rgb(${String((n >> 16) & 255)} ${String((n >> 8) & 255)} ${String(n & 255)} / ${String(alpha)})`;
}

/** Class that gives an element its label's colour as `--label-color`. */
export function labelColorClass(labelIndex: number): string {
  return `label-color-${String(labelIndex)}`;
}

/**
 * CSS for a label schema: highlights (quotes tinted, speakers and cues filled, entities
 * underlined) and one `--label-color` class per label for the chrome (chips, swatches).
 */
export function highlightCss(labels: readonly LabelDefinition[]): string {
  let entityIndex = 0;
  const rules = labels.map((l, i) => {
    const name = highlightName(i);
    // A suggestion: a pale fill and a dotted line in the label's colour, until someone accepts it.
    const suggested = `::highlight(${suggestionHighlightName(i)}) { background-color: ${rgba(l.color, 0.1)}; text-decoration: underline dotted 2px ${l.color}; text-underline-offset: 4px; }`;
    const color = `.${labelColorClass(i)} { --label-color: ${l.color}; }\n${suggested}`;
    switch (l.kind) {
      case "quote":
        return `${color}\n::highlight(${name}) { background-color: ${rgba(l.color, 0.28)}; }`;
      case "speaker":
      case "cue":
        return `${color}\n::highlight(${name}) { background-color: ${rgba(l.color, 0.3)}; text-decoration: underline 2px ${l.color}; }`;
      default: {
        // Entities are underlined; the line style differs as well as the colour, so
        // neighbouring names of different types stay apart without relying on colour.
        const style = ENTITY_LINE_STYLES[entityIndex++ % ENTITY_LINE_STYLES.length] ?? "solid";
        return `${color}\n::highlight(${name}) { text-decoration: underline ${style} 3px ${l.color}; text-underline-offset: 6px; }`;
      }
    }
  });
  rules.push(
    `::highlight(${FOUND_HIGHLIGHT}) { background-color: rgb(255 214 0 / 0.55); color: #1a1a1a; }`,
    `::highlight(${LINKED_HIGHLIGHT}) { text-decoration: overline 3px #0b3d66; }`,
    `::highlight(${ACTIVE_HIGHLIGHT}) { color: #0b3d66; text-decoration: underline 2px #0b3d66; text-underline-offset: 7px; }`,
    `::highlight(${PROVISIONAL_HIGHLIGHT}) { color: #5f6b76; }`,
  );
  return rules.join("\n");
}

/** Whether two ranges cover the same boundary points. */
function sameRange(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** Make `highlight` hold `ranges`, leaving it untouched when it already holds the same boundaries. */
function replaceRanges(highlight: Highlight, ranges: readonly Range[]): void {
  const held = [...highlight] as AbstractRange[];
  if (
    held.length === ranges.length &&
    held.every((r, i) => {
      const other = ranges[i];
      return other !== undefined && sameRange(r, other);
    })
  )
    return;
  highlight.clear();
  for (const range of ranges) highlight.add(range);
}

/**
 * Owns the page's highlights: installs the schema's styles, and keeps one `Highlight` per
 * label up to date incrementally — a new span adds its ranges, a removed or changed span
 * (a new object) takes its ranges away — so a labelling action on a long document touches
 * one range, not all of them.
 */
export class HighlightPainter<S extends { label: string; suggested?: string | null }> {
  readonly #sheet = new CSSStyleSheet();
  #labels: readonly LabelDefinition[] = [];
  readonly #byLabel = new Map<string, Highlight>();
  readonly #suggestedByLabel = new Map<string, Highlight>();
  readonly #found = new Highlight();
  readonly #painted = new Map<S, Range[]>();
  readonly #active = new Highlight();
  readonly #linked = new Highlight();
  readonly #provisional = new Highlight();

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.#sheet];
    this.#active.priority = 2;
    this.#linked.priority = 2;
    this.#found.priority = 3;
    this.#provisional.priority = 4;
  }

  /** The highlight a span is painted in: its label's, or its label's suggestion one. */
  #highlightOf(span: S): Highlight | undefined {
    return (span.suggested ?? null) === null ? this.#byLabel.get(span.label) : this.#suggestedByLabel.get(span.label);
  }

  /** Install the styles and highlights of a label schema (everything is repainted). */
  setLabels(labels: readonly LabelDefinition[]): void {
    this.clear();
    this.#labels = labels;
    this.#sheet.replaceSync(highlightCss(labels));
    labels.forEach((label, i) => {
      const highlight = new Highlight();
      highlight.priority = label.kind === "quote" ? 0 : 1;
      this.#byLabel.set(label.name, highlight);
      CSS.highlights.set(highlightName(i), highlight);
      const suggested = new Highlight();
      suggested.priority = highlight.priority;
      this.#suggestedByLabel.set(label.name, suggested);
      CSS.highlights.set(suggestionHighlightName(i), suggested);
    });
    CSS.highlights.set(FOUND_HIGHLIGHT, this.#found);
    CSS.highlights.set(ACTIVE_HIGHLIGHT, this.#active);
    CSS.highlights.set(LINKED_HIGHLIGHT, this.#linked);
    CSS.highlights.set(PROVISIONAL_HIGHLIGHT, this.#provisional);
  }

  /**
   * Make the painted ranges match `spans`.
   * @param spans the spans to show (compared by identity with the last call)
   * @param rangesOf the DOM ranges of a span (one per fragment)
   * @param active the ranges of the active span
   * @param linked the ranges of the spans linked to it
   * @param found the range of a search hit to show
   * @param provisional whether a span is shown before the host committed it
   */
  sync(
    spans: Iterable<S>,
    rangesOf: (span: S) => Range[],
    active: readonly Range[],
    linked: readonly Range[] = [],
    found: readonly Range[] = [],
    provisional: (span: S) => boolean = () => false,
  ): void {
    const current = new Set(spans);
    for (const [span, ranges] of this.#painted) {
      if (current.has(span)) continue;
      const highlight = this.#highlightOf(span);
      for (const range of ranges) highlight?.delete(range);
      this.#painted.delete(span);
    }
    for (const span of current) {
      if (this.#painted.has(span)) continue;
      const ranges = rangesOf(span);
      const highlight = this.#highlightOf(span);
      for (const range of ranges) highlight?.add(range);
      this.#painted.set(span, ranges);
    }
    // Clearing and filling a highlight repaints what it covers: only when its ranges changed.
    replaceRanges(this.#active, active);
    replaceRanges(this.#linked, linked);
    replaceRanges(this.#found, found);
    const pending: Range[] = [];
    for (const [span, ranges] of this.#painted) if (provisional(span)) pending.push(...ranges);
    replaceRanges(this.#provisional, pending);
  }

  /** Forget every painted range (after the text was laid out again). */
  reset(): void {
    for (const highlight of [...this.#byLabel.values(), ...this.#suggestedByLabel.values()]) highlight.clear();
    this.#found.clear();
    this.#painted.clear();
    this.#active.clear();
    this.#linked.clear();
    this.#provisional.clear();
  }

  /** Remove every highlight this painter set. */
  clear(): void {
    this.#labels.forEach((_, i) => {
      CSS.highlights.delete(highlightName(i));
      CSS.highlights.delete(suggestionHighlightName(i));
    });
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    CSS.highlights.delete(FOUND_HIGHLIGHT);
    this.#suggestedByLabel.clear();
    CSS.highlights.delete(LINKED_HIGHLIGHT);
    CSS.highlights.delete(PROVISIONAL_HIGHLIGHT);
    this.#provisional.clear();
    this.#byLabel.clear();
    this.#painted.clear();
    this.#active.clear();
  }
}
