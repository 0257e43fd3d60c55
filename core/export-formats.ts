/**
 * The formats Qawl writes (docs/formats.md), by their CLI names and in the order menus
 * offer them. No dependencies, so the page can list them without bundling the contract's
 * schemas.
 */
export const EXPORT_FORMATS = [
  "jsonl",
  "text",
  "brat",
  "conll",
  "doccano",
  "labelstudio",
  "spacy",
  "hf",
  "webanno",
  "quotes-csv",
  "quotes-xlsx",
] as const;

/** A format Qawl writes. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
