/**
 * Search across the corpus (`search`) with Arabic folding: the query and a folded shadow of
 * each text are compared (harakat, tatweel, alef forms, ta marbuta, alef maqsura), the FTS5
 * index (migration 5) narrows the documents, and every hit maps back to real code point
 * offsets of the untouched text. Scopes: anywhere in the text, inside quotes, or quotes by
 * speaker ("everything Lavrov said": the speaker mention's text, or its entity's name or
 * aliases, contains the query).
 */
import { QawlError } from "../../core/errors.ts";
import type { OperationTable, SearchHit } from "../../core/contract.ts";
import { foldArabic, foldedShadow } from "../../core/text/normalize.ts";
import type { DocumentRow, SpanRow } from "../../db/project.ts";
import type { Ops } from "./context.ts";

/** Most code points of context on each side of a hit (whole words of them). */
const CONTEXT = 40;
const DEFAULT_LIMIT = 200;

/**
 * Context cut from the text, without the partial word at its cut `side` (kept when the
 * context is one word or was not cut).
 */
function wholeWords(context: string, cut: boolean, side: "start" | "end"): string {
  if (!cut) return context;
  const at = side === "start" ? context.indexOf(" ") : context.lastIndexOf(" ");
  if (at < 0) return context;
  return side === "start" ? context.slice(at + 1) : context.slice(0, at);
}

/** `search`. */
export function searchOperations(ops: Ops): Pick<OperationTable, "search"> {
  function hit(doc: DocumentRow, start: number, end: number, spanId: number | null): SearchHit {
    const { offsets } = ops.indexesOf(doc);
    const flat = (s: string) => s.replace(/\s+/gu, " ");
    return {
      documentId: doc.id,
      documentTitle: doc.title,
      start,
      end,
      before: wholeWords(flat(offsets.slice(Math.max(0, start - CONTEXT), start)), start > CONTEXT, "start"),
      match: flat(offsets.slice(start, end)),
      after: wholeWords(
        flat(offsets.slice(end, Math.min(doc.length, end + CONTEXT))),
        end + CONTEXT < doc.length,
        "end",
      ),
      spanId,
    };
  }

  /** Places where the folded query occurs in a document's text, code points. */
  function occurrences(doc: DocumentRow, folded: string): { start: number; end: number }[] {
    const shadow = foldedShadow(doc.text);
    const out: { start: number; end: number }[] = [];
    for (let at = shadow.folded.indexOf(folded); at >= 0; at = shadow.folded.indexOf(folded, at + folded.length)) {
      out.push({ start: shadow.starts[at] ?? 0, end: shadow.ends[at + folded.length - 1] ?? 0 });
    }
    return out;
  }

  const inside = (s: SpanRow, start: number, end: number) =>
    (s.fragments.length === 0 ? [s] : s.fragments).some((f) => f.start <= start && end <= f.end);

  return {
    search({ query, scope, label: asked, status, limit }) {
      const folded = foldArabic(query);
      const max = limit ?? DEFAULT_LIMIT;
      const where = scope ?? "text";
      if (folded === "" && asked === undefined) {
        throw new QawlError("bad_input", "give words to find, or a label", { kind: "search.empty" });
      }
      // A label by its export name or display name, in any case.
      const wanted = asked?.toLocaleLowerCase();
      const label =
        wanted === undefined
          ? undefined
          : ops.store
              .labels()
              .find((l) => l.name.toLocaleLowerCase() === wanted || l.displayName.toLocaleLowerCase() === wanted)?.name;
      if (asked !== undefined && label === undefined) {
        const names = ops.store.labels().map((l) => l.name);
        throw new QawlError("bad_input", `no label called ${asked} (the labels: ${names.join(", ")})`, {
          kind: "search.unknown_label",
          asked,
          labels: names,
        });
      }
      // On a team server: the caller's documents, and the layers they see (main/ops/context.ts).
      let ids = ops.store.documentIds().filter((id) => ops.mayOpen(id));
      if (folded !== "" && where !== "speaker") {
        const containing = ops.store.documentsContaining(folded);
        if (containing !== null) ids = containing.filter((id) => ops.mayOpen(id));
      }
      const docs = ops.store.documentsWithText(ids).filter((d) => status === undefined || d.status === status);
      const hits: SearchHit[] = [];
      if (where === "speaker") {
        const entities = new Set(
          ops.store
            .entities()
            .filter((e) => [e.name, ...e.aliases].some((n) => foldArabic(n).includes(folded)))
            .map((e) => e.id),
        );
        for (const doc of docs) {
          const { offsets } = ops.indexesOf(doc);
          const spans = new Map(ops.visibleSpans(doc.id).map((s) => [s.id, s]));
          for (const r of ops.store.relationsOf(doc.id)) {
            if (r.type !== "attributed_to") continue;
            const quote = spans.get(r.from_span_id);
            if (quote === undefined || (label !== undefined && quote.label !== label)) continue;
            const speaker = r.to_span_id === null ? undefined : spans.get(r.to_span_id);
            const matches =
              (r.to_entity_id !== null && entities.has(r.to_entity_id)) ||
              (speaker !== undefined &&
                ((speaker.entity_id !== null && entities.has(speaker.entity_id)) ||
                  foldArabic(ops.spanText(speaker, offsets)).includes(folded)));
            if (matches) hits.push(hit(doc, quote.start, quote.end, quote.id));
          }
        }
      } else if (folded === "") {
        for (const doc of docs) {
          for (const s of ops.visibleSpans(doc.id)) if (s.label === label) hits.push(hit(doc, s.start, s.end, s.id));
        }
      } else {
        for (const doc of docs) {
          const spans = ops
            .visibleSpans(doc.id)
            .filter((s) => (where === "quotes" ? s.label_kind === "quote" : true))
            .filter((s) => label === undefined || s.label === label);
          const restricted = where === "quotes" || label !== undefined;
          for (const o of occurrences(doc, folded)) {
            const container = spans.find((s) => inside(s, o.start, o.end));
            if (restricted && container === undefined) continue;
            hits.push(hit(doc, o.start, o.end, restricted ? (container?.id ?? null) : null));
          }
        }
      }
      hits.sort((a, b) => a.documentId - b.documentId || a.start - b.start);
      return { hits: hits.slice(0, max), total: hits.length };
    },
  };
}
