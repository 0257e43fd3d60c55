/**
 * The rows of a list that may be long (a document's spans, a project's documents): every
 * row when there are few, so the list is whole for find-in-page, Tab and assistive
 * technology; past `VIRTUAL_FROM` rows, only the rows in and near view
 * (`@lit-labs/virtualizer`), so a change on a long document lays out a screenful of rows,
 * not thousands.
 */
import type { TemplateResult } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { virtualize, virtualizerRef, type VirtualizerHostElement } from "@lit-labs/virtualizer/virtualize.js";

/** From how many rows a list renders only those in view. */
export const VIRTUAL_FROM = 200;

/**
 * The rows of `items` inside a list element (`<ul>`), keyed by `key`.
 * @param row renders one item (a `<li>`); wrap it in `guard` to rebuild it only when it changed
 */
export function longList<T>(items: readonly T[], key: (item: T) => number, row: (item: T) => unknown): unknown {
  return items.length < VIRTUAL_FROM
    ? repeat(items, key, row)
    : // The same array while the list is unchanged: a new one would lay the rows out again.
      virtualize({ items: items as T[], keyFunction: key, renderItem: row as (item: T) => TemplateResult });
}

/** Lists whose virtualizer was connected again once in the document. */
const settled = new WeakSet<Element>();

/**
 * Call from the component's `updated()` with its list element. The `virtualize` directive
 * connects its virtualizer on the first render, while Lit's template is still a fragment
 * outside the document: it then finds no scrolling ancestor and never hears the side
 * panel scroll (the rows past the first screenful never appear). Connecting it again once
 * the list is in the document fixes that, once per list element.
 */
export function settleLongList(list: Element | null): void {
  if (list === null || settled.has(list) || !list.isConnected) return;
  const virtualizer = (list as Element & VirtualizerHostElement)[virtualizerRef];
  if (virtualizer === undefined) return;
  settled.add(list);
  virtualizer.disconnected();
  virtualizer.connected();
}
