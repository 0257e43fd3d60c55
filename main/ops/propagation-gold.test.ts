import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { emptyProject } from "../../test-support/annotated-sample.ts";
import { python } from "../../test-support/python.ts";
import { FIXTURES, SAMPLE } from "../../test-support/temp.ts";

/** A gold name mention: label, code point offsets, text. */
interface GoldName {
  label: string;
  start: number;
  end: number;
  text: string;
}

const gold = JSON.parse(
  readFileSync(new URL("names-gold/lavrov-pompeo-sochi-2019.json", FIXTURES), "utf8"),
) as GoldName[];

describe("name propagation against the sample article's gold names", () => {
  it("suggests every other mention of each name tagged once, surnames alone included, and nothing else", (t) => {
    // The gold offsets are Python's.
    const text = readFileSync(SAMPLE, "utf8");
    assert.deepEqual(
      python(
        text,
        gold.map((g) => [g.start, g.end] as const),
      ).slices,
      gold.map((g) => g.text),
    );
    const p = emptyProject(t);
    const documentId =
      p.table.importDocuments({ files: [{ name: "l.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
        .outcomes[0]?.documentId ?? 0;
    // An annotator tags the first mention of each name, the full name of a person only
    // (`سيرغي لافروف`, not `لافروف` alone), and asks for the others.
    const byFullName = (g: GoldName) =>
      gold.some((o) => o.label === g.label && o.text !== g.text && o.text.endsWith(` ${g.text}`));
    const tagged = new Set<string>();
    const names = new Set<string>();
    for (const g of gold) {
      if (names.has(g.text) || byFullName(g)) continue;
      names.add(g.text);
      p.table.createSpan({ documentId, label: g.label, start: g.start, end: g.end });
      tagged.add(`${String(g.start)}:${String(g.end)}`);
    }
    p.table.propagateNames({});
    const suggested = p.table
      .getDocument({ documentId })
      .spans.filter((s) => s.suggested === "propagation")
      .map((s) => `${s.label}:${String(s.start)}:${String(s.end)}`);
    const wanted = gold
      .filter((g) => !tagged.has(`${String(g.start)}:${String(g.end)}`))
      .map((g) => `${g.label}:${String(g.start)}:${String(g.end)}`);
    const right = suggested.filter((s) => wanted.includes(s));
    const precision = right.length / suggested.length;
    t.diagnostic(`${String(suggested.length)} suggested, ${String(right.length)} right, of ${String(wanted.length)}`);
    assert.ok(precision >= 0.98, `precision ${precision.toFixed(3)}`);
    // Every لافروف and بومبيو alone, title line included, from the full names alone.
    const alone = gold.filter((g) => g.text === "لافروف" || g.text === "بومبيو");
    assert.ok(alone.length >= 10);
    for (const g of alone)
      assert.ok(suggested.includes(`PER:${String(g.start)}:${String(g.end)}`), `${g.text} at ${String(g.start)}`);
    assert.deepEqual([...suggested].sort(), [...wanted].sort());
  });
});
