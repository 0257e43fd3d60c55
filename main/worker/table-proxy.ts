/**
 * The operation table in a worker thread, seen from the host's thread (Electron's main
 * process, `qawl serve`): `call(name, input, client)` answers what `dispatch(table, name,
 * input)` would, as a promise, while this thread stays free. The worker (`table-worker.ts`)
 * holds the project; long operations there run as jobs that report progress (`onProgress`)
 * and stop on `cancel` (a flag in shared memory, heard between steps even while the worker is
 * busy) or on the `cancelJob` operation.
 */
import { Worker } from "node:worker_threads";
import type { OperationInput, OperationOutputs, Reply } from "../../core/contract.ts";
import { QawlError, type QawlErrorCode } from "../../core/errors.ts";
import type { JobProgress } from "../../core/jobs.ts";
import type { OperationName } from "../../core/operation-names.ts";
import type { Access } from "../../core/team.ts";
import { cancelSlot } from "./jobs.ts";
import type { AnyReply, FromWorker, ToWorker, WorkerStart } from "./protocol.ts";

/** How many jobs' cancel flags the shared memory holds (job n uses slot n mod this). */
const FLAG_SLOTS = 64;

/** How to open the project in the worker. */
export interface TableWorkerOptions {
  /** Project file; the default project when absent. */
  project?: string | undefined;
  /** Import the sample article when this creates the default project. */
  seedSampleOnFirstRun?: boolean;
  /** Refuse, rather than create, a project file that does not exist. */
  mustExist?: boolean;
  /** The annotator of every write. */
  annotator: string;
}

/** The operation table running in a worker thread. */
export class TableWorker {
  /** The project file's absolute path. */
  readonly path: string;
  /** Whether opening created the file. */
  readonly created: boolean;
  readonly #worker: Worker;
  readonly #flags: Int32Array;
  readonly #pending = new Map<number, (reply: AnyReply) => void>();
  readonly #listeners = new Set<(progress: JobProgress) => void>();
  #next = 0;
  #stopped: string | null = null;
  #closed: Promise<void> | null = null;

  private constructor(worker: Worker, flags: Int32Array, path: string, created: boolean) {
    this.#worker = worker;
    this.#flags = flags;
    this.path = path;
    this.created = created;
    worker.on("message", (message: FromWorker) => {
      if (message.type === "reply") {
        const resolve = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        resolve?.(message.reply);
      } else if (message.type === "progress") {
        for (const listener of this.#listeners) listener(message.progress);
      }
    });
    const stop = (why: string) => {
      this.#stopped ??= why;
      for (const resolve of this.#pending.values()) {
        resolve({ ok: false, error: { code: "internal", message: `the project's worker stopped: ${why}` } });
      }
      this.#pending.clear();
    };
    worker.on("error", (e: Error) => {
      stop(e.message);
    });
    worker.on("exit", (code) => {
      stop(`exit ${String(code)}`);
    });
  }

  /**
   * Start a worker and open the project in it.
   * @throws QawlError (its code from the worker) when the project cannot be opened
   */
  static async start(options: TableWorkerOptions): Promise<TableWorker> {
    const flags = new SharedArrayBuffer(4 * FLAG_SLOTS);
    const start: WorkerStart = {
      annotator: options.annotator,
      flags,
      ...(options.project !== undefined ? { project: options.project } : {}),
      ...(options.seedSampleOnFirstRun !== undefined ? { seedSampleOnFirstRun: options.seedSampleOnFirstRun } : {}),
      ...(options.mustExist !== undefined ? { mustExist: options.mustExist } : {}),
    };
    // This folder's worker in the running flavour (.ts from sources, .js built), as main/import/extract.ts.
    const ext = import.meta.url.endsWith(".ts") ? "ts" : "js";
    const worker = new Worker(new URL(`./table-worker.${ext}`, import.meta.url), { workerData: start });
    const first = await new Promise<FromWorker>((resolve, reject) => {
      const onError = (e: Error) => {
        reject(e);
      };
      worker.once("error", onError);
      worker.once("message", (message: FromWorker) => {
        worker.off("error", onError);
        resolve(message);
      });
    });
    if (first.type === "failed") {
      await worker.terminate();
      const code: QawlErrorCode = first.code === "not_found" || first.code === "conflict" ? first.code : "bad_input";
      throw new QawlError(code, first.message);
    }
    if (first.type !== "ready") {
      await worker.terminate();
      throw new Error(`the project's worker said ${first.type} first`);
    }
    return new TableWorker(worker, new Int32Array(flags), first.path, first.created);
  }

  /**
   * Run operation `name` with an untrusted `input` for `client` (a tab's id, `desktop`),
   * as `dispatch` would; on a team server, by the person `access` names.
   * @returns the reply envelope; never rejects (a stopped worker answers `internal`)
   */
  call(name: unknown, input: unknown, client: string, access: Access | null = null): Promise<AnyReply> {
    if (this.#stopped !== null) {
      return Promise.resolve({
        ok: false,
        error: { code: "internal", message: `the project's worker stopped: ${this.#stopped}` },
      });
    }
    const id = ++this.#next;
    return new Promise<AnyReply>((resolve) => {
      this.#pending.set(id, resolve);
      if (name === "cancelJob" && typeof input === "object" && input !== null && "job" in input) {
        const job = input.job;
        if (typeof job === "string" && /^\d{1,15}$/u.test(job)) this.cancel(job);
      }
      const message: ToWorker = { type: "call", id, name, input, client, access };
      this.#worker.postMessage(message);
    });
  }

  /** `call` with a typed input and output. */
  async run<K extends OperationName>(
    name: K,
    input: OperationInput<K>,
    client: string,
  ): Promise<Reply<OperationOutputs[K]>> {
    return (await this.call(name, input, client)) as Reply<OperationOutputs[K]>;
  }

  /**
   * Stop job `job` at its next step, even while the worker is busy with it (a flag in shared
   * memory). The job then answers its caller `conflict` ("cancelled") having written nothing.
   */
  cancel(job: string): void {
    Atomics.store(this.#flags, cancelSlot(job, this.#flags), 1);
  }

  /**
   * Hear every job's progress.
   * @returns stop hearing
   */
  onProgress(listener: (progress: JobProgress) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Close the project and end the worker (once the calls sent before have been answered). */
  close(): Promise<void> {
    this.#closed ??= new Promise<void>((resolve) => {
      if (this.#stopped !== null) {
        resolve();
        return;
      }
      this.#worker.once("exit", () => {
        resolve();
      });
      const message: ToWorker = { type: "close" };
      this.#worker.postMessage(message);
    });
    return this.#closed;
  }
}
