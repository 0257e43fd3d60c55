/**
 * The shape Electron's preload puts on `window.qawl`: one function per operation, each
 * resolving to the reply envelope, plus a subscription to changes made from the menu.
 */
import type { OperationInput, OperationOutputs, Reply } from "../../core/contract.ts";
import type { JobProgress } from "../../core/jobs.ts";
import type { OperationName } from "../../core/operation-names.ts";

/** What the preload exposes. */
export type PreloadBridge = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<Reply<OperationOutputs[K]>>;
} & {
  /** Call `listener` when the main process changed the project (menu import). */
  onProjectChanged: (listener: () => void) => void;
  /** Call `listener` with each progress event of a long operation (`qawl:progress`). */
  onProgress?: (listener: (progress: JobProgress) => void) => void;
};

declare global {
  interface Window {
    /** Present only inside Electron (set by the preload). */
    qawl?: PreloadBridge;
  }
}
