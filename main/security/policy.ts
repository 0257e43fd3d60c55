/**
 * The Content Security Policy and related headers of every page Qawl serves, in Electron
 * (`app://`) and in `qawl serve`. No `'unsafe-inline'`, no remote origin: scripts, styles and
 * fonts come from the app itself; the page talks only to its own origin.
 */

/** The CSP (W3C Content Security Policy Level 3) of the renderer. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

/**
 * The same policy for the page's own `<meta http-equiv="Content-Security-Policy">` (set by
 * the renderer's build, renderer/vite.config.ts), so the page is covered wherever it is
 * loaded from: without `frame-ancestors`, which a meta element may not carry (CSP Level 3
 * §3.3); the header keeps it.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split("; ")
  .filter((d) => !d.startsWith("frame-ancestors"))
  .join("; ");

/** Headers sent with every response of the renderer's origin. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** The CSP of a team server's sign-in page: a form posted to its own origin, and nothing else. */
export const SIGN_IN_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "form-action 'none'",
  "form-action 'self'",
);
