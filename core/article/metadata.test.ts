import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readArticleMetadata, titleFromLine } from "./metadata.ts";

/** The first paragraph of a real agency story (RT Arabic, 14 May 2019), as one line. */
const PARAGRAPH =
  "أعلن وزير الخارجية الروسي سيرغي لافروف، في ختام محادثاته مع نظيره الأمريكي مايك بومبيو في سوتشي، أن روسيا مهتمة بتطبيع الحوار مع الولايات المتحدة في كل المجالات، بما فيها الاستقرار الاستراتيجي ومكافحة الإرهاب، مشيرا إلى أن الجانبين اتفقا على استئناف الاتصالات. وأضاف أن موسكو مستعدة للعمل المشترك.";

describe("readArticleMetadata", () => {
  it("reads the date of a dateline at the top of the body", () => {
    const text = "لافروف وبومبيو يتفقان على استئناف الاتصالات\nموسكو - 20 يونيو 2019 - قال وزير الخارجية الروسي\n";
    const meta = readArticleMetadata(text);
    assert.equal(meta.title, "لافروف وبومبيو يتفقان على استئناف الاتصالات");
    assert.deepEqual(meta.published, { raw: "20 يونيو 2019", iso: "2019-06-20" });
  });

  it("reads a Levantine dateline with an agency and Arabic-Indic digits", () => {
    const meta = readArticleMetadata("عنوان\r\n\r\nالقاهرة (رويترز) - ٢٠ حزيران ٢٠١٩ - أعلنت الحكومة\r\n");
    assert.equal(meta.published?.iso, "2019-06-20");
  });

  it("reads a date inside the body's first line", () => {
    const meta = readArticleMetadata("عنوان الخبر\nنُشر يوم 5 تشرين الأول 2019 على موقع الوكالة\n");
    assert.equal(meta.published?.iso, "2019-10-05");
  });

  it("still reads a line that is only a date", () => {
    assert.equal(readArticleMetadata("عنوان\n14 مايو 2019\nنص").published?.iso, "2019-05-14");
  });

  it("does not take a whole first paragraph as the title", () => {
    const meta = readArticleMetadata(`${PARAGRAPH}\n\nفقرة ثانية.\n`);
    assert.ok([...PARAGRAPH].length > 150);
    assert.ok([...meta.title].length <= 150, meta.title);
    assert.ok(meta.title.endsWith("…"), meta.title);
    // Twelve words, cut at a word boundary: the title without its ellipsis is a run of the paragraph's first words.
    const kept = meta.title.slice(0, -1);
    assert.ok(PARAGRAPH.startsWith(kept));
    assert.match(PARAGRAPH.slice(kept.length), /^[\s،,]/u);
    assert.equal(meta.title, "أعلن وزير الخارجية الروسي سيرغي لافروف، في ختام محادثاته مع نظيره الأمريكي…");
  });

  it("takes the first sentence of a short multi-sentence first line", () => {
    assert.equal(titleFromLine("روسيا مستعدة للحوار. وتنتظر خطوات من واشنطن."), "روسيا مستعدة للحوار.");
  });

  it("keeps a headline whole", () => {
    const headline = "لافروف وبومبيو يتفقان على استئناف الاتصالات الروسية الأميركية";
    assert.equal(titleFromLine(headline), headline);
  });

  it("cuts a line without spaces by code points", () => {
    const title = titleFromLine("ب".repeat(400));
    assert.equal([...title].length, 150);
    assert.ok(title.endsWith("…"));
  });
});
