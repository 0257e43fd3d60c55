/**
 * The rules every span extent obeys (ARCHITECTURE.md §3), checked on create and on every edit:
 * within the text, at least one character, never splitting a grapheme cluster, more than
 * whitespace; only quotes may cross a line break or come in several fragments.
 * Offsets are code points.
 */
import type { Fragment } from "../../core/contract.ts";
import { namedRef } from "../../core/change-message.ts";
import { QawlError } from "../../core/errors.ts";
import { isGraphemeBoundaryQuick } from "../../core/text/graphemes.ts";
import type { DocumentRow, FragmentRow, StoredLabel } from "../../db/project.ts";
import type { TextIndexes } from "./context.ts";

function checkPiece(doc: DocumentRow, indexes: TextIndexes, label: StoredLabel, start: number, end: number): void {
  if (end === start) {
    throw new QawlError(
      "bad_input",
      `a span must cover at least one character (start and end are both ${String(start)})`,
    );
  }
  if (end < start) throw new QawlError("bad_input", `span end ${String(end)} is before its start ${String(start)}`);
  if (end > doc.length) {
    throw new QawlError(
      "bad_input",
      `span end ${String(end)} is past the end of document ${String(doc.id)} (${String(doc.length)} code points)`,
    );
  }
  const u16Start = indexes.offsets.toUtf16(start);
  const u16End = indexes.offsets.toUtf16(end);
  for (const [name, at, u16] of [
    ["start", start, u16Start],
    ["end", end, u16End],
  ] as const) {
    if (!isGraphemeBoundaryQuick(doc.text, u16, () => indexes.graphemes)) {
      throw new QawlError(
        "bad_input",
        `span ${name} ${String(at)} splits a character (a letter from its marks, or an emoji sequence)`,
      );
    }
  }
  const covered = doc.text.slice(u16Start, u16End);
  if (covered.trim() === "") {
    throw new QawlError("bad_input", "a span must cover more than whitespace", { kind: "span.blank" });
  }
  if (label.kind !== "quote" && /[\n\r\u2028\u2029]/u.test(covered)) {
    throw new QawlError("bad_input", `a ${label.displayName} span cannot cross a line break`, {
      kind: "span.crosses_line",
      label: namedRef(label),
    });
  }
}

/**
 * Check a span's extent.
 * @param fragments pieces of a discontinuous span (two or more), or null for a contiguous one
 * @returns the fragments to store (empty for a contiguous span)
 * @throws QawlError (`bad_input`) with one line saying what is wrong
 */
export function checkExtent(
  doc: DocumentRow,
  indexes: TextIndexes,
  label: StoredLabel,
  start: number,
  end: number,
  fragments: readonly Fragment[] | null,
): FragmentRow[] {
  if (fragments === null) {
    checkPiece(doc, indexes, label, start, end);
    return [];
  }
  if (label.kind !== "quote") {
    throw new QawlError("bad_input", `only quotes can have several fragments, not a ${label.displayName} span`, {
      kind: "span.fragments",
      label: namedRef(label),
    });
  }
  fragments.forEach((f, i) => {
    checkPiece(doc, indexes, label, f.start, f.end);
    const previous = fragments[i - 1];
    if (previous !== undefined && f.start <= previous.end) {
      throw new QawlError("bad_input", `fragment ${String(i + 1)} must start after fragment ${String(i)} ends`);
    }
  });
  if (fragments[0]?.start !== start || fragments[fragments.length - 1]?.end !== end) {
    throw new QawlError(
      "bad_input",
      "a discontinuous span starts where its first fragment starts and ends where its last ends",
    );
  }
  return fragments.map((f) => ({ start: f.start, end: f.end }));
}
