/**
 * What a format's reader works with on import: the batch's files, and the host's ways to
 * decode a file and to make native documents, spans and relations (ids, timestamps, the
 * annotator, the text's SHA-256), so that a reader in `core/formats/<format>/read.ts` is plain
 * logic and `main/import/read-files.ts` provides the context. Offsets are code points.
 */
import { QawlError } from "../errors.ts";
import { FormatError } from "./format-error.ts";
import type { NativeDocument, NativeHeader, NativeRelation, NativeSpan } from "./native-jsonl.ts";

/** A file to import: its name (a path, as given) and its bytes. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A document's fields as a reader finds them; the host adds id, hash, status and timestamps. */
export interface DocumentFields {
  title: string;
  text: string;
  source: string;
  hadBom?: boolean;
  published?: NativeDocument["published"];
  /** The language; guessed from the text when absent. */
  lang?: string | null;
  url?: string | null;
  outlet?: string | null;
  author?: string | null;
}

/** The host's side of reading a batch of files. */
export interface ReadContext {
  /** Every file of the import (a folder's skipped files left out), for readers of file pairs (brat). */
  readonly files: readonly ImportFile[];
  /** Mark a file as read with another (brat's `.txt` with its `.ann`), so it is not read on its own. */
  claim(file: ImportFile): void;
  /**
   * A file's text, strictly decoded: UTF-8 (a leading BOM removed and recorded), or, when
   * `userEncoding`, the encoding the user named for plain text (`main/import/decode.ts`).
   * `blank`: an empty or whitespace-only file is read as it is (brat's `.ann` of a document
   * with no annotation), not refused.
   * @throws QawlError naming the file when its bytes are not valid in that encoding, or empty
   */
  text(file: ImportFile, options?: { userEncoding?: boolean; blank?: boolean }): { text: string; hadBom: boolean };
  /** A new document with no annotation. */
  document(fields: DocumentFields): NativeDocument;
  /** A new span of a document being read; several pieces make a discontinuous span. */
  span(doc: NativeDocument, label: string, pieces: { start: number; end: number }[]): NativeSpan;
  /**
   * Relations read from a file, renumbered: `idOf` maps the file's span ids (numbers, or
   * brat's `T1`) to the new ones; each relation type joins the project's schema.
   */
  relations<K>(relations: readonly { type: string; from: K; to: K }[], idOf: ReadonlyMap<K, number>): NativeRelation[];
  /** A label name the file uses: it joins the project's schema (a new name label if unknown). */
  label(name: string): void;
  /** The entities read so far (a reader may add some: brat's normalizations). */
  readonly entities: NativeHeader["entities"];
  /** A new id for an entity, span or relation. */
  nextId(): number;
  /** A statement for the import report (a repair made, units converted). */
  note(line: string): void;
}

/**
 * A format's reader: one file (and, through the context, its companions) → documents.
 * @throws QawlError naming the file (and line) of the first problem
 */
export type FileReader = (ctx: ReadContext, file: ImportFile) => NativeDocument[];

/**
 * The import's error for a format problem: `file: line N: reason; nothing imported`.
 * @throws QawlError for a `FormatError`, else `e` itself
 */
export function refuseFormat(file: string, e: unknown): never {
  if (e instanceof FormatError) throw new QawlError("bad_input", `${file}: ${e.message}; nothing imported`);
  throw e;
}
