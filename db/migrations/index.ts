/**
 * The ordered list of schema migrations. Migration `n` (1-based) moves a project from
 * `PRAGMA user_version = n - 1` to `n`. Never edit a migration that has shipped; add one.
 */
import { sql as initial } from "./001-initial.ts";
import { sql as attribution } from "./002-attribution.ts";
import { sql as origin } from "./003-origin.ts";
import { sql as exportCache } from "./004-export-cache.ts";
import { sql as suggestionsSearch } from "./005-suggestions-search.ts";
import { sql as changeMessages } from "./006-change-messages.ts";
import { sql as rejections } from "./007-rejections.ts";
import { sql as documentIds } from "./008-document-ids.ts";
import { sql as documentMetadata } from "./009-document-metadata.ts";
import { sql as changeLog } from "./010-change-log.ts";
import { sql as idsNeverReused } from "./011-ids-never-reused.ts";

/** SQL of each migration, in order. */
export const MIGRATIONS: readonly string[] = [
  initial,
  attribution,
  origin,
  exportCache,
  suggestionsSearch,
  changeMessages,
  rejections,
  documentIds,
  documentMetadata,
  changeLog,
  idsNeverReused,
];
