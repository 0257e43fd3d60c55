/**
 * Migration 7: `rejected_suggestions`, the suggestions an annotator rejected (a label on an
 * extent of a document, code points, end-exclusive), so that pre-annotation and name
 * propagation never suggest them again. Rejecting is a step of the undo history; undoing
 * it forgets the rejection.
 */
export const sql = `
CREATE TABLE rejected_suggestions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  label_id INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  UNIQUE (document_id, label_id, start, "end")
);
`;
