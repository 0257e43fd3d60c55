/**
 * What a document keeps of the file it came from, so a writer can give that file back:
 * a CoNLL file's dialect, tokens and non-token lines; an HTML page (sanitized). Stored with
 * the document and carried in native JSONL as `origin`. Offsets are code points.
 */
import type { ConllDialect } from "./conll/conll.ts";

/** A document read from a CoNLL file. */
export interface ConllOrigin {
  format: "conll";
  /** The file's name, and the document's place in it (files with `-DOCSTART-` hold several). */
  file: string;
  index: number;
  dialect: ConllDialect;
  /** Each token's `[start, end)` in the document text; lines of the text are the file's sentences. */
  tokens: [number, number][];
  /** Columns between token and tag, by token index, where the file has any. */
  middle?: Record<string, string[]>;
  /** Non-token lines of the document as `[position among its lines, line]`. */
  extra_lines: [number, string][];
  /** Middle columns that are tag layers (Qawl's QUOTE, SPEAKER, CUE columns), by column index: the label kind they hold. */
  layers?: Record<string, "quote" | "speaker" | "cue">;
}

/** A document extracted from an HTML article page. */
export interface HtmlOrigin {
  format: "html";
  /** The page, sanitized (no script, no event handler, no remote load). */
  page: string;
}

/** A document extracted from a Word file (DOCX): which extractor made its text. */
export interface DocxOrigin {
  format: "docx";
  /** The file's name. */
  file: string;
  /** Library and version, e.g. `mammoth 1.13.0`. */
  extractor: string;
}

/** A document extracted from a PDF's text layer. */
export interface PdfOrigin {
  format: "pdf";
  file: string;
  /** Library and version, e.g. `pdf.js 6.5.438`. */
  extractor: string;
  /** Pages in the file. */
  pages: number;
}

/** Where a document came from, when a writer needs it. */
export type DocumentOrigin = ConllOrigin | HtmlOrigin | DocxOrigin | PdfOrigin;
