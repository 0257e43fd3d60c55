/**
 * The application menu: File → Import… (files in any format Qawl reads) and Export as…
 * (one item per format), calling the same operations as the page, then telling the page to
 * reload. Formats that write several files ask for a folder.
 */
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { BrowserWindow, Menu, dialog, type MenuItemConstructorOptions } from "electron";
import { viewMenuRoles } from "./window-rules.ts";
import { EXPORT_FORMATS, type ExportFormat, type ExportResult } from "../../core/contract.ts";
import type { TableWorker } from "../worker/table-proxy.ts";

/** The project's worker, as the menu uses it. */
type Operations = Pick<TableWorker, "run">;

/** Files under the chosen paths (folders recursively). */
async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      out.push(
        ...entries
          .filter((e) => e.isFile() && !e.name.startsWith("."))
          .map((e) => join(e.parentPath, e.name))
          .sort(),
      );
    } else out.push(path);
  }
  return out;
}

async function importFiles(window: BrowserWindow, table: Operations): Promise<void> {
  const chosen = await dialog.showOpenDialog(window, {
    title: "Import documents",
    properties: ["openFile", "openDirectory", "multiSelections"],
  });
  if (chosen.canceled || chosen.filePaths.length === 0) return;
  const files = await Promise.all(
    (await expand(chosen.filePaths)).map(async (path) => ({
      name: path,
      contentBase64: (await readFile(path)).toString("base64"),
    })),
  );
  // The window's client: its progress bar shows the import and can cancel it.
  const reply = await table.run("importDocuments", { files }, "desktop");
  if (!reply.ok) {
    await dialog.showMessageBox(window, {
      type: "error",
      message: "Nothing was imported",
      detail: reply.error.message,
    });
    return;
  }
  const report = reply.value;
  window.webContents.send("qawl:project-changed");
  if (report.notes.length > 0)
    await dialog.showMessageBox(window, { type: "info", message: "Imported", detail: report.notes.join("\n") });
}

async function exportAs(window: BrowserWindow, table: Operations, format: ExportFormat): Promise<void> {
  const reply = await table.run("exportDocuments", { format }, "desktop");
  if (!reply.ok) {
    await dialog.showMessageBox(window, { type: "error", message: "Export failed", detail: reply.error.message });
    return;
  }
  const result = reply.value;
  const bytes = (f: ExportResult["files"][number]) =>
    Buffer.from(f.content, f.encoding === "base64" ? "base64" : "utf8");
  const single = result.files.length === 1 ? result.files[0] : undefined;
  if (single !== undefined) {
    const target = await dialog.showSaveDialog(window, { title: `Export ${format}`, defaultPath: single.path });
    if (target.canceled || target.filePath === "") return;
    await writeFile(target.filePath, bytes(single));
  } else {
    const folder = await dialog.showOpenDialog(window, {
      title: `Export ${format} into a folder`,
      properties: ["openDirectory", "createDirectory"],
    });
    const root = folder.filePaths[0];
    if (folder.canceled || root === undefined) return;
    for (const f of result.files) {
      const target = join(root, ...f.path.split("/"));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes(f));
    }
  }
  const lost = result.report.documents.flatMap((d) => d.lost.map((l) => `${d.title}: ${l}`));
  await dialog.showMessageBox(window, {
    type: "info",
    message:
      lost.length === 0
        ? `Exported as ${format}; nothing lost`
        : `Exported as ${format}; the format could not hold everything`,
    detail: [...result.report.notes, ...lost].join("\n"),
  });
}

/** Install the menu for a window showing a project. */
export function installMenu(window: BrowserWindow, table: Operations, packaged: boolean): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: "File",
      submenu: [
        { label: "Import…", accelerator: "CmdOrCtrl+O", click: () => void importFiles(window, table) },
        {
          label: "Export as",
          submenu: EXPORT_FORMATS.map((format) => ({
            label: format,
            click: () => void exportAs(window, table, format),
          })),
        },
        { type: "separator" },
        { role: "quit" },
      ],
    },
    { role: "editMenu" },
    // Not `role: "viewMenu"`: it holds Toggle Developer Tools, which a packaged build must not.
    { label: "View", submenu: viewMenuRoles(packaged).map((role) => ({ role })) },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
