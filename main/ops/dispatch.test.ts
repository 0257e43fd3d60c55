import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ProjectStore } from "../../db/project.ts";
import { projectLocation } from "../../test-support/temp.ts";
import { dispatch } from "./dispatch.ts";
import { createOperationTable } from "./table.ts";

describe("dispatch", () => {
  it("refuses unknown operations and malformed input before anything runs", async (t) => {
    const store = new ProjectStore(projectLocation(t, "p.qawl"));
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
    const store = new ProjectStore(projectLocation(t, "p.qawl"));
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

  it("says in plain words which field is wrong and what it allows, with the data to word it in Arabic", async (t) => {
    const store = new ProjectStore(projectLocation(t, "p.qawl"));
    t.after(() => {
      store.close();
    });
    const table = createOperationTable(store, { annotator: "tester" });
    const label = { name: "TOPIC", kind: "custom", displayName: "Topic", key: null, color: "#336699" };
    const cases: [string, unknown, string, unknown][] = [
      [
        "createLabel",
        { ...label, displayName: `  ${"ع".repeat(75)} ` },
        "createLabel: displayName: the display name is at most 60 characters (it has 75)",
        { kind: "input.invalid", field: "label.displayName", rule: "max_length", limit: 60, actual: 75 },
      ],
      [
        "createLabel",
        { ...label, displayName: "   " },
        "createLabel: displayName: the display name is empty",
        { kind: "input.invalid", field: "label.displayName", rule: "required", limit: null, actual: null },
      ],
      [
        "createLabel",
        { ...label, key: "?" },
        "createLabel: key: a key is one lowercase letter or digit",
        { kind: "input.invalid", field: "label.key", rule: "format", limit: null, actual: null },
      ],
      [
        "createLabel",
        { ...label, name: "two words" },
        "createLabel: name: a label name is 1–40 letters, digits, _ or -",
        { kind: "input.invalid", field: "label.name", rule: "format", limit: null, actual: null },
      ],
      [
        "updateLabel",
        { name: "QUOTE", color: "red" },
        "updateLabel: color: a colour is #rrggbb",
        { kind: "input.invalid", field: "label.color", rule: "format", limit: null, actual: null },
      ],
      [
        "updateDocument",
        { documentId: 1, title: "سطر\nوسطر" },
        "updateDocument: title: a title must be one line",
        { kind: "input.invalid", field: "document.title", rule: "one_line", limit: null, actual: null },
      ],
      [
        "updateDocument",
        { documentId: 1, author: "x".repeat(201) },
        "updateDocument: author: an author is longer than 200 characters",
        { kind: "input.invalid", field: "document.author", rule: "max_length", limit: 200, actual: 201 },
      ],
      [
        "updateDocument",
        { documentId: 1, date: "2019-02-29" },
        "updateDocument: date: a date is YYYY-MM-DD and must exist (e.g. 2019-06-20)",
        { kind: "input.invalid", field: "document.date", rule: "format", limit: null, actual: null },
      ],
      [
        "updateDocument",
        { documentId: 1, url: "ftp://example.com/a" },
        "updateDocument: url: a URL starts with http:// or https://",
        { kind: "input.invalid", field: "document.url", rule: "format", limit: null, actual: null },
      ],
      [
        "createEntity",
        { name: "أحمد", type: "PER", kbId: "q12" },
        "createEntity: kbId: a Wikidata id looks like Q1234",
        { kind: "input.invalid", field: "entity.kbId", rule: "format", limit: null, actual: null },
      ],
      [
        "createEntity",
        { name: "أحمد", type: "PER", aliases: Array.from({ length: 201 }, (_, i) => `a${String(i)}`) },
        "createEntity: aliases: there can be at most 200 aliases (there are 201)",
        { kind: "input.invalid", field: "entity.aliases", rule: "max_items", limit: 200, actual: 201 },
      ],
      [
        "createEntity",
        { name: "أحمد", type: "PER", aliases: ["ok", " "] },
        "createEntity: aliases.1: an alias is empty",
        { kind: "input.invalid", field: "entity.alias", rule: "required", limit: null, actual: null },
      ],
      [
        "updateSpan",
        { spanId: 1, note: "n".repeat(10_001) },
        "updateSpan: note: the note is at most 10000 characters (it has 10001)",
        { kind: "input.invalid", field: "span.note", rule: "max_length", limit: 10_000, actual: 10_001 },
      ],
      [
        "search",
        { query: "q".repeat(201) },
        "search: query: the search is at most 200 characters (it has 201)",
        { kind: "input.invalid", field: "search.query", rule: "max_length", limit: 200, actual: 201 },
      ],
    ];
    for (const [name, input, message, detail] of cases) {
      assert.deepEqual(await dispatch(table, name, input), {
        ok: false,
        error: { code: "bad_input", message, detail },
      });
    }
    // Input no person types in the app keeps the machine-facing line, with no detail.
    assert.deepEqual(await dispatch(table, "getDocument", { documentId: "1" }), {
      ok: false,
      error: { code: "bad_input", message: "getDocument: documentId: Invalid input: expected number, received string" },
    });
  });
});
