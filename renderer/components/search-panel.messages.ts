/** Messages of the search panel, in English and Arabic. */
import { count, defineMessages } from "../i18n/messages.ts";
import { HITS_AR } from "../i18n/nouns.ts";

export const t = defineMessages({
  en: {
    search: "Search",
    find: "Find",
    placeholder: "e.g. لافروف",
    in: "In",
    scopeText: "the text",
    scopeQuotes: "quotes",
    scopeSpeaker: "quotes by speaker",
    label: "Label",
    any: "any",
    status: "Status",
    new: "New",
    inProgress: "In progress",
    done: "Done",
    help: "Harakat, tatweel and alef forms are ignored: لافروف finds لافروفُ.",
    hits: (p) => count(Number(p["n"]), { one: "hit", other: "hits" }),
    first: " (first {n})",
    results: "Search results",
  },
  ar: {
    search: "بحث",
    find: "ابحث عن",
    placeholder: "مثلًا: لافروف",
    in: "في",
    scopeText: "النص كله",
    scopeQuotes: "الاقتباسات",
    scopeSpeaker: "اقتباسات المتحدث",
    label: "التسمية",
    any: "الكل",
    status: "الحالة",
    new: "جديد",
    inProgress: "قيد العمل",
    done: "منجز",
    help: "لا يُعتدّ بالحركات والتطويل وصور الألف: البحث عن لافروف يجد لافروفُ.",
    hits: (p) => count(Number(p["n"]), HITS_AR),
    first: " (تُعرض أول {n})",
    results: "نتائج البحث",
  },
});
