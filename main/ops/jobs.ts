/**
 * `cancelJob` where operations run in-process (the CLI, tests): no job runs beside the
 * caller there, so there is never one to stop. The worker (`main/worker/jobs.ts`) replaces it.
 */
import type { OperationTable } from "../../core/contract.ts";

/** `cancelJob`: nothing to cancel in-process. */
export function jobOperations(): Pick<OperationTable, "cancelJob"> {
  return {
    cancelJob() {
      return { cancelled: false };
    },
  };
}
