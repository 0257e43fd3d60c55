/**
 * Plain text: read as an article (strictly decoded, UTF-8 or the encoding the user names;
 * title and date from its opening lines), written as each document's text exactly. What is
 * not found to be another format is read as text.
 */
import type { FormatDescription } from "../format.ts";

/** The plain-text format. */
export const text = {
  id: "text",
  read: {
    name: { en: "Plain text", ar: "نص عادي" },
    extensions: [".txt", ".text"],
    // Asked last: whatever no other format claims.
    detect: () => true,
    encoding: true,
    host: "core",
  },
  write: {
    name: { en: "Plain text (the documents' text only)", ar: "نص عادي (نص الوثائق فقط)" },
    writes: "plain text",
    extensions: [".txt"],
    detailsHeld: [],
    losses: ["plain_text"],
    host: "core",
  },
} as const satisfies FormatDescription;
