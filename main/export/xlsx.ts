/**
 * The quotes table as XLSX (Office Open XML), written with exceljs (npm's `xlsx` package is
 * stuck at an old, vulnerable version). Right-to-left sheet, one row a quote.
 *
 * Cell text is kept exactly. exceljs writes a carriage return raw into the XML, where every
 * XML parser reads CR LF as LF (XML 1.0 §2.11, end-of-line handling); so after exceljs the
 * shared strings part gets each CR as the character reference `&#13;`, which XML parsers
 * keep. Text that looks like OOXML's own escape `_xHHHH_` (ECMA-376 Part 1, §22.9.2.19
 * ST_Xstring) is written as `_x005F_xHHHH_`, so Excel and openpyxl do not decode it.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { LossCollector, type ExportInput, type Written } from "../../core/formats/export-types.ts";
import { QUOTE_COLUMNS, quoteRows, quoteTableNotes } from "../../core/formats/quotes/quotes-table.ts";

/** A cell's text with OOXML's `_xHHHH_` look-alikes escaped (`_` → `_x005F_`). */
function escapeOoxml(value: string | number): string | number {
  return typeof value === "string" ? value.replace(/_(x[0-9A-Fa-f]{4}_)/gu, "_x005F_$1") : value;
}

/** Every CR in the shared strings part as `&#13;` (exceljs writes it raw; XML parsers drop it before LF). */
function keepCarriageReturns(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const shared = parts["xl/sharedStrings.xml"];
  if (shared === undefined) return xlsx;
  const xml = strFromU8(shared);
  if (!xml.includes("\r")) return xlsx;
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) {
    if (name.endsWith("/")) continue;
    out[name] = name === "xl/sharedStrings.xml" ? strToU8(xml.replace(/\r/gu, "&#13;")) : data;
  }
  return zipSync(out);
}

/** The quotes table as an XLSX workbook. */
export async function writeQuotesXlsx(input: ExportInput): Promise<Written> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Qawl";
  const sheet = workbook.addWorksheet("quotes", { views: [{ rightToLeft: true, state: "frozen", ySplit: 1 }] });
  sheet.columns = QUOTE_COLUMNS.map((key) => ({
    header: key,
    key,
    width:
      key === "quote" || key === "sentence" ? 80 : key === "start" || key === "end" || key === "document_id" ? 8 : 24,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of quoteRows(input)) {
    sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, escapeOoxml(v)])));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    files: [
      {
        path: "quotes.xlsx",
        mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        content: keepCarriageReturns(new Uint8Array(buffer)),
      },
    ],
    report: new LossCollector("quotes-xlsx", quoteTableNotes()).report(),
  };
}
