import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { mainFileHint, placeExport } from "./out-path.ts";

describe("where --out puts an export's files", () => {
  it("a name in the main file's extension is the main file, companions named after it", () => {
    const placed = placeExport("labelstudio", join("out", "Tasks.JSON"), ["labelstudio.json", "label_config.xml"]);
    assert.equal(placed.mode, "file");
    assert.deepEqual(
      placed.targets.map((t) => t.target),
      [join("out", "Tasks.JSON"), join("out", "Tasks.label_config.xml")],
    );
    const spacy = placeExport("spacy", "train.jsonl", ["spacy.jsonl", "spacy.spacy"]);
    assert.deepEqual(
      spacy.targets.map((t) => t.target),
      ["train.jsonl", "train.spacy"],
    );
    const docBin = placeExport("spacy", join("out", "data.spacy"), ["spacy.jsonl", "spacy.spacy"]);
    assert.equal(docBin.mode, "file");
    assert.deepEqual(
      docBin.targets.map((t) => t.target),
      [join("out", "data.jsonl"), join("out", "data.spacy")],
    );
    assert.equal(mainFileHint("spacy"), " or a .jsonl or .spacy file (its spacy.jsonl or spacy.spacy)");
  });

  it("any other name is a folder, and formats without a main file always take one", () => {
    assert.equal(placeExport("labelstudio", "tasks", ["labelstudio.json", "label_config.xml"]).mode, "folder");
    assert.equal(placeExport("labelstudio", "tasks.xml", ["labelstudio.json", "label_config.xml"]).mode, "folder");
    const hf = placeExport("hf", "data.jsonl", ["hf.jsonl", "README.md", "label_names.json"]);
    assert.equal(hf.mode, "folder");
    assert.deepEqual(
      hf.targets.map((t) => t.target),
      [join("data.jsonl", "hf.jsonl"), join("data.jsonl", "README.md"), join("data.jsonl", "label_names.json")],
    );
  });
});
