/**
 * WebAnno TSV 3.3, as INCEpTION imports it (https://inception-project.github.io/releases/latest/docs/user-guide.html#sect_webannotsv):
 * written only (`webanno.ts`), one `.tsv` per document.
 */
import type { FormatDescription } from "../format.ts";

/** The WebAnno TSV format. */
export const webanno = {
  id: "webanno",
  write: {
    name: { en: "WebAnno TSV 3.3 (INCEpTION)", ar: "WebAnno TSV 3.3 (INCEpTION)" },
    writes: "WebAnno TSV",
    extensions: [".tsv"],
    detailsHeld: [],
    losses: ["relations_to_entity", "notes", "fragments"],
    host: "core",
  },
} as const satisfies FormatDescription;
