/**
 * Migration 9: a document's `outlet` (the newspaper or agency that published it) and
 * `author`, both optional text, next to its title, published date and URL, so that the
 * quotes table can tie a quote to its article and the user can set them (`updateDocument`).
 */
export const sql = `
ALTER TABLE documents ADD COLUMN outlet TEXT;
ALTER TABLE documents ADD COLUMN author TEXT;
`;
