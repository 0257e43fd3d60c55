/**
 * The application menu: File → Import Articles… and Export JSONL…, calling the same
 * operations as the page's buttons, then telling the page to reload.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { BrowserWindow, Menu, dialog, type MenuItemConstructorOptions } from "electron";
import type { OperationTable } from "../../core/contract.ts";
import { dispatch } from "../ops/dispatch.ts";

async function importArticles(window: BrowserWindow, table: OperationTable): Promise<void> {
  const chosen = await dialog.showOpenDialog(window, {
    title: "Import articles",
    properties: ["openFile", "multiSelections"],
    filters: [{ name: "Plain-text articles", extensions: ["txt"] }],
  });
  if (chosen.canceled || chosen.filePaths.length === 0) return;
  const files = await Promise.all(
    chosen.filePaths.map(async (path) => ({
      name: basename(path),
      contentBase64: (await readFile(path)).toString("base64"),
    })),
  );
  const reply = dispatch(table, "importDocuments", { files });
  if (!reply.ok) {
    await dialog.showMessageBox(window, {
      type: "error",
      message: "Nothing was imported",
      detail: reply.error.message,
    });
    return;
  }
  window.webContents.send("qawl:project-changed");
}

async function exportJsonl(window: BrowserWindow, table: OperationTable): Promise<void> {
  const reply = dispatch(table, "exportDocuments", { format: "jsonl" });
  if (!reply.ok) {
    await dialog.showMessageBox(window, { type: "error", message: "Export failed", detail: reply.error.message });
    return;
  }
  const file = reply.value as { fileName: string; content: string };
  const target = await dialog.showSaveDialog(window, { title: "Export JSONL", defaultPath: file.fileName });
  if (target.canceled || target.filePath === "") return;
  await writeFile(target.filePath, file.content);
}

/** Install the menu for a window showing a project. */
export function installMenu(window: BrowserWindow, table: OperationTable): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: "File",
      submenu: [
        { label: "Import Articles…", accelerator: "CmdOrCtrl+O", click: () => void importArticles(window, table) },
        { label: "Export JSONL…", accelerator: "CmdOrCtrl+E", click: () => void exportJsonl(window, table) },
        { type: "separator" },
        { role: "quit" },
      ],
    },
    { role: "editMenu" },
    { role: "viewMenu" },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
