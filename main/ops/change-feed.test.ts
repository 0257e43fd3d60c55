/**
 * The change feed and undo that belongs to its author (issue 11): every write is one record
 * with the next revision, naming what it created, updated or deleted, by whom and from which
 * client; reads write nothing; a second process's writes on the same file are in the same
 * log; undo and redo touch only the asking client's changes and never undo across another
 * client's later change to the same rows.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { ProjectStore } from "../../db/project.ts";
import { emptyProject, extent, sampleText } from "../../test-support/annotated-sample.ts";
import { createOperationTable } from "./table.ts";
import { dispatch } from "./dispatch.ts";
import { watchForeignChanges } from "../watch-changes.ts";

/** A project with the sample article, and a table whose client is switched by `as`. */
function twoClients(t: Parameters<typeof emptyProject>[0]) {
  const p = emptyProject(t);
  let client = "tab-a";
  const table = createOperationTable(p.store, {
    annotator: "tester",
    now: () => "2026-12-01T10:00:00.000Z",
    client: () => client,
  });
  const documentId =
    table.importDocuments({ files: [{ name: "s.txt", contentBase64: Buffer.from(sampleText).toString("base64") }] })
      .outcomes[0]?.documentId ?? 0;
  const as = (name: string): OperationTable => {
    client = name;
    return table;
  };
  return { ...p, table, as, documentId };
}

describe("change feed", () => {
  it("records each write once, with what it touched, and nothing for reads", async (t) => {
    const { store, as, documentId } = twoClients(t);
    const start = store.revision();
    assert.equal(start, 1, "the import was revision 1");
    const quote = as("tab-a").createSpan({ documentId, label: "QUOTE", ...extent("روسيا مهتمة بتطبيع حوارنا") });
    as("tab-a").getDocument({ documentId });
    await as("tab-a").exportDocuments({ format: "jsonl" });
    as("tab-a").search({ query: "لافروف" });
    const { revision, records, reset } = store.changesSince(start);
    assert.equal(revision, 2);
    assert.equal(reset, false);
    assert.equal(records.length, 1);
    const [record] = records;
    assert.equal(record?.client, "tab-a");
    assert.equal(record.annotator, "tester");
    // A new span turns a new document in progress: both are in the one record.
    assert.deepEqual(
      [...record.changes].sort((a, b) => a.type.localeCompare(b.type)),
      [
        { kind: "updated", type: "document", id: documentId },
        { kind: "created", type: "span", id: quote.id },
      ],
    );
    as("tab-a").deleteSpan({ spanId: quote.id });
    // Deleting the span changes its document's counts: the document's line is named too.
    assert.deepEqual(store.changesSince(2).records[0]?.changes, [
      { kind: "deleted", type: "span", id: quote.id },
      { kind: "updated", type: "document", id: documentId },
    ]);
  });

  it("answers a write with its record and the objects it touched, as the reads show them", async (t) => {
    const { table, documentId } = twoClients(t);
    const reply = await dispatch(table, "createSpan", {
      documentId,
      label: "QUOTE",
      ...extent("روسيا مهتمة بتطبيع حوارنا"),
    });
    assert.ok(reply.ok);
    const records = reply.changes ?? [];
    assert.equal(records.length, 1);
    const [record] = records;
    const doc = table.getDocument({ documentId });
    const span = doc.spans.find((s) => s.text === "روسيا مهتمة بتطبيع حوارنا");
    assert.ok(span);
    assert.deepEqual(record?.objects.spans, [span]);
    const { text: _t, textSha256: _h, hadBom: _b, spans: _s, relations: _r, ...line } = doc;
    assert.deepEqual(record.objects.documents, [line]);
    assert.equal(record.objects.documents[0]?.status, "in_progress");
    assert.equal(record.objects.complete, true);
    assert.equal(record.objects.project, null, "no label changed");
    assert.deepEqual(reply.history, table.getHistory({}));
    assert.equal(reply.history.undo?.message?.kind, "span.add");
    // A read carries no records; the same records are there for a view that catches up.
    const read = await dispatch(table, "getDocument", { documentId });
    assert.ok(read.ok);
    assert.equal(read.changes, undefined);
    const caught = table.changesSince({ since: record.revision - 1 });
    assert.deepEqual(caught.records, records);
    assert.deepEqual(table.changesSince({ since: 0, limit: 0 }), {
      revision: record.revision,
      reset: false,
      records: [],
    });
    // A label change carries the schema.
    const relabel = await dispatch(table, "updateLabel", { name: "LOC", displayName: "Place" });
    assert.ok(relabel.ok);
    assert.equal(relabel.changes?.[0]?.objects.project?.labels.find((l) => l.name === "LOC")?.displayName, "Place");
  });

  it("sees the writes of another process on the same file", (t) => {
    const { store, path, documentId } = twoClients(t);
    const other = new ProjectStore(path);
    t.after(() => {
      other.close();
    });
    const cli = createOperationTable(other, { annotator: "cli-user", client: () => "cli" });
    const before = store.revision();
    const span = cli.createSpan({ documentId, label: "LOC", ...extent("سوتشي") });
    const seen = store.changesSince(before);
    assert.equal(seen.revision, before + 1);
    assert.equal(seen.records[0]?.client, "cli");
    assert.equal(seen.records[0].annotator, "cli-user");
    assert.ok(seen.records[0].changes.some((c) => c.type === "span" && c.id === span.id && c.kind === "created"));
  });

  it("says reset when the records a view missed were trimmed away", (t) => {
    const { store } = twoClients(t);
    assert.equal(store.changesSince(0).reset, false, "revision 1 is still in the log");
    assert.equal(store.changesSince(store.revision()).records.length, 0);
  });
});

describe("undo that belongs to its author", () => {
  it("undoes this client's last change, not another tab's later one", (t) => {
    const { as, documentId } = twoClients(t);
    const mine = as("tab-a").createSpan({ documentId, label: "LOC", ...extent("سوتشي") });
    const theirs = as("tab-b").createSpan({ documentId, label: "LOC", ...extent("موسكو") });
    const undone = as("tab-a").undo({});
    assert.match(undone.undone?.description ?? "", /سوتشي/u);
    const spans = as("tab-a")
      .getDocument({ documentId })
      .spans.map((s) => s.id);
    assert.deepEqual(spans, [theirs.id], "tab b's span stays, tab a's is gone");
    assert.match(as("tab-b").getHistory({}).undo?.description ?? "", /موسكو/u);
    assert.equal(as("tab-b").getHistory({}).redo, null, "tab a's undo gives tab b nothing to redo");
    assert.match(as("tab-a").getHistory({}).redo?.description ?? "", /سوتشي/u);
    assert.notEqual(mine.id, theirs.id);
  });

  it("refuses to undo across another client's later change to the same span, in one line", async (t) => {
    const { table, as, documentId } = twoClients(t);
    const span = as("tab-a").createSpan({ documentId, label: "LOC", ...extent("سوتشي") });
    as("tab-b").updateSpan({ spanId: span.id, label: "ORG" });
    as("tab-a");
    const reply = await dispatch(table, "undo", {});
    assert.equal(reply.ok, false);
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, "conflict");
    assert.match(
      reply.error.message,
      /^cannot undo "Add Location «سوتشي»": "Change Location «سوتشي» to Organization" was made on it since, elsewhere$/u,
    );
    assert.equal(
      as("tab-a")
        .getDocument({ documentId })
        .spans.find((s) => s.id === span.id)?.label,
      "ORG",
      "nothing was undone",
    );
    // Once tab b undoes its relabel, tab a's undo goes through.
    as("tab-b").undo({});
    assert.match(as("tab-a").undo({}).undone?.description ?? "", /سوتشي/u);
    assert.equal(as("tab-a").getDocument({ documentId }).spans.length, 0);
  });
});

describe("watchForeignChanges (the desktop window's watcher)", () => {
  it("reports another client's write within a second, and never the window's own", async (t) => {
    const { store, as, documentId } = twoClients(t);
    const heard: string[] = [];
    const stop = watchForeignChanges(store, "desktop", (records) => heard.push(...records.map((r) => r.client)), 50);
    t.after(stop);
    as("desktop").createSpan({ documentId, label: "LOC", ...extent("سوتشي") });
    as("cli").createSpan({ documentId, label: "LOC", ...extent("موسكو") });
    const until = Date.now() + 1000;
    while (heard.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(heard, ["cli"]);
  });
});
