/**
 * spaCy 3 (https://spacy.io/api/docbin): written only (`spacy.ts`), as JSONL and a `.spacy`
 * DocBin (`spacy-docbin.ts`).
 */
import type { FormatDescription } from "../format.ts";

/** The spaCy format. */
export const spacy = {
  id: "spacy",
  write: {
    name: { en: "spaCy (JSONL and a .spacy DocBin)", ar: "spaCy (JSONL وملف DocBin بامتداد \u200e.spacy)" },
    writes: "spaCy JSONL and a DocBin",
    extensions: [".jsonl", ".spacy"],
    namedFiles: ["spacy.jsonl", "spacy.spacy"],
    detailsHeld: ["title", "published", "source", "url"],
    losses: ["fragments", "overlapping_names"],
    host: "core",
  },
} as const satisfies FormatDescription;
