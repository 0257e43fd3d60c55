/**
 * doccano JSONL (https://doccano.github.io/doccano/): read and written (`doccano.ts`) in its
 * relation extraction layout (entities and relations) or its sequence labeling one (labels).
 */
import type { FormatDescription } from "../format.ts";
import { endsWithAny } from "../sniff.ts";

const EXTENSIONS = [".jsonl", ".ndjson"] as const;

/** The doccano format. */
export const doccano = {
  id: "doccano",
  read: {
    name: { en: "doccano JSONL", ar: "doccano JSONL" },
    extensions: EXTENSIONS,
    // Asked after Qawl's JSONL, which shares the extension.
    detect: (file) => endsWithAny(file.name, EXTENSIONS),
    encoding: false,
    host: "core",
  },
  write: {
    name: { en: "doccano JSONL", ar: "doccano JSONL" },
    writes: "doccano JSONL",
    extensions: [".jsonl"],
    namedFiles: ["doccano.jsonl"],
    detailsHeld: [],
    losses: [
      "relations",
      "relations_to_entity",
      "entity_links",
      "attributes",
      "notes",
      "fragments",
      "spans_left_out",
      "relations_left_out",
    ],
    variants: [
      {
        id: "relations",
        name: { en: "relation extraction (entities and relations)", ar: "استخراج العلاقات (الكيانات والعلاقات)" },
      },
      { id: "spans", name: { en: "sequence labeling (labels only)", ar: "وسم التسلسلات (التسميات فقط)" } },
    ],
    host: "core",
  },
} as const satisfies FormatDescription;
