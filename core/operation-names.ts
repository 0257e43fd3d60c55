/**
 * The names of every operation of the table, with no dependencies, so that Electron's
 * sandboxed preload can expose exactly these (and nothing else) to the page.
 * `contract.ts` checks at compile time that it declares one schema per name.
 */
export const OPERATION_NAMES = [
  "getProject",
  "listDocuments",
  "getDocument",
  "importDocuments",
  "setDocumentStatus",
  "updateDocument",
  "deleteDocuments",
  "createSpan",
  "updateSpan",
  "deleteSpan",
  "createRelation",
  "deleteRelation",
  "carryOverSpeaker",
  "copyToGold",
  "listEntities",
  "getEntity",
  "createEntity",
  "updateEntity",
  "mergeEntities",
  "entityCandidates",
  "createLabel",
  "updateLabel",
  "getHistory",
  "changesSince",
  "undo",
  "redo",
  "preannotate",
  "reviewSuggestions",
  "getCueLemmas",
  "setCueLemmas",
  "propagateNames",
  "search",
  "exportDocuments",
  "agreement",
  "cancelJob",
] as const;

/** The name of one operation. */
export type OperationName = (typeof OPERATION_NAMES)[number];
