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

/** A date anywhere in a line (groups: day, month, other month, year), matched on folded text. */
const DATE_CORE = `(?:(?:${WEEKDAYS.join("|")})\\s*[،,]?\\s*)?(\\d{1,2})\\s+(${monthAlternatives})(?:\\s*/\\s*(${monthAlternatives}))?\\s*[،,]?\\s+(\\d{4})(?!\\d)`;
/** A news agency in parentheses: `(رويترز)`, `(أ ف ب)`, `(واس)`. */
const AGENCY = "\\([^()\\r\\n]{1,30}\\)";
/** The place: one to three words of letters (no digits), optionally followed by a comma. */
const PLACE = "[\\p{L}\\p{M}]+(?:[ \\t]+[\\p{L}\\p{M}]+){0,2}";
const DASH = "[-–—:]";
/**
 * A dateline: the place, an optional agency, then a dash or colon, then the date
 * (`موسكو - 20 يونيو 2019`, `القاهرة (رويترز) - ٢٠ حزيران ٢٠١٩`); or the place, the date, an
 * optional agency, then a dash, colon or the end of the line
 * (`الرياض 5 تشرين الأول 2019 (واس) -`).
 */
const DATELINE = new RegExp(
  `^[ \\t]*${PLACE}[ \\t]*[،,]?[ \\t]*(?:${AGENCY}[ \\t]*)?(?:${DASH}[ \\t]*(${DATE_CORE})|(${DATE_CORE})[ \\t]*(?:${AGENCY}[ \\t]*)?(?:${DASH}|$))`,
  "u",
);
const DATE_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}])${DATE_CORE}`, "u");

/** The ISO date of day, month name(s) and year as matched, or null when it does not exist. */
function isoOf(dayText: string, monthName: string, altMonthName: string | undefined, yearText: string): string | null {
  const month = MONTHS.get(monthName);
  if (month === undefined) return null;
  if (altMonthName !== undefined && MONTHS.get(altMonthName) !== month) return null;
  const day = Number(dayText);
  const year = Number(yearText);
  if (!isExists(year, month - 1, day)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Parse a dateline, the line that opens a news story with its place and date:
 * `موسكو - 20 يونيو 2019`, `القاهرة (رويترز) - ٢٠ حزيران ٢٠١٩`,
 * `الرياض 5 تشرين الأول 2019 (واس) -`. The place is one to three words; an agency in
 * parentheses may follow it or the date; the story may go on after the dash.
 * @param line one line of text, without its line terminator
 * @returns `raw`: the date exactly as written in the line (e.g. `٢٠ حزيران ٢٠١٩`), and its
 *   ISO date; null when the line does not open with a dateline or the day does not exist
 */
export function parseDateline(line: string): PublishedDate | null {
  const m = DATELINE.exec(fold(line));
  if (m === null) return null;
  // Groups 1–5: the date after a dash (whole, day, month, other month, year); 6–10: before it.
  const at = m[1] !== undefined ? 1 : 6;
  const whole = m[at];
  const iso = isoOf(m[at + 1] ?? "", m[at + 2] ?? "", m[at + 3], m[at + 4] ?? "");
  if (whole === undefined || iso === null) return null;
  // Folding keeps every UTF-16 unit in place, so the match's position is the original's.
  const from = m.index + m[0].indexOf(whole);
  return { raw: line.slice(from, from + whole.length), iso };
}

/**
 * Find a date inside a line (the first line of a story's body: `نشر في 20 يونيو 2019`).
 * @param line one line of text
 * @param within the date must start within this many UTF-16 units of the line's start
 * @returns the date exactly as written and its ISO date, or null
 */
export function findDateIn(line: string, within = 80): PublishedDate | null {
  const folded = fold(line);
  const m = DATE_ANYWHERE.exec(folded);
  if (m === null || m.index > within) return null;
  const iso = isoOf(m[1] ?? "", m[2] ?? "", m[3], m[4] ?? "");
  if (iso === null) return null;
  return { raw: line.slice(m.index, m.index + m[0].length), iso };
}

/**
 * Whether `value` is an ISO 8601 calendar date `YYYY-MM-DD` (ASCII digits) naming a day
 * that exists: `2019-06-20` yes, `2019-02-29` and `2019-6-20` no.
 */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (m === null) return false;
  return isExists(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}
