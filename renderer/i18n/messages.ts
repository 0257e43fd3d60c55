/**
 * Messages of the chrome in English and Arabic. Each component defines its own with
 * `defineMessages`; the Arabic table must have every key the English one has (checked by
 * the type checker). A message is a string with `{name}` placeholders, or a function of its
 * parameters (for plurals: `count` chooses the form by `Intl.PluralRules`, CLDR).
 */
import { locale, type Locale } from "./locale.ts";

/** Parameters of a message. */
export type Params = Record<string, string | number>;
/** A message: text with `{name}` placeholders, or built from its parameters. */
export type Message = string | ((params: Params) => string);

/**
 * The messages of one part of the chrome.
 * @returns `t(key, params)`: the message in the interface language, placeholders filled
 */
export function defineMessages<K extends string>(tables: {
  en: Record<K, Message>;
  ar: Record<K, Message>;
}): (key: K, params?: Params) => string {
  return (key, params = {}) => {
    const message: Message = tables[locale()][key];
    const text: string = typeof message === "function" ? message(params) : message;
    return text.replace(/\{(\w+)\}/gu, (whole: string, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}

/** Plural forms of a word, by CLDR plural category (Arabic has all six). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * `n` with the right plural form for the interface language: `count(3, {one: "quote",
 * other: "quotes"})` → `3 quotes`. A form that holds `{n}` gets the number there. An
 * English form without it gets the number before it; an Arabic form without it is used as
 * written, since Arabic names small numbers in words (`لا نتائج`, `اقتباس واحد`, `اقتباسان`).
 */
export function count(n: number, forms: PluralForms): string {
  const l = locale();
  let r = rules.get(l);
  if (r === undefined) {
    r = new Intl.PluralRules(l);
    rules.set(l, r);
  }
  const form = forms[r.select(n)] ?? forms.other;
  const number = n.toLocaleString(l === "ar" ? "ar-u-nu-latn" : "en");
  if (form.includes("{n}")) return form.replace("{n}", number);
  return l === "ar" ? form : `${number} ${form}`;
}
