/**
 * Electron's main process: the thin shell around the operation table. Opens the project
 * (`--project PATH`, or the default project, which holds the sample article on first run
 * from the repository, or a team server with `--team URL`), serves the renderer on `app://qawl/`, binds IPC, and locks the
 * window down: sandbox, context isolation, no Node in the page, no navigation away, no new
 * windows, no permissions, no developer tools in a packaged build; one instance at a time.
 */
import { join, dirname } from "node:path";
import { userInfo } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BrowserWindow, app, dialog, session } from "electron";
import { projectLocation, rendererRoot } from "../paths.ts";
import { takeProjectLock } from "../project-lock.ts";
import { changesThroughWorker, watchForeignChanges } from "../watch-changes.ts";
import { TeamClient } from "../team/team-client.ts";
import { TableWorker } from "../worker/table-proxy.ts";
import { APP_ORIGIN, isAllowedNavigation } from "../security/sender.ts";
import { bindOperations } from "./ipc.ts";
import { installMenu } from "./menu.ts";
import { devToolsAllowed } from "./window-rules.ts";
import { registerAppScheme, serveRenderer } from "./protocol.ts";

const here = dirname(fileURLToPath(import.meta.url));

/** `--project PATH`, or `--team URL` (a team server: ARCHITECTURE.md §12). */
function projectArguments(): { project: string | undefined; team: string | undefined } {
  const { values } = parseArgs({
    args: process.argv.slice(app.isPackaged ? 1 : 2),
    options: { project: { type: "string" }, team: { type: "string" } },
    strict: false,
    allowPositionals: true,
  });
  return {
    project: typeof values.project === "string" ? values.project : undefined,
    team: typeof values.team === "string" ? values.team : undefined,
  };
}

/**
 * The window's data source: the project in a worker of this process, or a team server
 * signed in as `$QAWL_TEAM_USER` with `$QAWL_PASSWORD`.
 * @throws QawlError when the project or the server cannot be opened
 */
async function openSource(): Promise<TableWorker | TeamClient> {
  const { project, team } = projectArguments();
  if (team !== undefined) {
    const user = process.env["QAWL_TEAM_USER"] ?? userInfo().username;
    return TeamClient.signIn(team, user, process.env["QAWL_PASSWORD"] ?? "");
  }
  // One app instance per project: a `qawl serve` on it is named and refused (main/project-lock.ts).
  const lock = takeProjectLock(projectLocation(project), "the desktop app");
  app.once("will-quit", () => {
    lock.release();
  });
  // The store runs in a worker thread of this process, off its event loop (main/worker/).
  return TableWorker.start({
    project,
    seedSampleOnFirstRun: !app.isPackaged,
    annotator: process.env["QAWL_ANNOTATOR"] ?? userInfo().username,
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-navigate", (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on("will-redirect", (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
    contents.on("will-attach-webview", (event) => {
      event.preventDefault();
    });
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDown();
  let project;
  try {
    project = await openSource();
  } catch (e) {
    dialog.showErrorBox("Qawl cannot open the project", (e as Error).message);
    app.exit(1);
    return;
  }
  serveRenderer(rendererRoot());
  bindOperations(project);
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: "Qawl",
    webPreferences: {
      preload: join(here, "preload.cjs"),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: devToolsAllowed(app.isPackaged),
    },
  });
  installMenu(window, project, app.isPackaged);
  // A second start of the app focuses this window instead of opening the project twice.
  app.on("second-instance", () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // Long operations' progress (core/jobs.ts) goes to the page's progress bar.
  const stopProgress = project.onProgress((progress) => {
    window.webContents.send("qawl:progress", progress);
  });
  // Writes by the CLI or a server on the same file reach the window within a second.
  const opened = project;
  const stopWatching = watchForeignChanges(changesThroughWorker(opened, "desktop-watch"), "desktop", () => {
    window.webContents.send("qawl:project-changed");
  });
  app.on("window-all-closed", () => {
    stopWatching();
    stopProgress();
    void opened.close().then(() => {
      app.quit();
    });
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

registerAppScheme();
// One instance: a second start hands over to the first (its "second-instance" event) and quits.
if (app.requestSingleInstanceLock()) void start();
else app.quit();
