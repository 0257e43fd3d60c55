import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { runPython } from "../test-support/python.ts";
import { SAMPLE, tempDir } from "../test-support/temp.ts";
import { casePath, qawl, samplePath } from "../test-support/cli-run.ts";

/** A project holding the sample article; its folder and path. */
async function sampleProject(t: TestContext): Promise<{ dir: string; p: string }> {
  const dir = tempDir(t);
  const p = join(dir, "p.qawl");
  const imported = await qawl(["import", samplePath, "--project", p]);
  assert.equal(imported.code, 0, imported.stderr);
  return { dir, p };
}

describe("qawl export --out", () => {
  it("a name ending in .spacy is the DocBin that spaCy reads, the JSONL beside it", async (t) => {
    const { dir, p } = await sampleProject(t);
    const out = join(dir, "data.spacy");
    const exported = await qawl(["export", "--format", "spacy", "--out", out, "--project", p]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(statSync(out).isFile(), "data.spacy is a file, not a folder");
    assert.deepEqual(readdirSync(dir).sort(), ["data.jsonl", "data.spacy", "p.qawl"]);
    assert.match(exported.stderr, /^wrote 1 document to .*data\.spacy and .*data\.jsonl$/mu);
    const read = runPython<{ docs: number; text: string }>(
      "import json, sys, spacy\nfrom spacy.tokens import DocBin\npath = json.load(sys.stdin)\n" +
        'docs = list(DocBin().from_disk(path).get_docs(spacy.blank("ar").vocab))\n' +
        'print(json.dumps({"docs": len(docs), "text": docs[0].text}))',
      out,
    );
    assert.equal(read.docs, 1);
    assert.equal(read.text, readFileSync(SAMPLE, "utf8"));
    const jsonl = runPython<{ text: string }>(
      'import json, sys\nprint(json.dumps(json.loads(open(json.load(sys.stdin), encoding="utf-8").readline())))',
      join(dir, "data.jsonl"),
    );
    assert.equal(jsonl.text, readFileSync(SAMPLE, "utf8"));
  });

  it("names the main file and its companion without internal names", async (t) => {
    const { dir, p } = await sampleProject(t);
    const out = join(dir, "tasks.json");
    const exported = await qawl(["export", "--format", "labelstudio", "--out", out, "--project", p]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(
      exported.stderr.split("\n")[0],
      `wrote 1 document to ${out} and ${join(dir, "tasks.label_config.xml")}`,
    );
    assert.doesNotMatch(exported.stderr, /labelstudio\.json|\(label_config/u);
  });

  it("refuses in one line where a file stands for the folder a format needs", async (t) => {
    const { dir, p } = await sampleProject(t);
    const file = join(dir, "brat");
    writeFileSync(file, "not a folder");
    const refused = await qawl(["export", "--format", "brat", "--out", file, "--project", p]);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      `qawl: ${file} is a file, and this export needs a folder there: name another path with --out\n`,
    );
    assert.equal(readFileSync(file, "utf8"), "not a folder");
    const under = await qawl(["export", "--format", "jsonl", "--out", join(file, "x.jsonl"), "--project", p]);
    assert.equal(under.code, 1);
    assert.equal(
      under.stderr,
      `qawl: ${file} is a file, and this export needs a folder there: name another path with --out\n`,
    );
  });

  it("writes a single-file format into an existing folder, or one named with a trailing /, under its own name", async (t) => {
    const { dir, p } = await sampleProject(t);
    const folder = join(dir, "existing");
    mkdirSync(folder);
    const exported = await qawl(["export", "--format", "jsonl", "--out", folder, "--project", p]);
    assert.equal(exported.code, 0, exported.stderr);
    const target = join(folder, "qawl-export.jsonl");
    assert.equal(
      exported.stderr.split("\n")[0],
      `wrote 1 document to ${target} (${folder} is a folder: the file takes its own name in it)`,
    );
    assert.ok(readFileSync(target, "utf8").includes('"text_sha256"'));
    const slash = `${join(dir, "new")}/`;
    const inNew = await qawl(["export", "--format", "quotes-csv", "--out", slash, "--project", p]);
    assert.equal(inNew.code, 0, inNew.stderr);
    assert.deepEqual(readdirSync(join(dir, "new")), ["quotes.csv"]);
  });

  it("refuses a name in another format's extension, and --variant for a format other than doccano", async (t) => {
    const { dir, p } = await sampleProject(t);
    const cases: [string[], string][] = [
      [
        ["--format", "quotes-csv", "--out", join(dir, "q.xlsx")],
        "quotes-csv writes CSV: name a .csv file (quotes-xlsx writes .xlsx)",
      ],
      [
        ["--format", "quotes-xlsx", "--out", join(dir, "q.CSV")],
        "quotes-xlsx writes an Excel workbook: name a .xlsx file (quotes-csv writes .csv)",
      ],
      [
        ["--format", "brat", "--out", join(dir, "b.jsonl")],
        "brat writes a brat folder: name a folder (jsonl, doccano and spacy write .jsonl)",
      ],
      [
        ["--format", "labelstudio", "--out", join(dir, "t.jsonl")],
        "labelstudio writes Label Studio JSON: name a folder or a .json file (jsonl, doccano and spacy write .jsonl)",
      ],
      [["--format", "spacy", "--variant", "spans"], "--variant is for doccano only: spacy has one layout"],
    ];
    for (const [args, message] of cases) {
      const refused = await qawl(["export", ...args, "--project", p]);
      assert.equal(refused.code, 1, args.join(" "));
      assert.equal(refused.stderr, `qawl: ${message}\n`);
    }
    assert.deepEqual(readdirSync(dir), ["p.qawl"], "nothing written");
    const spans = await qawl(["export", "--format", "doccano", "--variant", "spans", "--project", p]);
    assert.equal(spans.code, 0, spans.stderr);
  });

  it("says when the folder it wrote into holds files it did not write, and deletes nothing", async (t) => {
    const dir = tempDir(t);
    const p = join(dir, "p.qawl");
    const folder = join(dir, "in");
    mkdirSync(folder);
    copyFileSync(samplePath, join(folder, "a.txt"));
    copyFileSync(casePath("emoji-flag.txt"), join(folder, "b.txt"));
    assert.equal((await qawl(["import", folder, "--project", p])).code, 0);
    const out = join(dir, "brat");
    const first = await qawl(["export", "--format", "brat", "--out", out, "--project", p]);
    assert.equal(first.code, 0, first.stderr);
    assert.doesNotMatch(first.stderr, /also holds/u);
    const second = await qawl(["export", "--format", "brat", "--documents", "2", "--out", out, "--project", p]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(
      second.stderr,
      new RegExp(
        `^note: ${out.replace(/[\\^$.*+?()[\]{}|]/gu, "\\$&")} also holds 2 files this export did not write$`,
        "mu",
      ),
    );
    assert.ok(existsSync(join(out, "0001-a.txt")) && existsSync(join(out, "0001-a.ann")));
    const all = join(dir, "all.txt");
    const text = await qawl(["export", "--format", "text", "--out", all, "--project", p]);
    assert.equal(text.code, 1);
    assert.equal(text.stderr, "qawl: text writes 2 files here, not one .txt file: name a folder with --out\n");
    assert.equal(existsSync(all), false, "no folder named all.txt");
  });
});
