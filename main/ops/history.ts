/** Undo and redo of annotation changes, kept in the project so they survive a restart. */
import type { OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import type { HistoryRow } from "../../db/project.ts";
import type { Ops } from "./context.ts";
import { historyEntry, historyView } from "./views.ts";

/**
 * Refuse to undo or redo `entry` across a later change of another client or annotator that
 * touched the same rows.
 * @throws QawlError (`conflict`) naming both changes
 */
function refuseAcross(ops: Ops, entry: HistoryRow | null, direction: "undo" | "redo"): void {
  if (entry === null) return;
  const later = ops.store.builtOnBy(entry.id);
  if (later === null) return;
  throw new QawlError(
    "conflict",
    `cannot ${direction} "${entry.description}": "${later.description}" was made on it since, elsewhere`,
    { kind: "history.built_on", direction, description: later.description, change: later.message },
  );
}

/**
 * Refuse to undo or redo `entry` when its rows cannot be put back on the project as it is
 * now: a row they refer to was deleted since (perhaps in another window), an id was taken
 * again, or a deleted document's text was imported again.
 * @throws QawlError (`conflict`) with the reason as `detail`
 */
function refuseObstacle(ops: Ops, entry: HistoryRow | null, direction: "undo" | "redo"): void {
  if (entry === null) return;
  const obstacle = ops.store.restoreObstacle(entry.id, direction);
  if (obstacle === null) return;
  const what = `cannot ${direction} "${entry.description}"`;
  switch (obstacle.kind) {
    case "gone":
      throw new QawlError("conflict", `${what}: ${obstacle.what} ${String(obstacle.id)} was deleted since`, {
        kind: "gone",
        what: obstacle.what,
        id: obstacle.id,
      });
    case "taken":
      throw new QawlError(
        "conflict",
        `${what}: ${obstacle.what.replace("_", " ")} ${String(obstacle.id)} was made again since`,
        { kind: "history.taken", direction },
      );
    case "text_again":
      throw new QawlError("conflict", `${what}: its text is in the project again, as document ${String(obstacle.by)}`, {
        kind: "history.text_again",
        documentId: obstacle.documentId,
        by: obstacle.by,
      });
  }
}

/** `getHistory`, `undo`, `redo`: the history of this client and annotator only. */
export function historyOperations(ops: Ops): Pick<OperationTable, "getHistory" | "undo" | "redo"> {
  return {
    getHistory() {
      return historyView(ops.store.historyState());
    },
    undo() {
      refuseAcross(ops, ops.store.historyState().undo, "undo");
      refuseObstacle(ops, ops.store.historyState().undo, "undo");
      const undone = historyEntry(ops.store.undo());
      return { undone, history: historyView(ops.store.historyState()) };
    },
    redo() {
      refuseAcross(ops, ops.store.historyState().redo, "redo");
      refuseObstacle(ops, ops.store.historyState().redo, "redo");
      const redone = historyEntry(ops.store.redo());
      return { redone, history: historyView(ops.store.historyState()) };
    },
  };
}
