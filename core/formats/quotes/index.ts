/**
 * The quotes table (`quotes-table.ts`): one row per quote with its speaker, cue, sentence and
 * the document's details, written only: as CSV (core) and as an Excel workbook
 * (`main/export/xlsx.ts`, Node's: ExcelJS).
 */
import { DETAIL_FIELDS } from "../loss.ts";
import type { FormatDescription } from "../format.ts";

/** The quotes table as CSV. */
export const quotesCsv = {
  id: "quotes-csv",
  write: {
    name: { en: "Quotes table, CSV", ar: "جدول الاقتباسات، CSV" },
    writes: "CSV",
    extensions: [".csv"],
    detailsHeld: DETAIL_FIELDS,
    losses: [],
    host: "core",
  },
} as const satisfies FormatDescription;

/** The quotes table as an Excel workbook. */
export const quotesXlsx = {
  id: "quotes-xlsx",
  write: {
    name: { en: "Quotes table, Excel", ar: "جدول الاقتباسات، Excel" },
    writes: "an Excel workbook",
    extensions: [".xlsx"],
    detailsHeld: DETAIL_FIELDS,
    losses: [],
    host: "node",
  },
} as const satisfies FormatDescription;
