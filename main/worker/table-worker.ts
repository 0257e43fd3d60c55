/**
 * The project's thread: opens the project, builds the operation table with its long
 * operations as jobs (`jobs.ts`), and answers each `call` message with `dispatch`'s reply
 * envelope, unchanged. Started by `table-proxy.ts` (from `dist/` as .js, from sources as .ts).
 */
import { constants, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { QawlError } from "../../core/errors.ts";
import type { Access } from "../../core/team.ts";
import { dispatch } from "../ops/dispatch.ts";
import { openProject } from "../project.ts";
import { JobRunner } from "./jobs.ts";
import type { FromWorker, ToWorker, WorkerStart } from "./protocol.ts";

const port = parentPort;
if (port === null) throw new Error("table-worker runs in a worker thread");
// The window comes first: on a machine with few cores a long import must not take the
// renderer's CPU time. On Linux a nice value belongs to a thread, so this lowers this
// thread only (setpriority(2), "BUGS"); elsewhere it may lower the process.
try {
  setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted here: the thread keeps the normal priority.
}
const start = workerData as WorkerStart;
const post = (message: FromWorker) => {
  port.postMessage(message);
};

let client = "local";
// On a team server each call names who is calling (core/team.ts).
let access: Access | null = null;
const context = { annotator: start.annotator, client: () => client, access: () => access };
let project;
try {
  project = openProject({
    ...(start.project !== undefined ? { project: start.project } : {}),
    ...(start.seedSampleOnFirstRun !== undefined ? { seedSampleOnFirstRun: start.seedSampleOnFirstRun } : {}),
    ...(start.mustExist !== undefined ? { mustExist: start.mustExist } : {}),
    context,
  });
} catch (e) {
  post({ type: "failed", code: e instanceof QawlError ? e.code : "internal", message: (e as Error).message });
  port.close();
}
if (project !== undefined) {
  const opened = project;
  const jobs = new JobRunner({
    store: opened.store,
    context,
    client: () => client,
    setClient: (named) => {
      client = named;
    },
    access: () => access,
    setAccess: (given) => {
      access = given;
    },
    onProgress: (progress) => {
      post({ type: "progress", progress });
    },
    flags: new Int32Array(start.flags),
  });
  const table = jobs.table(opened.table);
  port.on("message", (message: ToWorker) => {
    if (message.type === "close") {
      opened.store.close();
      post({ type: "closed" });
      port.close();
      return;
    }
    client = message.client;
    access = message.access ?? null;
    void dispatch(table, message.name, message.input, access).then((reply) => {
      post({ type: "reply", id: message.id, reply });
    });
  });
  post({ type: "ready", path: opened.store.path, created: opened.created });
}
