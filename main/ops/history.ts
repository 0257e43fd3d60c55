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
  );
}

/** `getHistory`, `undo`, `redo`: the history of this client and annotator only. */
export function historyOperations(ops: Ops): Pick<OperationTable, "getHistory" | "undo" | "redo"> {
  return {
    getHistory() {
      return historyView(ops.store.historyState());
    },
    undo() {
      refuseAcross(ops, ops.store.historyState().undo, "undo");
      const undone = historyEntry(ops.store.undo());
      return { undone, history: historyView(ops.store.historyState()) };
    },
    redo() {
      refuseAcross(ops, ops.store.historyState().redo, "redo");
      const redone = historyEntry(ops.store.redo());
      return { redone, history: historyView(ops.store.historyState()) };
    },
  };
}
