/**
 * What every part of the operation table shares: the store, who is working, the clock,
 * text indexes per document, lookups that refuse missing rows with a clear message, and
 * `change`, which records an annotation change for undo.
 */
import { describeChange, type ChangeMessage } from "../../core/change-message.ts";
import { QawlError } from "../../core/errors.ts";
import { isGoldLayer } from "../../core/layers.ts";
import type { Access } from "../../core/team.ts";
import { graphemeBoundaries } from "../../core/text/graphemes.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";
import type { DocumentRow, EntityRow, ProjectStore, RelationRow, SpanRow, StoredLabel } from "../../db/project.ts";

/** What a host tells the table about who is working and when. */
export interface OperationContext {
  /** Name recorded as the annotator of every change. */
  annotator: string;
  /** Clock for timestamps (ISO 8601, UTC); injectable for tests. */
  now?: () => string;
  /**
   * The client the current operation comes from (a browser tab's id, `desktop`, `cli`), read
   * at the start of every operation; `local` when absent. Undo and the change feed are scoped by it.
   */
  client?: () => string;
  /**
   * Who is calling now on a team server (core/team.ts), read at every use; null or absent
   * on a one-person host. It names the annotator of the call (instead of `annotator`), and
   * limits an annotator to their documents and their own layer.
   */
  access?: () => Access | null;
}

/** A document's text with its offset index, and its grapheme boundaries when asked for. */
export interface TextIndexes {
  offsets: OffsetIndex;
  /** Grapheme cluster boundaries, UTF-16 units (segmented on first use). */
  readonly graphemes: Uint32Array;
}

/** Indexes of one text; the grapheme boundaries are computed the first time they are read. */
class LazyIndexes implements TextIndexes {
  readonly offsets: OffsetIndex;
  #graphemes: Uint32Array | null = null;

  constructor(text: string) {
    this.offsets = new OffsetIndex(text);
  }

  get graphemes(): Uint32Array {
    this.#graphemes ??= graphemeBoundaries(this.offsets.text);
    return this.#graphemes;
  }
}

/** Shared services of the operation table. */
export class Ops {
  readonly store: ProjectStore;
  readonly now: () => string;
  readonly #hostAnnotator: string;
  readonly #access: () => Access | null;
  readonly #indexes = new Map<string, TextIndexes>();

  /** @throws QawlError (`bad_input`) when the host's annotator is the gold layer's name */
  constructor(store: ProjectStore, context: OperationContext) {
    if (isGoldLayer(context.annotator)) {
      throw new QawlError(
        "bad_input",
        `"${context.annotator}" is the gold layer's name; choose another annotator name`,
      );
    }
    this.store = store;
    this.#hostAnnotator = context.annotator;
    this.#access = context.access ?? (() => null);
    this.now = context.now ?? (() => new Date().toISOString());
  }

  /** The annotator of the current call: the signed-in person on a team server, else the host's. */
  get annotator(): string {
    return this.#access()?.annotator ?? this.#hostAnnotator;
  }

  /** The current call's access on a team server, or null. */
  access(): Access | null {
    return this.#access();
  }

  /**
   * Whether the current caller sees a span or relation of `layer` in a document they may
   * open: a blind annotator sees their own layer and unreviewed suggestions only (core/team.ts).
   */
  showsLayer(layer: string, suggested: boolean): boolean {
    return !this.#blind() || suggested || layer === this.annotator;
  }

  /**
   * Whether the current caller sees a relation: a blind annotator, one of their own layer or
   * starting at a suggestion (its span read only then).
   */
  showsRelation(relation: Pick<RelationRow, "annotator" | "from_span_id">): boolean {
    if (!this.#blind() || relation.annotator === this.annotator) return true;
    return this.store.span(relation.from_span_id)?.suggested_by != null;
  }

  /** Whether the current caller is an annotator kept blind to the other layers. */
  #blind(): boolean {
    const access = this.#access();
    return access !== null && access.role === "annotator" && access.blind;
  }

  /** Per-document span counts as the current caller sees them (a blind annotator: their own layer). */
  spanCounts(): { document_id: number; label: string; n: number }[] {
    if (!this.#blind()) return this.store.spanCounts();
    // No layer yet: nothing of theirs to count (and a read creates no annotator).
    const own = this.store.annotators().find((a) => a.name === this.annotator);
    return own === undefined ? [] : this.store.spanCounts(own.id);
  }

  /** A document's spans the current caller sees (`showsLayer`), ordered as `ProjectStore.spansOf`. */
  visibleSpans(documentId: number): SpanRow[] {
    return this.store.spansOf(documentId).filter((s) => this.showsLayer(s.annotator, s.suggested_by !== null));
  }

  /** Whether the current caller may see document `id` (always, off a team server). */
  mayOpen(id: number): boolean {
    const documents = this.#access()?.documents ?? null;
    return documents === null || documents.includes(id);
  }

  /** Id of this host's annotator (created on first use). */
  annotatorId(): number {
    return this.store.annotatorId(this.annotator, this.now());
  }

  /**
   * Id of a layer new spans may go into: this host's annotator's (`name` absent or theirs)
   * or the gold layer.
   * @param anyLayer accept any existing annotator's layer (a span already in it is edited)
   * @throws QawlError (`bad_input`) naming the layer refused
   */
  layerId(name?: string, anyLayer = false): number {
    if (name === undefined || name === this.annotator) return this.annotatorId();
    if (this.#access()?.role === "annotator") {
      throw new QawlError("forbidden", `an annotator writes their own layer (${this.annotator}) only, not ${name}'s`, {
        kind: "team.layer",
        layer: name,
      });
    }
    if (!anyLayer && !isGoldLayer(name)) {
      throw new QawlError(
        "bad_input",
        `spans go into your own layer (${this.annotator}) or the gold layer, not into ${name}'s`,
      );
    }
    return this.store.annotatorId(name, this.now());
  }

  /** Offset and grapheme indexes of a document's text, built once per text. */
  indexesOf(doc: Pick<DocumentRow, "text" | "text_sha256">): TextIndexes {
    let cached = this.#indexes.get(doc.text_sha256);
    if (cached === undefined) {
      cached = new LazyIndexes(doc.text);
      if (this.#indexes.size >= 32) this.#indexes.clear();
      this.#indexes.set(doc.text_sha256, cached);
    }
    return cached;
  }

  /**
   * Refuse an edit made on a view older than another client's change to the same object:
   * `basedOn` is the revision the caller's view was at (absent: no check). Call it inside the
   * write transaction, so that nothing lands between the check and the write.
   * @param documentId the span's document (a whole-document write counts), else null
   * @throws QawlError (`conflict`, detail `stale`) naming who changed it and when
   */
  fresh(basedOn: number | undefined, what: "span" | "entity" | "cues", id: number, documentId: number | null): void {
    if (basedOn === undefined) return;
    const now = this.store.revision();
    if (basedOn > now) {
      throw new QawlError(
        "bad_input",
        `basedOn: revision ${String(basedOn)} is after the project's last (${String(now)}); send the revision your view is at`,
      );
    }
    const later = this.store.changedSince(
      basedOn,
      what === "cues" ? "cue" : what,
      what === "cues" ? null : id,
      documentId,
    );
    if (later === null) return;
    const thing = what === "cues" ? "the cue list" : `${what} ${String(id)}`;
    const by =
      later === "trimmed"
        ? "too long ago for this view to tell what it was based on"
        : `by ${later.annotator} in another window or tab (revision ${String(later.revision)})`;
    throw new QawlError(
      "conflict",
      `${thing} was changed after your view of it, ${by}; nothing was changed: look at it again and redo the edit`,
      {
        kind: "stale",
        what,
        id,
        revision: later === "trimmed" ? 0 : later.revision,
        annotator: later === "trimmed" ? "" : later.annotator,
      },
    );
  }

  /** Run `fn` as one recorded annotation change (see `ProjectStore.change`), named by `message`. */
  change<T>(message: ChangeMessage | ((result: T) => ChangeMessage), documentId: number | null, fn: () => T): T {
    const text = (m: ChangeMessage) => ({ description: describeChange(m), message: m });
    return this.store.change(
      typeof message === "function" ? (result: T) => text(message(result)) : text(message),
      documentId,
      this.annotatorId(),
      this.now(),
      fn,
    );
  }

  /** @throws QawlError (`not_found`; `forbidden` for a document not assigned to the caller) */
  document(id: number): DocumentRow {
    if (!this.mayOpen(id)) {
      throw new QawlError("forbidden", `document ${String(id)} is not assigned to you`, {
        kind: "team.unassigned",
        documentId: id,
      });
    }
    const doc = this.store.document(id);
    if (doc === undefined) {
      throw new QawlError("not_found", `document ${String(id)} does not exist`, {
        kind: "document.missing",
        documentId: id,
      });
    }
    return doc;
  }

  /**
   * @throws QawlError (`not_found`; `forbidden` when the caller is an annotator and the span
   *   is in another document than theirs or in another layer than theirs, suggestions excepted)
   */
  span(id: number): SpanRow {
    const span = this.store.span(id);
    if (span === undefined) {
      throw new QawlError("not_found", `span ${String(id)} does not exist`, { kind: "gone", what: "span", id });
    }
    if (this.#access()?.role === "annotator") {
      this.document(span.document_id);
      if (span.suggested_by === null && span.annotator !== this.annotator) {
        throw new QawlError("forbidden", `span ${String(id)} is in ${span.annotator}'s layer, not yours`, {
          kind: "team.layer",
          layer: span.annotator,
        });
      }
    }
    return span;
  }

  /** @throws QawlError (`not_found`) */
  entity(id: number): EntityRow {
    const entity = this.store.entity(id);
    if (entity === undefined) {
      throw new QawlError("not_found", `entity ${String(id)} does not exist`, { kind: "gone", what: "entity", id });
    }
    return entity;
  }

  /**
   * A label of the schema by name.
   * @param forNewSpan refuse a retired label
   * @throws QawlError (`bad_input`)
   */
  label(name: string, forNewSpan = false): StoredLabel {
    const label = this.store.labels().find((l) => l.name === name);
    if (label === undefined) throw new QawlError("bad_input", `label "${name}" is not in this project's schema`);
    if (forNewSpan && label.retired) {
      throw new QawlError("bad_input", `label "${name}" is retired`, {
        kind: "label.retired",
        name: label.displayName,
      });
    }
    return label;
  }

  /** The text a span shows: `text[start:end]`, or its fragments' texts joined by one space. */
  spanText(span: Pick<SpanRow, "start" | "end" | "fragments">, offsets: OffsetIndex): string {
    return span.fragments.length === 0
      ? offsets.slice(span.start, span.end)
      : span.fragments.map((f) => offsets.slice(f.start, f.end)).join(" ");
  }
}
