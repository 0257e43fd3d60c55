/**
 * Word documents (`.docx`, ECMA-376), read only: the text as mammoth extracts it, in a worker
 * thread (`main/import/extract-worker.ts`); the reader is Node's (`main/import/`).
 */
import type { FormatDescription } from "../format.ts";
import { endsWithAny, holdsAscii } from "../sniff.ts";

const EXTENSIONS = [".docx"] as const;

/** Whether the bytes are a DOCX: a ZIP (`PK\x03\x04`, ECMA-376 Part 2 OPC) holding `word/document.xml`. */
export function isDocx(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return zip && holdsAscii(bytes, "word/document.xml");
}

/** The DOCX format. */
export const docx = {
  id: "docx",
  read: {
    name: { en: "Word (.docx)", ar: "Word (.docx)" },
    extensions: EXTENSIONS,
    // A name Qawl reads is trusted; under another name, the bytes tell.
    detect: (file) => endsWithAny(file.name, EXTENSIONS) || (!file.knownExtension && isDocx(file.bytes)),
    encoding: false,
    host: "node",
  },
} as const satisfies FormatDescription;
