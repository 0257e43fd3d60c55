/**
 * Who may do what on a team server (`qawl serve --team`, ARCHITECTURE.md §12): the roles,
 * the operations each may call, and the access a signed-in person's call carries into the
 * operation table.
 *
 * - **admin**: everything, and the accounts and assignments (`qawl team`).
 * - **curator**: every operation: imports, the schema, every layer, gold, agreement, exports.
 * - **annotator**: reads and annotates the documents assigned to them, in their own layer
 *   only (with the server's `--blind`, seeing no other layer until a curator adjudicates);
 *   they may suggest a name's other occurrences (the app does after each name), but neither
 *   import, delete, export, score, adjudicate nor change the schema or the cue list.
 */
import type { OperationName } from "./operation-names.ts";

/** The roles, from most to least trusted. */
export const ROLES = ["admin", "curator", "annotator"] as const;

/** A team member's role. */
export type Role = (typeof ROLES)[number];

/** The operations an annotator may call; admins and curators may call every one. */
export const ANNOTATOR_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  "getProject",
  "listDocuments",
  "getDocument",
  "setDocumentStatus",
  "createSpan",
  "updateSpan",
  "deleteSpan",
  "createRelation",
  "deleteRelation",
  "carryOverSpeaker",
  "listEntities",
  "getEntity",
  "createEntity",
  "updateEntity",
  "entityCandidates",
  "getHistory",
  "changesSince",
  "undo",
  "redo",
  "reviewSuggestions",
  "propagateNames",
  "getCueLemmas",
  "search",
  "cancelJob",
]);

/** Whether `role` may call `operation`. */
export function mayCall(role: Role, operation: OperationName): boolean {
  return role !== "annotator" || ANNOTATOR_OPERATIONS.has(operation);
}

/** What one call of a signed-in person carries into the operation table. */
export interface Access {
  /** Their account name, which is their annotator name and layer. */
  annotator: string;
  role: Role;
  /** The documents assigned to them (ids), or null when they may see every document. */
  documents: readonly number[] | null;
  /** An annotator sees their own layer only (the server's `--blind`). */
  blind: boolean;
}

/**
 * Documents for a set of annotators with a share read by more than one, for agreement:
 * each document goes to one annotator in turn, and `overlap` of them (rounded up) to two.
 * @param documentIds the documents, in the order to hand them out
 * @param annotators at least one name
 * @param overlap 0–1: the share of documents annotated twice
 * @returns for each annotator, their document ids in order
 * @throws RangeError when there is no annotator or overlap is outside 0–1
 */
export function assignDocuments(
  documentIds: readonly number[],
  annotators: readonly string[],
  overlap: number,
): Map<string, number[]> {
  if (annotators.length === 0) throw new RangeError("assign to at least one annotator");
  if (!(overlap >= 0 && overlap <= 1)) throw new RangeError(`overlap ${String(overlap)} is not between 0 and 1`);
  const shared = annotators.length < 2 ? 0 : Math.ceil(documentIds.length * overlap);
  const result = new Map(annotators.map((a) => [a, [] as number[]]));
  documentIds.forEach((id, i) => {
    const first = i % annotators.length;
    result.get(annotators[first] ?? "")?.push(id);
    if (i < shared) result.get(annotators[(first + 1) % annotators.length] ?? "")?.push(id);
  });
  return result;
}
