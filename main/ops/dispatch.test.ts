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
      error: { code: "not_found", message: "document 7 does not exist" },
    });
    assert.equal((await dispatch(table, "listDocuments", {})).ok, true);
  });
});
