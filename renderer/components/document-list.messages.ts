/** Messages of the document list, in English and Arabic. */
import { count, defineMessages } from "../i18n/messages.ts";
import { TO_REVIEW_AR } from "../i18n/nouns.ts";

export const t = defineMessages({
  en: {
    documents: "Documents",
    noDocuments: "No documents yet.",
    new: "New",
    in_progress: "In progress",
    done: "Done",
    quotes: (p) => count(Number(p["n"]), { one: "quote", other: "quotes" }),
    speakers: (p) => count(Number(p["n"]), { one: "speaker", other: "speakers" }),
    names: (p) => count(Number(p["n"]), { one: "name", other: "names" }),
    suggestions: (p) => count(Number(p["n"]), { one: "suggestion to review", other: "suggestions to review" }),
    progressLabel: "Documents done",
    progressText: (p) =>
      `${String(p["done"])} of ${count(Number(p["total"]), { one: "document", other: "documents" })} done`,
    quotesConfirmed: (p) => `${count(Number(p["n"]), { one: "quote", other: "quotes" })} confirmed in all documents`,
    filter: "Filter",
    filterActive: "Filter ({n})",
    status: "Status",
    anyStatus: "Any",
    hasSuggestions: "Has unreviewed suggestions",
    source: "Source",
    sourcePlaceholder: "file name or URL",
    published: "Published",
    from: "From",
    to: "To",
    clear: "Clear filters",
    shown: (p) => `${String(p["shown"])} of ${count(Number(p["total"]), { one: "document", other: "documents" })}`,
    noMatch: "No document matches these filters.",
  },
  ar: {
    documents: "الوثائق",
    noDocuments: "لا وثائق بعد.",
    new: "جديد",
    in_progress: "قيد العمل",
    done: "منجز",
    quotes: (p) =>
      count(Number(p["n"]), {
        zero: "لا اقتباسات",
        one: "اقتباس واحد",
        two: "اقتباسان",
        few: "{n} اقتباسات",
        many: "{n} اقتباسًا",
        other: "{n} اقتباس",
      }),
    speakers: (p) =>
      count(Number(p["n"]), {
        zero: "لا متحدثين",
        one: "متحدث واحد",
        two: "متحدثان",
        few: "{n} متحدثين",
        many: "{n} متحدثًا",
        other: "{n} متحدث",
      }),
    names: (p) =>
      count(Number(p["n"]), {
        zero: "لا أسماء",
        one: "اسم واحد",
        two: "اسمان",
        few: "{n} أسماء",
        many: "{n} اسمًا",
        other: "{n} اسم",
      }),
    suggestions: (p) => count(Number(p["n"]), TO_REVIEW_AR),
    progressLabel: "الوثائق المنجزة",
    progressText: (p) =>
      `أُنجز ${String(p["done"])} من أصل ${count(Number(p["total"]), {
        zero: "صفر وثيقة",
        one: "وثيقة واحدة",
        two: "وثيقتين",
        few: "{n} وثائق",
        many: "{n} وثيقة",
        other: "{n} وثيقة",
      })}`,
    quotesConfirmed: (p) =>
      `${count(Number(p["n"]), {
        zero: "لا اقتباسات مؤكدة",
        one: "اقتباس واحد مؤكد",
        two: "اقتباسان مؤكدان",
        few: "{n} اقتباسات مؤكدة",
        many: "{n} اقتباسًا مؤكدًا",
        other: "{n} اقتباس مؤكد",
      })} في كل الوثائق`,
    filter: "تصفية",
    filterActive: "تصفية ({n})",
    status: "الحالة",
    anyStatus: "الكل",
    hasSuggestions: "فيها اقتراحات لم تُراجَع",
    source: "المصدر",
    sourcePlaceholder: "اسم الملف أو الرابط",
    published: "تاريخ النشر",
    from: "من",
    to: "إلى",
    clear: "مسح التصفية",
    shown: (p) =>
      `${String(p["shown"])} من أصل ${count(Number(p["total"]), {
        zero: "صفر وثيقة",
        one: "وثيقة واحدة",
        two: "وثيقتين",
        few: "{n} وثائق",
        many: "{n} وثيقة",
        other: "{n} وثيقة",
      })}`,
    noMatch: "لا وثيقة تطابق هذه التصفية.",
  },
});
