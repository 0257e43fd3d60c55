/**
 * Who may call the operation table over Electron IPC: only our own page (origin
 * `app://qawl`) in the window's main frame — never a subframe, never another origin.
 */

/** The scheme and host the renderer is served from in Electron. */
export const APP_SCHEME = "app";
export const APP_HOST = "qawl";
/** The renderer's origin, `app://qawl`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Whether an IPC message comes from our own page.
 * @param frameUrl URL of the frame that sent it (`event.senderFrame.url`), or null when the frame is gone
 * @param isMainFrame whether that frame is its window's main frame
 */
export function isTrustedSender(frameUrl: string | null, isMainFrame: boolean): boolean {
  if (frameUrl === null || !isMainFrame) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Whether a navigation target stays within our own page (anything else is blocked). */
export function isAllowedNavigation(targetUrl: string): boolean {
  return isTrustedSender(targetUrl, true);
}
