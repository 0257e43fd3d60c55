/**
 * SQLite's SQL, as the store's table modules write it, in PostgreSQL's dialect: parameters
 * (`?` and `@name`) become `$1…`, `json_each` of a JSON array becomes
 * `json_array_elements_text`, `x COLLATE NOCASE` becomes `lower(x)`, and an INSERT returns its row's key (better-sqlite3's
 * `lastInsertRowid`). What no rewrite carries is chosen by dialect in the module that needs
 * it (db/connection.ts).
 */
import { GIVEN_KEYS, IDENTITY_KEYS } from "./schema.ts";

/** A statement ready for `pg`. */
export interface TranslatedStatement {
  /** The SQL text with `$n` parameters. */
  text: string;
  /** The values for `$1…`, from better-sqlite3-style arguments (positional, or one object of named ones). */
  values(args: readonly unknown[]): unknown[];
  /** The key column an INSERT returns, or null. */
  returning: string | null;
  /** For an INSERT that gives an identity key itself: the table, whose sequence must then move past it. */
  givesIdentityOf: string | null;
}

const JSON_EACH = /SELECT value FROM json_each\(([?]|@\w+)\)/gu;
/** SQLite's NOCASE folds ASCII letters only; lower() folds more, which Arabic text does not notice. */
const NOCASE = /([\w.]+) COLLATE NOCASE/gu;

/**
 * Translate one statement.
 * @throws Error when a statement mixes positional and named parameters
 */
export function translate(sql: string): TranslatedStatement {
  const rewritten = sql
    .replace(JSON_EACH, "SELECT value::integer FROM json_array_elements_text(($1)::json) AS value")
    .replace(NOCASE, "lower($1)");
  const names: string[] = [];
  let positional = 0;
  let text = "";
  let quote: string | null = null;
  for (let i = 0; i < rewritten.length; i++) {
    const ch = rewritten[i] ?? "";
    if (quote !== null) {
      text += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      text += ch;
    } else if (ch === "?") {
      positional++;
      text += `$${String(positional)}`;
    } else if (ch === "@" && /\w/u.test(rewritten[i + 1] ?? "")) {
      const name = /^\w+/u.exec(rewritten.slice(i + 1))?.[0] ?? "";
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      text += `$${String(index + 1)}`;
      i += name.length;
    } else {
      text += ch;
    }
  }
  if (positional > 0 && names.length > 0) throw new Error(`mixed parameters in: ${sql}`);
  const insert = /^\s*INSERT INTO (\w+)\s*\(([^)]*)\)/iu.exec(text);
  const table = insert?.[1] ?? null;
  const key = table === null ? null : (IDENTITY_KEYS[table] ?? GIVEN_KEYS[table] ?? null);
  const returning = key !== null && !/\bRETURNING\b/iu.test(text) ? key : null;
  if (returning !== null) text += ` RETURNING "${returning}"`;
  const columns = (insert?.[2] ?? "").split(",").map((c) => c.trim().replaceAll('"', ""));
  const givesIdentityOf =
    table !== null && IDENTITY_KEYS[table] !== undefined && columns.includes(IDENTITY_KEYS[table]) ? table : null;
  return {
    text,
    returning,
    givesIdentityOf,
    values(args) {
      if (names.length > 0) {
        const bound = (args[0] ?? {}) as Record<string, unknown>;
        return names.map((n) => bound[n] ?? null);
      }
      // better-sqlite3 ignores a named-parameter object given to a statement that has none.
      if (positional === 0) return [];
      return args.map((a) => a ?? null);
    },
  };
}
