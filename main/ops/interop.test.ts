import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import type { ExportFormat, ExportResult, OperationTable } from "../../core/contract.ts";
import { annotatedSample, emptyProject, extent, sampleText } from "../../test-support/annotated-sample.ts";
import { nativeJsonlProblems } from "../../test-support/native-schema.ts";
import { runPython } from "../../test-support/python.ts";
import { FIXTURES } from "../../test-support/temp.ts";

async function exportAs(
  table: OperationTable,
  format: ExportFormat,
  variant?: "spans" | "relations",
): Promise<ExportResult> {
  return table.exportDocuments({ format, ...(variant !== undefined ? { variant } : {}) });
}

function text(result: ExportResult, path: string): string {
  const file = result.files.find((f) => f.path === path);
  assert.ok(file !== undefined, `the export has ${path}`);
  return file.content;
}

const files = (result: ExportResult) =>
  result.files.map((f) => ({
    name: f.path,
    contentBase64: Buffer.from(f.content, f.encoding === "base64" ? "base64" : "utf8").toString("base64"),
  }));

/** Python checks every [start, end) against the text: the slices it returns. */
const SLICES = `
import json, sys
job = json.load(sys.stdin)
print(json.dumps([job["text"][s:e] for s, e in job["ranges"]], ensure_ascii=False))
`;

describe("native JSONL, complete", () => {
  it("imported into an empty project, exports the same bytes", async (t) => {
    const { table } = annotatedSample(t);
    const first = text(await exportAs(table, "jsonl"), "qawl-export.jsonl");
    assert.deepEqual(nativeJsonlProblems(first), []);
    const other = emptyProject(t, "copy.qawl");
    const report = other.table.importDocuments({
      files: [{ name: "export.jsonl", contentBase64: Buffer.from(first).toString("base64") }],
    });
    assert.deepEqual(
      report.outcomes.map((o) => o.status),
      ["imported"],
    );
    const second = text(await exportAs(other.table, "jsonl"), "qawl-export.jsonl");
    assert.ok(second === first, "the re-export differs from the original");
  });

  it("merged into a project that has documents: ids renumbered, everything kept", async (t) => {
    const { table } = annotatedSample(t);
    const exported = text(await exportAs(table, "jsonl"), "qawl-export.jsonl");
    const other = emptyProject(t, "busy.qawl");
    other.table.importDocuments({
      files: [{ name: "x.txt", contentBase64: Buffer.from("قال الوزير: نعم").toString("base64") }],
    });
    other.table.importDocuments({
      files: [{ name: "export.jsonl", contentBase64: Buffer.from(exported).toString("base64") }],
    });
    const doc = other.table.getDocument({ documentId: 2 });
    const original = table.getDocument({ documentId: 1 });
    assert.deepEqual(
      doc.spans.map((s) => [s.label, s.start, s.end, s.fragments, s.attributes, s.note]),
      original.spans.map((s) => [s.label, s.start, s.end, s.fragments, s.attributes, s.note]),
    );
    assert.equal(doc.relations.length, original.relations.length);
    assert.deepEqual(
      other.table
        .listEntities({})
        .map((e) => [e.name, e.kbId])
        .sort(),
      table
        .listEntities({})
        .map((e) => [e.name, e.kbId])
        .sort(),
    );
  });

  it("refuses a file whose offsets are not code points, naming the line", (t) => {
    const { table } = emptyProject(t);
    const emoji = "🇷🇺 قال";
    const header =
      '{"format":"qawl","version":1,"offset_unit":"codepoint","labels":[{"name":"CUE","kind":"cue","display_name":"Cue","key":"c","color":"#a855f7","attributes":[],"retired":false}],"relation_types":[],"entities":[],"annotators":[{"id":1,"name":"x"}]}';
    const sha = runPython<string>(
      "import json,sys,hashlib; print(json.dumps(hashlib.sha256(json.load(sys.stdin).encode()).hexdigest()))",
      emoji,
    );
    // UTF-16 offsets of قال are 5..8; in code points it is 3..6.
    const doc = JSON.stringify({
      id: 1,
      title: "t",
      published: null,
      source: null,
      url: null,
      lang: "ar",
      text: emoji,
      text_sha256: sha,
      had_bom: false,
      status: "new",
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-01T00:00:00.000Z",
      spans: [
        {
          id: 1,
          label: "CUE",
          start: 5,
          end: 8,
          text: "قال",
          attributes: {},
          annotator: "x",
          created_at: "2026-01-01T00:00:00.000Z",
          updated_at: "2026-01-01T00:00:00.000Z",
        },
      ],
      relations: [],
    });
    assert.throws(
      () =>
        table.importDocuments({
          files: [{ name: "bad.jsonl", contentBase64: Buffer.from(`${header}\n${doc}\n`).toString("base64") }],
        }),
      /bad\.jsonl: line 2: span 1: \[5, 8\) is not inside the text; nothing imported$/u,
    );
    assert.equal(table.listDocuments({}).length, 0);
  });
});

describe("the real corpora round-trip in their own CoNLL dialect", () => {
  for (const [name, entities, repairs] of [
    ["anercorp_head40k.txt", 3163 + 11, 11],
    ["newsfane_gold_head40k.tsv", 2700, 0],
  ] as const) {
    it(`${name}: gold entities intact, written back byte for byte (apart from ${String(repairs)} reported repairs)`, async (t) => {
      const { table } = emptyProject(t);
      const bytes = readFileSync(new URL(`arabic-ner/${name}`, FIXTURES));
      const report = table.importDocuments({ files: [{ name, contentBase64: bytes.toString("base64") }] });
      assert.equal(report.outcomes[0]?.status, "imported");
      if (repairs > 0) assert.match(report.notes.join("\n"), new RegExp(`${String(repairs)} stray I- tags`, "u"));
      const summary = table.listDocuments({})[0];
      assert.equal(
        Object.values(summary?.spanCounts ?? {}).reduce((a, b) => a + b, 0),
        entities,
      );
      const result = await exportAs(table, "conll");
      assert.deepEqual(
        result.files.map((f) => f.path),
        [name],
      );
      const written = Buffer.from(result.files[0]?.content ?? "", "utf8");
      const original = bytes.toString("utf8").split("\n");
      const back = written.toString("utf8").split("\n");
      assert.equal(back.length, original.length);
      const changed = original.flatMap((l, i) => (l === back[i] ? [] : [i]));
      assert.equal(changed.length, repairs);
      for (const i of changed) assert.equal(back[i], original[i]?.replace(/ I-(\S+)$/u, " B-$1"));
      // Nothing lost but the document's details (title, source file), which CoNLL has no place for.
      assert.deepEqual(
        result.report.documents.flatMap((d) => d.losses.map((l) => l.kind)),
        ["details"],
      );
    });
  }
});

describe("writers, checked from outside", () => {
  it("brat: .ann offsets slice the .txt in Python; annotation.conf; the carried-over speaker reported", async (t) => {
    const { table } = annotatedSample(t);
    const result = await exportAs(table, "brat");
    const txt = result.files.find((f) => f.path.endsWith(".txt"))?.content ?? "";
    const ann = result.files.find((f) => f.path.endsWith(".ann"))?.content ?? "";
    assert.equal(txt, sampleText);
    const ts = ann.split("\n").filter((l) => l.startsWith("T"));
    const ranges = ts.flatMap((l) =>
      (l.split("\t")[1]?.split(" ").slice(1).join(" ").split(";") ?? []).map((p) => p.split(" ").map(Number)),
    );
    const slices = runPython<string[]>(SLICES, { text: txt, ranges });
    let k = 0;
    for (const l of ts) {
      const pieces = l.split("\t")[1]?.split(" ").slice(1).join(" ").split(";").length ?? 1;
      assert.equal(slices.slice(k, k + pieces).join(" "), l.split("\t")[2]);
      k += pieces;
    }
    assert.match(ann, /^R\d+\tattributed_to Arg1:T\d+ Arg2:T\d+$/mu);
    assert.match(ann, /^N\d+\tReference T\d+ Wikidata:Q20087\tSergei Lavrov$/mu);
    assert.match(text(result, "annotation.conf"), /^\[entities\]\nQUOTE\nSPEAKER/u);
    assert.match(result.report.documents[0]?.lost.join("\n") ?? "", /carried-over speaker/u);
  });

  it("doccano: both layouts hold the sample's spans at Python's extents; relations in the relation layout", async (t) => {
    const { table } = annotatedSample(t);
    // The spans annotatedSample makes (test-support/annotated-sample.ts), the two-piece quote
    // as one span per fragment; each extent is the one Python's str.find gives for the needle.
    const made: [string, string, number][] = [
      ["QUOTE", "روسيا مهتمة بتطبيع حوارنا. نحن على قناعة بأن ذلك أمر وارد وواقعي", 0],
      ["SPEAKER", "وزير الخارجية الروسي", 0],
      ["CUE", "قال", 0],
      ["PER", "سيرغي لافروف", 0],
      ["QUOTE", "نتفق في أهمية استعادة قنوات التواصل", 0],
      ["QUOTE", "ناقشنا وضع القضايا الثنائية", 0],
      ["CUE", "أضاف", 0],
      ["QUOTE", "أن لقاء اليوم تطرق إلى الأوضاع في منطقة خفض التصعيد في إدلب", 0],
      ["SPEAKER", "بومبيو", 3],
      ["CUE", "أكد", 0],
      ["QUOTE", "حتى لا تتحول الأراضي السورية إلى ملاذ للإرهابيين", 0],
      ["PER", "مايك بومبيو", 0],
      ["LOC", "سوتشي", 0],
      ["LOC", "واشنطن", 0],
      ["ORG", "مجلس القطب الشمالي", 0],
      ["MISC", "خطة العمل الشاملة المشتركة", 0],
      ["LOC", "موسكو", 0],
    ];
    const key = ([s, e, l]: readonly [number, number, string]) => `${String(s)} ${String(e)} ${l}`;
    const expected = made
      .map(([label, needle, nth]) => {
        const { start, end } = extent(needle, nth);
        return key([start, end, label]);
      })
      .sort();
    for (const variant of ["relations", "spans"] as const) {
      const line = JSON.parse(text(await exportAs(table, "doccano", variant), "doccano.jsonl").trim()) as {
        text: string;
        label?: [number, number, string][];
        entities?: { id: number; start_offset: number; end_offset: number; label: string }[];
        relations?: { from_id: number; to_id: number; type: string }[];
      };
      assert.equal(line.text, sampleText);
      const triples =
        variant === "spans"
          ? (line.label ?? [])
          : (line.entities ?? []).map((e): [number, number, string] => [e.start_offset, e.end_offset, e.label]);
      assert.deepEqual(triples.map(key).sort(), expected);
      if (variant === "relations") {
        // annotatedSample's seven links less the carried-over speaker (a relation to an entity,
        // which doccano cannot hold: the loss report names it). Each end named by Python's slice.
        const entities = line.entities ?? [];
        const slices = runPython<string[]>(SLICES, {
          text: line.text,
          ranges: entities.map((e) => [e.start_offset, e.end_offset]),
        });
        const named = new Map(entities.map((e, i) => [e.id, slices[i] ?? ""]));
        assert.deepEqual(
          (line.relations ?? []).map((r) => [r.type, named.get(r.from_id), named.get(r.to_id)]),
          [
            ["attributed_to", made[0]?.[1], "وزير الخارجية الروسي"],
            ["cue", made[0]?.[1], "قال"],
            ["cue", "نتفق في أهمية استعادة قنوات التواصل", "أضاف"],
            ["attributed_to", made[7]?.[1], "بومبيو"],
            ["cue", made[7]?.[1], "أكد"],
            ["attributed_to", made[10]?.[1], "بومبيو"],
          ],
        );
      }
    }
  });

  it("Label Studio: regions slice right in Python; quote types per region; a config", async (t) => {
    const { table } = annotatedSample(t);
    const result = await exportAs(table, "labelstudio");
    const tasks = JSON.parse(text(result, "labelstudio.json")) as {
      data: { text: string };
      annotations: {
        result: { type: string; value: { start: number; end: number; text: string; choices?: string[] } }[];
      }[];
    }[];
    const results = tasks[0]?.annotations[0]?.result ?? [];
    const regions = results.filter((r) => r.type === "labels");
    const slices = runPython<string[]>(SLICES, {
      text: tasks[0]?.data.text ?? "",
      ranges: regions.map((r) => [r.value.start, r.value.end]),
    });
    assert.deepEqual(
      slices,
      regions.map((r) => r.value.text),
    );
    assert.deepEqual(
      results
        .filter((r) => r.type === "choices")
        .map((r) => r.value.choices?.[0])
        .sort(),
      ["direct", "direct", "direct", "indirect", "mixed"],
    ); // the two-fragment quote: one choice per region
    assert.ok(results.some((r) => r.type === "relation"));
    assert.match(text(result, "label_config.xml"), /<Choices name="type" toName="text" perRegion="true">/u);
  });

  it("spaCy JSONL: ents flat and in order, every span slices right in Python", async (t) => {
    const { table } = annotatedSample(t);
    const result = await exportAs(table, "spacy");
    assert.deepEqual(
      result.files.map((f) => [f.path, f.encoding]),
      [
        ["spacy.jsonl", "utf8"],
        ["spacy.spacy", "base64"],
      ],
    ); // spaCy's own reading of both: consumers-spacy.test.ts
    const doc = JSON.parse(text(result, "spacy.jsonl").trim()) as {
      text: string;
      ents: [number, number, string][];
      spans: { sc: [number, number, string][] };
    };
    // Not a count: spaCy's doc.ents must not overlap, so each entity starts at or after the
    // previous one's end (a bound, since touching entities are allowed).
    for (let i = 1; i < doc.ents.length; i++) assert.ok((doc.ents[i]?.[0] ?? 0) >= (doc.ents[i - 1]?.[1] ?? 0));
    const slices = runPython<string[]>(SLICES, { text: doc.text, ranges: doc.spans.sc.map(([s, e]) => [s, e]) });
    assert.ok(slices.includes("سيرغي لافروف") && slices.includes("مجلس القطب الشمالي"));
  });

  it("HuggingFace: tokens and IOB2 tags by the label list; the names come back", async (t) => {
    const { table } = annotatedSample(t);
    const result = await exportAs(table, "hf");
    const names = JSON.parse(text(result, "label_names.json")) as string[];
    assert.equal(names[0], "O");
    const rows = text(result, "hf.jsonl")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { tokens: string[]; ner_tags: number[] });
    const found: string[] = [];
    for (const row of rows) {
      let current: string[] = [];
      row.tokens.forEach((token, i) => {
        const tag = names[row.ner_tags[i] ?? 0] ?? "O";
        if (tag.startsWith("B-") || tag === "O") {
          if (current.length > 0) found.push(current.join(" "));
          current = tag === "O" ? [] : [token];
        } else current.push(token);
      });
      if (current.length > 0) found.push(current.join(" "));
    }
    for (const name of ["سيرغي لافروف", "مايك بومبيو", "سوتشي", "واشنطن", "مجلس القطب الشمالي"])
      assert.ok(found.includes(name), name);
  });

  it("WebAnno TSV 3.3: token offsets are UTF-16 units, as Python's UTF-16 encoding counts them", async (t) => {
    const { table } = emptyProject(t);
    const emojiText = readFileSync(new URL("cases/emoji-flag.txt", FIXTURES), "utf8");
    const id =
      table.importDocuments({ files: [{ name: "e.txt", contentBase64: Buffer.from(emojiText).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    const quote = "نرفض ذلك رفضا قاطعا";
    const start = [...emojiText.slice(0, emojiText.indexOf(quote))].length;
    table.createSpan({ documentId: id, label: "QUOTE", start, end: start + [...quote].length });
    const tsv = (await exportAs(table, "webanno")).files[0]?.content ?? "";
    assert.match(tsv, /^#FORMAT=WebAnno TSV 3\.3\n#T_SP=webanno\.custom\.Qawl\|/u);
    const rows = tsv
      .split("\n")
      .filter((l) => /^\d+-\d+\t/u.test(l))
      .map((l) => l.split("\t"));
    const check = runPython<string[]>(
      `
import json, sys
job = json.load(sys.stdin)
u16 = job["text"].encode("utf-16-le")
print(json.dumps([u16[2*s:2*e].decode("utf-16-le") for s, e in job["ranges"]], ensure_ascii=False))`,
      { text: emojiText, ranges: rows.map((r) => (r[1] ?? "0-0").split("-").map(Number)) },
    );
    assert.deepEqual(
      check,
      rows.map((r) => r[2]),
    );
    const quoteRows = rows.filter((r) => (r[4] ?? "").startsWith("QUOTE"));
    assert.equal(quoteRows.map((r) => r[2]).join(" "), quote);
  });

  it("quotes table: CSV with a BOM that Python's csv reads; XLSX with the same rows", async (t) => {
    const { table } = annotatedSample(t);
    const csv = text(await exportAs(table, "quotes-csv"), "quotes.csv");
    assert.ok(csv.startsWith("\uFEFF"));
    const rows = runPython<Record<string, string>[]>(
      'import csv, io, json, sys\nprint(json.dumps(list(csv.DictReader(io.StringIO(json.load(sys.stdin).lstrip("\\ufeff")))), ensure_ascii=False))',
      csv,
    );
    assert.equal(rows.length, 4);
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      "document_id",
      "title",
      "outlet",
      "author",
      "url",
      "source",
      "date",
      "speaker",
      "speaker_kb_id",
      "speaker_mention",
      "cue",
      "quote",
      "type",
      "sentence",
      "start",
      "end",
      "fragments",
    ]);
    const [first, second] = rows as [Record<string, string>, Record<string, string>];
    assert.equal(first.speaker, "Sergei Lavrov");
    assert.equal(first.speaker_mention, "وزير الخارجية الروسي");
    assert.equal(first.cue, "قال");
    assert.equal(first.type, "direct");
    assert.equal(
      runPython<string[]>(SLICES, { text: sampleText, ranges: [[Number(first.start), Number(first.end)]] })[0],
      first.quote,
    );
    assert.equal(second.speaker, "Sergei Lavrov");
    assert.equal(second.speaker_mention, "");
    const xlsx = (await exportAs(table, "quotes-xlsx")).files[0];
    assert.equal(xlsx?.encoding, "base64");
    const parts = unzipSync(Buffer.from(xlsx.content, "base64"));
    const shared = strFromU8(parts["xl/sharedStrings.xml"] ?? new Uint8Array());
    assert.ok(shared.includes("وزير الخارجية الروسي") && shared.includes("Sergei Lavrov"));
  });
});

describe("round trips through other formats", () => {
  for (const format of ["brat", "doccano", "labelstudio"] as const) {
    it(`${format}: the sample's spans come back with their labels and offsets`, async (t) => {
      const { table } = annotatedSample(t);
      const original = table.getDocument({ documentId: 1 });
      const other = emptyProject(t, `${format}.qawl`);
      const report = other.table.importDocuments({
        files: files(await exportAs(table, format)).filter(
          (f) => !/label_config|annotation\.conf|doccano-no-overlap/u.test(f.name),
        ),
        format,
      });
      assert.deepEqual(
        report.outcomes.map((o) => o.status),
        ["imported"],
      );
      const back = other.table.getDocument({ documentId: report.outcomes[0]?.documentId ?? 0 });
      const pieces = (spans: typeof original.spans) =>
        spans.flatMap((s) => (s.fragments ?? [s]).map((f) => `${s.label} ${String(f.start)} ${String(f.end)}`)).sort();
      assert.deepEqual(pieces(back.spans), pieces(original.spans));
      assert.equal(back.text, original.text);
    });
  }
});

describe("doccano round trip, refereed by Python", () => {
  // Every word comes back several times, after an astral flag: a span shifted by one
  // occurrence, or counted in UTF-16 units, would slice a different "قال" or "الوزير".
  const TEXT = "قال الوزير: «نعم». 🇷🇺 وقال الوزير: «نعم». ثم قال الوزير: «لا، نعم».";
  const WANTED: [string, string, number][] = [
    ["CUE", "قال", 2],
    ["SPEAKER", "الوزير", 1],
    ["QUOTE", "نعم", 1],
    ["QUOTE", "لا، نعم", 0],
    ["PER", "الوزير", 2],
  ];
  /** Python's extent of the nth occurrence of each needle: `[start, end, label]`, code points. */
  const EXTENTS = `
import json, sys
job = json.load(sys.stdin)
text = job["text"]
out = []
for label, needle, nth in job["wanted"]:
    at = -1
    for _ in range(nth + 1):
        at = text.find(needle, at + 1)
    assert at >= 0 and text[at:at + len(needle)] == needle, needle
    out.append([at, at + len(needle), label])
print(json.dumps(out))
`;

  for (const variant of ["spans", "relations"] as const) {
    it(`${variant} layout: each span is written and read back at the extent Python finds`, async (t) => {
      const expected = runPython<[number, number, string][]>(EXTENTS, { text: TEXT, wanted: WANTED });
      const { table } = emptyProject(t);
      const documentId =
        table.importDocuments({ files: [{ name: "repeats.txt", contentBase64: Buffer.from(TEXT).toString("base64") }] })
          .outcomes[0]?.documentId ?? 0;
      for (const [start, end, label] of expected) table.createSpan({ documentId, label, start, end });
      const sorted = (xs: [number, number, string][]) =>
        [...xs].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));

      // What doccano reads: the exported line's own [start, end, label] triples.
      const result = await exportAs(table, "doccano", variant);
      const line = JSON.parse(text(result, "doccano.jsonl").trim()) as {
        text: string;
        label?: [number, number, string][];
        entities?: { start_offset: number; end_offset: number; label: string }[];
      };
      assert.equal(line.text, TEXT);
      const written =
        variant === "spans"
          ? (line.label ?? [])
          : (line.entities ?? []).map((e): [number, number, string] => [e.start_offset, e.end_offset, e.label]);
      assert.deepEqual(sorted(written), sorted(expected));

      // Read back into another project: the same extents, compared with Python's, not Qawl's.
      const other = emptyProject(t, "back.qawl");
      const report = other.table.importDocuments({
        files: files(result).filter((f) => !/doccano-no-overlap/u.test(f.name)),
        format: "doccano",
      });
      assert.deepEqual(
        report.outcomes.map((o) => o.status),
        ["imported"],
      );
      const back = other.table.getDocument({ documentId: report.outcomes[0]?.documentId ?? 0 });
      assert.equal(back.text, TEXT);
      assert.deepEqual(
        sorted(back.spans.map((s): [number, number, string] => [s.start, s.end, s.label])),
        sorted(expected),
      );
    });
  }
});

describe("bad input is refused with file, line and reason, and nothing is written", () => {
  const cases: [string, string, string, RegExp][] = [
    ["bad.ann pair", "x.txt", "", /x\.ann/u],
    [
      "conll",
      "bad.conll",
      "قال O\nبوتين PER\n",
      /^bad\.conll: line 2: "PER" is not an IOB tag \(O, B-TYPE or I-TYPE\); nothing imported$/u,
    ],
    [
      "doccano",
      "bad.jsonl",
      '{"text":"قال بوتين","label":[[4,9,"PER"]]}\n{"text":"نعم","label":[[0,9,"PER"]]}\n',
      /^bad\.jsonl: line 2: label 1: expected start < end ≤ 3 and a label; nothing imported$/u,
    ],
    [
      "labelstudio",
      "bad.json",
      '[{"data":{"text":"قال بوتين"},"annotations":[{"result":[{"id":"a","type":"labels","value":{"start":4,"end":9,"text":"موسكو","labels":["PER"]}}]}]}]',
      /^bad\.json: task 1: region a: its text is not the task's text at \[4, 9\); nothing imported$/u,
    ],
    ["jsonl", "bad.jsonl", '{"format":"qawl","version":2}\n', /^bad\.jsonl: line 1: not a Qawl JSONL header: /u],
  ];
  for (const [kind, name, content, pattern] of cases) {
    it(kind, (t) => {
      const { table } = emptyProject(t);
      const format =
        kind === "bad.ann pair"
          ? "brat"
          : kind === "labelstudio"
            ? "labelstudio"
            : kind === "jsonl"
              ? "jsonl"
              : kind === "doccano"
                ? "doccano"
                : "conll";
      const filesIn = [{ name, contentBase64: Buffer.from(content === "" ? "قال" : content).toString("base64") }];
      assert.throws(
        () => table.importDocuments({ files: filesIn, format }),
        (e: unknown) => pattern.test((e as Error).message),
      );
      assert.equal(table.listDocuments({}).length, 0);
    });
  }

  it("brat: an offset that is not the .txt's text is refused with its line", (t) => {
    const { table } = emptyProject(t);
    const txt = { name: "a.txt", contentBase64: Buffer.from("🇷🇺 قال الوزير").toString("base64") };
    // UTF-16 offsets (5..8) where brat counts code points (3..6).
    const ann = {
      name: "a.ann",
      contentBase64: Buffer.from("T1\tCUE 3 6\tقال\nT2\tCUE 5 8\tقال\n").toString("base64"),
    };
    assert.throws(
      () => table.importDocuments({ files: [txt, ann] }),
      /a\.ann: line 2: T2: the text after the offsets is not the \.txt at those offsets \(are they code points\?\); none of the 2 files was imported$/u,
    );
  });

  it("Label Studio files with UTF-16 offsets (older versions) are converted and said so", (t) => {
    const { table } = emptyProject(t);
    const task = [
      {
        data: { text: "🇷🇺 قال الوزير" },
        annotations: [
          {
            result: [
              {
                id: "a",
                type: "labels",
                from_name: "label",
                to_name: "text",
                value: { start: 5, end: 8, text: "قال", labels: ["CUE"] },
              },
            ],
          },
        ],
      },
    ];
    const report = table.importDocuments({
      files: [{ name: "old.json", contentBase64: Buffer.from(JSON.stringify(task)).toString("base64") }],
    });
    assert.match(
      report.notes.join("\n"),
      /old\.json: region offsets were UTF-16 units \(an older Label Studio\) and were converted to code points/u,
    );
    const doc = table.getDocument({ documentId: report.outcomes[0]?.documentId ?? 0 });
    assert.deepEqual(
      doc.spans.map((s) => [s.start, s.end, s.text]),
      [[3, 6, "قال"]],
    );
  });
});

describe("text export", () => {
  it("gives a BOM-and-CRLF file back byte for byte", async (t) => {
    const { table } = emptyProject(t);
    const bytes = readFileSync(new URL("cases/crlf-bom.txt", FIXTURES));
    table.importDocuments({ files: [{ name: "crlf-bom.txt", contentBase64: bytes.toString("base64") }] });
    const file = (await exportAs(table, "text")).files[0];
    assert.ok(Buffer.from(file?.content ?? "", "utf8").equals(bytes));
  });
});

describe("kept export lines", () => {
  it("are never stale: after each kind of change the export equals one rebuilt from the tables", async (t) => {
    const { table, store, documentId } = annotatedSample(t);
    const rebuilt = async () => {
      store.clearExportLines();
      return text(await exportAs(table, "jsonl"), "qawl-export.jsonl");
    };
    const changes: (() => unknown)[] = [
      () => table.updateLabel({ name: "PER", newName: "PERSON" }),
      () => table.createSpan({ documentId, label: "LOC", start: 0, end: 6 }),
      () => table.updateSpan({ spanId: 1, note: "changed" }),
      () => table.setDocumentStatus({ documentId, status: "done" }),
      () => table.deleteSpan({ spanId: 2 }),
      () => table.undo({}),
      () => table.updateEntity({ entityId: 1, name: "S. Lavrov" }),
    ];
    for (const change of changes) {
      await exportAs(table, "jsonl"); // keeps every line
      change();
      const kept = text(await exportAs(table, "jsonl"), "qawl-export.jsonl");
      assert.ok(kept === (await rebuilt()), `after ${change.toString()}`);
    }
  });
});

describe("CoNLL round trip of Qawl's own layers", () => {
  it("a document exported as CoNLL and read back keeps its quotes, speakers, cues and names", async (t) => {
    const { table } = annotatedSample(t);
    const original = table.getDocument({ documentId: 1 });
    const result = await exportAs(table, "conll");
    assert.match(result.files[0]?.content ?? "", /^روسيا\tB-QUOTE\tO\tO\tO$/mu);
    const other = emptyProject(t, "conll.qawl");
    const report = other.table.importDocuments({ files: files(result), format: "conll" });
    const back = other.table.getDocument({ documentId: report.outcomes[0]?.documentId ?? 0 });
    // Tokens come back joined by single spaces: compare span texts by label.
    const texts = (spans: typeof original.spans) =>
      spans
        .flatMap((s) =>
          (s.fragments ?? [s]).map((f) => `${s.label} ${[...original.text].slice(f.start, f.end).join("")}`),
        )
        .sort();
    // (CoNLL keeps tokens, not the spaces between them: compare without spaces.)
    const squeeze = (x: string) => x.replace(/\s+/gu, "");
    const backTexts = back.spans.map((s) => squeeze(`${s.label} ${s.text}`)).sort();
    assert.deepEqual(backTexts, texts(original.spans).map(squeeze).sort());
    // …and writing it back as CoNLL gives the same file.
    const again = await exportAs(other.table, "conll");
    assert.equal(again.files[0]?.content, result.files[0]?.content);
  });
});
