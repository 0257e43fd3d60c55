import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isClosedClassWord } from "./closed-class.ts";
import { surnameOf } from "./name-parts.ts";

describe("closed-class words and surnames", () => {
  it("tells a preposition from the name it folds like", () => {
    assert.equal(isClosedClassWord("على"), true);
    assert.equal(isClosedClassWord("عَلَى"), true);
    assert.equal(isClosedClassWord("إلى"), true);
    assert.equal(isClosedClassWord("علي"), false);
    assert.equal(isClosedClassWord("لافروف"), false);
    assert.equal(isClosedClassWord("على حسن"), false);
  });

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
