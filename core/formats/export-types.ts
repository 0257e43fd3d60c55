/**
 * What every writer returns: the files to save and a loss report — per document, what the
 * format could not hold (relations in CoNLL, discontinuous quotes in doccano…), and notes
 * that hold for the whole export (offset unit, tokenization). Nothing is dropped silently.
 */
import { describeLoss, type Loss } from "./loss.ts";
import type { NativeDocument, NativeHeader } from "./native-jsonl.ts";

/** A file of an export. */
export interface ExportFile {
  /** Path relative to the export folder, `/`-separated (one file: just its name). */
  path: string;
  mediaType: string;
  /** Text (UTF-8 when saved), or bytes for binary formats (XLSX). */
  content: string | Uint8Array;
}

/** What one document lost in a format. */
export interface DocumentLoss {
  documentId: number;
  title: string;
  /** One English line each: `2 relations (CoNLL has no relations)`. */
  lost: string[];
  /** The same as data, in the same order (`core/formats/loss.ts`). */
  losses: Loss[];
}

/** The loss report of an export. */
export interface LossReport {
  format: string;
  /** Statements about the whole export: offset unit, tokenization, variants. */
  notes: string[];
  /** Documents that lost something (documents that lost nothing are not listed). */
  documents: DocumentLoss[];
}

/** A writer's result. */
export interface Written {
  files: ExportFile[];
  report: LossReport;
}

/** A project (or part of one) as every writer reads it: the native JSONL structures. */
export interface ExportInput {
  header: NativeHeader;
  documents: NativeDocument[];
}

/** Collects per-document losses while a writer runs. */
export class LossCollector {
  readonly #format: string;
  readonly #notes: string[] = [];
  readonly #documents = new Map<number, DocumentLoss>();

  constructor(format: string, notes: string[] = []) {
    this.#format = format;
    this.#notes.push(...notes);
  }

  /** Record what a document lost (nothing is recorded for an empty list). */
  add(doc: Pick<NativeDocument, "id" | "title">, ...losses: Loss[]): void {
    if (losses.length === 0) return;
    const entry = this.#documents.get(doc.id) ?? { documentId: doc.id, title: doc.title, lost: [], losses: [] };
    entry.lost.push(...losses.map(describeLoss));
    entry.losses.push(...losses);
    this.#documents.set(doc.id, entry);
  }

  note(text: string): void {
    if (!this.#notes.includes(text)) this.#notes.push(text);
  }

  report(): LossReport {
    return { format: this.#format, notes: [...this.#notes], documents: [...this.#documents.values()] };
  }
}

/** A file name for a document: its id and a safe form of its title or source. */
export function documentFileName(doc: Pick<NativeDocument, "id" | "title" | "source">): string {
  const base = (doc.source ?? doc.title)
    .replace(/^.*[/\\]/u, "")
    .replace(/\.[A-Za-z0-9]{1,5}$/u, "")
    .replace(/[^\p{L}\p{N}._-]+/gu, "_")
    .replace(/^_+|_+$/gu, "")
    .slice(0, 60);
  return `${String(doc.id).padStart(4, "0")}-${base === "" ? "document" : base}`;
}

/** Spans of a document by kind of label, through the header's schema. */
export function kindOf(header: NativeHeader): (label: string) => string | undefined {
  const kinds = new Map(header.labels.map((l) => [l.name, l.kind]));
  return (label) => kinds.get(label);
}
