/**
 * Painting spans with the CSS Custom Highlight API (`CSS.highlights`, `::highlight()`):
 * ranges are painted without adding elements, so Arabic letters stay joined even when a
 * span starts or ends inside a word. One highlight per label, plus one for the active span;
 * their styles live in a constructable stylesheet (allowed by a CSP without
 * `'unsafe-inline'`).
 */
import type { LabelDefinition } from "../../core/labels.ts";

/** Registry name of a label's highlight (a CSS identifier, whatever the label's name). */
export function highlightName(labelIndex: number): string {
  return `qawl-label-${String(labelIndex)}`;
}

/** Underline styles given to entity labels in turn. */
const ENTITY_LINE_STYLES = ["solid", "double", "wavy", "dashed", "dotted"] as const;

/** Highlight name of the active span. */
export const ACTIVE_HIGHLIGHT = "qawl-active";

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
    const color = `.${labelColorClass(i)} { --label-color: ${l.color}; }`;
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
    `::highlight(${ACTIVE_HIGHLIGHT}) { color: #0b3d66; text-decoration: underline 2px #0b3d66; text-underline-offset: 7px; }`,
  );
  return rules.join("\n");
}

/**
 * Owns the page's highlights: install the schema's styles once, then repaint the ranges
 * of each label whenever the spans change.
 */
export class HighlightPainter {
  readonly #sheet = new CSSStyleSheet();
  #labels: readonly LabelDefinition[] = [];

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.#sheet];
  }

  /** Install the styles of a label schema. */
  setLabels(labels: readonly LabelDefinition[]): void {
    this.#labels = labels;
    this.#sheet.replaceSync(highlightCss(labels));
  }

  /**
   * Paint the ranges of every label (and the active span).
   * @param rangesByLabel the ranges of each label name
   * @param active the ranges of the active span (one per fragment)
   */
  paint(rangesByLabel: ReadonlyMap<string, Range[]>, active: readonly Range[]): void {
    this.#labels.forEach((label, i) => {
      const highlight = new Highlight(...(rangesByLabel.get(label.name) ?? []));
      highlight.priority = label.kind === "quote" ? 0 : 1;
      CSS.highlights.set(highlightName(i), highlight);
    });
    const activeHighlight = new Highlight(...active);
    activeHighlight.priority = 2;
    CSS.highlights.set(ACTIVE_HIGHLIGHT, activeHighlight);
  }

  /** Remove every highlight this painter set. */
  clear(): void {
    this.#labels.forEach((_, i) => CSS.highlights.delete(highlightName(i)));
    CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }
}
