/**
 * The description of a file format Qawl reads or writes (docs/formats.md): one per folder of
 * `core/formats/` (`brat/index.ts`, `conll/index.ts`…), listed once in `registry.ts`, from
 * which the contract's enums, the CLI's choices and help, the page's menus and file picker,
 * detection on import and the export dispatch are derived (ARCHITECTURE.md §5).
 *
 * A description has no dependencies (types only), so the page and the sandboxed contract can
 * list formats without bundling readers and writers.
 */
import type { DetailField, Loss } from "./loss.ts";

/** A name shown to people, in both interface languages. */
export interface LocalizedName {
  readonly en: string;
  readonly ar: string;
}

/**
 * Where a reader or writer is implemented: `core` (plain logic, in the format's folder, mapped
 * in `core/formats/writers.ts`), or `node` (it needs Node or a worker: DOCX and PDF
 * extraction, HTML sanitizing, XLSX), registered in `main/` through one map keyed by format id,
 * typed so that a format missing its implementation fails the typecheck.
 */
export type Host = "core" | "node";

/** What detection knows of a file on import. */
export interface SniffedFile {
  /** The file's name (a path), lowercase. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The first 4096 bytes decoded as UTF-8 (invalid bytes replaced), a leading BOM removed. */
  readonly head: string;
  /** The lowercase names of the other files of the same import. */
  readonly siblings: readonly string[];
  /** Whether the name ends in an extension a registered reader claims. */
  readonly knownExtension: boolean;
}

/** What a format's reader offers. */
export interface ReadCapability {
  /** The import menu's name. */
  readonly name: LocalizedName;
  /** Name endings this reader claims, lowercase with the dot (`.ann`). */
  readonly extensions: readonly string[];
  /**
   * Whether a file is of this format. Detectors are asked in `DETECTION_ORDER`
   * (`registry.ts`); the first that says yes reads the file. A detector that shares an
   * extension with another format tells them apart by content (`.jsonl`: Qawl's header or
   * doccano's lines).
   */
  readonly detect: (file: SniffedFile) => boolean;
  /** Whether the reader decodes with the encoding the user names (`--encoding`). */
  readonly encoding: boolean;
  readonly host: Host;
}

/** A layout of a format's export (doccano's relation extraction or sequence labeling). */
export interface Variant {
  readonly id: string;
  readonly name: LocalizedName;
}

/** What a format's writer offers. */
export interface WriteCapability {
  /** The export menu's name. */
  readonly name: LocalizedName;
  /** What it writes, in a few English words, for a message (`quotes-csv writes CSV`). */
  readonly writes: string;
  /**
   * The file extensions (lowercase, with the dot) of this format: its single file's, or those
   * of the files `--out` may name (`namedFiles`). Empty for a format that only writes a
   * folder. One list, so that a name in another format's extension can be refused.
   */
  readonly extensions: readonly string[];
  /**
   * The files of a multi-file export that `--out` may name by their extension (their paths
   * in the export), the first being the main one; absent when the files only work together
   * under their own names (brat, HuggingFace).
   */
  readonly namedFiles?: readonly string[];
  /** The document details (`DETAIL_FIELDS`) the format has a place for. */
  readonly detailsHeld: readonly DetailField[];
  /**
   * The kinds of loss its writer may report (`core/formats/loss.ts`), besides `unreviewed`
   * and `details`, which the export adds for every format.
   */
  readonly losses: readonly Loss["kind"][];
  /** Its layouts, the first the default; absent for a format with one. */
  readonly variants?: readonly Variant[];
  readonly host: Host;
}

/** One format: its id (the CLI's and the contract's name) and what Qawl does with it. */
export interface FormatDescription {
  readonly id: string;
  readonly read?: ReadCapability;
  readonly write?: WriteCapability;
}
