/**
 * What this page shows and how, apart from the project itself (ARCHITECTURE.md §8): the
 * active span and its entity candidates, the side panel, the status line, an import's
 * progress, the search panel's question and answer, the entity shown. Plain data; the
 * commands (`annotation-store.ts`) change it. No DOM.
 */
import type { DocumentStatus, EntityDetail, EntityView, OperationInput, SearchResult } from "../../core/contract.ts";

/** A message for the status line; `text` is worded in the interface language each time it is read. */
export interface StatusMessage {
  kind: "info" | "error";
  readonly text: string;
}

/**
 * A status text: how to word it (a message key with its parameters, run again when the
 * interface language changes), or a string already made (which stays as it is).
 */
export type StatusText = string | (() => string);

/** The side panels, in the order of their tabs (Shift+T steps through them). */
export const SIDE_PANELS = ["spans", "entities", "search", "curation"] as const;

/** Which list the side panel shows. */
export type SidePanel = (typeof SIDE_PANELS)[number];

/** The curation panel's pair of layers and the group it is at (`core/agreement/disagreements.ts`). */
export interface CurationState {
  a: string;
  b: string;
  /** The key of the group shown, or null for the first left to adjudicate. */
  key: string | null;
}

/** What the search panel asks (see the `search` operation). */
export interface SearchQuery {
  query: string;
  scope: "text" | "quotes" | "speaker";
  label: string;
  status: DocumentStatus | "";
}

/** The `search` operation's input for what the search panel asks. */
export function searchInput(query: SearchQuery): OperationInput<"search"> {
  return {
    query: query.query,
    scope: query.scope,
    ...(query.label !== "" ? { label: query.label } : {}),
    ...(query.status !== "" ? { status: query.status } : {}),
  };
}

/** A place in the open document to show (a search hit), code points. */
export interface FoundRange {
  documentId: number;
  start: number;
  end: number;
}

/** The page's view state. */
export class ViewState {
  activeSpanId: number | null = null;
  /** Entities whose name or alias matches the active span's text. */
  candidates: EntityView[] = [];
  panel: SidePanel = "spans";
  /** The entity shown in the entity panel, with its mentions. */
  entity: EntityDetail | null = null;
  status: StatusMessage | null = null;
  busy = false;
  /** Files read so far by an import, for its progress bar. */
  progress: { done: number; total: number } | null = null;
  /** The search panel's question and its answer. */
  searchQuery: SearchQuery = { query: "", scope: "text", label: "", status: "" };
  searchResult: SearchResult | null = null;
  /** The search hit shown in the article. */
  found: FoundRange | null = null;
  /** The curation panel's state; null until it is opened on a document with two layers. */
  curation: CurationState | null = null;
}
