/**
 * The messages between a host thread (`table-proxy.ts`) and the project's worker
 * (`table-worker.ts`). Everything crosses as structured-clone data: operation inputs and
 * reply envelopes as they are, unchanged.
 */
import type { OperationOutputs, Reply } from "../../core/contract.ts";
import type { JobProgress } from "../../core/jobs.ts";
import type { OperationName } from "../../core/operation-names.ts";
import type { Access } from "../../core/team.ts";

/** What the worker is started with (`workerData`). */
export interface WorkerStart {
  /** Project file; the default project when absent. */
  project?: string;
  seedSampleOnFirstRun?: boolean;
  mustExist?: boolean;
  /** The annotator of every write. */
  annotator: string;
  /** Cancel flags (Int32, one per job slot), set by the host thread while a job runs. */
  flags: SharedArrayBuffer;
}

/** Host → worker. */
export type ToWorker =
  | {
      type: "call";
      id: number;
      name: unknown;
      input: unknown;
      client: string;
      /** Who is calling, on a team server (core/team.ts). */
      access?: Access | null;
    }
  | { type: "close" };

/** A reply envelope as `dispatch` makes it. */
export type AnyReply = Reply<OperationOutputs[OperationName]>;

/** Worker → host. */
export type FromWorker =
  | { type: "ready"; path: string; created: boolean }
  | { type: "failed"; code: string; message: string }
  | { type: "reply"; id: number; reply: AnyReply }
  | { type: "progress"; progress: JobProgress }
  | { type: "closed" };
