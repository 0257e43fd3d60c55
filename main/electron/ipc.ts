/**
 * The operation table over Electron IPC: one `qawl:<operation>` channel per operation.
 * Each message is checked first — it must come from our own page (`app://qawl`, main
 * frame) — then `dispatch` validates its argument against the contract.
 */
import { ipcMain } from "electron";
import type { OperationTable } from "../../core/contract.ts";
import { OPERATION_NAMES } from "../../core/operation-names.ts";
import { dispatch } from "../ops/dispatch.ts";
import { isTrustedSender } from "../security/sender.ts";

/** Handle every operation's channel. */
export function bindOperations(table: OperationTable): void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(`qawl:${name}`, (event, input: unknown) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url ?? null, frame !== null && frame === event.sender.mainFrame)) {
        return { ok: false, error: { code: "forbidden", message: "IPC from an untrusted frame" } };
      }
      return dispatch(table, name, input);
    });
  }
}
