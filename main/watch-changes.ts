/**
 * Hear about writes made elsewhere on an open project: the CLI, a `qawl serve` or another
 * window on the same file. Reads the project's change log (migration 10) every `intervalMs`
 * and calls `onChange` with the records that came from another client, so a host can tell
 * its view (Electron sends `qawl:project-changed`). The log is the store on this thread or,
 * with the project in a worker, its `changesSince` operation (`changesThroughWorker`), so
 * reading it may take a turn of the event loop. Plain Node: no Electron here.
 */
import type { ChangeRecord, ChangesSince } from "../core/change-feed.ts";
import type { OperationInput, OperationOutputs, Reply } from "../core/contract.ts";

/** The part of the project store (or of its worker) this needs. */
export interface ChangeLog {
  changesSince: (revision: number, limit?: number) => ChangesSince | Promise<ChangesSince>;
}

/** Something that runs operations for a client (the project's `TableWorker`). */
export interface ChangesCaller {
  run: (
    name: "changesSince",
    input: OperationInput<"changesSince">,
    client: string,
  ) => Promise<Reply<OperationOutputs["changesSince"]>>;
}

/**
 * The change log read through a worker's `changesSince` operation.
 * @param client the client name the reads are made as
 */
export function changesThroughWorker(worker: ChangesCaller, client: string): ChangeLog {
  return {
    changesSince: async (since, limit) => {
      const reply = await worker.run("changesSince", { since, ...(limit !== undefined ? { limit } : {}) }, client);
      if (!reply.ok) throw new Error(`changesSince: ${reply.error.message}`);
      return reply.value;
    },
  };
}

/**
 * Watch the log for records of other clients.
 * @param client this host's client name (its own records are not reported)
 * @param onChange called with the new foreign records (or an empty list when the log was trimmed past them)
 * @returns stop watching
 */
export function watchForeignChanges(
  log: ChangeLog,
  client: string,
  onChange: (records: ChangeRecord[]) => void,
  intervalMs = 300,
): () => void {
  // The revision now: at once from a store on this thread, so that no later write is missed.
  const now = log.changesSince(Number.MAX_SAFE_INTEGER, 0);
  let last: number | null = now instanceof Promise ? null : now.revision;
  if (now instanceof Promise) {
    void now.then((batch) => {
      last ??= batch.revision;
    });
  }
  let reading = false;
  let stopped = false;
  const read = async () => {
    if (reading) return;
    reading = true;
    try {
      if (last === null) return;
      const batch = await log.changesSince(last);
      if (stopped || batch.revision === last) return;
      last = batch.records[batch.records.length - 1]?.revision ?? batch.revision;
      const foreign = batch.records.filter((r) => r.client !== client);
      if (batch.reset || foreign.length > 0) onChange(foreign);
    } catch {
      // The log could not be read (the project closing): the next tick tries again.
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(() => {
    void read();
  }, intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
