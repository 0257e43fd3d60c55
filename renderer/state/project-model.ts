/**
 * The page's copy of the project (ARCHITECTURE.md §8): the schema, the document list, the
 * open document with its spans and relations, the entity registry, this client's undo state
 * and the revision they are at. It changes only by applying change records — those a write
 * answers with, and those the host pushes for writes made elsewhere — so every view sees
 * the same state and no server rule is computed again here. An object a record does not
 * touch keeps its identity, so the article's painter redraws only what changed. Offsets are
 * code points, as in the contract. No DOM.
 *
 * A label or relabel the annotator makes is shown at once as a provisional span, before
 * the host answers; the host's record then replaces it, or a refusal takes it back.
 */
import type {
  Api,
  ChangeView,
  DocumentSummary,
  DocumentView,
  EntityView,
  HistoryState,
  LabelView,
  ProjectInfo,
  RelationView,
  SpanView,
} from "../../core/contract.ts";
import { nearestOnLine } from "../../core/article/nearest.ts";
import { graphemeBoundaries } from "../../core/text/graphemes.ts";
import { GOLD_LAYER } from "../../core/layers.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";

/** What applying records left for the model to fetch (a record too large to carry its objects). */
export interface Applied {
  /** The open document was changed wholesale, or deleted (then `document` is null). */
  documentGone: boolean;
  /** Entities were created, changed or deleted. */
  entitiesChanged: boolean;
  /** Spans or relations changed (an open entity panel's mentions may have). */
  annotationChanged: boolean;
}

/**
 * The open document's spans after a record: removed ones gone, changed ones replaced where
 * they are, new ones (and moved ones) inserted in `getDocument`'s order (by start, then
 * longest first). Spans already there keep their places, so the span list never moves a row
 * it did not change (a moved row would lose the focus of a field in it).
 */
function mergeSpans(
  spans: readonly SpanView[],
  upserts: readonly SpanView[],
  deleted: ReadonlySet<number>,
): SpanView[] {
  if (upserts.length === 0 && !spans.some((s) => deleted.has(s.id))) return spans as SpanView[];
  const byId = new Map(upserts.map((u) => [u.id, u]));
  const out: SpanView[] = [];
  const placed = new Set<number>();
  for (const s of spans) {
    if (deleted.has(s.id)) continue;
    const next = byId.get(s.id);
    // Resized: it goes where its new extent belongs.
    if (next !== undefined && (next.start !== s.start || next.end !== s.end)) continue;
    out.push(next ?? s);
    placed.add(s.id);
  }
  for (const u of upserts) {
    if (placed.has(u.id)) continue;
    const i = out.findIndex((s) => s.start > u.start || (s.start === u.start && s.end < u.end));
    out.splice(i < 0 ? out.length : i, 0, u);
  }
  return out;
}

/** Replace, add and remove items by id; untouched items keep their identity. */
function merge<T extends { id: number }>(
  items: readonly T[],
  upserts: readonly T[],
  deleted: ReadonlySet<number>,
  keep: (item: T) => boolean = () => true,
): T[] {
  const wanted = upserts.filter(keep);
  if (wanted.length === 0 && !items.some((i) => deleted.has(i.id))) return items as T[];
  const byId = new Map(wanted.map((u) => [u.id, u]));
  const out = items.filter((i) => !deleted.has(i.id)).map((i) => byId.get(i.id) ?? i);
  const known = new Set(items.map((i) => i.id));
  for (const u of wanted) if (!known.has(u.id)) out.push(u);
  return out;
}

/** The project as this page knows it, kept current by change records. */
export class ProjectModel {
  readonly #api: Api;
  project: ProjectInfo | null = null;
  documents: DocumentSummary[] = [];
  /** The open document with every layer's spans and relations. */
  #full: DocumentView | null = null;
  /** The layers shown (annotator names, or gold); null: every layer. */
  #layers: readonly string[] | null = null;
  #layersChosen = false;
  #view: { from: DocumentView; layers: readonly string[] | null; doc: DocumentView } | null = null;
  entities: EntityView[] = [];
  history: HistoryState = { undo: null, redo: null };
  /** The last revision applied (0 before loading). */
  revision = 0;
  /** Offset and grapheme indexes of the open document's text. */
  offsets: OffsetIndex | null = null;
  graphemes: Uint32Array | null = null;

  /**
   * Spans shown before the host committed them (ARCHITECTURE.md §8, "Provisional spans"):
   * each provisional object → the committed one it stands in for (undefined for a new span).
   */
  readonly #provisional = new Map<SpanView, SpanView | undefined>();
  /** Provisional span ids (negative) → the id the host gave the span, once it answered. */
  readonly #committedIds = new Map<number, number>();
  #nextProvisionalId = -1;

  constructor(api: Api) {
    this.#api = api;
  }

  /**
   * The open document as the article shows it: the spans of the layers shown (`showLayers`)
   * and, with the host's annotator's own layer, unreviewed suggestions (in no layer yet);
   * the relations starting at them. The same
   * object until the document or the layers shown change.
   */
  get document(): DocumentView | null {
    const full = this.#full;
    if (full === null || this.#layers === null) return full;
    if (this.#view?.from === full && this.#view.layers === this.#layers) return this.#view.doc;
    const shown = new Set(this.#layers);
    // Suggestions are for the host's annotator to review: shown with their own layer only.
    const withSuggestions = shown.has(this.project?.annotator ?? "");
    const spans = full.spans.filter(
      (s) => (s.suggested !== null ? withSuggestions : shown.has(s.annotator)) || this.#provisional.has(s),
    );
    const ids = new Set(spans.map((s) => s.id));
    const doc = { ...full, spans, relations: full.relations.filter((r) => ids.has(r.fromSpanId)) };
    this.#view = { from: full, layers: this.#layers, doc };
    return doc;
  }

  /** The open document with every layer (the curation view compares them). */
  get fullDocument(): DocumentView | null {
    return this.#full;
  }

  /** The layers of the open document: every annotator with a reviewed span there, in name order. */
  get documentLayers(): string[] {
    const names = new Set(
      (this.#full?.spans ?? []).filter((s) => s.suggested === null && s.id > 0).map((s) => s.annotator),
    );
    return [...names].sort((a, b) => a.localeCompare(b));
  }

  /** The layers shown; null for every layer. */
  get shownLayers(): readonly string[] | null {
    return this.#layers;
  }

  /** Show only these layers (null: every layer); the choice holds for the next documents. */
  showLayers(layers: readonly string[] | null): void {
    this.#layers = layers === null ? null : [...layers];
    this.#layersChosen = true;
  }

  /**
   * The layer a new span goes into: gold when only gold is shown (adjudication), else the
   * host's annotator's. Null when the layers shown hold neither (someone else's layer is
   * read-only here).
   */
  get writeLayer(): string | null {
    const me = this.project?.annotator ?? "";
    if (this.#layers === null) return me;
    if (this.#layers.length === 1 && this.#layers[0] === GOLD_LAYER) return GOLD_LAYER;
    return this.#layers.includes(me) ? me : null;
  }

  /** Load everything but a document; records after the revision read first are applied later. */
  async loadAll(): Promise<void> {
    // The revision first: a write landing during the loads is applied again, harmlessly.
    const { revision } = await this.#api.changesSince({ since: 0, limit: 0 });
    const [project, documents, entities, history] = await Promise.all([
      this.#api.getProject({}),
      this.#api.listDocuments({}),
      this.#api.listEntities({}),
      this.#api.getHistory({}),
    ]);
    Object.assign(this, { project, documents, entities, history, revision });
    if (this.#full !== null) {
      if (documents.some((d) => d.id === this.#full?.id)) await this.open(this.#full.id);
      else this.#setDocument(null);
    }
  }

  /** Fetch the schema again, for its labels' span counts (records carry the schema only when it changes). */
  async reloadProject(): Promise<void> {
    this.project = await this.#api.getProject({});
  }

  /** Open a document (fetching it whole). */
  async open(documentId: number): Promise<void> {
    this.#setDocument(await this.#api.getDocument({ documentId }));
  }

  #setDocument(doc: DocumentView | null): void {
    if (doc !== null && this.#full?.textSha256 !== doc.textSha256) {
      this.offsets = new OffsetIndex(doc.text);
      this.graphemes = graphemeBoundaries(doc.text);
    }
    const another = doc?.id !== this.#full?.id;
    this.#full = doc;
    if (another && !this.#layersChosen) this.#layers = this.#defaultLayers();
  }

  /**
   * The layers a document opens with: the host's annotator's own when it holds two or more
   * layers and one is theirs; every layer otherwise (one person's project looks as it
   * always did, and a curator sees everything).
   */
  #defaultLayers(): string[] | null {
    const layers = this.documentLayers;
    const me = this.project?.annotator ?? "";
    return layers.length >= 2 && layers.includes(me) ? [me] : null;
  }

  /**
   * Apply records in revision order, and this client's undo state when a reply carries it.
   * Records already applied are skipped; when records are missing before them, the missing
   * ones are fetched first (`changesSince`), and a record too large to carry its objects
   * makes the model fetch what it names.
   */
  async apply(records: readonly ChangeView[], history?: HistoryState): Promise<Applied> {
    const applied: Applied = { documentGone: false, entitiesChanged: false, annotationChanged: false };
    let fresh = records.filter((r) => r.revision > this.revision);
    if (fresh[0] !== undefined && fresh[0].revision > this.revision + 1) {
      const caught = await this.#api.changesSince({ since: this.revision });
      if (caught.reset) {
        await this.loadAll();
        return { documentGone: this.#full === null, entitiesChanged: true, annotationChanged: true };
      }
      fresh = caught.records;
    }
    await this.#applyAll(applied, fresh);
    if (history !== undefined) this.history = history;
    return applied;
  }

  /** Fetch and apply what was written since the last applied revision (a push said there is more). */
  async catchUp(): Promise<Applied> {
    const caught = await this.#api.changesSince({ since: this.revision });
    if (caught.reset) {
      await this.loadAll();
      return { documentGone: this.#full === null, entitiesChanged: true, annotationChanged: true };
    }
    return this.apply(caught.records);
  }

  async #applyAll(applied: Applied, records: readonly ChangeView[]): Promise<void> {
    let reloadList = false;
    let reloadDocument = false;
    for (const record of records) {
      if (record.revision <= this.revision) continue;
      const o = record.objects;
      const deleted = (type: string) =>
        new Set(record.changes.filter((c) => c.type === type && c.kind === "deleted").map((c) => c.id));
      const goneDocuments = deleted("document");
      const listed = new Set(o.documents.map((d) => d.id));
      if (record.changes.some((c) => c.type === "document" && c.kind !== "deleted" && !listed.has(c.id)))
        reloadList = true;
      this.documents = merge(this.documents, o.documents, goneDocuments);
      if (o.project !== null) this.project = o.project;
      const goneEntities = deleted("entity");
      if (o.entities.length > 0 || goneEntities.size > 0) applied.entitiesChanged = true;
      this.entities = merge(this.entities, o.entities, goneEntities);
      const doc = this.#full;
      if (doc !== null) {
        if (goneDocuments.has(doc.id)) {
          this.#setDocument(null);
          applied.documentGone = true;
        } else {
          const whole = record.changes.some((c) => c.type === "document" && c.id === doc.id && c.whole === true);
          if (whole || !o.complete) reloadDocument = true;
          const line = o.documents.find((d) => d.id === doc.id);
          const spans = mergeSpans(
            doc.spans,
            o.spans.filter((s) => s.documentId === doc.id),
            deleted("span"),
          );
          const relations = merge(doc.relations, o.relations, deleted("relation"), (r) => r.documentId === doc.id);
          if (spans !== doc.spans || relations !== doc.relations || line !== undefined) {
            this.#full = {
              ...doc,
              ...(line ?? {}),
              spans,
              relations,
            };
          }
        }
      }
      if (record.changes.some((c) => c.type === "span" || c.type === "relation" || c.whole === true))
        applied.annotationChanged = true;
      this.revision = record.revision;
    }
    if (reloadList) this.documents = await this.#api.listDocuments({});
    if (reloadDocument && this.#full !== null) await this.open(this.#full.id);
  }

  // ---- provisional spans ----

  /**
   * Show a new span of the open document at once, before the host answers: a provisional
   * span with a negative id, the text the offsets cover, and no attributes (the host's
   * defaults arrive with its record). Nothing is decided here that the host decides.
   * @param start first code point; @param end code point after the last
   * @returns the provisional span, or null with no open document
   */
  proposeSpan(label: string, start: number, end: number): SpanView | null {
    const doc = this.#full;
    if (doc === null || this.offsets === null) return null;
    const text = doc.text.slice(this.offsets.toUtf16(start), this.offsets.toUtf16(end));
    const now = new Date().toISOString();
    const span: SpanView = {
      id: this.#nextProvisionalId--,
      documentId: doc.id,
      label,
      start,
      end,
      fragments: null,
      text,
      attributes: {},
      entityId: null,
      note: null,
      annotator: this.writeLayer ?? "",
      suggested: null,
      createdAt: now,
      updatedAt: now,
    };
    this.#show(span, undefined);
    return span;
  }

  /**
   * Show a change to a span of the open document at once (e.g. its new label), before the
   * host answers. The host's record replaces it; `withdraw` puts the span back as it was.
   * @returns the provisional span, or null when no committed span has that id
   */
  proposeChange(spanId: number, change: Partial<Pick<SpanView, "label">>): SpanView | null {
    const span = this.span(spanId);
    if (span === undefined || span.id < 0) return null;
    const next = { ...span, ...change };
    this.#show(next, span);
    return next;
  }

  #show(span: SpanView, replaced: SpanView | undefined): void {
    const doc = this.#full;
    if (doc === null) return;
    this.#provisional.set(span, replaced);
    this.#full = { ...doc, spans: mergeSpans(doc.spans, [span], new Set()) };
  }

  /**
   * Take a provisional span away once the host answered: when its record has replaced it,
   * nothing is left to do; otherwise (a refusal, or a new span whose committed twin has
   * arrived under the host's id) the span it stood in for comes back, or it goes.
   * @param committedId for a new span, the id the host gave it (commands queued on the
   *   provisional id reach the committed span through `span` and `resolve`)
   */
  withdraw(span: SpanView, committedId?: number): void {
    if (!this.#provisional.has(span)) return;
    const replaced = this.#provisional.get(span);
    this.#provisional.delete(span);
    if (committedId !== undefined) this.#committedIds.set(span.id, committedId);
    const doc = this.#full;
    if (doc === null || !doc.spans.includes(span)) return;
    this.#full = {
      ...doc,
      spans:
        replaced === undefined ? doc.spans.filter((s) => s !== span) : mergeSpans(doc.spans, [replaced], new Set()),
    };
  }

  /** Whether a span is shown before the host committed it. */
  isProvisional(span: SpanView): boolean {
    return this.#provisional.has(span);
  }

  /** The host's id for a span id: a provisional span's committed id once known, else the id itself. */
  resolve(id: number): number {
    return this.#committedIds.get(id) ?? id;
  }

  // ---- lookups ----

  /** Labels offered for new spans. */
  get labels(): LabelView[] {
    return (this.project?.labels ?? []).filter((l) => !l.retired);
  }

  /** The label definition called `name`. */
  label(name: string): LabelView | undefined {
    return this.project?.labels.find((l) => l.name === name);
  }

  /** Kind of a span's label. */
  kindOf(span: SpanView): string | undefined {
    return this.label(span.label)?.kind;
  }

  /** Position of a label in the schema (its colour class and highlight follow it). */
  labelIndex(name: string): number {
    return this.project?.labels.findIndex((l) => l.name === name) ?? -1;
  }

  /** The span with this id in the open document. */
  span(id: number | null): SpanView | undefined {
    if (id === null) return undefined;
    const wanted = this.resolve(id);
    return this.document?.spans.find((s) => s.id === wanted);
  }

  /** Relations that start at a span. */
  relationsFrom(spanId: number): RelationView[] {
    const id = this.resolve(spanId);
    return this.document?.relations.filter((r) => r.fromSpanId === id) ?? [];
  }

  /** The span of a kind closest to a span on its line, else anywhere (see `core/article/nearest.ts`). */
  nearestSpan(from: SpanView, kind: string): SpanView | undefined {
    if (this.document === null || this.offsets === null) return undefined;
    const candidates = this.document.spans.filter((s) => s.id !== from.id && this.kindOf(s) === kind);
    return nearestOnLine(this.offsets, from, candidates);
  }

  /**
   * For a quote attributed to an entity (a carried-over speaker): the speaker entity of the
   * quote before it now, when that differs — the carry-over may be stale.
   */
  staleCarryOver(quote: SpanView): EntityView | undefined {
    const carried = this.relationsFrom(quote.id).find((r) => r.type === "attributed_to" && r.toEntityId !== null);
    if (carried === undefined || this.document === null) return undefined;
    const previous = this.document.spans
      .filter((s) => s.start < quote.start && this.kindOf(s) === "quote")
      .map((s) => ({ s, r: this.relationsFrom(s.id).find((r) => r.type === "attributed_to") }))
      .filter((x) => x.r !== undefined)
      .pop();
    if (previous?.r === undefined) return undefined;
    const entityId = previous.r.toEntityId ?? this.span(previous.r.toSpanId)?.entityId ?? null;
    return entityId !== null && entityId !== carried.toEntityId ? this.entityById(entityId) : undefined;
  }

  /** An entity of the registry. */
  entityById(id: number | null): EntityView | undefined {
    return id === null ? undefined : this.entities.find((e) => e.id === id);
  }
}
