/**
 * A request body in JSON (RFC 8259) encoded without holding the page up: the value is
 * written element by element, and every `sliceMs` the encoder gives the event loop back, so
 * a key press during an import of thousands of files is answered at once. What is written
 * so far goes into `Blob` pieces; a `fetch` of a `Blob` body sends it without copying on
 * the page's thread (a 16 MB string body held Chromium's main thread for ~250 ms).
 */

/** A body at most this long (UTF-16 units) that was written in one slice is sent as a string. */
const STRING_BODY_MAX = 256 * 1024;

/** Give the event loop back (a macrotask: input and rendering may run first). */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

/**
 * Encode `value` as JSON, as `JSON.stringify(value)` would (same text; `undefined`
 * properties left out, `toJSON` honoured only through `JSON.stringify` of leaves).
 * @param value plain data: objects, arrays, strings, numbers, booleans, null
 * @param sliceMs how long to write before yielding (ms)
 * @returns the body: a string when short and written in one slice, else a `Blob`
 */
export async function jsonBody(value: unknown, sliceMs = 8): Promise<string | Blob> {
  const blobs: Blob[] = [];
  let parts: string[] = [];
  let length = 0;
  const state = { yielded: false };
  let since = performance.now();
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const maybeYield = async () => {
    if (performance.now() - since < sliceMs) return;
    blobs.push(new Blob(parts));
    parts = [];
    state.yielded = true;
    await yieldToPage();
    since = performance.now();
  };
  const encode = async (v: unknown): Promise<void> => {
    if (Array.isArray(v)) {
      write("[");
      for (let i = 0; i < v.length; i++) {
        if (i > 0) write(",");
        const item: unknown = v[i];
        // As JSON.stringify: undefined in an array is null.
        await encode(item === undefined ? null : item);
        await maybeYield();
      }
      write("]");
    } else if (v !== null && typeof v === "object" && !("toJSON" in v)) {
      write("{");
      let first = true;
      for (const [key, item] of Object.entries(v)) {
        if (item === undefined || typeof item === "function") continue;
        if (!first) write(",");
        first = false;
        write(JSON.stringify(key));
        write(":");
        await encode(item);
      }
      write("}");
    } else {
      // JSON.stringify gives undefined for undefined, functions and symbols (typed as string).
      const leaf = JSON.stringify(v) as string | undefined;
      write(leaf ?? "null");
    }
  };
  await encode(value);
  if (!state.yielded && length <= STRING_BODY_MAX) return parts.join("");
  blobs.push(new Blob(parts));
  return new Blob(blobs, { type: "application/json" });
}
