import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { readNativeJsonl } from "../formats/jsonl/native-read.ts";
import { sha256 } from "../../main/import/read-files.ts";
import { python } from "../../test-support/python.ts";
import { FIXTURES, SAMPLE } from "../../test-support/temp.ts";
import { DEFAULT_CUES } from "./cues.ts";
import { preannotateQuotes, type Extent, type QuoteSuggestion } from "./rules.ts";

/** Text of an extent (UTF-16 offsets; these texts have no astral characters). */
const slice = (text: string, e: Extent | null) => (e === null ? null : text.slice(e.start, e.end));

describe("quote rules", () => {
  it("reproduce the guidelines' worked example span for span", () => {
    // docs/guidelines.md, "Worked example": the text and the table of spans it expects.
    const text =
      'وقال رئيس الوزراء الأردني بشر الخصاونة: "نرفض أي تهجير". وأضاف: "الأردن لن يقبل بذلك".\n' +
      'وأكد الخصاونة أن الحكومة ستواصل الاتصالات مع واشنطن، مؤكدا "أهمية الحوار".';
    const got = preannotateQuotes(text, DEFAULT_CUES).map((q) => ({
      quote: slice(text, q.quote),
      type: q.type,
      cue: slice(text, q.cue),
      speaker: slice(text, q.speaker),
      carried: q.carried,
    }));
    assert.deepEqual(got, [
      {
        quote: "نرفض أي تهجير",
        type: "direct",
        cue: "قال",
        speaker: "رئيس الوزراء الأردني بشر الخصاونة",
        carried: false,
      },
      {
        quote: "الأردن لن يقبل بذلك",
        type: "direct",
        cue: "أضاف",
        speaker: "رئيس الوزراء الأردني بشر الخصاونة",
        carried: true,
      },
      {
        quote: "أن الحكومة ستواصل الاتصالات مع واشنطن",
        type: "indirect",
        cue: "أكد",
        speaker: "الخصاونة",
        carried: false,
      },
      { quote: "أهمية الحوار", type: "direct", cue: "مؤكدا", speaker: "الخصاونة", carried: true },
    ]);
  });

  it("find every direct quote of the sample article with its cue and speaker, two carried over (held-out gold)", () => {
    const text = readFileSync(SAMPLE, "utf8");
    // The hand-written gold, converted to code point offsets by scripts/gold_to_jsonl.py.
    const gold = readNativeJsonl(readFileSync(new URL("quotes-gold/sample.jsonl", FIXTURES), "utf8"), sha256)
      .documents[0];
    assert.ok(gold !== undefined);
    const direct = gold.spans.filter((s) => s.label === "QUOTE" && s.attributes["type"] === "direct");
    assert.equal(direct.length, 3);
    // Python turns the gold's code points into the same UTF-16 offsets the rules use (no astral characters here).
    assert.equal(python(text).length, text.length);
    const got = preannotateQuotes(text, DEFAULT_CUES).filter((q) => q.type === "direct");
    assert.deepEqual(
      got.map((q) => ({ start: q.quote.start, end: q.quote.end })),
      direct.map((s) => ({ start: s.start, end: s.end })),
    );
    const cueOf = (id: number) =>
      gold.spans.find((s) => s.id === gold.relations.find((r) => r.type === "cue" && r.from === id)?.to);
    assert.deepEqual(
      got.map((q) => slice(text, q.cue)),
      direct.map((s) => cueOf(s.id)?.text),
    );
    // One speaker mention for all three: the minister (gold: the first's mention; the others carried over to him).
    assert.deepEqual(
      got.map((q) => [slice(text, q.speaker), q.carried]),
      [
        ["وزير الخارجية الروسي", false],
        ["وزير الخارجية الروسي", true],
        ["وزير الخارجية الروسي", true],
      ],
    );
  });

  it("leave out quoted names and scare quotes, and read a quote whose closing mark is missing", () => {
    const text =
      'وقال السفير لشبكة " سي ان ان " الأميركية: " ندرس تشكيل قوة دولية " . وانتقد الوزير " عجرفة " إسرائيل .\n' +
      "ونشر الكاتب مقالا بعنوان : « لماذا نخسر الحرب على الفساد كل عام » .\n" +
      'وقالت جيما أرياس " أنا متوترة جدا .';
    const got = preannotateQuotes(text, DEFAULT_CUES).map((q) => [
      slice(text, q.quote),
      q.type,
      slice(text, q.speaker),
    ]);
    assert.deepEqual(got, [
      ["ندرس تشكيل قوة دولية", "direct", "السفير"],
      ["أنا متوترة جدا", "direct", "جيما أرياس"],
    ]);
  });

  it("read the hard direct quotes of ANERcorp runs as the hand-written gold set does, with their cues", () => {
    // The gold (fixtures/quotes-gold/anercorp.gold.txt, offsets made by scripts/gold_to_jsonl.py).
    const gold = readNativeJsonl(readFileSync(new URL("quotes-gold/anercorp.jsonl", FIXTURES), "utf8"), sha256);
    const runs: [string, string][] = [
      ["002", "unmarked speech right after قائلا"],
      ["037", "unmarked speech from لدينا, after the speaker and an adverbial"],
      ["039", "unmarked speech from a demonstrative right after وتابع"],
      ["188", "unmarked speech from ليت and from بل"],
      ["158", "unmarked speech after a colon, not the indirect clause inside it"],
      ["167", "after a colon, ان opens the speaker's own words"],
      ["070", "a quotation nested in one with the same marks ('' … '' … '' … ''), never closed"],
      ["164", "two one-word quotations nested in a longer one ( ' … ' … ' … ' … ' )"],
      ["074", "guillemets typed the wrong way round (» … »)"],
      ["232", "a colon lets the cue stand far back in its sentence"],
      ["222", "a cue after the quotation, behind كما"],
      ["086", "a pronoun on the cue (اتهمهما)"],
      ["101", "وصف, and a quotation that opens the cue's object and goes on past the marks (not direct)"],
      ["010", 'اتهمها " بتدمير " لبنان is reported content, not a direct quote'],
      ["237", "بقوله: the cue leaves out the بـ"],
    ];
    for (const [run, why] of runs) {
      const doc = gold.documents.find((d) => d.source?.includes(`anercorp-${run} `) === true);
      assert.ok(doc !== undefined, run);
      assert.equal(python(doc.text).length, doc.text.length, "no astral characters: code points are UTF-16 units here");
      const cueOf = (id: number) =>
        doc.spans.find((s) => s.id === doc.relations.find((r) => r.type === "cue" && r.from === id)?.to)?.text ?? null;
      const want = doc.spans
        .filter((s) => s.label === "QUOTE" && s.attributes["type"] === "direct")
        .map((s) => ({ start: s.start, end: s.end, cue: cueOf(s.id) }));
      const got = preannotateQuotes(doc.text, DEFAULT_CUES)
        .filter((q) => q.type === "direct")
        .map((q) => ({ start: q.quote.start, end: q.quote.end, cue: slice(doc.text, q.cue) }));
      assert.deepEqual(got, want, `anercorp-${run}: ${why}`);
    }
  });

  /**
   * Python's `str.find` extents (code points; the same as UTF-16 units here, which Python's
   * `len` confirms) of the quote, cue and speaker a sentence should yield.
   */
  const extents = (text: string, quote: string, cue: string, speaker: string) => {
    const py = python(text, [], [quote, cue, speaker]);
    assert.equal(py.length, text.length, "no astral characters: code points are UTF-16 units here");
    assert.ok(
      py.finds.every((at) => at !== -1),
      "Python finds the quote, the cue and the speaker",
    );
    const [q = -1, c = -1, sp = -1] = py.finds;
    return {
      quote: { start: q, end: q + quote.length },
      cue: { start: c, end: c + cue.length },
      speaker: { start: sp, end: sp + speaker.length },
    };
  };
  const found = (q: QuoteSuggestion) => ({
    quote: q.quote,
    type: q.type,
    cue: q.cue,
    speaker: q.speaker,
    carried: q.carried,
  });

  it("read a report inside a report, a participle's own content, calls, and a subject before an addressee", () => {
    // Sentences of the ANERcorp development runs (014, 148, 180, 009), shortened.
    const cases: [string, (string | boolean | null)[][]][] = [
      [
        "وذكرت وكالة الأنباء المصرية أن الدراسات أكدت أن سعر الوقود في عملية النقل لا يتعدى 5% فقط من إجمالي تكلفة النقل .",
        [
          [
            "أن الدراسات أكدت أن سعر الوقود في عملية النقل لا يتعدى 5% فقط من إجمالي تكلفة النقل",
            "indirect",
            "ذكرت",
            "وكالة الأنباء المصرية",
            false,
          ],
          ["أن سعر الوقود في عملية النقل لا يتعدى 5% فقط من إجمالي تكلفة النقل", "indirect", "أكدت", "الدراسات", false],
        ],
      ],
      [
        "من جانبها أعلنت روسيا أنها ستشارك بالمؤتمر قائلة إنها ستركز على وقف إطلاق نار فوري وإطلاق الأسرى .",
        [
          ["أنها ستشارك بالمؤتمر", "indirect", "أعلنت", "روسيا", false],
          ["إنها ستركز على وقف إطلاق نار فوري وإطلاق الأسرى", "indirect", "قائلة", "روسيا", true],
        ],
      ],
      [
        "الصين طالبت إسرائيل بالاعتذار لمقتل أحد مراقبيها .",
        [["بالاعتذار لمقتل أحد مراقبيها", "indirect", "طالبت", "الصين", false]],
      ],
      [
        "كما دعا مندوب فرنسا لدى الأمم المتحدة مجلس الأمن إلى مناقشة عاجلة للإعلان عن هدنة .",
        [["إلى مناقشة عاجلة للإعلان عن هدنة", "indirect", "دعا", "مندوب فرنسا", false]],
      ],
    ];
    for (const [text, want] of cases) {
      const got = preannotateQuotes(text, DEFAULT_CUES).map((q) => [
        slice(text, q.quote),
        q.type,
        slice(text, q.cue),
        slice(text, q.speaker),
        q.carried,
      ]);
      assert.deepEqual(got, want, text);
    }
  });

  /** Each suggestion as [quote, type, cue, speaker, carried], texts as written. */
  const readAll = (text: string, names: readonly string[] = []) =>
    preannotateQuotes(text, DEFAULT_CUES, { names }).map((q) => [
      slice(text, q.quote),
      q.type,
      slice(text, q.cue),
      slice(text, q.speaker),
      q.carried,
    ]);

  it("find the subject of the verb that governs the quote, wherever it is written", () => {
    // docs/guidelines.md, "The subject of the verb that governs the quote"; sentences of the
    // ANERcorp development runs (023, 053, 050, 183, 013, 108, 220), shortened.
    const cases: [string, (string | boolean | null)[][]][] = [
      [
        "وكانت المحكمة العليا الاميركية ، اعتبرت ( الخميس ) ان الرئيس بوش تجاوز صلاحياته .",
        [["ان الرئيس بوش تجاوز صلاحياته", "indirect", "اعتبرت", "المحكمة العليا الاميركية", false]],
      ],
      [
        "وكانت فرنسا التي وزعت بشكل غير رسمي مقترحاتها على بضعة أعضاء في مجلس الأمن ، قد قالت انها لن تتقدم بمشروعها .",
        [["انها لن تتقدم بمشروعها", "indirect", "قالت", "فرنسا", false]],
      ],
      [
        "لكن سفيرا مطلعا على الوثيقة قال انها مماثلة فيما يبدو لمشروع سابق عرضته فرنسا .",
        [["انها مماثلة فيما يبدو لمشروع سابق عرضته فرنسا", "indirect", "قال", "سفيرا مطلعا على الوثيقة", false]],
      ],
      // An adverbial before the verb and a time after it are not its subject.
      ["وفي الاجتماع قال انها مماثلة .", [["انها مماثلة", "indirect", "قال", null, false]]],
      [
        "وكان أغاسي أعلن الشهر الماضي في لندن بأنه سيعتزل اللعب عقب نهاية بطولة الولايات المتحدة .",
        [["بأنه سيعتزل اللعب عقب نهاية بطولة الولايات المتحدة", "indirect", "أعلن", "أغاسي", false]],
      ],
      // A verbal noun of a derived verb as the object, bare or after بـ.
      [
        "واستبعد فارس ارتفاع أسعار المواد التموينية في الوقت الحالي .",
        [["ارتفاع أسعار المواد التموينية في الوقت الحالي", "indirect", "استبعد", "فارس", false]],
      ],
      [
        "ورغم ذلك أفاد ديوان الترويج السياحي بارتفاع حجم الإنفاق على السياحة .",
        [["بارتفاع حجم الإنفاق على السياحة", "indirect", "أفاد", "ديوان الترويج السياحي", false]],
      ],
      // A quoted name between the cue's subject and the content.
      [
        "ويقول يحيى بيرت في اتصال هاتفي اجرته معه « الشرق الاوسط » امس ان هناك ارقاما رسمية .",
        [["ان هناك ارقاما رسمية", "indirect", "يقول", "يحيى بيرت", false]],
      ],
    ];
    for (const [text, want] of cases) assert.deepEqual(readAll(text), want, text);
  });

  it("end a quote at the next report or source, and read a headline's speaker", () => {
    // docs/guidelines.md, "A quote ends at the next cue" and "A line that opens with a name";
    // ANERcorp development runs 238, 195 and 006, shortened.
    assert.deepEqual(
      readAll(
        "ويقول البعض ان معتنقي الاسلام الجدد يكونون اكثر قابلية للتطرف ، الا ان متخصصين في « الاسلام الاوروبي » يذكرون ان الحياة المضطربة لا تعني بالضرورة التطرف .",
      ),
      [
        ["ان معتنقي الاسلام الجدد يكونون اكثر قابلية للتطرف", "indirect", "يقول", "البعض", false],
        ["ان الحياة المضطربة لا تعني بالضرورة التطرف", "indirect", "يذكرون", "متخصصين في « الاسلام الاوروبي »", false],
      ],
    );
    assert.deepEqual(readAll("وقالت مراسلة الجزيرة إن الدويك يعاني من وضع صحي سيئ بحسب شهادة هيئة الدفاع ."), [
      ["إن الدويك يعاني من وضع صحي سيئ", "indirect", "قالت", "مراسلة الجزيرة", false],
    ]);
    assert.deepEqual(
      readAll("جون بولتون : وقف إطلاق النار مع الإرهابيين مرفوض ( الفرنسية )\nوأضاف بولتون أن الحوار مستمر ."),
      [
        ["وقف إطلاق النار مع الإرهابيين مرفوض", "direct", null, "جون بولتون", false],
        ["أن الحوار مستمر", "indirect", "أضاف", "بولتون", false],
      ],
    );
    // A dateline before a colon names no speaker.
    assert.deepEqual(readAll("الدوحة - وكالات : وصل الوزير إلى بغداد أمس ."), []);
  });

  it("resolve a pronoun or missing subject to its sentence's subject, else a speaker it agrees with", () => {
    // docs/guidelines.md, "A pronoun subject, or none" (constructed sentences).
    assert.deepEqual(readAll("وكان الوزير قد وصل إلى بغداد ، رغم انه يقول انه لن يزورها ."), [
      ["انه لن يزورها", "indirect", "يقول", "الوزير", false],
    ]);
    // `وأضافت` carries over the minister (a woman), not the foreign minister named after her.
    assert.deepEqual(
      readAll("وقالت الوزيرة إن الحوار مفيد . وقال وزير الخارجية إن الحوار مستمر . وأضافت أن الاتفاق قريب ."),
      [
        ["إن الحوار مفيد", "indirect", "قالت", "الوزيرة", false],
        ["إن الحوار مستمر", "indirect", "قال", "وزير الخارجية", false],
        ["أن الاتفاق قريب", "indirect", "أضافت", "الوزيرة", true],
      ],
    );
  });

  it("tell a quoted name from quoted speech", () => {
    // docs/guidelines.md, "Speech or name" (constructed sentences).
    // The speaker's own name in marks: the report starts after it.
    assert.deepEqual(readAll('وقال " حزب الله " في بيان إن المقاومة مستمرة .'), [
      ["إن المقاومة مستمرة", "indirect", "قال", "حزب الله", false],
    ]);
    // A title inside reported content does not make it mixed; the speaker's words do.
    assert.deepEqual(readAll('وأعلنت الوزارة أن صحيفة " القادسية " نشرت الخبر .'), [
      ['أن صحيفة " القادسية " نشرت الخبر', "indirect", "أعلنت", "الوزارة", false],
    ]);
    assert.deepEqual(readAll('وأعلنت الوزارة أن الخبر " عار عن الصحة " .'), [
      ['أن الخبر " عار عن الصحة "', "mixed", "أعلنت", "الوزارة", false],
    ]);
    // After a colon with no cue: someone's words, unless a known entity or capitalised Latin.
    const colon = 'وجاء في البيان : " حزب الله " .';
    assert.deepEqual(readAll(colon), [["حزب الله", "direct", null, null, false]]);
    assert.deepEqual(readAll(colon, ["حزب الله"]), []);
    assert.deepEqual(readAll('وجاء في البيان : " BBC World " .'), []);
  });

  it("suggest the quote, cue and speaker of a sentence with no quote in the document yet", () => {
    const text = 'وقال الوزير: "نرفض أي تهجير".';
    const want = extents(text, "نرفض أي تهجير", "قال", "الوزير");
    assert.deepEqual(preannotateQuotes(text, DEFAULT_CUES).map(found), [{ ...want, type: "direct", carried: false }]);
  });

  it("do not suggest what overlaps a quote already in the document", () => {
    const text = 'وقال الوزير: "نرفض أي تهجير".';
    const { quote } = extents(text, "نرفض أي تهجير", "قال", "الوزير");
    assert.deepEqual(preannotateQuotes(text, DEFAULT_CUES, { prior: [{ quote, speaker: null }] }), []);
  });

  it("use the project's cue list: a lemma kept is a cue", () => {
    const text = 'وقال الوزير "نرفض أي تهجير".';
    const want = extents(text, "نرفض أي تهجير", "قال", "الوزير");
    assert.deepEqual(preannotateQuotes(text, DEFAULT_CUES).map(found), [{ ...want, type: "direct", carried: false }]);
  });

  it("use the project's cue list: a lemma removed is not a cue any more", () => {
    const text = 'وقال الوزير "نرفض أي تهجير".';
    assert.deepEqual(
      preannotateQuotes(
        text,
        DEFAULT_CUES.filter((c) => c.lemma !== "قال"),
      ),
      [],
    );
  });
});
