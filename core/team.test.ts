import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ANNOTATOR_OPERATIONS, assignDocuments, mayCall } from "./team.ts";
import { OPERATION_NAMES } from "./operation-names.ts";

describe("assignDocuments", () => {
  it("hands documents out in turn and gives the overlap's share to two annotators", () => {
    const plan = assignDocuments([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ["amal", "badr", "carla"], 0.2);
    // 20 % of 10 = 2 documents read twice: the first two, by the next annotator in turn.
    assert.deepEqual(plan.get("amal"), [1, 4, 7, 10]);
    assert.deepEqual(plan.get("badr"), [1, 2, 5, 8]);
    assert.deepEqual(plan.get("carla"), [2, 3, 6, 9]);
    const twice = [...plan.values()].flat().length - 10;
    assert.equal(twice, 2);
  });

  it("gives everything to both with overlap 1, and refuses what cannot be planned", () => {
    assert.deepEqual(
      [...assignDocuments([1, 2], ["amal", "badr"], 1)],
      [
        ["amal", [1, 2]],
        ["badr", [1, 2]],
      ],
    );
    assert.deepEqual([...assignDocuments([1, 2], ["amal"], 0.5)], [["amal", [1, 2]]]);
    assert.throws(() => assignDocuments([1], [], 0), RangeError);
    assert.throws(() => assignDocuments([1], ["amal"], 1.5), /overlap 1.5 is not between 0 and 1/u);
  });
});

describe("roles", () => {
  it("lets an annotator annotate but not import, delete, export, adjudicate or change the schema", () => {
    for (const name of ["createSpan", "updateSpan", "undo", "getDocument", "changesSince"] as const) {
      assert.ok(mayCall("annotator", name), name);
    }
    for (const name of [
      "importDocuments",
      "deleteDocuments",
      "exportDocuments",
      "copyToGold",
      "createLabel",
      "setCueLemmas",
      "agreement",
    ] as const) {
      assert.equal(mayCall("annotator", name), false, name);
    }
    for (const name of OPERATION_NAMES) assert.ok(mayCall("curator", name) && mayCall("admin", name));
    assert.ok([...ANNOTATOR_OPERATIONS].every((name) => (OPERATION_NAMES as readonly string[]).includes(name)));
  });
});
