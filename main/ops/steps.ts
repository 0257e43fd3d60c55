/**
 * Long operations as steps. An operation that reads or writes much (`importDocuments`,
 * `exportDocuments`, `preannotate`) is written as a generator that yields a `Step` between
 * pieces of work and returns its result. A synchronous host runs it to the end at once
 * (`runSteps`); the worker (`main/worker/jobs.ts`) runs it a step at a time, so other
 * operations are answered between steps, progress is reported and a cancel is heard. A
 * generator writes to the store only in its last step (one short transaction), so stopping it
 * before that leaves nothing behind.
 */

/**
 * Where a long operation is: `done` of `total` units of `phase` (`read`: files, `index`:
 * documents folded for search, `write`: documents, `export`, `preannotate`: documents).
 */
export interface Step {
  phase: "read" | "index" | "write" | "export" | "preannotate";
  done: number;
  total: number;
}

/** A long operation: yields steps, returns `T`. */
export type Steps<T> = Generator<Step, T, void>;

/** Run a long operation to its end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}
