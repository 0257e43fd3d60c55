/**
 * Long operations as jobs, in the thread that holds the project (the worker,
 * `table-worker.ts`): `importDocuments` runs a file a step (`main/ops/import-steps.ts`) and
 * gives the thread back to its message loop every few milliseconds, so other operations (a
 * `createSpan` from the article view) are answered while it reads; its writes are one
 * transaction at the end; `preannotate` runs the rules a document a step and writes in its
 * last. Each job reports `JobProgress` (`core/jobs.ts`) and can be
 * stopped by `cancelJob` or by a flag the host thread sets in shared memory, heard between
 * steps; a stopped job has written nothing and answers `conflict` ("cancelled").
 */
import type { Access } from "../../core/team.ts";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { OperationInput, OperationTable } from "../../core/contract.ts";
import { QawlError } from "../../core/errors.ts";
import type { JobOperation, JobProgress } from "../../core/jobs.ts";
import type { ProjectStore } from "../../db/project.ts";
import { Ops, type OperationContext } from "../ops/context.ts";
import { importSteps } from "../ops/import-steps.ts";
import { preannotateSteps } from "../ops/suggestions.ts";
import { exportSteps } from "../ops/export.ts";
import { writeOffThread } from "./write-off-thread.ts";
import type { Step, Steps } from "../ops/steps.ts";

/** Longest stretch a job runs without giving the thread back, in milliseconds. */
const SLICE_MS = 8;
/** Least time between two progress events of a job (its last steps are always sent), in milliseconds. */
const REPORT_MS = 100;

/** What the jobs need from their host. */
export interface JobHost {
  store: ProjectStore;
  context: OperationContext;
  /** Told each progress event. */
  onProgress: (progress: JobProgress) => void;
  /** The client of the call being answered now. */
  client: () => string;
  /** Make `client` the client of the call being answered (a job's, when it ends). */
  setClient: (client: string) => void;
  /** The team server's access of the call being answered now (core/team.ts); none elsewhere. */
  access?: () => Access | null;
  /** Make `access` the access of the call being answered (a job's, while its steps run). */
  setAccess?: (access: Access | null) => void;
  /**
   * Cancel flags shared with the host thread: job `n` is cancelled when
   * `flags[n % flags.length]` is not 0 (`cancelSlot`).
   */
  flags?: Int32Array;
}

/** The slot of job `job` in a host's cancel flags. */
export function cancelSlot(job: string, flags: Int32Array): number {
  return Number(job) % flags.length;
}

/** The jobs of one project thread. */
export class JobRunner {
  readonly #host: JobHost;
  readonly #ops: Ops;
  readonly #running = new Map<string, { cancelled: boolean; abort: AbortController }>();
  /** The last jobs that ended cancelled (a cancel that reached them by the shared flag first). */
  readonly #cancelledJobs: string[] = [];
  #last = 0;

  constructor(host: JobHost) {
    this.#host = host;
    this.#ops = new Ops(host.store, host.context);
  }

  /**
   * `table` with its long operations run as jobs and `cancelJob` answered.
   * `importDocuments` and `exportDocuments` then return promises (dispatch awaits them).
   */
  table(table: OperationTable): OperationTable {
    return {
      ...table,
      importDocuments: ((input: OperationInput<"importDocuments">) =>
        this.#run("importDocuments", importSteps(this.#ops, input))) as unknown as OperationTable["importDocuments"],
      exportDocuments: (input) => {
        // Read here in one transaction, written on a thread of its own: this thread answers
        // other calls meanwhile, and a cancel terminates the writing.
        const abort = new AbortController();
        return this.#run("exportDocuments", exportSteps(this.#ops, input, writeOffThread(abort.signal)), abort);
      },
      preannotate: ((input: OperationInput<"preannotate">) =>
        this.#run("preannotate", preannotateSteps(this.#ops, input))) as unknown as OperationTable["preannotate"],
      cancelJob: ({ job }) => ({ cancelled: this.cancel(job) }),
    };
  }

  /**
   * Tell a running job to stop at its next step.
   * @returns whether a job of that id was running
   */
  cancel(job: string): boolean {
    const running = this.#running.get(job);
    if (running === undefined) return this.#cancelledJobs.includes(job);
    running.cancelled = true;
    running.abort.abort();
    return true;
  }

  #cancelled(job: string): boolean {
    const flags = this.#host.flags;
    return (
      this.#running.get(job)?.cancelled === true ||
      (flags !== undefined && Atomics.load(flags, cancelSlot(job, flags)) !== 0)
    );
  }

  /** Run a job's steps, giving the thread back between them. */
  /**
   * @param abort aborted on a cancel (a job whose last step runs elsewhere stops it with this)
   */
  async #run<T>(operation: JobOperation, steps: Steps<T>, abort = new AbortController()): Promise<Awaited<T>> {
    const job = String(++this.#last);
    const client = this.#host.client();
    const access = this.#host.access?.() ?? null;
    const resume = () => {
      this.#host.setClient(client);
      this.#host.setAccess?.(access);
    };
    const flags = this.#host.flags;
    if (flags !== undefined) Atomics.store(flags, cancelSlot(job, flags), 0);
    this.#running.set(job, { cancelled: false, abort });
    const report = (step: Step, ended?: JobProgress["ended"]) => {
      this.#host.onProgress({ job, operation, client, ...step, ...(ended !== undefined ? { ended } : {}) });
    };
    let step: Step | null = null;
    let reportedAt = 0;
    let slice = performance.now();
    try {
      for (;;) {
        if (this.#cancelled(job)) {
          steps.return(undefined as never);
          const what = { importDocuments: "import", exportDocuments: "export", preannotate: "pre-annotation" }[
            operation
          ];
          throw new QawlError("conflict", `${what} cancelled; nothing was written`, {
            kind: "job.cancelled",
            operation,
          });
        }
        // Other calls ran since the last step: this job's writes are by its own caller.
        this.#host.store.setActor(access?.annotator ?? this.#host.context.annotator, client);
        resume();
        const next = steps.next();
        if (next.done === true) {
          const value = await next.value;
          if (step !== null) report({ ...step, done: step.total }, "finished");
          resume();
          return value;
        }
        step = next.value;
        const now = performance.now();
        if (now - reportedAt >= REPORT_MS || step.done === step.total || step.done === 0) {
          report(step);
          reportedAt = now;
        }
        if (now - slice >= SLICE_MS) {
          await nextTurn();
          slice = performance.now();
        }
      }
    } catch (e) {
      const cancelled = this.#cancelled(job);
      if (cancelled && this.#cancelledJobs.push(job) > 16) this.#cancelledJobs.shift();
      report(step ?? { phase: "read", done: 0, total: 0 }, cancelled ? "cancelled" : "failed");
      resume();
      throw e;
    } finally {
      this.#running.delete(job);
    }
  }
}
