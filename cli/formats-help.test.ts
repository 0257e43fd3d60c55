/**
 * The CLI's formats come from the registry (`core/formats/registry.ts`): `--format`'s choices
 * and the help's list of formats, for import and export, and `--variant`'s layouts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EXPORT_FORMATS, EXPORT_VARIANTS, IMPORT_FORMATS, readerOf, writerOf } from "../core/formats/registry.ts";
import { qawl } from "../test-support/cli-run.ts";

/** The choices commander prints for an option (`(choices: "a", "b")`), in order. */
function choices(help: string, option: string): string[] {
  const flat = help.replace(/\s+/gu, " ");
  const at = flat.indexOf(`${option} <`);
  assert.ok(at >= 0, `${option} is in the help`);
  const list = /\(choices: ((?:"[^"]+"(?:, )?)+)/u.exec(flat.slice(at))?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/gu)].map((m) => m[1] ?? "");
}

/** The help's `Formats:` lines: id → the rest of the line. */
function formatLines(help: string): Map<string, string> {
  const after = help.split("\nFormats:\n")[1] ?? "";
  return new Map(
    after
      .split("\n")
      .filter((l) => /^ {2}\S/u.test(l))
      .map((l) => {
        const [id = "", ...rest] = l.trim().split(/\s{2,}/u);
        return [id, rest.join("  ")] as const;
      }),
  );
}

describe("the CLI's formats", () => {
  it("offers and lists every format Qawl reads on import, with the name endings it claims", async () => {
    const help = await qawl(["import", "--help"]);
    assert.equal(help.code, 0);
    assert.deepEqual(choices(help.stdout, "--format"), ["auto", ...IMPORT_FORMATS]);
    const lines = formatLines(help.stdout);
    assert.deepEqual([...lines.keys()], IMPORT_FORMATS);
    for (const id of IMPORT_FORMATS) {
      const read = readerOf(id);
      assert.equal(lines.get(id), `${read.extensions.join(" ")}  ${read.name.en}`, id);
    }
  });

  it("offers and lists every format Qawl writes on export, and every layout", async () => {
    const help = await qawl(["export", "--help"]);
    assert.equal(help.code, 0);
    assert.deepEqual(choices(help.stdout, "--format"), EXPORT_FORMATS);
    assert.deepEqual(choices(help.stdout, "--variant"), EXPORT_VARIANTS);
    const lines = formatLines(help.stdout);
    assert.deepEqual([...lines.keys()], EXPORT_FORMATS);
    for (const id of EXPORT_FORMATS) assert.equal(lines.get(id), writerOf(id).name.en, id);
    assert.match(help.stdout.replace(/\s+/gu, " "), /layout of doccano: relations \(default\) or spans/u);
  });

  it("refuses on import a format Qawl only writes, and a layout for a format with one", async () => {
    const imported = await qawl(["import", "--format", "spacy", "a.txt"]);
    assert.equal(imported.code, 1);
    assert.match(imported.stderr, /argument 'spacy' is invalid\. Allowed choices are auto, jsonl, text/u);
    const layout = await qawl([
      "export",
      "--format",
      "conll",
      "--variant",
      "spans",
      "--project",
      "/nonexistent/p.qawl",
    ]);
    assert.equal(layout.code, 1);
    assert.equal(layout.stderr, "qawl: --variant is for doccano only: conll has one layout\n");
  });
});
