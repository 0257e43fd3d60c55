import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDateIn, isIsoDate, parseDateLine, parseDateline } from "./dates.ts";

describe("parseDateLine", () => {
  const cases: [string, string | null][] = [
    ["14 مايو 2019", "2019-05-14"],
    ["١٤ مايو ٢٠١٩", "2019-05-14"],
    ["۱۴ مايو ۲۰۱۹", "2019-05-14"],
    ["14 أيار 2019", "2019-05-14"],
    ["3 آب 2020", "2020-08-03"],
    ["1 كانون الثاني 2021", "2021-01-01"],
    ["31 كانون الأول 1999", "1999-12-31"],
    ["9 تشرين الأول 2023", "2023-10-09"],
    ["الثلاثاء 14 مايو/أيار 2019", "2019-05-14"],
    ["الثلاثاء، 14 مايو 2019", "2019-05-14"],
    ["5 إبريل 2018", "2018-04-05"],
    ["5 أبريل 2018", "2018-04-05"],
    ["29 فبراير 2020", "2020-02-29"],
    ["29 فبراير 2019", null],
    ["31 أبريل 2019", null],
    ["14 مايو/ حزيران 2019", null],
    ["+ الخط -", null],
    ["في 3 مايو/أيار الحالي", null],
  ];
  for (const [line, iso] of cases) {
    it(`${line} → ${String(iso)}`, () => {
      const parsed = parseDateLine(line);
      assert.equal(parsed?.iso ?? null, iso);
      if (parsed !== null) assert.equal(parsed.raw, line);
    });
  }
});

describe("parseDateline", () => {
  // Each line and the day it names (read off the line by hand), and the date as written.
  const cases: [string, string | null, string | null][] = [
    ["موسكو - 20 يونيو 2019", "2019-06-20", "20 يونيو 2019"],
    ["القاهرة (رويترز) - ٢٠ حزيران ٢٠١٩", "2019-06-20", "٢٠ حزيران ٢٠١٩"],
    ["الرياض 5 تشرين الأول 2019 (واس) -", "2019-10-05", "5 تشرين الأول 2019"],
    ["دبي: 3 مارس 2020 - قال مسؤول إماراتي", "2020-03-03", "3 مارس 2020"],
    ["بيروت، 1 كانون الثاني 2021 (أ ف ب) — أعلن الجيش", "2021-01-01", "1 كانون الثاني 2021"],
    ["الأمم المتحدة (نيويورك) - الثلاثاء 14 مايو 2019", "2019-05-14", "الثلاثاء 14 مايو 2019"],
    ["سوتشي (روسيا) - ۱۴ أيار ۲۰۱۹ - التقى", "2019-05-14", "۱۴ أيار ۲۰۱۹"],
    ["موسكو - 31 يونيو 2019", null, null],
    ["وقال الوزير إن 20 يونيو 2019 موعد نهائي", null, null],
    ["موسكو - في الشهر المقبل", null, null],
    ["قال الرئيس الأميركي دونالد ترامب - 20 يونيو 2019", null, null],
  ];
  for (const [line, iso, raw] of cases) {
    it(`${line} → ${String(iso)}`, () => {
      const parsed = parseDateline(line);
      assert.equal(parsed?.iso ?? null, iso);
      assert.equal(parsed?.raw ?? null, raw);
      if (parsed !== null) assert.ok(line.includes(parsed.raw));
    });
  }
});

describe("findDateIn", () => {
  it("finds a date near the start of a line, as written", () => {
    assert.deepEqual(findDateIn("نُشر في ٢٠ حزيران ٢٠١٩ الساعة العاشرة"), { raw: "٢٠ حزيران ٢٠١٩", iso: "2019-06-20" });
    assert.equal(findDateIn("نشر في 31 حزيران 2019"), null);
    assert.equal(findDateIn(`${"كلمة ".repeat(30)}20 يونيو 2019`), null);
  });
});

describe("isIsoDate", () => {
  it("takes YYYY-MM-DD days that exist, only", () => {
    assert.equal(isIsoDate("2019-06-20"), true);
    assert.equal(isIsoDate("2020-02-29"), true);
    assert.equal(isIsoDate("2019-02-29"), false);
    assert.equal(isIsoDate("2019-6-20"), false);
    assert.equal(isIsoDate("20-06-2019"), false);
    assert.equal(isIsoDate("٢٠١٩-٠٦-٢٠"), false);
  });
});
