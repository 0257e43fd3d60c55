/**
 * Dates typed as text, `YYYY-MM-DD` (ISO 8601 calendar date), in place of `<input
 * type=date>`: Chromium draws a date input in the browser's own locale (mm/dd/yyyy under
 * an English browser), whatever the page's or the input's `lang`, so an Arabic interface
 * would show the American order. A text field reads the same in both interface languages,
 * with its format said next to it; Arabic-Indic digits (٠–٩, ۰–۹) typed in it count as 0–9.
 */
import { defineMessages } from "./i18n/messages.ts";

/** What a date field's `pattern` attribute accepts: four, two and two digits (either script). */
export const DATE_PATTERN = "[0-9٠-٩۰-۹]{4}-[0-9٠-٩۰-۹]{2}-[0-9٠-٩۰-۹]{2}";

const t = defineMessages({
  en: { placeholder: "YYYY-MM-DD", hint: "Written YYYY-MM-DD, such as 2019-06-20." },
  ar: {
    // Left marks first and around each hyphen: the line runs left to right, so the three
    // words stand where the digits are typed (year on the left, as in 2019-06-20).
    placeholder: "\u200eسنة\u200e-\u200eشهر\u200e-\u200eيوم",
    hint: "بالشكل \u2066YYYY-MM-DD\u2069، مثل \u20662019-06-20\u2069.",
  },
});

/** The placeholder of a date field in the interface language (year, month, day, left to right). */
export function datePlaceholder(): string {
  return t("placeholder");
}

/** The format of a date field said in the interface language, with an example. */
export function dateHint(): string {
  return t("hint");
}

/**
 * A date field's text as sent to the API: trimmed, Arabic-Indic and Persian digits made
 * ASCII. Not checked here (the `updateDocument` operation refuses a day that does not exist).
 */
export function typedDate(text: string): string {
  return text.trim().replace(/[٠-٩۰-۹]/gu, (d) => String((d.codePointAt(0) ?? 0) % 16));
}

/** Whether `text` (as `typedDate` gives it) is a whole `YYYY-MM-DD`, e.g. to filter on. */
export function isWholeDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/u.test(text);
}
