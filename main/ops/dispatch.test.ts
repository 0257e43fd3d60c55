import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ProjectStore } from "../../db/project.ts";
import { tempDir } from "../../test-support/temp.ts";
import { dispatch } from "./dispatch.ts";
import { createOperationTable } from "./table.ts";

describe("dispatch", () => {
  it("refuses unknown operations and malformed input before anything runs", async (t) => {
    const store = new ProjectStore(join(tempDir(t), "p.qawl"));
    t.after(() => {
      store.close();
    });
    const table = createOperationTable(store, { annotator: "tester" });
    assert.deepEqual(await dispatch(table, "dropTables", {}), {
      ok: false,
      error: { code: "unknown_operation", message: 'no operation is called "dropTables"' },
    });
    assert.deepEqual((await dispatch(table, "__proto__", {})).ok, false);
    const cases: [string, unknown, RegExp][] = [
      ["getDocument", { documentId: "1" }, /^getDocument: documentId: /u],
      ["getDocument", { documentId: 1.5 }, /^getDocument: documentId: /u],
      ["createSpan", { documentId: 1, label: "QUOTE", start: -1, end: 3 }, /^createSpan: start: /u],
      ["createSpan", { documentId: 1, label: "QUOTE", start: 0, end: 3, extra: true }, /^createSpan: input: /u],
      [
        "importDocuments",
        { files: [{ name: "a.txt", contentBase64: "not base64!" }] },
        /^importDocuments: files\.0\.contentBase64: /u,
      ],
      ["importDocuments", null, /^importDocuments: input: /u],
    ];
    for (const [name, input, pattern] of cases) {
      const reply = await dispatch(table, name, input);
      assert.equal(reply.ok, false, name);
      assert.equal(reply.error.code, "bad_input");
      assert.match(reply.error.message, pattern);
    }
    assert.deepEqual(await dispatch(table, "getDocument", { documentId: 7 }), {
      ok: false,
      error: {
        code: "not_found",
        message: "document 7 does not exist",
        detail: { kind: "document.missing", documentId: 7 },
      },
    });
    assert.equal((await dispatch(table, "listDocuments", {})).ok, true);
  });

  it("sends a refusal people meet in the app with its data, so that the page can word it in its language", async (t) => {
    const store = new ProjectStore(join(tempDir(t), "p.qawl"));
    t.after(() => {
      store.close();
    });
    const table = createOperationTable(store, { annotator: "tester" });
    const b64 = (text: string) => Buffer.from(text).toString("base64");
    // An empty file among two: nothing is imported, and the data says of how many.
    assert.deepEqual(
      await dispatch(table, "importDocuments", {
        files: [
          { name: "a.txt", contentBase64: b64("قال الوزير") },
          { name: "b.txt", contentBase64: "" },
        ],
      }),
      {
        ok: false,
        error: {
          code: "bad_input",
          message: "b.txt: the file is empty; none of the 2 files was imported",
          detail: { kind: "import.file", file: "b.txt", files: 2, reason: "empty" },
        },
      },
    );
    const documentId =
      table.importDocuments({ files: [{ name: "a.txt", contentBase64: b64("قال الوزير إن") }] }).outcomes[0]
        ?.documentId ?? 0;
    // "قال الوزير إن": code points 3..4 are the space between قال and الوزير.
    assert.deepEqual(await dispatch(table, "createSpan", { documentId, label: "CUE", start: 3, end: 4 }), {
      ok: false,
      error: { code: "bad_input", message: "a span must cover more than whitespace", detail: { kind: "span.blank" } },
    });
    assert.ok((await dispatch(table, "createSpan", { documentId, label: "CUE", start: 0, end: 3 })).ok);
    assert.deepEqual(await dispatch(table, "createSpan", { documentId, label: "CUE", start: 0, end: 3 }), {
      ok: false,
      error: {
        code: "conflict",
        message: "there is already a Cue span on this text",
        detail: { kind: "span.duplicate", label: { name: "CUE", displayName: "Cue" } },
      },
    });
  });
});
