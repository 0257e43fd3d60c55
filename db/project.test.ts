import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { QawlError } from "../core/errors.ts";
import { tempDir } from "../test-support/temp.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { APPLICATION_ID, ProjectStore } from "./project.ts";

const NOW = "2026-01-01T00:00:00.000Z";

describe("ProjectStore", () => {
  it("creates a project with WAL, foreign keys, the schema version and the default labels", (t) => {
    const store = new ProjectStore(join(tempDir(t), "p.qawl"));
    t.after(() => {
      store.close();
    });
    assert.equal(store.pragma("journal_mode"), "wal");
    assert.equal(store.pragma("foreign_keys"), 1);
    // FULL (2): a write acknowledged survives a power cut (README, "Concurrency and crashes").
    assert.equal(store.pragma("synchronous"), 2);
    assert.equal(store.pragma("user_version"), MIGRATIONS.length);
    assert.equal(store.pragma("application_id"), APPLICATION_ID);
    assert.deepEqual(
      store.labels().map((l) => [l.name, l.key, l.displayName]),
      [
        ["QUOTE", "q", "Quote"],
        ["SPEAKER", "s", "Speaker"],
        ["CUE", "c", "Cue"],
        ["PER", "p", "Person"],
        ["ORG", "o", "Organization"],
        ["LOC", "l", "Location"],
        ["MISC", "m", "Misc"],
      ],
    );
    assert.deepEqual(store.labels()[0]?.attributes, [{ name: "type", values: ["direct", "indirect", "mixed"] }]);
    assert.deepEqual(
      store.relationTypes().map((r) => [r.name, r.fromKind, r.toKind]),
      [
        ["attributed_to", "quote", "speaker"],
        ["cue", "quote", "cue"],
      ],
    );
  });

  it("reopens a project without migrating or seeding again", (t) => {
    const path = join(tempDir(t), "p.qawl");
    new ProjectStore(path).close();
    const again = new ProjectStore(path);
    t.after(() => {
      again.close();
    });
    assert.equal(again.labels().length, 7);
  });

  it("refuses a SQLite file that is not a Qawl project", (t) => {
    const path = join(tempDir(t), "other.sqlite");
    const db = new Database(path);
    db.exec("CREATE TABLE t (x)");
    db.close();
    assert.throws(
      () => new ProjectStore(path),
      (e: unknown) => e instanceof QawlError && /not a Qawl project/u.test(e.message),
    );
  });

  it("refuses a file that is not SQLite at all", (t) => {
    const path = join(tempDir(t), "notes.qawl");
    writeFileSync(path, "these are notes, not a database\n".repeat(100));
    assert.throws(
      () => new ProjectStore(path),
      (e: unknown) => e instanceof QawlError && e.message.startsWith(path),
    );
  });

  it("refuses a project from a newer Qawl", (t) => {
    const path = join(tempDir(t), "p.qawl");
    new ProjectStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${String(MIGRATIONS.length + 1)}`);
    db.close();
    assert.throws(() => new ProjectStore(path), /newer than this Qawl knows/u);
  });

  it("cascades: deleting a span deletes its relations", (t) => {
    const store = new ProjectStore(join(tempDir(t), "p.qawl"));
    t.after(() => {
      store.close();
    });
    const doc = store.insertDocument(
      {
        title: "t",
        published_raw: null,
        published_iso: null,
        source: null,
        url: null,
        lang: "ar",
        text: "قال الوزير: نعم",
        text_sha256: "0".repeat(64),
        had_bom: 0,
        length: 15,
      },
      NOW,
    );
    const me = store.annotatorId("me", NOW);
    const labels = store.labels();
    const quote = store.insertSpan(
      { document_id: doc, label_id: labels[0]?.id ?? 0, start: 12, end: 15, attributes: {}, annotator_id: me },
      NOW,
    );
    const speaker = store.insertSpan(
      { document_id: doc, label_id: labels[1]?.id ?? 0, start: 4, end: 10, attributes: {}, annotator_id: me },
      NOW,
    );
    store.insertRelation(
      {
        document_id: doc,
        type_id: store.relationTypes()[0]?.id ?? 0,
        from_span_id: quote,
        to_span_id: speaker,
        to_entity_id: null,
        annotator_id: me,
      },
      NOW,
    );
    assert.equal(store.relationsOf(doc).length, 1);
    store.deleteSpan(speaker);
    assert.equal(store.relationsOf(doc).length, 0);
  });

  it("refuses a zero-width span at the database level too", (t) => {
    const store = new ProjectStore(join(tempDir(t), "p.qawl"));
    t.after(() => {
      store.close();
    });
    const doc = store.insertDocument(
      {
        title: "t",
        published_raw: null,
        published_iso: null,
        source: null,
        url: null,
        lang: "ar",
        text: "نعم",
        text_sha256: "1".repeat(64),
        had_bom: 0,
        length: 3,
      },
      NOW,
    );
    const me = store.annotatorId("me", NOW);
    assert.throws(
      () =>
        store.insertSpan(
          {
            document_id: doc,
            label_id: store.labels()[0]?.id ?? 0,
            start: 1,
            end: 1,
            attributes: {},
            annotator_id: me,
          },
          NOW,
        ),
      /CHECK constraint failed/u,
    );
  });

  it("keeps the English description of changes recorded before change messages existed (migration 6)", (t) => {
    const path = join(tempDir(t), "v5.qawl");
    const db = new Database(path);
    for (const m of MIGRATIONS.slice(0, 5)) db.exec(m);
    db.exec(`INSERT INTO annotators (id, name, created_at) VALUES (1, 'a', '${NOW}')`);
    db.exec(`INSERT INTO history (description, document_id, annotator_id, changes, created_at)
             VALUES ('Add Quote «نتفق»', NULL, 1, '[]', '${NOW}')`);
    db.pragma(`application_id = ${String(APPLICATION_ID)}`);
    db.pragma("user_version = 5");
    db.close();
    const store = new ProjectStore(path);
    t.after(() => {
      store.close();
    });
    assert.equal(store.pragma("user_version"), MIGRATIONS.length);
    // Undo belongs to the annotator and client that made the change (migration 10: `local`).
    store.setActor("a", "local");
    const undo = store.historyState().undo;
    assert.equal(undo?.description, "Add Quote «نتفق»");
    assert.equal(undo.message, null);
    // The project as it was before the update was kept beside it, whole, at version 5.
    const kept = new Database(`${path}.v5.bak`, { readonly: true });
    t.after(() => {
      kept.close();
    });
    assert.equal(kept.pragma("user_version", { simple: true }), 5);
    assert.equal(kept.pragma("integrity_check", { simple: true }), "ok");
    const history = kept.prepare("SELECT description FROM history").all() as { description: string }[];
    assert.deepEqual(history, [{ description: "Add Quote «نتفق»" }]);
    // A project made now needs no copy.
    const freshPath = join(tempDir(t), "new.qawl");
    new ProjectStore(freshPath).close();
    assert.equal(existsSync(`${freshPath}.v0.bak`), false);
    assert.equal(existsSync(freshPath), true);
  });

  it("refuses to undo a document deletion over a span id an exact import took since", (t) => {
    const store = new ProjectStore(join(tempDir(t), "p.qawl"));
    t.after(() => {
      store.close();
    });
    const doc = (text: string, sha: string) =>
      store.insertDocument(
        {
          title: text,
          published_raw: null,
          published_iso: null,
          source: null,
          url: null,
          lang: "ar",
          text,
          text_sha256: sha.repeat(64),
          had_bom: 0,
          length: [...text].length,
        },
        NOW,
      );
    const kept = doc("نعم نعم", "2");
    const gone = doc("قال الوزير", "3");
    const me = store.annotatorId("me", NOW);
    store.setActor("me", "local");
    const span = (documentId: number) =>
      store.insertSpan(
        {
          document_id: documentId,
          label_id: store.labels()[0]?.id ?? 0,
          start: 0,
          end: 3,
          attributes: {},
          annotator_id: me,
        },
        NOW,
      );
    const last = span(gone);
    const message = { kind: "document.delete", title: "قال الوزير" } as const;
    store.change({ description: "Delete", message }, gone, me, NOW, () => {
      store.deleteDocuments([gone]);
    });
    const entry = store.historyState().undo;
    assert.deepEqual(entry?.message, message, "the message comes back decoded");
    assert.equal(store.restoreObstacle(entry.id, "undo"), null);
    // A new span never gets the deleted one's id (migration 11), so the undo stays possible…
    assert.ok(span(kept) > last);
    assert.equal(store.restoreObstacle(entry.id, "undo"), null);
    // …unless an exact import wrote a span with that very id since.
    store.insertSpanRow({
      id: last,
      document_id: kept,
      label_id: store.labels()[0]?.id ?? 0,
      start: 4,
      end: 7,
      attributes: {},
      entity_id: null,
      note: null,
      annotator_id: me,
      created_at: NOW,
      updated_at: NOW,
      suggested_by: null,
      fragments: [],
    });
    assert.deepEqual(store.restoreObstacle(entry.id, "undo"), { kind: "taken", what: "span", id: last });
  });
});
