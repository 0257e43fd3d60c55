/**
 * HTML pages through the operation table: a page in the encoding it declares (windows-1256,
 * encoded by Python's `cp1256` codec, the text expected back from Python's own decoding),
 * and the page's details (author, address, site name) filled into the document.
 */
import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import type { OperationTable } from "../../core/contract.ts";
import { ProjectStore } from "../../db/project.ts";
import { runPython } from "../../test-support/python.ts";
import { projectLocation } from "../../test-support/temp.ts";
import { createOperationTable } from "./table.ts";

function project(t: TestContext): OperationTable {
  const store = new ProjectStore(projectLocation(t, "p.qawl"));
  t.after(() => {
    store.close();
  });
  return createOperationTable(store, { annotator: "tester" });
}

const file = (name: string, bytes: Buffer) => ({ name, contentBase64: bytes.toString("base64") });

const SENTENCE = "وقال وزير الخارجية الروسي: «روسيا مهتمة بتطبيع حوارنا».";

/** A page declaring its encoding with `head`, encoded by Python in `codec`; and Python's decoding of its paragraph. */
function pageIn(codec: string, head: string, title = "لافروف في سوتشي"): { bytes: Buffer; paragraph: string } {
  const page = `<!doctype html><html lang="ar"><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1><p>${SENTENCE}</p></article></body></html>`;
  const out = runPython<{ base64: string; paragraph: string }>(
    `import base64, json, re, sys
page = json.load(sys.stdin)
raw = page["page"].encode(page["codec"])
text = raw.decode(page["codec"])
print(json.dumps({"base64": base64.b64encode(raw).decode("ascii"), "paragraph": re.search("<p>(.*?)</p>", text).group(1)}))`,
    { page, codec },
  );
  return { bytes: Buffer.from(out.base64, "base64"), paragraph: out.paragraph };
}

describe("importDocuments: HTML pages", () => {
  for (const [how, head] of [
    ["<meta charset>", '<meta charset="windows-1256">'],
    ["<meta http-equiv>", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'],
  ] as const) {
    it(`reads a windows-1256 page by the encoding its ${how} declares, without --encoding`, (t) => {
      const table = project(t);
      const { bytes, paragraph } = pageIn("cp1256", head);
      assert.ok(bytes.includes(0xe6), "the page's bytes are windows-1256, not UTF-8");
      const report = table.importDocuments({ files: [file("rt.html", bytes)] });
      assert.equal(report.outcomes[0]?.status, "imported");
      assert.deepEqual(report.notes, ["rt.html: read as windows-1256, as the page declares"]);
      const doc = table.getDocument({ documentId: 1 });
      assert.equal(doc.text.split("\n\n").at(-1), paragraph);
    });
  }

  it("reads a page as UTF-8 when its bytes are UTF-8 whatever it declares, and refuses undeclared bytes that are not", (t) => {
    const table = project(t);
    const { bytes, paragraph } = pageIn("utf-8", '<meta charset="windows-1256">');
    const report = table.importDocuments({ files: [file("stale.html", bytes)] });
    assert.deepEqual(report.notes, []);
    assert.equal(table.getDocument({ documentId: 1 }).text.split("\n\n").at(-1), paragraph);
    const undeclared = pageIn("cp1256", "");
    assert.throws(
      () => table.importDocuments({ files: [file("bare.html", undeclared.bytes)] }),
      /^QawlError: bare\.html: line 1: not valid UTF-8 .*--encoding windows-1256/u,
    );
  });

  it("fills the document's author, address and outlet from the page's details", (t) => {
    const table = project(t);
    const head = `<meta charset="utf-8"><meta name="author" content="  قسم
      الأخبار "><meta property="og:site_name" content="RT Arabic"><meta property="og:url" content="javascript:alert(1)">
      <link rel="canonical" href="https://arabic.rt.com/world/1019-lavrov/">`;
    const { bytes } = pageIn("utf-8", head);
    table.importDocuments({ files: [file("rt.html", bytes)] });
    const doc = table.getDocument({ documentId: 1 });
    assert.equal(doc.author, "قسم الأخبار");
    assert.equal(doc.outlet, "RT Arabic");
    assert.equal(doc.url, "https://arabic.rt.com/world/1019-lavrov/", "a javascript: og:url is passed over");
    const ogFirst = pageIn(
      "utf-8",
      '<meta property="og:url" content="https://example.com/og"><link rel="canonical" href="https://example.com/c">',
      "بومبيو في سوتشي",
    );
    table.importDocuments({ files: [file("og.html", ogFirst.bytes)] });
    const second = table.getDocument({ documentId: 2 });
    assert.equal(second.url, "https://example.com/og");
    assert.equal(second.author, null);
    assert.equal(second.outlet, null);
  });
});

describe("importDocuments: HTML pages nested deep", () => {
  /** A page whose paragraphs each open one more `<div>`, `depth` levels in all. */
  const nested = (depth: number) => {
    const paragraphs = Array.from({ length: depth }, (_, i) => `فقرة رقم ${String(i + 1)} من المقال.`);
    const page =
      `<!doctype html><html lang="ar"><head><title>مقال متداخل</title></head><body>` +
      paragraphs.map((p) => `<div><p>${p}</p>`).join("") +
      "</div>".repeat(depth) +
      "</body></html>";
    return { page, paragraphs };
  };

  it("reads every paragraph of a page 1,000 levels deep in seconds, not minutes", (t) => {
    const table = project(t);
    const { page, paragraphs } = nested(1000);
    const started = performance.now();
    const report = table.importDocuments({ files: [file("deep.html", Buffer.from(page))] });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(report.outcomes[0]?.status, "imported");
    // Readability alone took 158 s on this page; read flat it takes a few.
    assert.ok(seconds < 30, `${seconds.toFixed(1)} s`);
    const text = table.getDocument({ documentId: (report.outcomes[0] as { documentId: number }).documentId }).text;
    assert.deepEqual(text.split("\n\n").slice(-paragraphs.length), paragraphs);
  });

  it("refuses a page nested deeper than it reads, at once, in one line naming the file", (t) => {
    const table = project(t);
    const started = performance.now();
    assert.throws(
      () => table.importDocuments({ files: [file("abyss.html", Buffer.from(nested(20_000).page))] }),
      /^QawlError: abyss\.html: elements nested 20002 levels deep \(Qawl reads pages up to 2000\); nothing imported$/u,
    );
    assert.ok(performance.now() - started < 5000);
    assert.deepEqual(table.listDocuments({}), []);
  });
});
