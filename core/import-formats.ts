/**
 * The formats Qawl reads (docs/formats.md), by their CLI names and in the order menus offer
 * them. No dependencies, so the contract, the readers, the CLI and the page share one list.
 */
export const IMPORT_FORMATS = [
  "jsonl",
  "text",
  "html",
  "docx",
  "pdf",
  "brat",
  "conll",
  "doccano",
  "labelstudio",
] as const;

/** A format Qawl reads. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
