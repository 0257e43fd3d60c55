/** Status-line messages of the page's state, in English and Arabic. */
import { count, defineMessages } from "../i18n/messages.ts";

export const storeMessages = defineMessages({
  en: {
    propagated: (p) =>
      `${count(Number(p["n"]), { one: "other mention", other: "other mentions" })} of {name} suggested`,
    preannotated: (p) =>
      `Suggested ${count(Number(p["quotes"]), { one: "quote", other: "quotes" })} and ${count(Number(p["names"]), { one: "name", other: "names" })}: Enter accepts, Backspace rejects, ] goes to the next`,
    nothingSuggested: "Nothing to suggest here",
    accepted: (p) => `Accepted ${count(Number(p["n"]), { one: "suggestion", other: "suggestions" })}`,
    rejected: (p) => `Rejected ${count(Number(p["n"]), { one: "suggestion", other: "suggestions" })}`,
    noSuggestion: "No suggestion left in this document",
    notSuggestion: "The active span is not a suggestion",
    noMore: "No more in this direction",
    searching: "Searching…",
    found: (p) => count(Number(p["n"]), { one: "hit", other: "hits" }),
    cuesSaved: (p) => `Saved ${count(Number(p["n"]), { one: "cue lemma", other: "cue lemmas" })}`,
  },
  ar: {
    propagated: (p) =>
      `اقتُرحت ${count(Number(p["n"]), { zero: "{n} إشارات أخرى", one: "إشارة أخرى واحدة", two: "إشارتان أخريان", few: "{n} إشارات أخرى", many: "{n} إشارة أخرى", other: "{n} إشارة أخرى" })} إلى {name}`,
    preannotated: (p) =>
      `اقتُرح ${count(Number(p["quotes"]), { zero: "{n} اقتباسات", one: "اقتباس واحد", two: "اقتباسان", few: "{n} اقتباسات", many: "{n} اقتباسًا", other: "{n} اقتباس" })} و${count(Number(p["names"]), { zero: "{n} أسماء", one: "اسم واحد", two: "اسمان", few: "{n} أسماء", many: "{n} اسمًا", other: "{n} اسم" })}: Enter للقبول، Backspace للرفض، ] للتالي`,
    nothingSuggested: "لا شيء يُقترح هنا",
    accepted: (p) =>
      `قُبل ${count(Number(p["n"]), { zero: "{n} اقتراحات", one: "اقتراح واحد", two: "اقتراحان", few: "{n} اقتراحات", many: "{n} اقتراحًا", other: "{n} اقتراح" })}`,
    rejected: (p) =>
      `رُفض ${count(Number(p["n"]), { zero: "{n} اقتراحات", one: "اقتراح واحد", two: "اقتراحان", few: "{n} اقتراحات", many: "{n} اقتراحًا", other: "{n} اقتراح" })}`,
    noSuggestion: "لم يبق اقتراح في هذه الوثيقة",
    notSuggestion: "المقطع النشط ليس اقتراحًا",
    noMore: "لا مزيد في هذا الاتجاه",
    searching: "جارٍ البحث…",
    found: (p) =>
      count(Number(p["n"]), {
        zero: "لا نتائج",
        one: "نتيجة واحدة",
        two: "نتيجتان",
        few: "{n} نتائج",
        many: "{n} نتيجة",
        other: "{n} نتيجة",
      }),
    cuesSaved: (p) =>
      `حُفظت ${count(Number(p["n"]), { zero: "{n} أفعال قول", one: "صيغة قول واحدة", two: "صيغتا قول", few: "{n} أفعال قول", many: "{n} فعل قول", other: "{n} فعل قول" })}`,
  },
});
