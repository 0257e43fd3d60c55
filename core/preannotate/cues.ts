/**
 * The reporting cues the pre-annotator looks for: a project's editable list of cue lemmas,
 * each with the forms it is written in. Forms are matched through Arabic folding
 * (`foldArabic`: hamza-on-alef spellings, harakat, ta marbuta), after peeling a leading و or ف
 * (`وقال` → `قال`, guidelines: a cue has no leading conjunction).
 *
 * The default list covers the reporting verbs of Arabic newswire (on ANERcorp the ten most
 * frequent reporting lemmas cover about 87% of cue words; قال alone 37%) and the source
 * phrases of the guidelines (`بحسب`, `حسب`, `نقلا عن`, `وفقا لـ`).
 */
import { foldArabic } from "../text/normalize.ts";

/** How a cue introduces what is reported. */
export type CueKind =
  /** A verb of saying: `قال X: "…"`, `أكد X أن …`; its subject, when written, is the speaker. */
  | "speech"
  /** A source phrase: `بحسب X`, `نقلا عن X`; the mention after it is the speaker. */
  | "source";

/** A cue lemma of a project's list. */
export interface CueLemma {
  /** The lemma as people name it, e.g. `قال`. */
  lemma: string;
  kind: CueKind;
  /** Finite forms and source phrases, as written, e.g. `قال`, `قالت`, `يقول`; `نقلا عن` (several words). */
  forms: string[];
  /** Participles whose subject is the sentence's speaker, e.g. `قائلا`, `مؤكدا`. */
  participles: string[];
  /**
   * Words that open reported content after this cue besides `أن`/`إن` and their forms, e.g.
   * `عن` after `أعرب`; `ب` alone stands for an attached `بـ` (`أفاد بالتوصل …`).
   */
  introducers: string[];
}

const speech = (lemma: string, forms: string[], participles: string[], introducers: string[] = []): CueLemma => ({
  lemma,
  kind: "speech",
  forms: [lemma, ...forms],
  participles,
  introducers,
});

/** The cue list a new project starts with. */
export const DEFAULT_CUES: readonly CueLemma[] = [
  speech(
    "قال",
    ["قالت", "قالوا", "قالا", "يقول", "تقول", "يقولون", "قوله", "قولها", "قولهم", "بقوله", "بقولها"],
    ["قائلا", "قائلة", "قائلين"],
  ),
  speech("أضاف", ["أضافت", "أضافوا", "يضيف", "تضيف"], ["مضيفا", "مضيفة"]),
  speech("أكد", ["أكدت", "أكدوا", "أكدا", "يؤكد", "تؤكد", "يؤكدون"], ["مؤكدا", "مؤكدة", "مؤكدين"], ["على"]),
  speech("أوضح", ["أوضحت", "أوضحوا", "يوضح", "توضح"], ["موضحا", "موضحة"]),
  speech("أشار", ["أشارت", "أشاروا", "يشير", "تشير"], ["مشيرا", "مشيرة", "مشيرين"], ["إلى"]),
  speech("تابع", ["تابعت"], []),
  speech("أعلن", ["أعلنت", "أعلنوا", "يعلن", "تعلن"], ["معلنا", "معلنة"]),
  speech("ذكر", ["ذكرت", "ذكروا", "يذكر", "تذكر", "يذكرون"], ["ذاكرا"]),
  // Not يعتبر / تعتبر: in news they mostly mean "is considered", not "says".
  speech("اعتبر", ["اعتبرت", "اعتبروا"], ["معتبرا", "معتبرة"]),
  speech("صرح", ["صرحت", "يصرح", "تصرح"], ["مصرحا"], ["ب"]),
  speech("أفاد", ["أفادت", "أفادوا", "يفيد", "تفيد"], ["مفيدا"], ["ب"]),
  speech("أعرب", ["أعربت", "أعربوا", "يعرب", "تعرب"], ["معربا", "معربة"], ["عن"]),
  speech("شدد", ["شددت", "شددوا", "يشدد", "تشدد"], ["مشددا", "مشددة"], ["على"]),
  speech("لفت", ["لفتت"], ["لافتا"], ["إلى"]),
  speech("رأى", ["رأت", "رأوا", "يرى", "ترى"], []),
  speech("نفى", ["نفت", "نفوا", "ينفي", "تنفي"], ["نافيا"]),
  speech("حذر", ["حذرت", "حذروا", "يحذر", "تحذر"], ["محذرا", "محذرة"], ["من"]),
  speech("كشف", ["كشفت", "يكشف", "تكشف"], ["كاشفا"], ["عن"]),
  speech("اعترف", ["اعترفت", "يعترف"], ["معترفا"], ["ب"]),
  speech("أقر", ["أقرت", "أقروا", "يقر", "تقر"], ["مقرا"], ["ب"]),
  speech("طالب", ["طالبت", "طالبوا", "يطالب", "تطالب"], ["مطالبا"], ["ب"]),
  speech("استبعد", ["استبعدت", "استبعدوا", "يستبعد", "تستبعد"], ["مستبعدا"]),
  // Verbs of calling, urging, promising and judging likely that govern reported content.
  speech("دعا", ["دعت", "دعوا", "يدعو", "تدعو"], ["داعيا", "داعية"], ["إلى"]),
  speech("حث", ["حثت", "حثوا", "يحث", "تحث"], ["حاثا"], ["على"]),
  speech("وعد", ["وعدت"], ["واعدا"], ["ب"]),
  speech("رجح", ["رجحت", "يرجح", "ترجح"], ["مرجحا", "مرجحة"]),
  speech("أبدى", ["أبدت", "أبدوا", "يبدي", "تبدي"], ["مبديا", "مبدية"]),
  // Verbs of welcoming and praising whose object is what was said (`رحب باتشان بالأفلام …`).
  speech("رحب", ["رحبت", "رحبوا", "يرحب", "ترحب"], ["مرحبا", "مرحبة"], ["ب"]),
  speech("أشاد", ["أشادت", "أشادوا", "يشيد", "تشيد"], ["مشيدا", "مشيدة"], ["ب"]),
  speech("زعم", ["زعمت", "زعموا", "يزعم", "تزعم"], ["زاعما"]),
  speech("أردف", ["أردفت"], ["مردفا"]),
  speech("أبلغ", ["أبلغت"], []),
  speech("ختم", ["ختمت", "اختتم", "اختتمت"], ["مختتما"]),
  speech("مضى", ["مضت"], []),
  speech("تساءل", ["تساءلت", "يتساءل", "تتساءل"], ["متسائلا"]),
  speech("وصف", ["وصفت", "وصفوا", "يصف", "تصف"], ["واصفا", "واصفة"], ["ب"]),
  speech("اتهم", ["اتهمت", "اتهموا", "يتهم", "تتهم"], ["متهما", "متهمة"], ["ب"]),
  speech("عبر", ["عبرت", "عبروا", "يعبر", "تعبر"], ["معبرا", "معبرة"], ["عن", "ب"]),
  speech("أصر", ["أصرت", "أصروا", "يصر", "تصر"], ["مصرا", "مصرة"], ["على"]),
  speech("كرر", ["كررت", "يكرر", "تكرر"], ["مكررا", "مكررة"]),
  speech("ردد", ["رددت", "يردد"], ["مرددا"]),
  speech("لخص", ["لخصت", "يلخص", "تلخص"], ["ملخصا"]),
  { lemma: "بحسب", kind: "source", forms: ["بحسب", "حسب", "وفقا ل", "طبقا ل"], participles: [], introducers: [] },
  { lemma: "نقلا عن", kind: "source", forms: ["نقلا عن"], participles: [], introducers: [] },
];

/** Whether a cue list is the default one, lemma for lemma and form for form, in order. */
export function isDefaultCueList(lemmas: readonly CueLemma[]): boolean {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return (
    lemmas.length === DEFAULT_CUES.length &&
    lemmas.every((c, i) => {
      const d = DEFAULT_CUES[i];
      return (
        d !== undefined &&
        c.lemma === d.lemma &&
        c.kind === d.kind &&
        same(c.forms, d.forms) &&
        same(c.participles, d.participles) &&
        same(c.introducers, d.introducers)
      );
    })
  );
}

/** What a cue form found in text is. */
export interface CueForm {
  lemma: string;
  kind: CueKind | "participle";
  /** Folded words of the form (a source phrase may have two; a trailing `ل` is an attached preposition). */
  words: string[];
  introducers: string[];
}

/**
 * A lookup from the first folded word of a form to the forms starting with it.
 * @throws never; empty forms are skipped
 */
export function compileCues(lemmas: readonly CueLemma[]): Map<string, CueForm[]> {
  const out = new Map<string, CueForm[]>();
  const add = (lemma: CueLemma, written: string, kind: CueForm["kind"]) => {
    const words = foldArabic(written)
      .split(" ")
      .filter((w) => w !== "");
    const first = words[0];
    if (first === undefined) return;
    const introducers = lemma.introducers.map(foldArabic);
    const list = out.get(first) ?? [];
    list.push({ lemma: lemma.lemma, kind, words, introducers });
    list.sort((a, b) => b.words.length - a.words.length);
    out.set(first, list);
  };
  for (const lemma of lemmas) {
    for (const f of lemma.forms) add(lemma, f, lemma.kind);
    for (const p of lemma.participles) add(lemma, p, "participle");
  }
  return out;
}
