/**
 * Hear about writes made elsewhere on an open project: the CLI, a `qawl serve` or another
 * window on the same file. Reads the project's change log (migration 10) every `intervalMs`
 * and calls `onChange` with the records that came from another client, so a host can tell
 * its view (Electron sends `qawl:project-changed`). Plain Node: no Electron here.
 */
import type { ChangeRecord, ChangesSince } from "../core/change-feed.ts";

/** The part of the project store this needs. */
export interface ChangeLog {
  revision: () => number;
  changesSince: (revision: number, limit?: number) => ChangesSince;
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
  let last = log.revision();
  const timer = setInterval(() => {
    const batch = log.changesSince(last);
    if (batch.revision === last) return;
    last = batch.records[batch.records.length - 1]?.revision ?? batch.revision;
    const foreign = batch.records.filter((r) => r.client !== client);
    if (batch.reset || foreign.length > 0) onChange(foreign);
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
