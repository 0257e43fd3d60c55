import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import Database from "better-sqlite3";
import { DEFAULT_CUES } from "../../core/preannotate/cues.ts";
import { MIGRATIONS } from "../../db/migrations/index.ts";
import { APPLICATION_ID, ProjectStore } from "../../db/project.ts";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { nativeJsonlProblems } from "../../test-support/native-schema.ts";
import { runPython } from "../../test-support/python.ts";
import { SAMPLE, exportJsonl, tempDir } from "../../test-support/temp.ts";

const sampleText = readFileSync(SAMPLE, "utf8");

/** Code point offsets of every occurrence of `needle` in `text`, by Python's `re.finditer`. */
function occurrences(text: string, needle: string): number[] {
  return runPython<number[]>(
    `import json, re, sys\njob = json.load(sys.stdin)\nprint(json.dumps([m.start() for m in re.finditer(re.escape(job["needle"]), job["text"])]))`,
    { text, needle },
  );
}

/** The sample article in a fresh project, pre-annotated. */
function preannotated(t: TestContext) {
  const p = emptyProject(t);
  const documentId =
    p.table.importDocuments({ files: [{ name: "lavrov.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
      .outcomes[0]?.documentId ?? 0;
  const result = p.table.preannotate({});
  return { ...p, documentId, result };
}

describe("pre-annotation", () => {
  it("suggests quotes, cues and speakers that the document list counts apart from accepted spans", (t) => {
    const { table, documentId, result } = preannotated(t);
    const doc = table.getDocument({ documentId });
    const suggested = doc.spans.filter((s) => s.suggested === "rules");
    assert.equal(suggested.length, result.suggested);
    assert.equal(doc.spans.length, suggested.length);
    assert.deepEqual(result.documents[0]?.quotes, suggested.filter((s) => s.label === "QUOTE").length);
    const summary = table.listDocuments({})[0];
    assert.equal(summary?.suggestionCount, suggested.length);
    assert.deepEqual(summary.spanCounts, {});
    assert.equal(summary.status, "in_progress");
    // Every suggestion slices right in Python.
    const slices = runPython<string[]>(
      `import json, sys\njob = json.load(sys.stdin)\nprint(json.dumps([job["text"][s:e] for s, e in job["ranges"]], ensure_ascii=False))`,
      { text: sampleText, ranges: suggested.map((s) => [s.start, s.end]) },
    );
    assert.deepEqual(
      slices,
      suggested.map((s) => s.text),
    );
  });

  it("accepts a quote with its suggested cue and speaker; rejecting one keeps a speaker another quote uses", (t) => {
    const { table, documentId } = preannotated(t);
    const doc = table.getDocument({ documentId });
    const byText = (start: string) => doc.spans.find((s) => s.label === "QUOTE" && s.text.startsWith(start));
    const first = byText("روسيا مهتمة");
    const second = byText("نتفق في أهمية");
    assert.ok(first !== undefined && second !== undefined);
    const accepted = table.reviewSuggestions({ decision: "accept", spanIds: [first.id] }).accepted;
    const texts = table
      .getDocument({ documentId })
      .spans.filter((s) => accepted.includes(s.id))
      .map((s) => `${s.label}:${s.text.slice(0, 11)}`)
      .sort();
    assert.deepEqual(texts, ["CUE:قال", "QUOTE:روسيا مهتمة", "SPEAKER:وزير الخارج"]);
    assert.throws(() => table.reviewSuggestions({ decision: "accept", spanIds: [first.id] }), /not a suggestion/u);

    const { rejected } = table.reviewSuggestions({ decision: "reject", spanIds: [second.id] });
    const after = table.getDocument({ documentId });
    assert.equal(
      after.spans.find((s) => s.id === second.id),
      undefined,
    );
    // The cue أضاف went with it; the minister stays (the accepted first quote points to him).
    assert.equal(rejected.length, 2);
    assert.ok(after.spans.some((s) => s.label === "SPEAKER" && s.text === "وزير الخارجية الروسي"));
    assert.ok(!after.spans.some((s) => s.label === "CUE" && s.text === "أضاف"));
    table.undo({});
    assert.ok(table.getDocument({ documentId }).spans.some((s) => s.id === second.id));
  });

  it("rejecting a suggested cue by itself removes it and leaves its quote suggested, without the cue", (t) => {
    const { table, documentId } = preannotated(t);
    const doc = table.getDocument({ documentId });
    const quote = doc.spans.find((s) => s.label === "QUOTE" && s.text.startsWith("نتفق في أهمية"));
    const cueLink = doc.relations.find((r) => r.fromSpanId === quote?.id && r.type === "cue");
    assert.ok(quote !== undefined && cueLink !== undefined && cueLink.toSpanId !== null);
    const { rejected } = table.reviewSuggestions({ decision: "reject", spanIds: [cueLink.toSpanId] });
    assert.deepEqual(rejected, [cueLink.toSpanId]);
    const after = table.getDocument({ documentId });
    assert.equal(after.spans.find((s) => s.id === quote.id)?.suggested, "rules");
    assert.ok(!after.relations.some((r) => r.fromSpanId === quote.id && r.type === "cue"));
    assert.ok(after.relations.some((r) => r.fromSpanId === quote.id && r.type === "attributed_to"));
  });

  it("labelling exactly a suggestion accepts it; editing one accepts it too", (t) => {
    const { table, documentId } = preannotated(t);
    const cue = table.getDocument({ documentId }).spans.find((s) => s.label === "CUE" && s.text === "قال");
    assert.ok(cue !== undefined);
    const made = table.createSpan({ documentId, label: "CUE", start: cue.start, end: cue.end });
    assert.equal(made.id, cue.id);
    assert.equal(made.suggested, null);
    assert.equal(made.annotator, "tester");
    const quote = table.getDocument({ documentId }).spans.find((s) => s.label === "QUOTE" && s.suggested !== null);
    assert.ok(quote !== undefined);
    assert.equal(table.updateSpan({ spanId: quote.id, note: "checked" }).suggested, null);
  });

  it("runs again without repeating itself, and --accept accepts everything", (t) => {
    const { table, documentId, result } = preannotated(t);
    const before = table.getDocument({ documentId }).spans;
    const history = table.getHistory({}).undo;
    // Again: nothing new; the suggestions still to review stay as they are, and no undo step is added.
    const again = table.preannotate({ documentIds: [documentId] });
    assert.equal(again.suggested, 0);
    assert.equal(again.kept, result.suggested);
    const [doc] = again.documents;
    assert.ok(doc !== undefined);
    assert.equal(doc.newQuotes, 0);
    assert.equal(doc.quotes, result.documents[0]?.quotes);
    assert.deepEqual(table.getDocument({ documentId }).spans, before);
    assert.deepEqual(table.getHistory({}).undo, history);
    table.reviewSuggestions({ decision: "accept", documentId });
    assert.equal(table.preannotate({}).suggested, 0);
    const fresh = emptyProject(t, "q.qawl").table;
    fresh.importDocuments({ files: [{ name: "l.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] });
    const all = fresh.preannotate({ accept: true });
    assert.equal(all.accepted, all.suggested);
    assert.equal(fresh.listDocuments({})[0]?.suggestionCount, 0);
  });

  it("keeps suggestions in the native JSONL (schema-valid) and leaves them out of other formats, saying so", async (t) => {
    const { table } = preannotated(t);
    const jsonl = await exportJsonl(table);
    assert.deepEqual(nativeJsonlProblems(jsonl), []);
    assert.match(jsonl, /"suggested":"rules"/u);
    const conll = await table.exportDocuments({ format: "conll" });
    assert.doesNotMatch(conll.files[0]?.content ?? "", /B-QUOTE/u);
    // A plain-text article written as CoNLL tokens loses its spacing, and the suggestions.
    assert.match(
      conll.report.documents[0]?.lost.join("; ") ?? "",
      /^the text's own spacing and line breaks \(written as tokens; [^)]*\); \d+ unreviewed suggestions \(accept them to export them\); document details not in this format: [^;]+$/u,
    );
    // Imported into an empty project, the suggestions are still suggestions.
    const other = emptyProject(t, "copy.qawl").table;
    other.importDocuments({ files: [{ name: "x.jsonl", contentBase64: Buffer.from(jsonl).toString("base64") }] });
    assert.equal(await exportJsonl(other), jsonl);
  });

  it("never suggests again what was rejected, quote or name, until the rejection is undone", (t) => {
    const { table, documentId } = preannotated(t);
    const quoteAt = (start: string) =>
      table
        .getDocument({ documentId })
        .spans.find((s) => s.label === "QUOTE" && s.text.startsWith(start) && s.suggested !== null);
    const second = quoteAt("نتفق في أهمية");
    assert.ok(second !== undefined);
    const cueOfSecond = table
      .getDocument({ documentId })
      .relations.find((r) => r.fromSpanId === second.id && r.type === "cue")?.toSpanId;
    assert.ok(cueOfSecond !== undefined && cueOfSecond !== null);
    const { rejected } = table.reviewSuggestions({ decision: "reject", spanIds: [second.id] });
    // The quote took its suggested cue (أضاف) along, and nothing else: its speaker is the
    // minister carried over from the first quote, which still points to him. The history counts both.
    assert.deepEqual(
      [...rejected].sort((a, b) => a - b),
      [second.id, cueOfSecond].sort((a, b) => a - b),
    );
    assert.equal(table.getHistory({}).undo?.description, "Reject 2 suggestions");
    table.preannotate({ documentIds: [documentId] });
    assert.equal(quoteAt("نتفق في أهمية"), undefined);
    // Undoing the rejection forgets it: the next run suggests the quote again.
    table.undo({}); // the second pre-annotation
    table.undo({}); // the rejection
    table.preannotate({ documentIds: [documentId] });
    assert.notEqual(quoteAt("نتفق في أهمية"), undefined);

    // A name: its other mentions are suggested; one rejected (Delete on a suggestion) stays out.
    const [first, ...others] = occurrences(sampleText, "لافروف");
    assert.ok(first !== undefined && others.length > 1);
    const span = table.createSpan({ documentId, label: "PER", start: first, end: first + 6 });
    table.createEntity({ name: "Sergei Lavrov", type: "PER", spanIds: [span.id] });
    table.propagateNames({ spanId: span.id });
    const names = () =>
      table
        .getDocument({ documentId })
        .spans.filter((s) => s.label === "PER" && s.suggested === "propagation")
        .map((s) => s.start);
    const suggested = names();
    assert.deepEqual(suggested, others);
    const gone = table.getDocument({ documentId }).spans.find((s) => s.suggested === "propagation");
    assert.ok(gone !== undefined);
    table.deleteSpan({ spanId: gone.id });
    table.reviewSuggestions({ decision: "reject", documentId }); // every other suggestion
    table.propagateNames({ documentIds: [documentId] });
    assert.deepEqual(names(), []);
  });

  it("puts the cue list back on undo, and names the change", (t) => {
    const { table } = emptyProject(t);
    const shorter = DEFAULT_CUES.filter((c) => c.lemma !== "قال");
    table.setCueLemmas({ cues: shorter });
    assert.equal(
      table.getHistory({}).undo?.description,
      `Set the cue list (${String(DEFAULT_CUES.length - 1)} lemmas)`,
    );
    assert.deepEqual(
      table.getCueLemmas({}).map((c) => c.lemma),
      shorter.map((c) => c.lemma),
    );
    table.undo({});
    assert.deepEqual(table.getCueLemmas({}), DEFAULT_CUES);
    table.redo({});
    assert.deepEqual(table.getCueLemmas({}), shorter);
    table.setCueLemmas({ cues: [...DEFAULT_CUES] });
    assert.deepEqual(table.getHistory({}).undo?.message, { kind: "cues.reset" });
    assert.deepEqual(table.getCueLemmas({}), DEFAULT_CUES);
    table.undo({});
    assert.deepEqual(table.getCueLemmas({}), shorter);
  });

  it("follows the project's cue list, which refuses a lemma listed twice", (t) => {
    const { table } = emptyProject(t);
    assert.deepEqual(table.getCueLemmas({}), DEFAULT_CUES);
    assert.throws(
      () =>
        table.setCueLemmas({ cues: [DEFAULT_CUES[0], DEFAULT_CUES[0]].flatMap((c) => (c === undefined ? [] : [c])) }),
      /listed twice/u,
    );
    const documentId =
      table.importDocuments({ files: [{ name: "l.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    table.setCueLemmas({
      cues: DEFAULT_CUES.filter((c) => c.lemma !== "قال" && c.lemma !== "أضاف" && c.lemma !== "تابع"),
    });
    // The three direct quotes of the sample follow `قال …:`, `وأضاف:`, `وتابع قائلا:` — still
    // found after their colon, but with no cue.
    assert.equal(table.preannotate({}).documents[0]?.quotes, 9);
    const cues = table
      .getDocument({ documentId })
      .spans.filter((s) => s.label === "CUE")
      .map((s) => s.text);
    assert.deepEqual(
      cues.filter((c) => ["قال", "أضاف", "تابع قائلا"].includes(c)),
      [],
    );
    assert.equal(cues.length, 6);
  });
});

describe("name propagation", () => {
  it("suggests every other whole-word mention of a tagged name, after a و but never covering it", (t) => {
    const p = emptyProject(t);
    const documentId =
      p.table.importDocuments({ files: [{ name: "l.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const all = occurrences(sampleText, "بومبيو");
    const tagged = all[3] ?? 0;
    const span = p.table.createSpan({ documentId, label: "PER", start: tagged, end: tagged + 6 });
    const entity = p.table.createEntity({ name: "Mike Pompeo", type: "PER", spanIds: [span.id] });
    const result = p.table.propagateNames({ spanId: span.id });
    const suggestions = p.table
      .getDocument({ documentId })
      .spans.filter((s) => s.suggested === "propagation")
      .map((s) => [s.start, s.end, s.label, s.entityId]);
    // `بومبيو` is six letters; each occurrence stands alone or after a و (وبومبيو), never inside a longer word.
    assert.deepEqual(
      suggestions,
      all.filter((a) => a !== tagged).map((a) => [a, a + 6, "PER", entity.id]),
    );
    assert.equal(result.suggested, all.length - 1);
    // The tagged span's document gets its new suggestions back whole, so a view need not reload.
    assert.deepEqual(
      result.inDocument.map((s) => [s.start, s.end, s.text, s.suggested]).sort((a, b) => Number(a[0]) - Number(b[0])),
      all.filter((a) => a !== tagged).map((a) => [a, a + 6, "بومبيو", "propagation"]),
    );
    assert.ok(occurrences(sampleText, "وبومبيو").every((w) => all.includes(w + 1)));
    // Suggestions are not the entity's mentions until accepted.
    assert.deepEqual(
      p.table.getEntity({ entityId: entity.id }).mentions.map((m) => m.start),
      [tagged],
    );
    assert.equal(p.table.listEntities({}).find((e) => e.id === entity.id)?.mentionCount, 1);
    p.table.reviewSuggestions({ decision: "accept", documentId });
    assert.equal(p.table.getEntity({ entityId: entity.id }).mentions.length, all.length);
  });

  it("keeps a speaker's description as an alias for matching, never suggesting it as a name", (t) => {
    const p = emptyProject(t);
    const documentId =
      p.table.importDocuments({ files: [{ name: "l.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const at = (needle: string) => {
      const start = occurrences(sampleText, needle)[0] ?? -1;
      return { start, end: start + [...needle].length };
    };
    const full = p.table.createSpan({ documentId, label: "PER", ...at("سيرغي لافروف") });
    const lavrov = p.table.createEntity({ name: "سيرغي لافروف", type: "PER", spanIds: [full.id] });
    const title = p.table.createSpan({ documentId, label: "SPEAKER", ...at("وزير الخارجية الروسي") });
    p.table.updateSpan({ spanId: title.id, entityId: lavrov.id });
    assert.ok(p.table.getEntity({ entityId: lavrov.id }).aliases.includes("وزير الخارجية الروسي"));
    p.table.propagateNames({});
    const names = p.table
      .getDocument({ documentId })
      .spans.filter((s) => s.suggested === "propagation")
      .map((s) => s.text);
    assert.ok(names.includes("لافروف"));
    assert.ok(!names.includes("وزير الخارجية الروسي"), names.join(" · "));
  });

  it("suggests a person's surname alone after the full name, and never a preposition that folds like a name", (t) => {
    const p = emptyProject(t);
    const documentId =
      p.table.importDocuments({ files: [{ name: "l.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const full = occurrences(sampleText, "سيرغي لافروف")[0] ?? 0;
    const span = p.table.createSpan({ documentId, label: "PER", start: full, end: full + 12 });
    p.table.propagateNames({ spanId: span.id });
    const suggested = p.table
      .getDocument({ documentId })
      .spans.filter((s) => s.suggested === "propagation")
      .map((s) => [s.start, s.text]);
    // Seven لافروف in the article, one inside the tagged full name: the other six, and nothing else.
    const surname = occurrences(sampleText, "لافروف").filter((a) => a !== full + 6);
    assert.equal(surname.length, 6);
    assert.deepEqual(
      suggested,
      surname.map((a) => [a, "لافروف"]),
    );

    // علي (a name) and على (a preposition) fold alike; only the name is suggested.
    const text = "عنوان\nقال علي حسن إن الاتفاق يقوم على أسس واضحة. وأضاف علي أن الحكومة توافق عليه وعلى بنوده.";
    const other =
      p.table.importDocuments({ files: [{ name: "a.txt", contentBase64: Buffer.from(text).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const ali = [...text].join("").indexOf("علي حسن");
    const tagged = p.table.createSpan({ documentId: other, label: "PER", start: ali, end: ali + 3 });
    p.table.propagateNames({ spanId: tagged.id });
    const named = p.table
      .getDocument({ documentId: other })
      .spans.filter((s) => s.suggested === "propagation")
      .map((s) => s.text);
    assert.deepEqual(named, ["علي"]);
  });

  it("matches whole words unless asked, through folding, across documents", (t) => {
    const p = emptyProject(t);
    const docs = ["أعلن خبراء أن فيروس الإنفلونزا ينتشر.", "قالت الوزارة إن الفيروسات كثيرة وإن فيروسَ كورونا معروف."];
    const ids = docs.map(
      (text, i) =>
        p.table.importDocuments({
          files: [{ name: `${String(i)}.txt`, contentBase64: Buffer.from(`عنوان\n${text}`).toString("base64") }],
        }).outcomes[0]?.documentId ?? 0,
    );
    const first = `عنوان\n${docs[0] ?? ""}`;
    const start = occurrences(first, "فيروس")[0] ?? 0;
    const span = p.table.createSpan({ documentId: ids[0] ?? 0, label: "MISC", start, end: start + 5 });
    assert.equal(p.table.propagateNames({ spanId: span.id }).suggested, 1);
    const second = `عنوان\n${docs[1] ?? ""}`;
    const got = p.table.getDocument({ documentId: ids[1] ?? 0 }).spans.map((s) => [s.start, s.end]);
    const bare = occurrences(second, "فيروسَ")[0] ?? 0;
    assert.deepEqual(got, [[bare, bare + 6]]); // with its fatha
    p.table.undo({});
    assert.equal(p.table.propagateNames({ spanId: span.id, partialWords: true }).suggested, 2);
  });
});

describe("search", () => {
  it("finds a name written without harakat where the text has them, and maps back to real offsets", (t) => {
    const p = emptyProject(t);
    const text = "خبر\nقال وزيرُ الخارجيّة سيرغي لافروفُ إنّ إسـرائيل تتحمّل المسؤولية.";
    const id =
      p.table.importDocuments({ files: [{ name: "h.txt", contentBase64: Buffer.from(text).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const { hits, total } = p.table.search({ query: "وزير الخارجية", scope: "text" });
    const at = occurrences(text, "وزيرُ الخارجيّة")[0] ?? -1;
    assert.equal(total, 1);
    assert.deepEqual(
      hits.map((h) => [h.documentId, h.start, h.end, h.match]),
      [[id, at, at + 15, "وزيرُ الخارجيّة"]],
    );
    assert.equal(p.table.search({ query: "اسرائيل" }).hits[0]?.match, "إسـرائيل");
    assert.equal(p.table.search({ query: "لافروف", status: "done" }).total, 0);
  });

  it("shows whole words of context around a hit", (t) => {
    const p = emptyProject(t);
    p.table.importDocuments({ files: [{ name: "l.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] });
    const { hits } = p.table.search({ query: "بومبيو" });
    assert.ok(hits.length > 2);
    // Python: the context before each hit ends at the hit; where it was cut, it starts right after a space.
    const checks = runPython<boolean[]>(
      `import json, re, sys
job = json.load(sys.stdin)
out = []
for h in job["hits"]:
    whole = re.sub(r"\\s+", " ", job["text"][:h["start"]])
    ok = whole.endswith(h["before"]) and len(h["before"]) <= 40
    cut = len(whole) - len(h["before"])
    out.append(ok and (cut == 0 or whole[cut - 1] == " "))
print(json.dumps(out))`,
      { text: sampleText, hits: hits.map((h) => ({ start: h.start, before: h.before })) },
    );
    assert.deepEqual(
      checks,
      hits.map(() => true),
    );
  });

  it("finds everything a speaker said, by mention or by entity, and spans by label", (t) => {
    const { table, documentId } = preannotated(t);
    table.reviewSuggestions({ decision: "accept", documentId });
    const minister = table.getDocument({ documentId }).spans.find((s) => s.text === "وزير الخارجية الروسي");
    assert.ok(minister !== undefined);
    table.createEntity({ name: "سيرغي لافروف", type: "PER", aliases: ["Sergei Lavrov"], spanIds: [minister.id] });
    const said = table.search({ query: "lavrov", scope: "speaker" });
    const quotes = table.getDocument({ documentId }).spans.filter((s) => s.label === "QUOTE");
    // The three direct quotes: his mention's, and the two carried over to it.
    assert.deepEqual(
      said.hits.map((h) => h.match.slice(0, 11)),
      ["روسيا مهتمة", "نتفق في أهم", "ناقشنا وضع "],
    );
    assert.ok(said.hits.every((h) => quotes.some((q) => q.id === h.spanId)));
    // Spans by label: the nine cues the rules find in the sample (one per suggested quote,
    // read off the article by hand), each at the occurrence Python's str.find gives.
    const cueWords: [string, number][] = [
      ["أعرب", 0],
      ["مؤكدا", 0],
      ["قال", 0],
      ["أضاف", 0],
      ["تابع قائلا", 0],
      ["أفاد", 0],
      ["أكد", 0],
      ["مؤكدا", 1],
      ["رحب", 0],
    ];
    const cueExtents = runPython<[number, number, string][]>(
      `import json, sys
job = json.load(sys.stdin)
text, out = job["text"], []
for needle, nth in job["needles"]:
    at = -1
    for _ in range(nth + 1):
        at = text.find(needle, at + 1)
    assert at >= 0, needle
    out.append([at, at + len(needle), text[at:at + len(needle)]])
print(json.dumps(out, ensure_ascii=False))`,
      { text: sampleText, needles: cueWords },
    );
    const cues = table.search({ query: "", label: "CUE" });
    assert.equal(cues.total, cueWords.length);
    assert.deepEqual(
      cues.hits.map((h) => [h.start, h.end, h.match]),
      cueExtents,
    );
    // Inside quotes only; a substring match, so `السورية` counts too (Python counts the same).
    const inQuotes = runPython<number>(
      `import json, sys\njob = json.load(sys.stdin)\nprint(sum(job["text"][s:e].count("سورية") for s, e in job["ranges"]))`,
      { text: sampleText, ranges: quotes.map((q) => [q.start, q.end]) },
    );
    assert.equal(table.search({ query: "سورية", scope: "quotes" }).total, inQuotes);
  });

  it("indexes the documents of a project made before search existed", (t) => {
    const path = join(tempDir(t), "v4.qawl");
    const db = new Database(path);
    for (const m of MIGRATIONS.slice(0, 4)) db.exec(m);
    db.exec(`INSERT INTO documents (id, title, lang, text, text_sha256, length, created_at, updated_at)
             VALUES (1, 't', 'ar', 'قال الوزيرُ إنّ الأمر انتهى', '${"0".repeat(64)}', 27, 'x', 'x')`);
    db.pragma(`application_id = ${String(APPLICATION_ID)}`);
    db.pragma("user_version = 4");
    db.close();
    const store = new ProjectStore(path);
    t.after(() => {
      store.close();
    });
    assert.deepEqual(store.documentsContaining("الوزير"), [1]);
  });
});
