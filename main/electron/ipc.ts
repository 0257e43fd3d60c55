/**
 * The operation table over Electron IPC: one `qawl:<operation>` channel per operation.
 * Each message is checked first — it must come from our own page (`app://qawl`, main
 * frame) — then the project's worker (`main/worker/table-proxy.ts`) runs it through
 * `dispatch`, which validates its argument against the contract; this thread only waits.
 */
import { ipcMain } from "electron";
import { OPERATION_NAMES } from "../../core/operation-names.ts";
import type { TableWorker } from "../worker/table-proxy.ts";
import { isTrustedSender } from "../security/sender.ts";

/** Handle every operation's channel, for the window's client (`desktop`). */
export function bindOperations(worker: Pick<TableWorker, "call">): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(`qawl:${name}`, (event, input: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url ?? null, frame !== null && frame === event.sender.mainFrame)) {
        return { ok: false, error: { code: "forbidden", message: "IPC from an untrusted frame" } };
      }
      return worker.call(name, input, "desktop");
    });
  }
}
