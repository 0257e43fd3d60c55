/**
 * Input the contract's schemas refuse (core/contract.ts), said in plain words: which field,
 * which rule it breaks and what is allowed. `inputRefusal` turns the first zod issue of an
 * operation's input into the English one-line message for the CLI and the API, and, for a
 * field a person fills in the app, into an `ErrorDetail` of kind `input.invalid` that the
 * interface words in its own language (renderer/i18n/errors.ts).
 *
 * Lengths are counted as the schemas count them: UTF-16 code units of the trimmed value
 * (JavaScript's `length`; the same as characters for Arabic and Latin text).
 */
import { z } from "zod";
import type { ErrorDetail } from "./errors.ts";

/** A field of an operation's input that a person fills in the app. */
export type InputField =
  | "label.name"
  | "label.displayName"
  | "label.key"
  | "label.color"
  | "document.title"
  | "document.date"
  | "document.dateRaw"
  | "document.url"
  | "document.outlet"
  | "document.author"
  | "entity.name"
  | "entity.type"
  | "entity.alias"
  | "entity.aliases"
  | "entity.kbId"
  | "span.note"
  | "search.query"
  | "cue.word"
  | "cue.forms"
  | "cue.participles"
  | "cue.introducers"
  | "cues"
  | "import.encoding";

/**
 * The rule a value breaks. `required`: empty (or only spaces); `max_length`: longer than
 * `limit` characters; `one_line`: holds a line break; `format`: not written as the field
 * must be (a key, a colour, a name in exports, a Wikidata id, an http(s) address, an ISO
 * date: the wording says which); `max_items`/`min_items`: a list with more/fewer than
 * `limit` items.
 */
export type InputRule = "required" | "max_length" | "one_line" | "format" | "max_items" | "min_items";

/** The fields whose `format` rule is a pattern of their own (the wording gives an example). */
const FORMAT_FIELDS: ReadonlySet<InputField> = new Set([
  "label.name",
  "label.key",
  "label.color",
  "entity.kbId",
  "document.url",
  "document.date",
]);

const LABEL_FIELDS: Readonly<Record<string, InputField>> = {
  name: "label.name",
  newName: "label.name",
  displayName: "label.displayName",
  key: "label.key",
  color: "label.color",
};
const DOCUMENT_FIELDS: Readonly<Record<string, InputField>> = {
  title: "document.title",
  date: "document.date",
  dateRaw: "document.dateRaw",
  url: "document.url",
  outlet: "document.outlet",
  author: "document.author",
};
const CUE_LISTS: Readonly<Record<string, InputField>> = {
  forms: "cue.forms",
  participles: "cue.participles",
  introducers: "cue.introducers",
};

/** The field of operation `operation` at `path` (zod's issue path), or null for one no person fills in. */
export function inputField(operation: string, path: readonly PropertyKey[]): InputField | null {
  const [first, second, third, fourth] = path;
  const own = <T>(table: Readonly<Record<string, T>>, key: PropertyKey | undefined): T | null =>
    typeof key === "string" && Object.hasOwn(table, key) ? (table[key] ?? null) : null;
  switch (operation) {
    case "createLabel":
    case "updateLabel":
      return path.length === 1 ? own(LABEL_FIELDS, first) : null;
    case "updateDocument":
      return path.length === 1 ? own(DOCUMENT_FIELDS, first) : null;
    case "createEntity":
    case "updateEntity":
      if (first === "aliases") return path.length === 1 ? "entity.aliases" : "entity.alias";
      if (path.length !== 1) return null;
      return first === "name"
        ? "entity.name"
        : first === "type"
          ? "entity.type"
          : first === "kbId"
            ? "entity.kbId"
            : null;
    case "updateSpan":
      return path.length === 1 && first === "note" ? "span.note" : null;
    case "search":
      return path.length === 1 && first === "query" ? "search.query" : null;
    case "importDocuments":
      return path.length === 1 && first === "encoding" ? "import.encoding" : null;
    case "setCueLemmas":
      if (first !== "cues") return null;
      if (path.length === 1) return "cues";
      if (third === "lemma" && path.length === 3) return "cue.word";
      if (path.length === 3) return own(CUE_LISTS, third);
      return path.length === 4 && own(CUE_LISTS, third) !== null && typeof fourth === "number" && second !== undefined
        ? "cue.word"
        : null;
    default:
      return null;
  }
}

type Invalid = Extract<ErrorDetail, { kind: "input.invalid" }>;

/** The rule, limit and count an issue says of `field`; null when it is not one of the rules above. */
function ruleOf(field: InputField, issue: z.core.$ZodIssue): Omit<Invalid, "kind" | "field"> | null {
  const input: unknown = issue.input;
  const size = typeof input === "string" || Array.isArray(input) ? input.length : null;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return { rule: "required", limit: null, actual: null };
      if (issue.origin === "array") return { rule: "min_items", limit: Number(issue.minimum), actual: size };
      return null;
    case "too_big":
      if (issue.origin === "string") return { rule: "max_length", limit: Number(issue.maximum), actual: size };
      if (issue.origin === "array") return { rule: "max_items", limit: Number(issue.maximum), actual: size };
      return null;
    case "invalid_format":
      return { rule: FORMAT_FIELDS.has(field) ? "format" : "one_line", limit: null, actual: null };
    case "custom":
      return FORMAT_FIELDS.has(field) ? { rule: "format", limit: null, actual: null } : null;
    default:
      return null;
  }
}

const NOUNS: Readonly<Record<InputField, string>> = {
  "label.name": "the name in exports",
  "label.displayName": "the display name",
  "label.key": "the key",
  "label.color": "the colour",
  "document.title": "the title",
  "document.date": "the date",
  "document.dateRaw": "the date as written",
  "document.url": "the URL",
  "document.outlet": "the outlet",
  "document.author": "the author",
  "entity.name": "the entity's name",
  "entity.type": "the entity's type",
  "entity.alias": "an alias",
  "entity.aliases": "aliases",
  "entity.kbId": "the Wikidata id",
  "span.note": "the note",
  "search.query": "the search",
  "cue.word": "a cue word",
  "cue.forms": "forms of a cue",
  "cue.participles": "participles of a cue",
  "cue.introducers": "introducers of a cue",
  cues: "cue lemmas",
  "import.encoding": "the encoding",
};

/** What a field's own format allows, with an example (the `format` rule). */
const FORMATS: Readonly<Partial<Record<InputField, string>>> = {
  "label.key": "a key is one lowercase letter or digit, such as q",
  "label.color": "a colour is # and six hexadecimal digits, such as #6366f1",
  "label.name": "a name in exports is 1 to 40 letters, digits, _ or - (no spaces), such as QUOTE",
  "entity.kbId": "a Wikidata id is Q and a number, such as Q1234",
  "document.url": "a URL starts with http:// or https://, such as https://example.com/news/1",
  "document.date": "a date is written YYYY-MM-DD and must exist, such as 2019-06-20",
};

/**
 * The English sentence for an `input.invalid` detail (lower-case first letter, no final
 * stop: it follows `operation: field: ` in the one-line message).
 */
export function describeInvalidInput(d: Invalid): string {
  const noun = NOUNS[d.field];
  const limit = String(d.limit ?? 0);
  const has = d.actual === null ? "" : ` (it has ${String(d.actual)})`;
  const there = d.actual === null ? "" : ` (there are ${String(d.actual)})`;
  switch (d.rule) {
    case "required":
      return `${noun} is empty`;
    case "max_length":
      return `${noun} is at most ${limit} characters${has}`;
    case "one_line":
      return `${noun} must be one line`;
    case "format":
      return FORMATS[d.field] ?? `${noun} is not written as it must be`;
    case "max_items":
      return `there can be at most ${limit} ${noun}${there}`;
    case "min_items":
      return `there must be at least ${limit} ${noun}`;
  }
}

/**
 * A refusal of an operation's input, from the first issue zod found (parse with
 * `{reportInput: true}` so that the issue holds the value and its length can be told).
 * @param operation the operation's name, e.g. `createLabel`
 * @returns `message`: `operation: path: what is wrong` on one line — the contract's own
 *   wording when its schema gives one, else a plain sentence (never zod's default text);
 *   `detail`: the same as data when a person fills that field in the app, else null
 */
export function inputRefusal(
  operation: string,
  issue: z.core.$ZodIssue | undefined,
): { message: string; detail: ErrorDetail | null } {
  if (issue === undefined) return { message: `${operation}: input: invalid input`, detail: null };
  const where = issue.path.length === 0 ? "input" : issue.path.join(".");
  const field = inputField(operation, issue.path);
  const rule = field === null ? null : ruleOf(field, issue);
  const detail: Invalid | null = field === null || rule === null ? null : { kind: "input.invalid", field, ...rule };
  const fallback = z.locales.en().localeError({ ...issue, input: issue.input } as z.core.$ZodRawIssue);
  const zodDefault = typeof fallback === "string" ? fallback : fallback?.message;
  // The contract's own message when its schema gives one; zod's default only when there is no better.
  const said =
    issue.message !== zodDefault ? issue.message : detail !== null ? describeInvalidInput(detail) : issue.message;
  return { message: `${operation}: ${where}: ${said}`, detail };
}
