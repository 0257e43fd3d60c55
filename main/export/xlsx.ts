/**
 * The quotes table as XLSX (Office Open XML), written with exceljs (npm's `xlsx` package is
 * stuck at an old, vulnerable version). Right-to-left sheet, one row a quote.
 */
import ExcelJS from "exceljs";
import { LossCollector, type ExportInput, type Written } from "../../core/formats/export-types.ts";
import { QUOTE_COLUMNS, quoteRows, quoteTableNotes } from "../../core/formats/quotes-table.ts";

/** The quotes table as an XLSX workbook. */
export async function writeQuotesXlsx(input: ExportInput): Promise<Written> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Qawl";
  const sheet = workbook.addWorksheet("quotes", { views: [{ rightToLeft: true, state: "frozen", ySplit: 1 }] });
  sheet.columns = QUOTE_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key === "quote" ? 80 : key === "start" || key === "end" ? 8 : 24,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of quoteRows(input)) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    files: [
      {
        path: "quotes.xlsx",
        mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        content: new Uint8Array(buffer),
      },
    ],
    report: new LossCollector("quotes-xlsx", quoteTableNotes()).report(),
  };
}
