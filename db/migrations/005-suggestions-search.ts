/**
 * Migration 5: suggestions, the cue list, and search.
 * - `spans.suggested_by`: who suggested a span that nobody has reviewed yet (`rules`: the
 *   quote pre-annotator; `propagation`: another occurrence of a known name); NULL once
 *   accepted, and for every span a person made. A relation is a suggestion when the span it
 *   starts at is one.
 * - `cue_lemmas`: the project's editable list of reporting cues (see `core/preannotate/cues.ts`),
 *   filled with the default list.
 * - `text_search`: an FTS5 index (trigram tokenizer, so that a name is found inside a word
 *   with attached proclitics) over a folded shadow of each document's text
 *   (`core/text/normalize.ts`); the rowid is the document id. The store fills it, since the
 *   folding is not SQL (https://sqlite.org/fts5.html#the_trigram_tokenizer).
 */
import { cueSeedSql } from "./cue-seed.ts";

export const sql = `
ALTER TABLE spans ADD COLUMN suggested_by TEXT CHECK (suggested_by IN ('rules', 'propagation'));
CREATE INDEX spans_suggested ON spans (document_id) WHERE suggested_by IS NOT NULL;

CREATE TABLE cue_lemmas (
  id INTEGER PRIMARY KEY,
  lemma TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('speech', 'source')),
  forms TEXT NOT NULL,
  participles TEXT NOT NULL DEFAULT '[]',
  introducers TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL
);
${cueSeedSql()}

CREATE VIRTUAL TABLE text_search USING fts5 (folded, tokenize = 'trigram');
`;
