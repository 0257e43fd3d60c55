/**
 * The operation table: every operation of `core/contract.ts`, implemented once over a
 * project store, assembled from one module per concern. Hosts (Electron IPC, `qawl serve`,
 * the CLI) call it through `dispatch.ts`, which validates the input first. Every change
 * runs in one transaction; annotation changes are recorded for undo.
 *
 * Offsets in inputs and outputs count code points, end-exclusive.
 */
import type { OperationTable } from "../../core/contract.ts";
import { OPERATION_NAMES, type OperationName } from "../../core/operation-names.ts";
import type { ProjectStore } from "../../db/project.ts";
import { agreementOperations } from "./agreement.ts";
import { Ops, type OperationContext } from "./context.ts";
import { documentOperations } from "./documents.ts";
import { entityOperations } from "./entities.ts";
import { exportOperations } from "./export.ts";
import { feedOperations } from "./feed.ts";
import { goldOperations } from "./gold.ts";
import { historyOperations } from "./history.ts";
import { jobOperations } from "./jobs.ts";
import { labelOperations } from "./labels.ts";
import { propagateOperations } from "./propagate.ts";
import { relationOperations } from "./relations.ts";
import { searchOperations } from "./search.ts";
import { spanOperations } from "./spans.ts";
import { suggestionOperations } from "./suggestions.ts";

export type { OperationContext } from "./context.ts";

/**
 * Build the operation table over an open project.
 * @param store the project
 * @param context the annotator and clock of this host
 */
export function createOperationTable(store: ProjectStore, context: OperationContext): OperationTable {
  const ops = new Ops(store, context);
  const table: OperationTable = {
    ...labelOperations(ops),
    ...documentOperations(ops),
    ...spanOperations(ops),
    ...relationOperations(ops),
    ...goldOperations(ops),
    ...entityOperations(ops),
    ...historyOperations(ops),
    ...suggestionOperations(ops),
    ...propagateOperations(ops),
    ...searchOperations(ops),
    ...exportOperations(ops),
    ...agreementOperations(ops),
    ...jobOperations(),
    ...feedOperations(ops, () => table.getProject({})),
  };
  // Every operation's writes are by the annotator of the call (the host's, or the person
  // signed in to a team server), from the client asking now.
  const client = context.client ?? (() => "local");
  const named = (name: OperationName) => {
    const run = table[name] as (input: unknown) => unknown;
    return (input: unknown) => {
      store.setActor(ops.annotator, client());
      return run(input);
    };
  };
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, named(name)])) as unknown as OperationTable;
}
