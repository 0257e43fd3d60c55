/** Byte and name tests shared by the formats' detectors (each folder's `index.ts`). No dependencies. */

/**
 * Whether `bytes` (up to `limit` of them) hold `needle`, an ASCII string, as bytes: what
 * Node's `buffer.includes(needle, 0, "latin1")` answers, without Node.
 */
export function holdsAscii(bytes: Uint8Array, needle: string, limit = bytes.length): boolean {
  const end = Math.min(limit, bytes.length) - needle.length;
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Whether a (lowercase) name ends in one of the extensions (lowercase, with the dot). */
export function endsWithAny(name: string, extensions: readonly string[]): boolean {
  return extensions.some((ext) => name.endsWith(ext));
}

/** Whether a text opens as an HTML page: `<!doctype html` or `<html`, after white space. */
export function opensAsHtml(text: string): boolean {
  return /^\s*<(!doctype\s+html|html[\s>])/iu.test(text);
}
