/**
 * The rows of a list that may be long (a document's spans, a project's documents): every
 * row when there are few, so the list is whole for find-in-page, Tab and assistive
 * technology; past `VIRTUAL_FROM` rows, only the rows in and near view
 * (`@lit-labs/virtualizer`), so a change on a long document lays out a screenful of rows,
 * not thousands.
 */
import type { TemplateResult } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { virtualize } from "@lit-labs/virtualizer/virtualize.js";

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
