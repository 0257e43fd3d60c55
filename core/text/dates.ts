/**
 * Dates written in Arabic news datelines, such as `14 مايو 2019`, `١٤ أيار ٢٠١٩`,
 * `الثلاثاء 14 مايو/أيار 2019` or `14 تشرين الأول 2019`.
 *
 * Month names: the Egyptian/Gulf transliterations of the Gregorian months (يناير … ديسمبر)
 * and the Levantine/Iraqi Syriac names (كانون الثاني … كانون الأول), with their common
 * spelling variants (hamza or not, يونيه/يوليه). Digits: ASCII, Arabic-Indic (U+0660–0669)
 * and Extended Arabic-Indic (U+06F0–06F9).
 */
import { isExists } from "date-fns";

/** A published date: the line as written, and the ISO 8601 calendar date (YYYY-MM-DD). */
export interface PublishedDate {
  /** The date line exactly as it appears in the text (not trimmed). */
  raw: string;
  /** ISO 8601 calendar date, e.g. `2019-05-14`. */
  iso: string;
}

/** Month number (1–12) for each month name, written without hamza on alef. */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ["يناير", 1],
  ["فبراير", 2],
  ["مارس", 3],
  ["ابريل", 4],
  ["مايو", 5],
  ["يونيو", 6],
  ["يونيه", 6],
  ["يوليو", 7],
  ["يوليه", 7],
  ["اغسطس", 8],
  ["سبتمبر", 9],
  ["اكتوبر", 10],
  ["نوفمبر", 11],
  ["ديسمبر", 12],
  ["كانون الثاني", 1],
  ["شباط", 2],
  ["اذار", 3],
  ["نيسان", 4],
  ["ايار", 5],
  ["حزيران", 6],
  ["تموز", 7],
  ["اب", 8],
  ["ايلول", 9],
  ["تشرين الاول", 10],
  ["تشرين الثاني", 11],
  ["كانون الاول", 12],
]);

const WEEKDAYS = ["السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة"];

/** Fold alef forms (أ إ آ ٱ) to bare alef and Arabic-Indic digits to ASCII. */
function fold(s: string): string {
  return s
    .replace(/[أإآٱ]/g, "ا")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

const monthAlternatives = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");
/** day, month (optionally `month/ month`), year; an optional weekday and comma before. */
const DATE_LINE = new RegExp(
  `^\\s*(?:(?:${WEEKDAYS.join("|")})\\s*[،,]?\\s*)?(\\d{1,2})\\s+(${monthAlternatives})(?:\\s*/\\s*(${monthAlternatives}))?\\s*[،,]?\\s+(\\d{4})\\s*$`,
  "u",
);

/**
 * Parse a line that holds only a date.
 * @param line one line of text, without its line terminator
 * @returns the raw line and its ISO date, or null when the line is not a date or names a
 *   day that does not exist (31 April) or two different months (`مايو/ حزيران`)
 */
export function parseDateLine(line: string): PublishedDate | null {
  const m = DATE_LINE.exec(fold(line));
  if (m === null) return null;
  const [, dayText, monthName, altMonthName, yearText] = m;
  const month = MONTHS.get(monthName ?? "");
  if (month === undefined) return null;
  if (altMonthName !== undefined && MONTHS.get(altMonthName) !== month) return null;
  const day = Number(dayText);
  const year = Number(yearText);
  if (!isExists(year, month - 1, day)) return null;
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { raw: line, iso };
}
