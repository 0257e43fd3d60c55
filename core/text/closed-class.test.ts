import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isClosedClassWord } from "./closed-class.ts";

describe("closed-class words", () => {
  it("tells a preposition from the name it folds like", () => {
    assert.equal(isClosedClassWord("على"), true);
    assert.equal(isClosedClassWord("عَلَى"), true);
    assert.equal(isClosedClassWord("إلى"), true);
    assert.equal(isClosedClassWord("علي"), false);
    assert.equal(isClosedClassWord("لافروف"), false);
    assert.equal(isClosedClassWord("على حسن"), false);
  });
});
