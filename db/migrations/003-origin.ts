/**
 * Migration 3: where a document came from, when that matters for writing it back
 * (`documents.origin`, JSON): for a CoNLL file, its dialect, tokens and non-token lines; for
 * an HTML page, the sanitized page. Null for plain text.
 */
export const sql = `
ALTER TABLE documents ADD COLUMN origin TEXT;
`;
