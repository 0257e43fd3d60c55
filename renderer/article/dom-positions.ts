/**
 * DOM boundary points (node, offset) of the article ↔ UTF-16 offsets of the document
 * text. The article holds one `<p data-index="i">` per paragraph (see `paragraphs.ts`),
 * each with a single text node of exactly that paragraph's text.
 */
import { paragraphAt, type Paragraph } from "./paragraphs.ts";

/**
 * UTF-16 offset in the document of a DOM boundary point inside `article`, or null when
 * the point is outside it.
 */
export function offsetOfPoint(
  article: Element,
  paragraphs: readonly Paragraph[],
  node: Node,
  offset: number,
): number | null {
  if (!article.contains(node)) return null;
  if (node === article) {
    // Between paragraph elements: the start of the next one, or the end of the text.
    for (let child = article.childNodes[offset] ?? null; child !== null; child = child.nextSibling) {
      const index = child instanceof HTMLElement ? child.dataset["index"] : undefined;
      if (index !== undefined) return paragraphs[Number(index)]?.start ?? null;
    }
    return paragraphs[paragraphs.length - 1]?.end ?? 0;
  }
  const p = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest("p[data-index]");
  if (p === null || p === undefined || !article.contains(p)) return null;
  const para = paragraphs[Number((p as HTMLElement).dataset["index"])];
  if (para === undefined) return null;
  const range = document.createRange();
  range.setStart(p, 0);
  range.setEnd(node, offset);
  return Math.min(para.start + range.toString().length, para.end);
}

/** The paragraph elements of an article, by index (looked up once per layout, not per range). */
export type ParagraphElements = readonly (Element | undefined)[];

/** The DOM boundary point of a UTF-16 document offset. */
export function pointOfOffset(
  elements: ParagraphElements,
  paragraphs: readonly Paragraph[],
  u16: number,
): { node: Node; offset: number } | null {
  const i = paragraphAt(paragraphs, u16);
  const para = paragraphs[i];
  const p = elements[i];
  if (para === undefined || p === undefined) return null;
  const within = Math.min(Math.max(u16, para.start), para.end) - para.start;
  const textNode = p.firstChild;
  if (textNode === null) return { node: p, offset: 0 };
  return { node: textNode, offset: within };
}

/** A DOM Range over `[start, end)` (UTF-16 document offsets), or null. */
export function rangeOfOffsets(
  elements: ParagraphElements,
  paragraphs: readonly Paragraph[],
  start: number,
  end: number,
): Range | null {
  const a = pointOfOffset(elements, paragraphs, start);
  const b = pointOfOffset(elements, paragraphs, end);
  if (a === null || b === null) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
