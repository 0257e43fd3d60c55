/**
 * Progress of a long operation (an import, an export), as hosts push it to views: Electron's
 * `qawl:progress` IPC event and `qawl serve`'s `event: progress` on the change stream. A job
 * reports `phase` by phase; its last event has `done === total` of its last phase, or
 * `ended` set when it stopped (cancelled or refused). `cancelJob({job})` stops it.
 */

/** Operations that run as jobs. */
export type JobOperation = "importDocuments" | "exportDocuments" | "preannotate";

/** One progress event of a job. */
export interface JobProgress {
  /** The job's id (letters and digits), for `cancelJob`. */
  job: string;
  operation: JobOperation;
  /** The client that started it (a tab's id, `desktop`, `cli`). */
  client: string;
  /**
   * `read`: files read; `index`: documents prepared for the search index; `write`: documents
   * being stored (one transaction); `export`, `preannotate`: documents.
   */
  phase: "read" | "index" | "write" | "export" | "preannotate";
  done: number;
  total: number;
  /** Set on a job's last event when it did not finish: `cancelled`, or `failed` (refused). */
  ended?: "cancelled" | "failed" | "finished";
}
