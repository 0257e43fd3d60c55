/**
 * The default cue list as SQL INSERTs into `cue_lemmas` (migration 5 on SQLite, and the
 * PostgreSQL schema, db/postgres/schema.ts): one statement per lemma of `DEFAULT_CUES`.
 */
import { DEFAULT_CUES } from "../../core/preannotate/cues.ts";

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The INSERT statements, one a line, in the list's order (`position` 0, 1, …). */
export function cueSeedSql(): string {
  return DEFAULT_CUES.map(
    (c, i) =>
      `INSERT INTO cue_lemmas (lemma, kind, forms, participles, introducers, position) VALUES (${[
        literal(c.lemma),
        literal(c.kind),
        literal(JSON.stringify(c.forms)),
        literal(JSON.stringify(c.participles)),
        literal(JSON.stringify(c.introducers)),
        String(i),
      ].join(", ")});`,
  ).join("\n");
}
