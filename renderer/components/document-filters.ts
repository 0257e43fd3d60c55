/**
 * Which documents the document list shows: by status, by whether they have unreviewed
 * suggestions, by source (the file or page they came from) and by published date. Filters
 * combine; an unset filter lets every document through.
 */
import type { DocumentStatus, DocumentSummary } from "../../core/contract.ts";

/** The document list's filters. */
export interface DocumentFilters {
  /** A status, or `any`. */
  status: DocumentStatus | "any";
  /** Only documents with unreviewed suggestions. */
  suggestions: boolean;
  /** Part of the source path or URL, any case ("" for any source). */
  source: string;
  /** Published on or after this ISO date (YYYY-MM-DD), or "". */
  from: string;
  /** Published on or before this ISO date (YYYY-MM-DD), or "". */
  to: string;
}

/** No filter: every document. */
export const NO_FILTERS: Readonly<DocumentFilters> = {
  status: "any",
  suggestions: false,
  source: "",
  from: "",
  to: "",
};

/** How many filters are set. */
export function activeFilterCount(f: DocumentFilters): number {
  return [f.status !== "any", f.suggestions, f.source.trim() !== "", f.from !== "" || f.to !== ""].filter(Boolean)
    .length;
}

/**
 * Whether a document passes the filters. A date range (either end set) hides documents
 * without a published date; both ends are inclusive.
 */
export function passes(doc: DocumentSummary, f: DocumentFilters): boolean {
  if (f.status !== "any" && doc.status !== f.status) return false;
  if (f.suggestions && doc.suggestionCount <= 0) return false;
  const source = f.source.trim().toLocaleLowerCase();
  if (source !== "" && !(doc.source ?? "").toLocaleLowerCase().includes(source)) return false;
  if (f.from !== "" || f.to !== "") {
    const iso = doc.published?.iso.slice(0, 10);
    if (iso === undefined) return false;
    if (f.from !== "" && iso < f.from) return false;
    if (f.to !== "" && iso > f.to) return false;
  }
  return true;
}
