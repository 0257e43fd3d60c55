/**
 * `<qawl-job-progress>`: while an import or export of this page runs, a bar with what it is
 * doing (file n of N, storing, exporting) and a Cancel button; gone when the job ends. The
 * jobs come from `renderer/state/jobs.ts`. A cancelled import writes nothing. The store's
 * write (`write` phase) is one short transaction, shown without Cancel.
 */
import "./job-progress.css";
import { html, nothing } from "lit";
import type { JobProgress } from "../../core/jobs.ts";
import { jobs } from "../state/jobs.ts";
import { t } from "./job-progress.messages.ts";
import { StoreElement } from "./store-element.ts";

export class JobProgressBar extends StoreElement {
  #unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    jobs.follow();
    this.#unsubscribe = jobs.subscribe(() => {
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  #cancel(job: string): void {
    const api = this.store?.api;
    if (api !== undefined) void jobs.cancel(api, job);
  }

  #line(p: JobProgress) {
    const params = { done: p.done, total: p.total };
    const cancellable = p.phase !== "write";
    const cancelling = jobs.isCancelling(p.job);
    return html`<div class="job" role="group" aria-label=${t("region")} data-job=${p.job} data-phase=${p.phase}>
      <span class="job-what">${t(p.phase, params)}</span>
      <progress max=${Math.max(1, p.total)} value=${p.done}></progress>
      ${
        cancellable
          ? html`<button
              type="button"
              class="button"
              ?disabled=${cancelling}
              @click=${() => {
                this.#cancel(p.job);
              }}
            >
              ${cancelling ? t("cancelling") : t("cancel")}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const running = jobs.running;
    if (running.length === 0) return nothing;
    return html`${running.map((p) => this.#line(p))}`;
  }
}

customElements.define("qawl-job-progress", JobProgressBar);
