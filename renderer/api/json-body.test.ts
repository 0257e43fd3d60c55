import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { jsonBody } from "./json-body.ts";

/** The body as text, whichever form it took. */
async function text(body: string | Blob): Promise<string> {
  return typeof body === "string" ? body : body.text();
}

test("jsonBody writes what JSON.stringify writes, for any JSON value", async () => {
  await fc.assert(
    fc.asyncProperty(fc.jsonValue(), async (value) => {
      assert.equal(await text(await jsonBody(value)), JSON.stringify(value));
    }),
  );
});

test("jsonBody leaves out undefined properties and writes undefined array items as null, as JSON.stringify", async () => {
  const value = { a: undefined, b: [1, undefined, "x"], c: { d: undefined, e: null } };
  assert.equal(await text(await jsonBody(value)), '{"b":[1,null,"x"],"c":{"e":null}}');
});

test("a long body is a Blob that JSON.parse reads back, an import of 2,000 files", async () => {
  const files = Array.from({ length: 2000 }, (_, i) => ({
    name: `article-${String(i)}.txt`,
    contentBase64: "QUJD".repeat(500),
  }));
  const body = await jsonBody({ files, encoding: "utf-8" }, 1);
  assert.ok(body instanceof Blob);
  assert.equal(body.type, "application/json");
  const back = JSON.parse(await body.text()) as { files: typeof files; encoding: string };
  assert.equal(back.files.length, 2000);
  assert.equal(back.files[1999]?.name, "article-1999.txt");
  assert.equal(back.encoding, "utf-8");
});

test("a short body written in one slice stays a string", async () => {
  assert.equal(
    await jsonBody({ documentId: 3, label: "PER", start: 0, end: 4 }),
    '{"documentId":3,"label":"PER","start":0,"end":4}',
  );
});
