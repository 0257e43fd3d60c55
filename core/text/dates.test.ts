import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDateLine } from "./dates.ts";

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
