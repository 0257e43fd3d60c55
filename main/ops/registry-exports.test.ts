/**
 * The export dispatch is the registry's (`core/formats/registry.ts`): the hard-case project
 * exported in every format and layout it lists reports only the loss kinds the format's entry
 * names, never a document detail its entry says it holds, and writes files under the
 * extensions and names the entry gives `--out`.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EXPORT_FORMATS, variantsOf, writerOf, type ExportVariant } from "../../core/formats/registry.ts";
import type { Loss } from "../../core/formats/loss.ts";
import { hardCasesProject } from "../../test-support/hard-cases.ts";

/** Loss kinds the export adds for every format (`main/ops/export.ts`). */
const EVERY_FORMAT: readonly Loss["kind"][] = ["unreviewed", "details"];

describe("exports through the registry", () => {
  it("reports only the loss kinds each format's entry names, and writes the files it names", async (t) => {
    const { table, hardId } = hardCasesProject(t);
    table.updateDocument({ documentId: hardId, url: "https://example.org/a", author: "كاتب" });
    const emitted = new Map<string, Set<string>>();
    for (const format of EXPORT_FORMATS) {
      const write = writerOf(format);
      const layouts: (ExportVariant | undefined)[] =
        variantsOf(format).length > 0 ? variantsOf(format).map((v) => v.id) : [undefined];
      for (const variant of layouts) {
        const name = variant === undefined ? format : `${format} ${variant}`;
        const result = await table.exportDocuments({ format, ...(variant !== undefined ? { variant } : {}) });
        assert.equal(result.report.format, format, name);
        const kinds = new Set(result.report.documents.flatMap((d) => d.losses.map((l) => l.kind)));
        emitted.set(format, new Set([...(emitted.get(format) ?? []), ...kinds]));
        for (const kind of kinds) {
          assert.ok(
            (write.losses as readonly string[]).includes(kind) || EVERY_FORMAT.includes(kind),
            `${name} reports ${kind}, which its registry entry does not name`,
          );
        }
        for (const d of result.report.documents) {
          assert.equal(d.lost.length, d.losses.length, name);
          for (const l of d.losses) {
            if (l.kind !== "details") continue;
            const heldButLost = l.fields.filter((f) => write.detailsHeld.includes(f));
            assert.deepEqual(heldButLost, [], `${name} says it lost details its entry says it holds`);
          }
        }
        const paths = result.files.map((f) => f.path);
        if (paths.length === 1) {
          const ext = /\.[^./]+$/u.exec(paths[0] ?? "")?.[0] ?? "";
          assert.ok(write.extensions.includes(ext), `${name}: ${ext} is one of its extensions`);
        }
        for (const named of write.namedFiles ?? []) assert.ok(paths.includes(named), `${name} writes ${named}`);
        for (const named of write.namedFiles ?? []) {
          const ext = /\.[^./]+$/u.exec(named)?.[0] ?? "";
          assert.ok(write.extensions.includes(ext), `${name}: --out may name ${named} by ${ext}`);
        }
      }
    }
    // The hard cases make every format lose something, but the native JSONL and the quotes
    // tables (a row per quote, every detail a column; they report nothing).
    assert.deepEqual(
      EXPORT_FORMATS.filter((f) => (emitted.get(f)?.size ?? 0) === 0),
      ["jsonl", "quotes-csv", "quotes-xlsx"],
    );
    t.diagnostic(
      `declared loss kinds the hard cases do not show: ${EXPORT_FORMATS.flatMap((f) =>
        writerOf(f)
          .losses.filter((k) => !(emitted.get(f)?.has(k) ?? false))
          .map((k) => `${f}:${k}`),
      ).join(" ")}`,
    );
  });
});
