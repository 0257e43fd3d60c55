/** Reading order of PDF text items on a line (synthetic layouts: where each run is drawn). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lineText, type Item } from "./extractors.ts";

/** An item drawn from `x` to `x + width` on the baseline, 10 units high. */
const at = (str: string, x: number, width: number): Item => ({ str, x, y: 700, width, size: 10 });

describe("lineText", () => {
  it("reads a right-to-left line from the right, whatever order the runs were drawn in", () => {
    const items = [at("مهتمة بتطبيع حوارنا", 100, 90), at("وقال الوزير:", 200, 60)];
    assert.equal(lineText(items, true), "وقال الوزير: مهتمة بتطبيع حوارنا");
    assert.equal(lineText([...items].reverse(), true), "وقال الوزير: مهتمة بتطبيع حوارنا");
  });

  it("keeps a run of Latin words and digits left to right inside an Arabic line", () => {
    // Drawn: [New][York][Times] then [نقلت صحيفة] at the right; read: نقلت صحيفة New York Times.
    const items = [at("New", 100, 20), at("York", 124, 22), at("Times", 150, 30), at("نقلت صحيفة", 190, 50)];
    assert.equal(lineText(items, true), "نقلت صحيفة New York Times");
    // A date line: digits and a month name.
    assert.equal(lineText([at("14", 137, 13), at("مايو", 118, 17), at("2019", 90, 25)], true), "14 مايو 2019");
  });

  it("puts a glyph drawn inside a run's box back at the nearest word boundary", () => {
    // "في مايو/ أيار": the slash (another font) drawn over the gap after مايو.
    const host = at("في مايو أيار", 100, 120);
    const slash = at("/", 160, 4);
    assert.equal(lineText([host, slash], true), "في مايو/ أيار");
  });

  it("reads a Latin line from the left", () => {
    assert.equal(lineText([at("Sochi", 160, 30), at("talks in", 100, 50)], false), "talks in Sochi");
  });
});
