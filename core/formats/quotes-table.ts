/**
 * The quotes table for newsroom users: one row a quote — document, date, speaker (the
 * entity's name), speaker mention, cue, quote, type, start, end — as CSV in UTF-8 with a
 * byte order mark (so spreadsheet programs show Arabic) and, through `main/`, as XLSX.
 * Offsets count code points. A carried-over speaker has an entity but no mention.
 */
import { stringify } from "csv-stringify/sync";
import { LossCollector, type ExportInput, type Written } from "./export-types.ts";

/** The table's header row. */
export const QUOTE_COLUMNS = [
  "document",
  "date",
  "speaker",
  "speaker_mention",
  "cue",
  "quote",
  "type",
  "start",
  "end",
] as const;

/** One quote. */
export type QuoteRow = Record<(typeof QUOTE_COLUMNS)[number], string | number>;

/** The rows of the quotes table, in document and text order. */
export function quoteRows(input: ExportInput): QuoteRow[] {
  const kinds = new Map(input.header.labels.map((l) => [l.name, l.kind]));
  const entities = new Map(input.header.entities.map((e) => [e.id, e.name]));
  return input.documents.flatMap((doc) => {
    const spans = new Map(doc.spans.map((s) => [s.id, s]));
    return doc.spans
      .filter((s) => kinds.get(s.label) === "quote")
      .map((q) => {
        const speakerLink = doc.relations.find((r) => r.from === q.id && r.type === "attributed_to");
        const cueLink = doc.relations.find((r) => r.from === q.id && r.type === "cue");
        const mention = speakerLink?.to === undefined ? undefined : spans.get(speakerLink.to);
        const entityId = speakerLink?.to_entity ?? mention?.entity;
        return {
          document: doc.title,
          date: doc.published?.iso ?? "",
          speaker: entityId === undefined ? "" : (entities.get(entityId) ?? ""),
          speaker_mention: mention?.text ?? "",
          cue: cueLink?.to === undefined ? "" : (spans.get(cueLink.to)?.text ?? ""),
          quote: q.text,
          type: q.attributes["type"] ?? "",
          start: q.start,
          end: q.end,
        };
      });
  });
}

/** What the table leaves out. */
export function quoteTableNotes(): string[] {
  return [
    "one row a quote; names, notes and spans other than quotes, speakers and cues are not in the table; a discontinuous quote's text joins its fragments with a space, start and end are its first and last fragment's; offsets count code points",
  ];
}

/** The quotes table as CSV (RFC 4180), UTF-8 with a BOM. */
export function writeQuotesCsv(input: ExportInput): Written {
  const rows = quoteRows(input);
  const csv = stringify(rows, { header: true, columns: [...QUOTE_COLUMNS], bom: true, record_delimiter: "\r\n" });
  return {
    files: [{ path: "quotes.csv", mediaType: "text/csv", content: csv }],
    report: new LossCollector("quotes-csv", quoteTableNotes()).report(),
  };
}
