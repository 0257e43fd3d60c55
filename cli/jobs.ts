/**
 * Long operations on the CLI (`qawl import` of a folder, `qawl export`): run in-process as
 * jobs (`main/worker/jobs.ts`), so that a progress bar (cli-progress, on a terminal only)
 * follows the job's phases and Ctrl+C (SIGINT) cancels it between two steps: the import then
 * stores nothing, and the command ends with one line saying so (exit status 1).
 */
import { SingleBar } from "cli-progress";
import type { OperationInput, OperationOutputs } from "../core/contract.ts";
import { QawlError } from "../core/errors.ts";
import type { JobOperation, JobProgress } from "../core/jobs.ts";
import { dispatch } from "../main/ops/dispatch.ts";
import type { OpenProject } from "../main/project.ts";
import { JobRunner } from "../main/worker/jobs.ts";
import type { CliIo } from "./common.ts";

/** What each phase is called on the progress bar. */
const PHASE_WORDS: Readonly<Record<JobProgress["phase"], string>> = {
  read: "reading",
  index: "indexing",
  write: "storing",
  export: "exporting",
  preannotate: "pre-annotating",
};

/**
 * Run a long operation with a progress bar and Ctrl+C to cancel.
 * @param annotator the annotator of its writes
 * @returns the operation's output
 * @throws QawlError with the operation's refusal, or `import cancelled; nothing was written` (or export, pre-annotation)
 */
export async function callAsJob<K extends JobOperation>(
  project: OpenProject,
  annotator: string,
  name: K,
  input: OperationInput<K>,
  io: CliIo,
): Promise<OperationOutputs[K]> {
  const bar =
    io.interactive === true
      ? new SingleBar({ format: "{phase} {bar} {value}/{total}", stream: process.stderr, clearOnComplete: true })
      : null;
  let shown: JobProgress["phase"] | null = null;
  let job: string | null = null;
  const runner = new JobRunner({
    store: project.store,
    context: { annotator, client: () => "cli" },
    client: () => "cli",
    setClient: () => undefined,
    onProgress: (p) => {
      job = p.job;
      if (bar === null || p.ended !== undefined) return;
      if (shown !== p.phase) {
        if (shown !== null) bar.stop();
        bar.start(Math.max(1, p.total), p.done, { phase: PHASE_WORDS[p.phase] });
        shown = p.phase;
      } else bar.update(p.done);
    },
  });
  const onInterrupt = () => {
    if (job !== null) runner.cancel(job);
  };
  process.on("SIGINT", onInterrupt);
  try {
    const reply = await dispatch(runner.table(project.table), name, input);
    if (!reply.ok) throw new QawlError("bad_input", reply.error.message);
    return reply.value as OperationOutputs[K];
  } finally {
    process.off("SIGINT", onInterrupt);
    bar?.stop();
  }
}
