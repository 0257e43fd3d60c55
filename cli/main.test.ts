import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, it, type TestContext } from "node:test";
import { fileURLToPath } from "node:url";
import { nodeVersionProblem } from "../bin/qawl.mjs";
import { nativeJsonlProblems } from "../test-support/native-schema.ts";
import { python, runPython } from "../test-support/python.ts";
import { SAMPLE, tempDir } from "../test-support/temp.ts";
import { ProjectStore } from "../db/project.ts";
import { createOperationTable } from "../main/ops/table.ts";
import { casePath, qawl, samplePath } from "../test-support/cli-run.ts";

const BIN = fileURLToPath(new URL("../bin/qawl.mjs", import.meta.url));

function project(t: TestContext): string {
  return join(tempDir(t), "p.qawl");
}

describe("qawl CLI", () => {
  it("imports the sample article and exports JSONL that fits the schema and Python's view", async (t) => {
    const p = project(t);
    const imported = await qawl(["import", samplePath, "--project", p]);
    assert.equal(imported.code, 0);
    assert.match(
      imported.stdout,
      /^imported .*lavrov-pompeo-sochi-2019\.txt as document 1 "لافروف وبومبيو .*" \(2191 code points\)\n$/u,
    );
    const exported = await qawl(["export", "--format", "jsonl", "--project", p]);
    assert.equal(exported.code, 0);
    assert.deepEqual(nativeJsonlProblems(exported.stdout), []);
    const doc = JSON.parse(exported.stdout.split("\n")[1] ?? "{}") as { text: string; text_sha256: string };
    const text = readFileSync(SAMPLE, "utf8");
    assert.equal(doc.text, text);
    assert.equal(doc.text_sha256, python(text).sha256);
    assert.equal(python(text).length, 2191);
  });

  it("reports a second import of the same text", async (t) => {
    const p = project(t);
    await qawl(["import", samplePath, "--project", p]);
    const again = await qawl(["import", samplePath, "--project", p]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /^skipped .*: same text as document 1 /u);
    assert.equal((await qawl(["list", "--project", p])).stdout.trim().split("\n").length, 1);
  });

  it("deletes documents by id, and refuses an unknown id without deleting any", async (t) => {
    const p = project(t);
    await qawl(["import", samplePath, casePath("diacritics.txt"), "--project", p]);
    const refused = await qawl(["delete", "1,7", "--project", p]);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, "qawl: document 7 does not exist\n");
    assert.equal((await qawl(["list", "--project", p])).stdout.trim().split("\n").length, 2);
    const deleted = await qawl(["delete", "1", "--project", p]);
    assert.equal(deleted.code, 0);
    assert.equal(deleted.stdout, "deleted 1\tلافروف وبومبيو يتفقان على استئناف الاتصالات الروسية الأميركية\n");
    assert.match((await qawl(["list", "--project", p])).stdout, /^2\t/u);
  });

  for (const [name, reason] of [
    ["empty.txt", "the file is empty"],
    ["binary.txt", "not a text file"],
    ["seed-cp1256.txt", "line 1: not valid UTF-8"],
  ] as const) {
    it(`refuses ${name} in one line, exit 1, and writes nothing`, async (t) => {
      const p = project(t);
      const result = await qawl(["import", samplePath, casePath(name), "--project", p]);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, "");
      const lines = result.stderr.trimEnd().split("\n");
      assert.equal(lines.length, 1);
      assert.ok(lines[0]?.startsWith(`qawl: ${casePath(name)}: ${reason}`) ?? false, lines[0]);
      assert.match(lines[0] ?? "", /none of the 2 files was imported$/u);
      assert.equal(existsSync(p), false, "the project this import would have created is gone");
    });
  }

  it("imports Windows-1256 with --encoding", async (t) => {
    const p = project(t);
    const result = await qawl(["import", casePath("seed-cp1256.txt"), "--encoding", "windows-1256", "--project", p]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /\(2191 code points\)/u);
  });

  it("says which file it cannot read", async (t) => {
    const missing = join(tempDir(t), "nope.txt");
    const result = await qawl(["import", missing, "--project", project(t)]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `qawl: ${missing}: cannot read (no such file)\n`);
  });

  it("refuses an unknown export format and an unknown command", async (t) => {
    const format = await qawl(["export", "--format", "csv", "--project", project(t)]);
    assert.equal(format.code, 1);
    assert.match(
      format.stderr,
      /^error: option '--format <format>' argument 'csv' is invalid\. Allowed choices are jsonl, text, brat, conll/u,
    );
    assert.equal(format.stderr.trimEnd().split("\n").length, 1);
    const command = await qawl(["frobnicate"]);
    assert.equal(command.code, 1);
    assert.match(command.stderr, /unknown command 'frobnicate'/u);
  });

  it("prints help with every command", async () => {
    const help = await qawl(["--help"]);
    assert.equal(help.code, 0);
    for (const command of ["import", "list", "delete", "export", "serve"])
      assert.match(help.stdout, new RegExp(`\\n  ${command} `, "u"));
  });
});

describe("the qawl launcher (bin/qawl.mjs)", () => {
  it("asks for Node 22 in one line", () => {
    assert.equal(nodeVersionProblem("20.20.2"), "qawl needs Node.js 22 or newer; this is Node.js 20.20.2.");
    assert.equal(nodeVersionProblem("22.0.0"), null);
    assert.equal(nodeVersionProblem("24.21.0"), null);
  });

  it("says so when run by an older Node found on this machine", (t) => {
    const old = ["/usr/bin/node", "/usr/local/bin/node"].find((path) => {
      if (!existsSync(path)) return false;
      const version = spawnSync(path, ["--version"], { encoding: "utf8" }).stdout.trim();
      return Number(version.replace(/^v/u, "").split(".")[0]) < 22;
    });
    if (old === undefined) {
      t.skip("no Node.js older than 22 on this machine");
      return;
    }
    const result = spawnSync(old, [BIN, "list"], { encoding: "utf8" });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^qawl needs Node\.js 22 or newer; this is Node\.js \d+\.\d+\.\d+\.\n$/u);
  });

  it("serves: the first line with http:// is the URL with its token", { timeout: 20_000 }, async (t) => {
    const dir = tempDir(t);
    const child = spawn(process.execPath, [BIN, "serve", "--project", join(dir, "p.qawl")], {
      env: { ...process.env, XDG_DATA_HOME: dir },
    });
    t.after(() => child.kill());
    const lines = createInterface({ input: child.stdout });
    let first: string | undefined;
    for await (const line of lines) {
      if (line.includes("http://")) {
        first = line;
        break;
      }
    }
    assert.match(first ?? "", /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}/u);
    const url = /http:\/\/\S+/u.exec(first ?? "")?.[0] ?? "";
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<qawl-app>/u);
  });

  it("refuses a second server on the same project, naming the first", { timeout: 30_000 }, async (t) => {
    const dir = tempDir(t);
    const project = join(dir, "p.qawl");
    const env = { ...process.env, XDG_DATA_HOME: dir };
    const child = spawn(process.execPath, [BIN, "serve", "--project", project], { env });
    t.after(() => child.kill());
    for await (const line of createInterface({ input: child.stdout })) if (line.includes("http://")) break;
    const second = spawnSync(process.execPath, [BIN, "serve", "--project", project], { env, encoding: "utf8" });
    assert.equal(second.status, 1);
    assert.equal(
      second.stderr,
      `qawl: ${project} is open in qawl serve (process ${String(child.pid)} on ${hostname()}, since ` +
        `${/since (\S+)\)/u.exec(second.stderr)?.[1] ?? "?"}); close it there first\n`,
    );
    // The CLI's one-off commands run beside it.
    const listed = spawnSync(process.execPath, [BIN, "list", "--project", project], { env, encoding: "utf8" });
    assert.equal(listed.status, 0, listed.stderr);
  });

  it(
    "serves the same URL after a restart; --new-token makes a new one and the old one gets 401",
    { timeout: 60_000 },
    async (t) => {
      const dir = tempDir(t);
      const env = { ...process.env, XDG_DATA_HOME: dir };
      const projectPath = join(dir, "p.qawl");
      /** Start `qawl serve` on the project, read its URL and stop it again. */
      const serveOnce = async (extra: string[]) => {
        const child = spawn(process.execPath, [BIN, "serve", "--project", projectPath, ...extra], { env });
        t.after(() => child.kill());
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        let url = "";
        for await (const line of createInterface({ input: child.stdout })) {
          url = /http:\/\/\S+/u.exec(line)?.[0] ?? "";
          if (url !== "") break;
        }
        if (url === "") {
          if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
          assert.fail(`qawl serve printed no URL and exited ${String(child.exitCode)}: ${stderr}`);
        }
        const parsed = new URL(url);
        const api = (token: string) =>
          fetch(new URL("/api/listDocuments", parsed), {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Qawl-Token": token },
            body: "{}",
          }).then((r) => r.status);
        return {
          url,
          token: parsed.searchParams.get("token") ?? "",
          api,
          stderr: () => stderr,
          stop: async () => {
            const exited = new Promise((resolve) => child.once("exit", resolve));
            child.kill("SIGTERM");
            await exited;
          },
        };
      };
      const first = await serveOnce([]);
      assert.match(first.token, /^[A-Za-z0-9_-]{43}$/u);
      assert.equal(await first.api(first.token), 200);
      await first.stop();
      const again = await serveOnce([]);
      assert.equal(again.url, first.url, "same port and same token after a restart");
      assert.equal(await again.api(first.token), 200);
      await again.stop();
      const rotated = await serveOnce(["--new-token"]);
      assert.notEqual(rotated.token, first.token);
      assert.equal(await rotated.api(first.token), 401);
      assert.equal(await rotated.api(rotated.token), 200);
      assert.match(rotated.stderr(), /^note: made a new token/mu);
      await rotated.stop();
      const file = join(dir, "Qawl", "serve-tokens.json");
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const kept = JSON.parse(readFileSync(file, "utf8")) as { projects: Record<string, { token: string }> };
      assert.equal(kept.projects[projectPath]?.token, rotated.token);
      assert.equal(readFileSync(projectPath).includes(rotated.token), false, "the token is not in the project file");
    },
  );

  it("uses the default project in the user's data directory, and list never creates one", (t) => {
    const dir = tempDir(t);
    const env = { ...process.env, XDG_DATA_HOME: dir };
    const project = join(dir, "Qawl", "default.qawl");
    const before = spawnSync(process.execPath, [BIN, "list"], { encoding: "utf8", env });
    assert.equal(before.status, 1);
    assert.equal(before.stderr, `qawl: no project at ${project} yet (import articles to create one)\n`);
    assert.equal(existsSync(project), false);
    const imported = spawnSync(process.execPath, [BIN, "import", samplePath], { encoding: "utf8", env });
    assert.equal(imported.status, 0, imported.stderr);
    const after = spawnSync(process.execPath, [BIN, "list"], { encoding: "utf8", env });
    assert.match(after.stdout, /^1\t2019-05-14\tnew\t0 spans\t0 to review\t2191 cp\tلافروف وبومبيو/u);
    assert.deepEqual(
      readdirSync(join(dir, "Qawl")).filter((f) => f.endsWith(".qawl") || f.includes(".new-")),
      ["default.qawl"],
    );
  });

  it("leaves no project behind when the import that would create it is killed", { timeout: 60_000 }, async (t) => {
    const dir = tempDir(t);
    const folder = join(dir, "articles");
    mkdirSync(folder);
    // Enough files that the import is still running when it is killed.
    const article = readFileSync(SAMPLE, "utf8");
    for (let i = 0; i < 400; i++) writeFileSync(join(folder, `a${String(i)}.txt`), `${article}\n${String(i)}`);
    const project = join(dir, "new.qawl");
    const child = spawn(process.execPath, [BIN, "import", "--project", project, folder]);
    t.after(() => child.kill("SIGKILL"));
    const exited = new Promise((resolve) => child.once("exit", resolve));
    // Killed once the project being made exists (aside, under a hidden name).
    const until = Date.now() + 50_000;
    while (!readdirSync(dir).some((f) => f.startsWith(".new.qawl.new-")) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(
      readdirSync(dir).some((f) => f.startsWith(".new.qawl.new-")),
      "the import began",
    );
    child.kill("SIGKILL");
    await exited;
    assert.equal(existsSync(project), false, "no project under the name");
    const list = spawnSync(process.execPath, [BIN, "list", "--project", project], { encoding: "utf8" });
    assert.equal(list.stderr, `qawl: no project at ${project} yet (import articles to create one)\n`);
  });
});

describe("qawl CLI: formats", () => {
  it("imports a brat pair named by its .ann alone, the .txt beside it read with it", async (t) => {
    const dir = tempDir(t);
    const p = join(dir, "p.qawl");
    writeFileSync(join(dir, "x.txt"), "قال الوزير في موسكو");
    writeFileSync(join(dir, "x.ann"), "T1\tLOC 14 19\tموسكو\n");
    const imported = await qawl(["import", join(dir, "x.ann"), "--project", p]);
    assert.equal(imported.code, 0, imported.stderr);
    const listed = await qawl(["list", "--project", p]);
    assert.match(listed.stdout, /^1\t-\tnew\t1 span\t/u);
  });

  it("imports a folder, and exports brat into a folder with the loss report on stderr", async (t) => {
    const dir = tempDir(t);
    const p = join(dir, "p.qawl");
    const folder = join(dir, "in");
    mkdirSync(folder);
    copyFileSync(samplePath, join(folder, "a.txt"));
    copyFileSync(casePath("emoji-flag.txt"), join(folder, "b.txt"));
    const imported = await qawl(["import", folder, "--project", p]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.equal(imported.stdout.trim().split("\n").length, 2);
    const noOut = await qawl(["export", "--format", "brat", "--project", p]);
    assert.equal(noOut.code, 1);
    assert.equal(noOut.stderr, "qawl: brat writes 5 files: name a folder with --out\n");
    const out = join(dir, "brat");
    const exported = await qawl(["export", "--format", "brat", "--out", out, "--project", p]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(readdirSync(out).sort(), [
      "0001-a.ann",
      "0001-a.txt",
      "0002-b.ann",
      "0002-b.txt",
      "annotation.conf",
    ]);
    assert.equal(readFileSync(join(out, "0001-a.txt"), "utf8"), readFileSync(SAMPLE, "utf8"));
    assert.match(exported.stderr, /^wrote 5 files \(2 documents\) to /mu);
    // brat has no place for a document's details: nothing else is lost.
    const lostLines = exported.stderr.split("\n").filter((l) => l.startsWith("lost in brat: "));
    assert.equal(lostLines.length, 2, exported.stderr);
    for (const line of lostLines)
      assert.match(
        line,
        /^lost in brat: document [12] ".*": document details not in this format: title, (published date, )?source file$/u,
      );
  });

  it("exports Label Studio to the file --out names, its label config beside it; a name without .json is a folder", async (t) => {
    const dir = tempDir(t);
    const p = join(dir, "p.qawl");
    await qawl(["import", samplePath, "--project", p]);
    const noOut = await qawl(["export", "--format", "labelstudio", "--project", p]);
    assert.equal(
      noOut.stderr,
      "qawl: labelstudio writes 2 files: name a folder or a .json file (its labelstudio.json) with --out\n",
    );
    const out = join(dir, "ls", "tasks.json");
    const exported = await qawl(["export", "--format", "labelstudio", "--out", out, "--project", p]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(readdirSync(join(dir, "ls")).sort(), ["tasks.json", "tasks.label_config.xml"]);
    const tasks = JSON.parse(readFileSync(out, "utf8")) as { data: { text: string } }[];
    assert.equal(tasks.length, 1, "tasks.json is a JSON array of one task");
    assert.equal(tasks[0]?.data.text, readFileSync(SAMPLE, "utf8"));
    assert.match(readFileSync(join(dir, "ls", "tasks.label_config.xml"), "utf8"), /^<View/u);
    assert.match(exported.stderr, /^wrote 1 document to .*tasks\.json and .*tasks\.label_config\.xml$/mu);
    const folder = join(dir, "ls-folder");
    const inFolder = await qawl(["export", "--format", "labelstudio", "--out", folder, "--project", p]);
    assert.equal(inFolder.code, 0, inFolder.stderr);
    assert.deepEqual(readdirSync(folder).sort(), ["label_config.xml", "labelstudio.json"]);
  });

  it("exports one document as CoNLL and says what CoNLL cannot hold", async (t) => {
    const p = project(t);
    await qawl(["import", samplePath, "--project", p]);
    const store = new ProjectStore(p);
    const table = createOperationTable(store, { annotator: "t" });
    const quote = table.createSpan({ documentId: 1, label: "QUOTE", start: 653, end: 795 });
    const speaker = table.createSpan({ documentId: 1, label: "SPEAKER", start: 630, end: 650 });
    table.createRelation({ type: "attributed_to", fromSpanId: quote.id, toSpanId: speaker.id });
    store.close();
    const result = await qawl(["export", "--format", "conll", "--documents", "1", "--project", p]);
    assert.equal(result.code, 0);
    // Columns: token, QUOTE, SPEAKER, CUE, NER (NER last so NER-only readers take the last column).
    assert.match(result.stdout, /^روسيا\tB-QUOTE\tO\tO\tO$/mu);
    assert.match(result.stdout, /^وزير\tO\tB-SPEAKER\tO\tO$/mu);
    assert.match(
      result.stderr,
      /^lost in conll: document 1 "لافروف وبومبيو .*": 1 relation \(CoNLL has no relations\)$/mu,
    );
  });
});

describe("qawl meta", () => {
  it("sets a document's title, date, URL, outlet and author, prints them, and export carries them", async (t) => {
    const p = project(t);
    await qawl(["import", samplePath, "--project", p]);
    const set = await qawl([
      "meta",
      "1",
      "--title",
      "لافروف وبومبيو في سوتشي",
      "--date",
      "2019-05-15",
      "--url",
      "https://arabic.rt.com/world/1019-lavrov-pompeo/",
      "--outlet",
      "RT Arabic",
      "--author",
      "قسم الأخبار",
      "--project",
      p,
    ]);
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, /^date: 2019-05-15$/mu);
    const shown = await qawl(["meta", "1", "--json", "--project", p]);
    assert.deepEqual(JSON.parse(shown.stdout), {
      id: 1,
      title: "لافروف وبومبيو في سوتشي",
      published: { iso: "2019-05-15", raw: "2019-05-15" },
      url: "https://arabic.rt.com/world/1019-lavrov-pompeo/",
      outlet: "RT Arabic",
      author: "قسم الأخبار",
      source: samplePath,
    });
    const exported = await qawl(["export", "--format", "jsonl", "--project", p]);
    assert.deepEqual(nativeJsonlProblems(exported.stdout), []);
    const line = runPython<Record<string, unknown>>(
      'import json, sys\nprint(json.dumps(json.loads(json.load(sys.stdin).split("\\n")[1]), ensure_ascii=False))',
      exported.stdout,
    );
    assert.equal(line["outlet"], "RT Arabic");
    assert.equal(line["author"], "قسم الأخبار");
    assert.equal(line["title"], "لافروف وبومبيو في سوتشي");
    // An empty value clears a field.
    const cleared = await qawl(["meta", "1", "--author", "", "--json", "--project", p]);
    assert.equal((JSON.parse(cleared.stdout) as { author: unknown }).author, null);
  });

  for (const [args, message] of [
    [["--url", "ftp://example.com/a"], /^qawl: url: a URL starts with http:\/\/ or https:\/\/\n$/u],
    [["--url", "https://"], /^qawl: url: a URL has a host after http:\/\/ or https:\/\/, such as example\.com\n$/u],
    [
      ["--url", "https://example.com/a b"],
      /^qawl: url: a URL has no spaces or line breaks \(write a space as %20\)\n$/u,
    ],
    [["--date", "2019-02-29"], /^qawl: date: a date is YYYY-MM-DD and must exist/u],
    [["--date", "20 يونيو 2019"], /^qawl: date: a date is YYYY-MM-DD/u],
    [["--title", "x".repeat(501)], /^qawl: title: a title is longer than 500 characters\n$/u],
    [["--outlet", "x".repeat(201)], /^qawl: outlet: an outlet is longer than 200 characters\n$/u],
  ] as const) {
    it(`refuses ${args.join(" ").slice(0, 40)} in one line and changes nothing`, async (t) => {
      const p = project(t);
      await qawl(["import", samplePath, "--project", p]);
      const refused = await qawl(["meta", "1", ...args, "--project", p]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, message);
      assert.equal(refused.stderr.split("\n").length, 2);
      const shown = JSON.parse((await qawl(["meta", "1", "--json", "--project", p])).stdout) as Record<string, unknown>;
      assert.equal(shown["url"], null);
      assert.deepEqual(shown["published"], { raw: "14 مايو 2019", iso: "2019-05-14" });
    });
  }

  it("refuses a document that does not exist", async (t) => {
    const p = project(t);
    await qawl(["import", samplePath, "--project", p]);
    const refused = await qawl(["meta", "9", "--project", p]);
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, "qawl: document 9 does not exist\n");
  });
});
