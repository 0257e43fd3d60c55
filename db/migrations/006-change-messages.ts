/**
 * Migration 6: `history.message`, what a change did as data (JSON of a
 * `core/change-message.ts` ChangeMessage), so that the interface words it in its own
 * language; `description` keeps the English wording. NULL for changes recorded before.
 */
export const sql = `
ALTER TABLE history ADD COLUMN message TEXT CHECK (message IS NULL OR json_valid(message));
`;
