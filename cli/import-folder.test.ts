/** `qawl import FOLDER` with newsroom files: DOCX and PDF read, other types skipped and named. */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { FIXTURES, tempDir } from "../test-support/temp.ts";
import { qawl } from "../test-support/cli-run.ts";

const fixture = (name: string) => fileURLToPath(new URL(`import/${name}`, FIXTURES));

describe("qawl import FOLDER", () => {
  it("imports a folder's DOCX and PDF, skips pictures and office files it does not read, and names them", async (t) => {
    const dir = tempDir(t);
    const news = join(dir, "news");
    mkdirSync(news);
    copyFileSync(fixture("lavrov-pompeo-sochi-2019.docx"), join(news, "article.docx"));
    copyFileSync(fixture("lavrov-pompeo-sochi-2019.pdf"), join(news, "article.pdf"));
    writeFileSync(join(news, "photo.png"), Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    writeFileSync(join(news, "old.doc"), Buffer.from("d0cf11e0a1b11ae10000000000000000", "hex"));
    writeFileSync(join(news, ".DS_Store"), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
    const p = join(dir, "p.qawl");
    const out = await qawl(["import", news, "--project", p]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^imported .*article\.docx as document 1 "لافروف وبومبيو /mu);
    assert.match(out.stdout, /^imported .*article\.pdf as document 2 "لافروف وبومبيو /mu);
    assert.equal(out.stdout.trim().split("\n").length, 2);
    assert.equal(
      out.stderr,
      [".DS_Store", "old.doc", "photo.png"]
        .map((name) => `note: skipped ${join(news, name)} (not a format Qawl reads)\n`)
        .join(""),
    );
  });

  it("refuses the whole folder for a scanned PDF, in one line, and leaves no project behind", async (t) => {
    const dir = tempDir(t);
    copyFileSync(fixture("lavrov-pompeo-sochi-2019.docx"), join(dir, "a.docx"));
    copyFileSync(fixture("scanned-page.pdf"), join(dir, "b.pdf"));
    // Files that would be skipped anyway are not counted among those not imported.
    writeFileSync(join(dir, ".DS_Store"), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
    writeFileSync(join(dir, "photo.png"), Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
    mkdirSync(join(dir, ".git"));
    writeFileSync(join(dir, ".git", "HEAD"), "ref: refs/heads/main\n");
    const out = await qawl(["import", dir, "--project", join(dir, "p.qawl")]);
    assert.equal(out.code, 1);
    assert.equal(
      out.stderr,
      `qawl: ${join(dir, "b.pdf")}: has no text layer (a scanned page?); run OCR first; none of the 2 files was imported\n`,
    );
    assert.equal(existsSync(join(dir, "p.qawl")), false);
  });

  it("offers docx and pdf as --format choices", async () => {
    const out = await qawl(["import", "--help"]);
    assert.match(out.stdout, /"docx", "pdf"/u);
  });
});
