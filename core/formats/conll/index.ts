/**
 * CoNLL / IOB (CoNLL-2003 and its dialects): read (`conll.ts`) in the file's own dialect,
 * which an export gives back (`conll-export.ts`); other documents are written as IOB2 with
 * one tag column per layer.
 */
import type { FormatDescription } from "../format.ts";
import { endsWithAny } from "../sniff.ts";

const EXTENSIONS = [".conll", ".conll2003", ".iob", ".iob2", ".bio", ".tsv"] as const;

/**
 * Whether a text looks like CoNLL: at least three of its first 20 non-blank lines, all of
 * them `-DOCSTART-` or a token and a tag (`O`, `B-X`, `I-X`) after a tab or space.
 */
export function looksLikeConll(head: string): boolean {
  const lines = head
    .split(/\r?\n/u)
    .slice(0, 20)
    .filter((l) => l.trim() !== "");
  return lines.length >= 3 && lines.every((l) => /^(-DOCSTART-|.+[\t ](O|[BI]-\S+))$/u.test(l));
}

/** The CoNLL format. */
export const conll = {
  id: "conll",
  read: {
    name: { en: "CoNLL / IOB", ar: "CoNLL / IOB" },
    extensions: EXTENSIONS,
    detect: (file) => endsWithAny(file.name, EXTENSIONS) || looksLikeConll(file.head),
    encoding: false,
    host: "core",
  },
  write: {
    name: { en: "CoNLL / IOB2 (one tag column per layer)", ar: "CoNLL / IOB2 (عمود وسوم لكل طبقة)" },
    writes: "CoNLL",
    extensions: [".conll"],
    detailsHeld: [],
    losses: [
      "relations",
      "entity_links",
      "attributes",
      "notes",
      "fragments",
      "other_spans",
      "off_tokens",
      "retokenized",
      "spans_left_out",
    ],
    host: "core",
  },
} as const satisfies FormatDescription;
