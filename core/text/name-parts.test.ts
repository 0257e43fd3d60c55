import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { surnameOf } from "./name-parts.ts";

describe("surnames", () => {
  it("takes the surname of a name of two words or more, compound surnames whole", () => {
    assert.equal(surnameOf("سيرغي لافروف"), "لافروف");
    assert.equal(surnameOf("مايك بومبيو"), "بومبيو");
    assert.equal(surnameOf("محمود عبد الله"), "عبد الله");
    assert.equal(surnameOf("عبد الله"), null);
    assert.equal(surnameOf("لافروف"), null);
    assert.equal(surnameOf("محمد على"), null);
    // Pairs ending in الله or الدين are the surname together (names from ANERcorp's first runs).
    assert.equal(surnameOf("حسن نصر الله"), "نصر الله");
    assert.equal(surnameOf("محمد حسين فضل الله"), "فضل الله");
    assert.equal(surnameOf("نصر الله"), null);
  });

  it("takes no surname from a name that ends with an ordinal or الابن", () => {
    assert.equal(surnameOf("عبد الله الثاني"), null);
    assert.equal(surnameOf("البابا بنديكتوس السادس عشر"), null);
    assert.equal(surnameOf("جورج بوش الابن"), null);
  });
});
