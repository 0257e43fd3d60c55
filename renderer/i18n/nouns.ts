/**
 * Arabic plural forms of the nouns the chrome counts in several places, by CLDR plural
 * category (zero, one, two, few, many, other), for `count()`. A form holds `{n}` where the
 * number goes; the small numbers are said in words.
 */
import type { PluralForms } from "./messages.ts";

/** إشارة: a mention of an entity. */
export const MENTIONS_AR: PluralForms = {
  zero: "لا إشارات",
  one: "إشارة واحدة",
  two: "إشارتان",
  few: "{n} إشارات",
  many: "{n} إشارة",
  other: "{n} إشارة",
};

/** نتيجة: a search hit. */
export const HITS_AR: PluralForms = {
  zero: "لا نتائج",
  one: "نتيجة واحدة",
  two: "نتيجتان",
  few: "{n} نتائج",
  many: "{n} نتيجة",
  other: "{n} نتيجة",
};

/** مقطع: a span. */
export const SPANS_AR: PluralForms = {
  zero: "لا مقاطع",
  one: "مقطع واحد",
  two: "مقطعان",
  few: "{n} مقاطع",
  many: "{n} مقطعًا",
  other: "{n} مقطع",
};

/** اقتراح للمراجعة: a suggestion left to review. */
export const TO_REVIEW_AR: PluralForms = {
  zero: "لا اقتراحات للمراجعة",
  one: "اقتراح واحد للمراجعة",
  two: "اقتراحان للمراجعة",
  few: "{n} اقتراحات للمراجعة",
  many: "{n} اقتراحًا للمراجعة",
  other: "{n} اقتراح للمراجعة",
};

/** اقتراح: a suggestion (accepted or rejected). */
export const SUGGESTIONS_AR: PluralForms = {
  zero: "لا اقتراحات",
  one: "اقتراح واحد",
  two: "اقتراحين",
  few: "{n} اقتراحات",
  many: "{n} اقتراحًا",
  other: "{n} اقتراح",
};

/** وثيقة: a document. */
export const DOCUMENTS_AR: PluralForms = {
  zero: "لا وثائق",
  one: "وثيقة واحدة",
  two: "وثيقتين",
  few: "{n} وثائق",
  many: "{n} وثيقة",
  other: "{n} وثيقة",
};
