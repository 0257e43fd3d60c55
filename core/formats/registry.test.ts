/**
 * The registry drives everything that lists formats: the contract's enums, detection on
 * import (every name ending to one reader; the DOCX and PDF sniffs as Node's `Buffer`
 * finds the bytes), the page's menus and file picker, and no second list of formats is
 * written anywhere else in the source.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { inputSchemas } from "../contract.ts";
import {
  DETECTION_ORDER,
  EXPORT_FORMATS,
  EXPORT_VARIANTS,
  FORMATS,
  IMPORT_ACCEPT,
  IMPORT_FORMATS,
  READ_EXTENSIONS,
  detectFormat,
  readerOf,
  variantsOf,
  writerOf,
} from "./registry.ts";
import { isDocx } from "./docx/index.ts";
import { isPdf } from "./pdf/index.ts";
import { exportFormatOptions, importFormatOptions, variantOptions } from "../../renderer/i18n/formats.ts";

const ROOT = new URL("../../", import.meta.url);

/** A file of the batch, from text. */
function file(name: string, text = "كلمات عادية\n"): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(text) };
}

describe("the format registry", () => {
  it("lists each format once, each reading or writing something, every loss kind once", () => {
    const ids = FORMATS.map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const f of FORMATS) {
      assert.ok("read" in f || "write" in f, f.id);
      if ("write" in f) assert.equal(new Set(f.write.losses).size, f.write.losses.length, f.id);
    }
    assert.deepEqual(
      IMPORT_FORMATS,
      FORMATS.filter((f) => "read" in f).map((f) => f.id),
    );
    assert.deepEqual(
      EXPORT_FORMATS,
      FORMATS.filter((f) => "write" in f).map((f) => f.id),
    );
  });

  it("is the contract's list: the import and export enums and the layouts", () => {
    assert.deepEqual(inputSchemas.importDocuments.shape.format.unwrap().options, ["auto", ...IMPORT_FORMATS]);
    assert.deepEqual(inputSchemas.exportDocuments.shape.format.options, EXPORT_FORMATS);
    assert.deepEqual(inputSchemas.exportDocuments.shape.variant.unwrap().options, EXPORT_VARIANTS);
    assert.deepEqual(
      EXPORT_VARIANTS,
      EXPORT_FORMATS.flatMap((f) => variantsOf(f).map((v) => v.id)),
    );
    for (const format of IMPORT_FORMATS) {
      assert.equal(
        inputSchemas.importDocuments.safeParse({ files: [{ name: "a", contentBase64: "" }], format }).success,
        true,
      );
    }
    assert.equal(
      inputSchemas.importDocuments.safeParse({ files: [{ name: "a", contentBase64: "" }], format: "spacy" }).success,
      false,
      "a format Qawl only writes is not an import format",
    );
  });

  it("asks every reader's detector once, plain text last", () => {
    assert.deepEqual([...DETECTION_ORDER].sort(), [...IMPORT_FORMATS].sort());
    assert.equal(DETECTION_ORDER.at(-1), "text");
  });

  it("maps every name ending to exactly one reader, content telling apart those that share one", () => {
    const claims = new Map<string, string[]>();
    for (const id of IMPORT_FORMATS)
      for (const ext of readerOf(id).extensions) claims.set(ext, [...(claims.get(ext) ?? []), id]);
    assert.deepEqual([...claims.keys()], READ_EXTENSIONS);
    for (const [ext, formats] of claims) {
      // A file of plain words under that name goes to one of the formats that claim it…
      const found = detectFormat(file(`a${ext.toUpperCase()}`), []);
      assert.ok(formats.includes(found), `${ext}: ${found} is not one of ${formats.join(", ")}`);
    }
    // …and where two claim it, the content chooses.
    assert.deepEqual(claims.get(".jsonl"), ["jsonl", "doccano"]);
    assert.equal(detectFormat(file("a.jsonl", '{"format": "qawl", "version": 1}\n'), []), "jsonl");
    assert.equal(detectFormat(file("a.jsonl", '{"text": "نص", "entities": []}\n'), []), "doccano");
    // brat claims a .txt only beside its .ann.
    assert.equal(detectFormat(file("A.txt"), [file("a.ann"), file("A.txt")]), "brat");
    assert.equal(detectFormat(file("a.txt"), [file("b.ann")]), "text");
    // Content alone: a page, CoNLL lines; anything else is text.
    assert.equal(detectFormat(file("page", "<!DOCTYPE html><html><body>نص</body></html>"), []), "html");
    assert.equal(detectFormat(file("a.txt", "<html lang=ar><body>نص</body></html>"), []), "html");
    assert.equal(detectFormat(file("tags", "قال O\nلافروف B-PER\nإن O\n"), []), "conll");
    assert.equal(detectFormat(file("notes.md", "# عنوان\nنص\n"), []), "text");
  });

  it("sniffs DOCX and PDF bytes as Node's Buffer finds them, under a name Qawl does not read", () => {
    const docx = readFileSync(new URL("fixtures/import/lavrov-pompeo-sochi-2019.docx", ROOT));
    const pdf = readFileSync(new URL("fixtures/import/lavrov-pompeo-sochi-2019.pdf", ROOT));
    assert.equal(docx.includes("word/document.xml", 0, "latin1"), true);
    assert.equal(isDocx(docx), true);
    assert.equal(isPdf(docx), docx.subarray(0, 1024).includes("%PDF-", 0, "latin1"));
    assert.equal(isPdf(pdf), true);
    assert.equal(isDocx(pdf), false);
    assert.equal(detectFormat({ name: "article.bin", bytes: docx }, []), "docx");
    assert.equal(detectFormat({ name: "article", bytes: pdf }, []), "pdf");
    // A name Qawl reads is trusted over the bytes.
    assert.equal(detectFormat({ name: "article.txt", bytes: pdf }, []), "text");
    // A ZIP that is not a Word document.
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("xl/workbook.xml")]);
    assert.equal(isDocx(zip), false);
  });

  it("gives the file picker every name ending a reader claims", () => {
    assert.deepEqual(IMPORT_ACCEPT.split(","), READ_EXTENSIONS);
    for (const ext of READ_EXTENSIONS) assert.match(ext, /^\.[a-z0-9]+$/u);
  });

  it("names each format in both interface languages in the page's menus", () => {
    for (const language of ["en", "ar"] as const) {
      const imports = importFormatOptions(language);
      assert.deepEqual(
        imports.map((o) => o.value),
        IMPORT_FORMATS,
      );
      assert.deepEqual(
        imports.map((o) => o.name),
        IMPORT_FORMATS.map((id) => readerOf(id).name[language]),
      );
      const exports = exportFormatOptions(language);
      assert.deepEqual(
        exports.map((o) => o.value),
        EXPORT_FORMATS,
      );
      assert.deepEqual(
        exports.map((o) => o.name),
        EXPORT_FORMATS.map((id) => writerOf(id).name[language]),
      );
      for (const o of [...imports, ...exports]) assert.notEqual(o.name.trim(), "", o.value);
      assert.deepEqual(
        variantOptions("doccano", language).map((o) => o.value),
        ["relations", "spans"],
      );
      assert.deepEqual(variantOptions("conll", language), []);
    }
    // Arabic names are Arabic where the English ones are words, not product names.
    assert.match(writerOf("text").name.ar, /\p{Script=Arabic}/u);
    assert.match(readerOf("html").name.ar, /\p{Script=Arabic}/u);
  });

  it("is the only list of formats in the source", () => {
    // A source file naming four or more format ids as string literals, or keying a record by
    // format, holds a second list. The one exception is the Node readers' dispatch
    // (`main/import/read-files.ts`, a switch the typecheck holds to every import format).
    const ids = FORMATS.map((f) => f.id);
    const literal = new RegExp(`["'\`](${ids.join("|")})["'\`]`, "gu");
    const allowed = new Set(["main/import/read-files.ts"]);
    const copies: string[] = [];
    for (const top of ["core", "db", "main", "cli", "renderer"]) {
      for (const entry of readdirSync(new URL(`${top}/`, ROOT), { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
        const path = relative(fileURLToPath(ROOT), join(entry.parentPath, entry.name)).split(sep).join("/");
        if (path.startsWith("core/formats/") || allowed.has(path)) continue;
        const source = readFileSync(new URL(path, ROOT), "utf8");
        const named = new Set([...source.matchAll(literal)].map((m) => m[1]));
        if (named.size >= 4) copies.push(`${path}: ${[...named].join(", ")}`);
        if (/Record<(Import|Export)Format\b/u.test(source)) copies.push(`${path}: a record keyed by format`);
      }
    }
    assert.deepEqual(copies, []);
  });
});
