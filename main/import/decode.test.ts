import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import chardet from "chardet";
import { QawlError } from "../../core/errors.ts";
import { runPython } from "../../test-support/python.ts";
import { SAMPLE, FIXTURES } from "../../test-support/temp.ts";
import { adviseEncoding, decodeText } from "./decode.ts";

const cases = (name: string) => readFileSync(new URL(`cases/${name}`, FIXTURES));
const refusal = (pattern: RegExp) => (e: unknown) =>
  e instanceof QawlError && e.code === "bad_input" && pattern.test(e.message);

describe("decodeText", () => {
  it("removes and records a BOM and keeps CRLF", () => {
    const bytes = cases("crlf-bom.txt");
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const { text, hadBom } = decodeText("crlf-bom.txt", bytes);
    assert.equal(hadBom, true);
    assert.equal(text.charCodeAt(0), "ع".charCodeAt(0));
    assert.equal(text.split("\r\n").length - 1, 5, "five CRLF line ends, as in the file");
    assert.deepEqual(Buffer.from(text, "utf8"), bytes.subarray(3), "the text is exactly the bytes after the BOM");
  });

  it("refuses an empty file, naming it", () => {
    assert.throws(() => decodeText("empty.txt", cases("empty.txt")), refusal(/^empty\.txt: the file is empty/u));
  });

  it("refuses whitespace only (spaces, tabs, CRLF, no-break space)", () => {
    for (const ws of [" \n \n", "\t\r\n\r\n", "\u00a0\u2003\n"]) {
      assert.throws(
        () => decodeText("blank.txt", Buffer.from(ws, "utf8")),
        refusal(/^blank\.txt: the file holds only whitespace/u),
      );
    }
  });

  it("refuses binary data", () => {
    assert.throws(() => decodeText("binary.txt", cases("binary.txt")), refusal(/^binary\.txt: not a text file/u));
  });

  it("refuses Windows-1256 without guessing, naming the likely encoding and the option", () => {
    assert.throws(
      () => decodeText("seed-cp1256.txt", cases("seed-cp1256.txt")),
      refusal(/^seed-cp1256\.txt: line 1: not valid UTF-8 .*windows-1256.*--encoding windows-1256/u),
    );
  });

  it("decodes Windows-1256 to exactly the sample article when asked", () => {
    const { text } = decodeText("seed-cp1256.txt", cases("seed-cp1256.txt"), "windows-1256");
    assert.equal(text, readFileSync(SAMPLE, "utf8"));
  });

  it("refuses a UTF-8 file read with another encoding instead of making mojibake of it", () => {
    // An encoding left chosen from an earlier file: diacritics.txt is UTF-8 Arabic.
    assert.throws(
      () => decodeText("diacritics.txt", cases("diacritics.txt"), "windows-1256"),
      (e: unknown) =>
        e instanceof QawlError &&
        e.message ===
          "diacritics.txt: the file is valid UTF-8, not windows-1256; import it as UTF-8 (without --encoding); nothing imported" &&
        e.detail?.kind === "import.file" &&
        e.detail.reason === "is_utf8",
    );
    // ASCII alone is the same in both: read as asked.
    assert.equal(decodeText("a.txt", Buffer.from("Talks resume\n"), "windows-1256").text, "Talks resume\n");
  });

  it("names the line and byte of the first invalid UTF-8 sequence", () => {
    const bytes = Buffer.concat([
      Buffer.from("سطر أول\nسطر ثان ", "utf8"),
      Buffer.from([0xc3, 0x28]),
      Buffer.from("\n"),
    ]);
    const at = Buffer.byteLength("سطر أول\nسطر ثان ", "utf8");
    assert.throws(
      () => decodeText("bad.txt", bytes),
      refusal(new RegExp(`^bad\\.txt: line 2: not valid UTF-8 \\(byte 0xC3 at offset ${String(at)}\\)`, "u")),
    );
  });

  it("accepts a literal U+FFFD in valid UTF-8", () => {
    assert.equal(decodeText("r.txt", Buffer.from("قال \uFFFD نعم", "utf8")).text, "قال \uFFFD نعم");
  });

  it("refuses an unknown encoding name", () => {
    assert.throws(() => decodeText("a.txt", Buffer.from("abc"), "klingon-8"), refusal(/unknown encoding "klingon-8"/u));
  });

  it("advises the encoding Python decodes the seed file with, at the offset and line Python finds", () => {
    const bytes = cases("seed-cp1256.txt");
    const py = runPython<{ start: number; line: number; byte: number; same: boolean }>(
      `
import json, sys
job = json.load(sys.stdin)
b = open(job["path"], "rb").read()
try:
    b.decode("utf-8")
    start = -1
except UnicodeDecodeError as e:
    start = e.start
json.dump({"start": start, "line": b[:start].count(b"\\n") + 1, "byte": b[start],
           "same": b.decode("cp1256") == open(job["sample"], encoding="utf-8").read()}, sys.stdout)
`,
      { path: new URL("cases/seed-cp1256.txt", FIXTURES).pathname, sample: SAMPLE.pathname },
    );
    assert.equal(py.same, true, "Python's cp1256 gives the sample article");
    const hex = py.byte.toString(16).toUpperCase();
    assert.throws(
      () => decodeText("seed-cp1256.txt", bytes),
      (e: unknown) =>
        e instanceof QawlError &&
        e.message ===
          `seed-cp1256.txt: line ${String(py.line)}: not valid UTF-8 (byte 0x${hex} at offset ${String(py.start)}); it reads as Arabic in windows-1256: import it with --encoding windows-1256; nothing imported` &&
        e.detail?.kind === "import.file" &&
        e.detail.reason === "invalid_utf8" &&
        e.detail.guess === "windows-1256",
    );
  });

  /** Texts encoded by Python's codecs. */
  const encoded = (pairs: [string, string][]) =>
    runPython<string[]>(
      `
import json, sys
json.dump([t.encode(e).hex() for t, e in json.load(sys.stdin)], sys.stdout)
`,
      pairs,
    ).map((hex) => Buffer.from(hex, "hex"));

  it("never advises an encoding that makes no Arabic or Latin letters (chardet's guess for short Arabic)", () => {
    const [yes, said, chinese] = encoded([
      ["نعم", "cp1256"],
      ["وقال لافروف: نعم", "iso-8859-6"],
      ["中文新聞報導今天發佈", "big5"],
    ]) as [Buffer, Buffer, Buffer];
    // chardet alone gets these wrong (a Japanese or Hebrew encoding for Arabic).
    assert.doesNotMatch(String(chardet.detect(yes)), /1256|8859-6/iu);
    assert.doesNotMatch(String(chardet.detect(said)), /1256|8859-6/iu);
    assert.equal(adviseEncoding(yes), "windows-1256");
    assert.equal(adviseEncoding(said), "iso-8859-6");
    assert.equal(adviseEncoding(chinese), null);
    assert.throws(
      () => decodeText("c.txt", chinese),
      refusal(
        /not valid UTF-8 .*; import it with its encoding named \(--encoding NAME, for example --encoding windows-1256\)/u,
      ),
    );
  });

  it("advises UTF-16 for Arabic UTF-16 without a BOM instead of calling it binary", () => {
    const [le] = encoded([["وقال لافروف: نعم\n", "utf-16-le"]]) as [Buffer];
    assert.throws(
      () => decodeText("u.txt", le),
      (e: unknown) =>
        e instanceof QawlError &&
        e.message === "u.txt: the file is UTF-16, not UTF-8; import it with --encoding utf-16le; nothing imported" &&
        e.detail?.kind === "import.file" &&
        e.detail.reason === "utf16",
    );
    assert.equal(decodeText("u.txt", le, "utf-16le").text, "وقال لافروف: نعم\n");
  });
});
