/**
 * Qawl's native JSONL (ARCHITECTURE.md §4b, `schema/qawl-jsonl-v1.schema.json`): everything
 * Qawl holds, read (`native-read.ts`) and written (`../native-jsonl.ts`) without loss.
 */
import { DETAIL_FIELDS } from "../loss.ts";
import type { FormatDescription } from "../format.ts";
import { endsWithAny } from "../sniff.ts";

const EXTENSIONS = [".jsonl", ".ndjson"] as const;

/** Whether a file's first line opens Qawl's header (`{"format": "qawl"`). */
export function opensAsNative(head: string): boolean {
  return /^\{\s*"format"\s*:\s*"qawl"/u.test(head);
}

/** The native JSONL format. */
export const jsonl = {
  id: "jsonl",
  read: {
    name: { en: "Qawl JSONL", ar: "Qawl JSONL" },
    extensions: EXTENSIONS,
    // doccano's lines share the extension: Qawl's header tells them apart.
    detect: (file) => endsWithAny(file.name, EXTENSIONS) && opensAsNative(file.head),
    encoding: false,
    host: "core",
  },
  write: {
    name: {
      en: "Qawl JSONL — everything, to re-import or process",
      ar: "Qawl JSONL — كل شيء، لإعادة الاستيراد أو للمعالجة",
    },
    writes: "Qawl JSONL",
    extensions: [".jsonl"],
    detailsHeld: DETAIL_FIELDS,
    losses: [],
    host: "core",
  },
} as const satisfies FormatDescription;
