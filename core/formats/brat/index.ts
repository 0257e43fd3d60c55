/**
 * brat standoff (https://brat.nlplab.org/standoff.html): a `.txt` and its `.ann`, read and
 * written (`brat.ts`, `write.ts`), with `annotation.conf` beside an export.
 */
import type { FormatDescription } from "../format.ts";

/** The brat standoff format. */
export const brat = {
  id: "brat",
  read: {
    name: { en: "brat (.txt + .ann)", ar: "brat (.txt + .ann)" },
    extensions: [".ann"],
    // The `.ann`, or the `.txt` beside one.
    detect: (file) =>
      file.name.endsWith(".ann") ||
      (file.name.endsWith(".txt") && file.siblings.includes(file.name.replace(/\.txt$/u, ".ann"))),
    encoding: false,
    host: "core",
  },
  write: {
    name: {
      en: "brat standoff (.txt, .ann, annotation.conf)",
      ar: "brat standoff (\u2066.txt\u2069 و\u2066.ann\u2069 و\u2066annotation.conf\u2069)",
    },
    writes: "a brat folder",
    extensions: [],
    detailsHeld: [],
    losses: ["relation_kept_as_note", "split_at_line_ends"],
    host: "core",
  },
} as const satisfies FormatDescription;
