/**
 * The long operations running for this page (imports, exports), from the progress events the
 * host pushes (`core/jobs.ts`): Electron's `qawl:progress` through the preload, or `qawl
 * serve`'s `event: progress` on the change feed. Only this page's own jobs are kept (its
 * client: `desktop` in Electron, the tab's id in a browser); a job leaves the list with its
 * last event. `cancel` asks the host to stop one (`cancelJob`): it then writes nothing.
 */
import type { Api } from "../../core/contract.ts";
import type { JobProgress } from "../../core/jobs.ts";
import { onFeedProgress, tabClientId } from "../api/change-stream.ts";

/** The running jobs of this page. */
export class Jobs {
  readonly #running = new Map<string, JobProgress>();
  readonly #listeners = new Set<() => void>();
  readonly #cancelling = new Set<string>();
  #following = false;
  #client: string | null = null;

  /** Start hearing the host's progress events (once; later calls do nothing). */
  follow(): void {
    if (this.#following) return;
    this.#following = true;
    const bridge = window.qawl;
    if (bridge !== undefined) {
      this.#client = "desktop";
      bridge.onProgress?.((p) => {
        this.hear(p);
      });
    } else {
      this.#client = tabClientId();
      onFeedProgress((p) => {
        this.hear(p);
      });
    }
  }

  /** Take one progress event (another client's are ignored once following). */
  hear(progress: JobProgress): void {
    if (this.#client !== null && progress.client !== this.#client) return;
    if (progress.ended !== undefined) {
      this.#running.delete(progress.job);
      this.#cancelling.delete(progress.job);
    } else this.#running.set(progress.job, progress);
    for (const listener of this.#listeners) listener();
  }

  /** The running jobs, oldest first. */
  get running(): JobProgress[] {
    return [...this.#running.values()];
  }

  /** Whether `cancel` was asked for this job and it has not ended yet. */
  isCancelling(job: string): boolean {
    return this.#cancelling.has(job);
  }

  /**
   * Ask the host to stop a job.
   * @returns whether the host still had it running
   */
  async cancel(api: Api, job: string): Promise<boolean> {
    this.#cancelling.add(job);
    for (const listener of this.#listeners) listener();
    const { cancelled } = await api.cancelJob({ job });
    return cancelled;
  }

  /**
   * Be told when the list changes.
   * @returns stop being told
   */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

/** The page's jobs. */
export const jobs = new Jobs();
