/**
 * PDF (ISO 32000), read only: the text layer as pdf.js extracts it, in a worker thread
 * (`main/import/extract-worker.ts`); the reader is Node's (`main/import/`).
 */
import type { FormatDescription } from "../format.ts";
import { endsWithAny, holdsAscii } from "../sniff.ts";

const EXTENSIONS = [".pdf"] as const;

/** Whether the bytes are a PDF: `%PDF-` within the first 1024 bytes (ISO 32000-1 §7.5.2, as readers accept it). */
export function isPdf(bytes: Uint8Array): boolean {
  return holdsAscii(bytes, "%PDF-", 1024);
}

/** The PDF format. */
export const pdf = {
  id: "pdf",
  read: {
    name: { en: "PDF", ar: "PDF" },
    extensions: EXTENSIONS,
    detect: (file) => endsWithAny(file.name, EXTENSIONS) || (!file.knownExtension && isPdf(file.bytes)),
    encoding: false,
    host: "node",
  },
} as const satisfies FormatDescription;
