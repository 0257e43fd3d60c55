/** Undo and redo of annotation changes, kept in the project so they survive a restart. */
import type { OperationTable } from "../../core/contract.ts";
import type { Ops } from "./context.ts";
import { historyEntry, historyView } from "./views.ts";

/** `getHistory`, `undo`, `redo`. */
export function historyOperations(ops: Ops): Pick<OperationTable, "getHistory" | "undo" | "redo"> {
  return {
    getHistory() {
      return historyView(ops.store.historyState());
    },
    undo() {
      const undone = historyEntry(ops.store.undo());
      return { undone, history: historyView(ops.store.historyState()) };
    },
    redo() {
      const redone = historyEntry(ops.store.redo());
      return { redone, history: historyView(ops.store.historyState()) };
    },
  };
}
