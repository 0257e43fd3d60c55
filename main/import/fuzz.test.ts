/**
 * Every reader fuzzed (issue 14): files written by Qawl's own writers from the annotated
 * sample, mutated by fast-check — characters inserted, deleted and replaced with the
 * format's own punctuation, lines dropped, doubled and swapped, invalid UTF-8 bytes, JSON
 * values swapped for fractional, negative, huge or empty ones — and read by the import. Each
 * case is either refused with one line naming the file and the reason (a `bad_input`
 * QawlError), or accepted with every span inside its text and slicing to its own text, every
 * name a label name, and then written by every writer Qawl has for a reader and read back.
 * `QAWL_FUZZ_RUNS` sets the cases per reader (2,000 here; `npm run bench` runs 10,000).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { afterEach, before, beforeEach, describe, it } from "node:test";
import { setImmediate as nextTurn } from "node:timers/promises";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { QawlError } from "../../core/errors.ts";
import type { ExportInput } from "../../core/formats/export-types.ts";
import { readNativeJsonl } from "../../core/formats/jsonl/native-read.ts";
import type { NativeDocument } from "../../core/formats/native-jsonl.ts";
import { CORE_WRITERS } from "../../core/formats/writers.ts";
import { isLabelName } from "../../core/labels.ts";
import { OffsetIndex } from "../../core/text/offsets.ts";
import { annotatedSample } from "../../test-support/annotated-sample.ts";
import { FIXTURES, exportJsonl } from "../../test-support/temp.ts";
import { SyncExtractor } from "./extract.ts";
import { readImportFiles, sha256, type InputFile, type ReadFormat } from "./read-files.ts";

const RUNS = Number(process.env["QAWL_FUZZ_RUNS"] ?? 2000);
const READ = { annotator: "fuzz", now: "2026-12-03T00:00:00.000Z" };
const encoder = new TextEncoder();

/** Pieces that mean something in one format or another, and text that breaks naive code. */
const TOKENS = [
  "\t",
  " ",
  "\n",
  "\r\n",
  "\r",
  "",
  "-1",
  "0.5",
  "1e309",
  "9007199254740993",
  "null",
  '""',
  '"',
  "{",
  "}",
  "[",
  "]",
  ":",
  ",",
  "B-",
  "I-",
  "O",
  "B-PER",
  "I-ORG",
  "T1",
  "T99",
  "R1",
  "#1",
  "A1",
  "Arg1:",
  "*",
  "-DOCSTART-",
  "\u0000",
  "\u0007",
  "\u200f",
  "\u202e",
  "\ufeff",
  "\u{1F1F8}\u{1F1FE}",
  "\ud800",
  "é",
  "ال",
  "قال",
  "NaN",
  "Infinity",
  "true",
  '"start": -3',
  '"label": ""',
  '"end": 2.5',
];

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
);

/** One edit of a file's text. */
type Edit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "replace"; at: number; length: number; text: string }
  | { kind: "doubleLine" | "dropLine" | "truncate"; at: number }
  | { kind: "swapLines"; at: number; other: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: token }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 24 }) }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
    text: token,
  }),
  fc.record({ kind: fc.constantFrom("doubleLine" as const, "dropLine" as const, "truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swapLines" as const), at: fc.nat(), other: fc.nat() }),
);

/** Apply edits to a text (positions taken modulo its length, in UTF-16 units, so lone surrogates happen). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === "insert") out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === "delete") out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === "replace") out = out.slice(0, at) + e.text + out.slice(at + e.length);
    else if (e.kind === "truncate") out = out.slice(0, at);
    else {
      const lines = out.split("\n");
      const i = e.at % lines.length;
      if (e.kind === "doubleLine") lines.splice(i, 0, lines[i] ?? "");
      else if (e.kind === "dropLine") lines.splice(i, 1);
      else {
        const j = ("other" in e ? e.other : 0) % lines.length;
        [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];
      }
      out = lines.join("\n");
    }
  }
  return out;
}

/** A JSON value put in place of another: the values readers of offsets and names trip on. */
const jsonReplacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    0.5,
    2.5,
    1e21,
    Number.MAX_SAFE_INTEGER + 2,
    "",
    " ",
    "\u0000",
    "B-",
    "a b",
    null,
    true,
    [],
    {},
  ),
  fc.integer({ min: -3, max: 5000 }),
  fc.string({ maxLength: 5 }),
);

/** Replace the `n`-th leaf values of a JSON value (in a walk order) with others. */
function replaceLeaves(value: unknown, swaps: readonly [number, unknown][]): unknown {
  const leaves: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) {
        if (typeof item === "object" && item !== null) walk(item);
        else leaves.push({ holder: v, key: i });
      }
    } else if (typeof v === "object" && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        if (typeof item === "object" && item !== null) walk(item);
        leaves.push({ holder: v as Record<string, unknown>, key: k });
      }
    }
  };
  const copy: unknown = structuredClone(value);
  walk(copy);
  for (const [n, replacement] of swaps) {
    const leaf = leaves[n % Math.max(leaves.length, 1)];
    if (leaf !== undefined) (leaf.holder as Record<string | number, unknown>)[leaf.key] = replacement;
  }
  return copy;
}

/** Invalid UTF-8 bytes put at a few places of a file. */
function withBadBytes(bytes: Uint8Array, places: readonly [number, number][]): Uint8Array {
  const out = Array.from(bytes);
  for (const [at, byte] of places) out.splice(out.length === 0 ? 0 : at % out.length, 0, byte);
  return new Uint8Array(out);
}

/** Files read whole and refused in the running test (its diagnostics say both). */
const tally = { read: 0, refused: 0 };

/** A file read back the way a person's import would, or the one-line refusal. */
function readOrRefuse(files: InputFile[], format: ReadFormat | "auto", extractor?: SyncExtractor): ExportInput | null {
  try {
    const read = readImportFiles(files, format, { ...READ, ...(extractor !== undefined ? { extractor } : {}) });
    tally.read++;
    return { header: read.header, documents: read.documents };
  } catch (e) {
    assert.ok(e instanceof QawlError, `an internal error, not a refusal: ${String((e as Error).stack)}`);
    assert.equal(e.code, "bad_input", e.message);
    assert.doesNotMatch(e.message, /[\r\n]/u, "a refusal is one line");
    const named = files.some((f) => e.message.startsWith(`${f.name}:`));
    assert.ok(named, `a refusal names the file: ${e.message}`);
    tally.refused++;
    return null;
  }
}

/** What must hold of whatever an import accepts. */
function checkAccepted(read: ExportInput): void {
  const labels = new Set(read.header.labels.map((l) => l.name));
  for (const name of labels) assert.ok(isLabelName(name), `label name ${JSON.stringify(name)}`);
  for (const t of read.header.relation_types) assert.ok(isLabelName(t.name), `relation type ${JSON.stringify(t.name)}`);
  for (const doc of read.documents) checkDocument(doc, labels);
  // Qawl's own file of it reads back, the same.
  const native = CORE_WRITERS.jsonl(read, undefined);
  if (native instanceof Promise) throw new Error("the JSONL writer is synchronous");
  const content = native.files[0]?.content;
  assert.equal(typeof content, "string");
  const again = readNativeJsonl(content as string, sha256);
  const spans = (docs: readonly NativeDocument[]) =>
    docs.map((d) => d.spans.map((s) => `${s.label} ${String(s.start)} ${String(s.end)} ${s.text}`).sort());
  assert.deepEqual(spans(again.documents), spans(read.documents));
}

function checkDocument(doc: NativeDocument, labels: ReadonlySet<string>): void {
  assert.ok(doc.text.trim() !== "", "a document holds text");
  assert.equal(doc.text_sha256, sha256(doc.text));
  assert.ok(doc.text.isWellFormed(), "the text has no lone surrogate");
  if (doc.published !== null) {
    assert.match(doc.published.iso, /^\d{4}-\d{2}-\d{2}$/u);
    assert.equal(new Date(`${doc.published.iso}T00:00:00Z`).toISOString().slice(0, 10), doc.published.iso);
  }
  const offsets = new OffsetIndex(doc.text);
  const ids = new Set<number>();
  for (const s of doc.spans) {
    assert.ok(labels.has(s.label), `label ${s.label} is in the header`);
    for (const p of s.fragments ?? [{ start: s.start, end: s.end }]) {
      assert.ok(
        Number.isInteger(p.start) && Number.isInteger(p.end),
        `integer offsets [${String(p.start)}, ${String(p.end)})`,
      );
      assert.ok(
        0 <= p.start && p.start < p.end && p.end <= offsets.codePointLength,
        `[${String(p.start)}, ${String(p.end)}) inside`,
      );
    }
    ids.add(s.id);
  }
  for (const r of doc.relations) assert.ok(ids.has(r.from) && (r.to === undefined || ids.has(r.to)), "relation ends");
}

/** Each format's files written back from what was accepted, read back by Qawl's reader of that format. */
async function exportsReadBack(read: ExportInput): Promise<void> {
  // A project file with no document (an empty project's export) has nothing to write.
  if (read.documents.length === 0) return;
  for (const format of ["brat", "conll", "doccano", "labelstudio", "text"] as const) {
    const written = await CORE_WRITERS[format](read, undefined);
    const files = written.files
      .filter((f) => !/\.(conf|xml|md)$/u.test(f.path))
      .map((f) => ({
        name: f.path.split("/").pop() ?? f.path,
        bytes: typeof f.content === "string" ? encoder.encode(f.content) : f.content,
      }));
    if (files.length === 0) continue;
    try {
      readImportFiles(files, format, READ);
    } catch (e) {
      assert.fail(`the ${format} export of an accepted file is refused on re-import: ${(e as Error).message}`);
    }
  }
}

describe("every reader, fuzzed", () => {
  const seeds = new Map<string, InputFile[]>();
  before(async () => {
    // The annotated sample in each format, as Qawl writes it: the files the fuzzer mutates.
    const t = { after: (fn: () => void) => cleanups.push(fn) } as unknown as Parameters<typeof annotatedSample>[0];
    const { table } = annotatedSample(t);
    const native = readNativeJsonl(await exportJsonl(table), sha256);
    for (const format of ["brat", "conll", "doccano", "labelstudio", "text", "jsonl"] as const) {
      const written = await CORE_WRITERS[format](native, undefined);
      seeds.set(
        format,
        written.files
          .filter((f) => !/\.(conf|xml|md)$/u.test(f.path))
          .map((f) => ({
            name: f.path.split("/").pop() ?? f.path,
            bytes: typeof f.content === "string" ? encoder.encode(f.content) : f.content,
          })),
      );
    }
    for (const fn of cleanups.splice(0)) fn();
  });
  const cleanups: (() => void)[] = [];
  beforeEach(() => {
    tally.read = 0;
    tally.refused = 0;
  });
  afterEach((t) => {
    if (tally.read + tally.refused > 0)
      t.diagnostic(`${String(tally.read)} read whole, ${String(tally.refused)} refused`);
  });

  const mutated = (
    files: readonly InputFile[],
    which: number,
    edits: readonly Edit[],
    bad: readonly [number, number][],
  ) =>
    files.map((f, i) => {
      if (i !== which % files.length) return f;
      const text = applyEdits(new TextDecoder().decode(f.bytes), edits);
      return { name: f.name, bytes: withBadBytes(encoder.encode(text), bad) };
    });

  const badBytes = fc.array(fc.tuple(fc.nat(), fc.constantFrom(0xff, 0xc0, 0x80, 0xed)), { maxLength: 1 });

  for (const format of ["text", "brat", "conll", "doccano", "labelstudio", "jsonl"] as const) {
    it(
      `${format}: ${String(RUNS)} mutated files, each refused in one line or read whole`,
      { timeout: 600_000 },
      async () => {
        const files = seeds.get(format) ?? [];
        assert.ok(files.length > 0, `a ${format} seed`);
        let accepted = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.nat(),
            fc.array(edit, { minLength: 1, maxLength: 4 }),
            fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: badBytes }),
            async (which, edits, bad) => {
              const input = mutated(files, which, edits, bad);
              const read = readOrRefuse(input, format);
              if (read === null) return;
              accepted++;
              checkAccepted(read);
              await exportsReadBack(read);
            },
          ),
          { numRuns: RUNS, seed: 20261203 },
        );
        // The fuzzer reaches both sides: some files are still read, some refused.
        assert.ok(accepted > 0, "some mutated files are read");
        assert.ok(accepted < RUNS, "some mutated files are refused");
      },
    );
  }

  for (const format of ["doccano", "labelstudio", "jsonl"] as const) {
    it(
      `${format}: ${String(RUNS)} files with JSON values swapped, each refused in one line or read whole`,
      { timeout: 600_000 },
      async () => {
        const [file] = seeds.get(format) ?? [];
        assert.ok(file !== undefined);
        const text = new TextDecoder().decode(file.bytes);
        const lines = format === "labelstudio" ? [text] : text.split("\n").filter((l) => l !== "");
        const values = lines.map((l) => JSON.parse(l) as unknown);
        await fc.assert(
          fc.asyncProperty(
            fc.nat(),
            fc.array(fc.tuple(fc.nat(), jsonReplacement), { minLength: 1, maxLength: 3 }),
            async (line, swaps) => {
              const i = line % values.length;
              const changed = values.map((v, k) => JSON.stringify(k === i ? replaceLeaves(v, swaps) : v));
              const content = format === "labelstudio" ? (changed[0] ?? "") : changed.join("\n") + "\n";
              const read = readOrRefuse([{ name: file.name, bytes: encoder.encode(content) }], format);
              if (read === null) return;
              checkAccepted(read);
              await exportsReadBack(read);
            },
          ),
          { numRuns: RUNS, seed: 20261203 },
        );
      },
    );
  }

  it(`html: ${String(RUNS)} mutated pages, each refused in one line or read whole`, { timeout: 900_000 }, async () => {
    const page = readFileSync(new URL("cases/xss-article.html", FIXTURES), "utf8");
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        // jsdom lets go of a closed window's DOM on a later turn of the event loop.
        await nextTurn();
        const read = readOrRefuse([{ name: "page.html", bytes: encoder.encode(applyEdits(page, edits)) }], "html");
        if (read !== null) checkAccepted(read);
      }),
      { numRuns: RUNS, seed: 20261203 },
    );
  });

  it("through the import operation: a refused file leaves the project as it was, an accepted one adds its documents", async (t) => {
    const { table } = annotatedSample(t);
    const files = seeds.get("brat") ?? [];
    const runs = Math.max(100, Math.ceil(RUNS / 20));
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), async (which, edits) => {
        const input = mutated(files, which, edits, []);
        const before = sha256(await exportJsonl(table));
        const count = table.listDocuments({}).length;
        try {
          const report = table.importDocuments({
            format: "brat",
            files: input.map((f) => ({ name: f.name, contentBase64: Buffer.from(f.bytes).toString("base64") })),
          });
          const added = report.outcomes.filter((o) => o.status === "imported").length;
          assert.equal(table.listDocuments({}).length, count + added, "each document imported is in the project");
        } catch (e) {
          assert.ok(e instanceof QawlError && e.code === "bad_input", String(e));
          refused++;
          assert.ok(sha256(await exportJsonl(table)) === before, `refused, yet the project changed: ${e.message}`);
        }
      }),
      { numRuns: runs, seed: 20261203 },
    );
    assert.ok(refused > 0, "some imports were refused");
  });

  /** Bytes changed: flipped, put in, taken out, or the file cut short. */
  const byteEdit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom("flip" as const, "insert" as const, "delete" as const, "truncate" as const),
    byte: fc.integer({ min: 0, max: 255 }),
  });
  const editBytes = (bytes: Uint8Array, edits: readonly { at: number; kind: string; byte: number }[]) => {
    const out = Array.from(bytes);
    for (const e of edits) {
      const at = e.at % Math.max(out.length, 1);
      if (e.kind === "flip") out[at] = (out[at] ?? 0) ^ (e.byte | 1);
      else if (e.kind === "insert") out.splice(at, 0, e.byte);
      else if (e.kind === "delete") out.splice(at, 1);
      else out.length = at;
    }
    return new Uint8Array(out);
  };

  it(
    `docx: ${String(RUNS)} Word files, their XML or their bytes mutated, each refused in one line or read whole`,
    { timeout: 900_000 },
    async () => {
      // The sample's Word file without its styles, theme and thumbnail (800 KB of XML that
      // mammoth parses on every read): the same paragraphs, read in milliseconds.
      const full = unzipSync(new Uint8Array(readFileSync(new URL("import/lavrov-pompeo-sochi-2019.docx", FIXTURES))));
      const parts = Object.fromEntries(
        Object.entries(full).filter(([path]) => !/styles|theme|thumbnail|numbering|fontTable/u.test(path)),
      );
      const seed = zipSync(parts, { level: 0 });
      const xml = strFromU8(parts["word/document.xml"] ?? new Uint8Array());
      assert.ok(xml.includes("<w:p"), "the seed has paragraphs");
      const extractor = new SyncExtractor();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc
                .array(edit, { minLength: 1, maxLength: 4 })
                .map((edits) => zipSync({ ...parts, "word/document.xml": strToU8(applyEdits(xml, edits)) })),
              fc.array(byteEdit, { minLength: 1, maxLength: 3 }).map((edits) => editBytes(seed, edits)),
            ),
            (bytes) => {
              const read = readOrRefuse([{ name: "article.docx", bytes }], "docx", extractor);
              if (read !== null) checkAccepted(read);
            },
          ),
          { numRuns: RUNS, seed: 20261203 },
        );
      } finally {
        extractor.close();
      }
    },
  );

  it(
    `pdf: ${String(RUNS)} PDF files with bytes mutated, each refused in one line or read whole`,
    { timeout: 900_000 },
    async () => {
      const seed = new Uint8Array(readFileSync(new URL("import/lavrov-pompeo-sochi-2019.pdf", FIXTURES)));
      const extractor = new SyncExtractor();
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(byteEdit, { minLength: 1, maxLength: 4 }), async (edits) => {
            await nextTurn();
            const read = readOrRefuse([{ name: "article.pdf", bytes: editBytes(seed, edits) }], "pdf", extractor);
            if (read !== null) checkAccepted(read);
          }),
          { numRuns: RUNS, seed: 20261203 },
        );
      } finally {
        extractor.close();
      }
    },
  );
});
