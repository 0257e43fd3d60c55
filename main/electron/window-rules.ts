/**
 * What the desktop window allows, decided apart from Electron so that tests can read it
 * (this module imports nothing from `electron`): developer tools exist in a development run
 * only, never in a packaged build — neither in the View menu nor in the window.
 */

/** The roles of the View menu (Electron `MenuItemConstructorOptions.role`). */
export type ViewRole =
  "reload" | "forceReload" | "toggleDevTools" | "resetZoom" | "zoomIn" | "zoomOut" | "togglefullscreen";

/**
 * The View menu's items.
 * @param packaged `app.isPackaged`: a packaged build has no Toggle Developer Tools
 */
export function viewMenuRoles(packaged: boolean): ViewRole[] {
  return [
    "reload",
    "forceReload",
    ...(packaged ? [] : (["toggleDevTools"] as const)),
    "resetZoom",
    "zoomIn",
    "zoomOut",
    "togglefullscreen",
  ];
}

/** Whether the window's `webPreferences.devTools` is on: in a development run only. */
export function devToolsAllowed(packaged: boolean): boolean {
  return !packaged;
}
