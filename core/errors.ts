/**
 * The one error type the operation table throws on purpose. Hosts turn it into a
 * message for people: the CLI prints `message` on one line, HTTP answers with a status
 * from `code`, IPC returns it in the reply envelope. A refusal people meet in the app also
 * carries `detail`, the same as data, so that the interface words it in its own language
 * (`renderer/i18n/errors.ts`); `message` stays the English line for the CLI and the API.
 */
import type { ChangeMessage, NamedRef } from "./change-message.ts";
import type { InputField, InputRule } from "./input-errors.ts";

/** Why an operation was refused. */
export type QawlErrorCode = "bad_input" | "not_found" | "conflict" | "forbidden";

/** Why a file could not be imported. */
export type ImportRefusal =
  | { reason: "empty" | "binary" | "whitespace" | "html_page" | "no_article" | "no_text" | "no_documents" }
  /** `no_text_layer`: a PDF without text (a scan); `bad_docx`, `bad_pdf`: the extractor could not read the file. */
  | { reason: "no_text_layer" | "bad_docx" | "bad_pdf" }
  /** Not valid UTF-8 at `line` (1-based); `guess` the encoding it most likely is, if one. */
  | { reason: "invalid_utf8"; line: number; guess: string | null }
  /**
   * `utf16`: the file is UTF-16 (`encoding` says which) and was read as UTF-8; `is_utf8`: the
   * file is UTF-8 and `encoding` was chosen.
   */
  | { reason: "invalid_encoding" | "unknown_encoding" | "utf16" | "is_utf8"; encoding: string }
  | { reason: "brat_pair"; base: string }
  /** An HTML page whose elements nest `depth` levels, deeper than the `most` Qawl reads. */
  | { reason: "too_deep"; depth: number; most: number };

/** A refusal as data: `kind` says what, the other fields fill in the wording. */
export type ErrorDetail =
  /** A document not (or no longer) in the project. */
  | { kind: "document.missing"; documentId: number }
  /** A span, relation or entity an operation names that is no longer there (deleted, perhaps in another window). */
  | { kind: "gone"; what: "span" | "relation" | "entity" | "document"; id: number }
  /**
   * An edit based on a view older than another client's change to the same object (`what`
   * `id`, changed at `revision` by `annotator`): refused, nothing changed; the view catches up.
   * `what` `cues` is the project's cue list (`id` 0).
   */
  | { kind: "stale"; what: "span" | "entity" | "cues"; id: number; revision: number; annotator: string }
  /**
   * Undo or redo would undo across a later change of another client or annotator to the same
   * rows: `description` is that change in English, `change` the same as data (null when
   * recorded before Qawl kept it).
   */
  | { kind: "history.built_on"; direction: "undo" | "redo"; description: string; change: ChangeMessage | null }
  /** Undo or redo would bring back a row whose id another row has taken since. */
  | { kind: "history.taken"; direction: "undo" | "redo" }
  /** Undoing a deletion would bring back a document whose text is in the project again, as document `by`. */
  | { kind: "history.text_again"; documentId: number; by: number }
  | { kind: "span.duplicate"; label: NamedRef }
  | { kind: "span.blank" }
  | { kind: "span.crosses_line"; label: NamedRef }
  | { kind: "span.fragments"; label: NamedRef }
  /** Changing the label of a span whose links need the old kind. */
  | { kind: "span.links_need_kind"; label: NamedRef; to: NamedRef }
  | { kind: "speaker.no_earlier" }
  | { kind: "label.name_taken"; name: string }
  | { kind: "label.key_taken"; key: string; label: NamedRef }
  | { kind: "label.retired"; name: string }
  | { kind: "cue.twice"; lemma: string }
  | { kind: "entity.merge_alone" }
  /** An entity type that is not the name of an entity label of the schema (`labels`: those there are). */
  | { kind: "entity.unknown_type"; type: string; labels: string[] }
  | { kind: "propagate.not_name"; label: string }
  | { kind: "search.empty" }
  | { kind: "search.unknown_label"; asked: string; labels: string[] }
  /** A file of an import; `files` is how many the import held (none of them was imported). */
  | ({ kind: "import.file"; file: string; files: number } & ImportRefusal)
  | { kind: "import.jsonl_alone" }
  /** A long operation (core/jobs.ts) stopped by `cancelJob` or Ctrl+C before it wrote anything. */
  | { kind: "job.cancelled"; operation: "importDocuments" | "exportDocuments" | "preannotate" }
  /** The page could not reach its host (`qawl serve` stopped, the network gone): nothing was sent. */
  | { kind: "host.unreachable" }
  /** A team server's role does not allow the operation (core/team.ts). */
  | { kind: "team.role"; operation: string; role: string }
  /** A team server's document not assigned to the annotator asking. */
  | { kind: "team.unassigned"; documentId: number }
  /** A team server's annotator asked to write in another layer than theirs. */
  | { kind: "team.layer"; layer: string }
  /**
   * A value the contract's schema refuses (core/input-errors.ts): `field` breaks `rule`;
   * `limit` the most/least characters or items allowed and `actual` how many it has, for
   * the length and list rules (else null).
   */
  | { kind: "input.invalid"; field: InputField; rule: InputRule; limit: number | null; actual: number | null };

/** A refusal with a one-line, human-readable message that names what was wrong. */
export class QawlError extends Error {
  /** Machine-readable reason. */
  readonly code: QawlErrorCode;
  /** The refusal as data, for an interface's own wording; null when only `message` says it. */
  readonly detail: ErrorDetail | null;

  /**
   * @param code why the operation was refused
   * @param message one line naming the file, line or value and the reason
   * @param detail the same as data (see `ErrorDetail`)
   */
  constructor(code: QawlErrorCode, message: string, detail: ErrorDetail | null = null) {
    super(message);
    this.name = "QawlError";
    this.code = code;
    this.detail = detail;
  }
}
