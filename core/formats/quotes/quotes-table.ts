/**
 * The quotes table for newsroom users: one row a quote, tied to its article — document id,
 * title, outlet, author, URL, source file, published date (ISO) — with the speaker (the
 * entity's name and Wikidata id), the speaker mention, the cue, the quote, its type, the
 * sentence(s) that hold it, and its start and end. As CSV in UTF-8 with a byte order mark
 * (so spreadsheet programs show Arabic) and, through `main/`, as XLSX: both derive their
 * columns from `QUOTE_COLUMNS`. Offsets count code points. A carried-over speaker (an
 * `attributed_to` relation to an entity) has the entity's name and id but no mention.
 */
import { stringify } from "csv-stringify/sync";
import { OffsetIndex } from "../../text/offsets.ts";
import { sentenceAround, sentenceExtents, type SentenceExtent } from "../../text/sentences.ts";
import { LossCollector, type ExportInput, type Written } from "../export-types.ts";

/**
 * The table's header row, the one list both CSV and XLSX use:
 * - `document_id`: Qawl's id of the document (the native JSONL `id`);
 * - `title`, `outlet`, `author`: the document's metadata (empty when not set);
 * - `url`: the article's address; `source`: the file it was imported from (either may be empty);
 * - `date`: the published date, ISO `YYYY-MM-DD`;
 * - `speaker`, `speaker_kb_id`: the speaker entity's name and Wikidata id;
 * - `speaker_mention`: the SPEAKER span's text (empty for a carried-over speaker);
 * - `cue`: the cue span's text; `quote`: the quote's text (a discontinuous quote's
 *   fragments joined by one space); `type`: direct, indirect, mixed…;
 * - `sentence`: the text from the start of the sentence that holds the quote's start to
 *   the end of the sentence that holds its end (`core/text/sentences.ts`), exactly as in the text;
 * - `start`, `end`: code point offsets of the quote (its first and last fragment), end-exclusive;
 * - `fragments`: a discontinuous quote's fragments as `start-end` code point offsets
 *   (end-exclusive) joined by `;`, e.g. `206-224;255-283`; empty for a contiguous quote.
 */
export const QUOTE_COLUMNS = [
  "document_id",
  "title",
  "outlet",
  "author",
  "url",
  "source",
  "date",
  "speaker",
  "speaker_kb_id",
  "speaker_mention",
  "cue",
  "quote",
  "type",
  "sentence",
  "start",
  "end",
  "fragments",
] as const;

/** One quote. */
export type QuoteRow = Record<(typeof QUOTE_COLUMNS)[number], string | number>;

/** The rows of the quotes table, in document and text order. */
export function quoteRows(input: ExportInput): QuoteRow[] {
  const kinds = new Map(input.header.labels.map((l) => [l.name, l.kind]));
  const entities = new Map(input.header.entities.map((e) => [e.id, e]));
  return input.documents.flatMap((doc) => {
    const spans = new Map(doc.spans.map((s) => [s.id, s]));
    let sentences: { offsets: OffsetIndex; extents: SentenceExtent[] } | null = null;
    const sentenceOf = (start: number, end: number): string => {
      sentences ??= { offsets: new OffsetIndex(doc.text), extents: sentenceExtents(doc.text) };
      const around = sentenceAround(sentences.extents, start, end);
      return sentences.offsets.slice(around.start, around.end);
    };
    return doc.spans
      .filter((s) => kinds.get(s.label) === "quote")
      .map((q) => {
        const speakerLink = doc.relations.find((r) => r.from === q.id && r.type === "attributed_to");
        const cueLink = doc.relations.find((r) => r.from === q.id && r.type === "cue");
        const mention = speakerLink?.to === undefined ? undefined : spans.get(speakerLink.to);
        const entityId = speakerLink?.to_entity ?? mention?.entity;
        const entity = entityId === undefined ? undefined : entities.get(entityId);
        return {
          document_id: doc.id,
          title: doc.title,
          outlet: doc.outlet ?? "",
          author: doc.author ?? "",
          url: doc.url ?? "",
          source: doc.source ?? "",
          date: doc.published?.iso ?? "",
          speaker: entity?.name ?? "",
          speaker_kb_id: entity?.kb_id ?? "",
          speaker_mention: mention?.text ?? "",
          cue: cueLink?.to === undefined ? "" : (spans.get(cueLink.to)?.text ?? ""),
          quote: q.text,
          type: q.attributes["type"] ?? "",
          sentence: sentenceOf(q.start, q.end),
          start: q.start,
          end: q.end,
          fragments: (q.fragments ?? []).map((f) => `${String(f.start)}-${String(f.end)}`).join(";"),
        };
      });
  });
}

/** What the table leaves out. */
export function quoteTableNotes(): string[] {
  return [
    "one row a quote; names, notes and spans other than quotes, speakers and cues are not in the table; a discontinuous quote's text joins its fragments with a space, start and end are its first and last fragment's, fragments lists each fragment's start-end; sentence is the text from the start of the sentence holding the quote's start to the end of the sentence holding its end (Unicode sentence segmentation within each line); offsets count code points",
  ];
}

/**
 * The quotes table as CSV (RFC 4180), UTF-8 with a BOM, CR LF between records. Every field
 * holding a CR or an LF is quoted: with `record_delimiter` set, csv-stringify quotes only
 * fields holding that delimiter (`\r\n`), and Python's `csv` and pandas end a record at a
 * bare LF or CR outside quotes (a quote across an LF line end would split its row).
 */
export function writeQuotesCsv(input: ExportInput): Written {
  const rows = quoteRows(input);
  const csv = stringify(rows, {
    header: true,
    columns: [...QUOTE_COLUMNS],
    bom: true,
    record_delimiter: "\r\n",
    quoted_match: /[\r\n]/,
  });
  return {
    files: [{ path: "quotes.csv", mediaType: "text/csv", content: csv }],
    report: new LossCollector("quotes-csv", quoteTableNotes()).report(),
  };
}
