/** Messages of the article view, in English and Arabic. */
import { count, defineMessages } from "../i18n/messages.ts";
import { SPANS_AR } from "../i18n/nouns.ts";

export const t = defineMessages({
  en: {
    noDocument: "No document is open.",
    // `{button}` is where the button's name is shown (as <strong>).
    importHint: "Import a plain-text article with {button} or drop files onto this window.",
    import: "Import…",
    codePoints: (p) => count(Number(p["n"]), { one: "code point", other: "code points" }),
    spans: (p) => count(Number(p["n"]), { one: "span", other: "spans" }),
    status: "Status",
    editDetails: "Edit details…",
    layer: "Layer",
    allLayers: "All layers",
    yourLayer: "{name} (you)",
    goldLayer: "Gold (adjudicated)",
    twoLayers: "{a} and {b}",
    deleteDocument: "Delete…",
    new: "New",
    in_progress: "In progress",
    done: "Done",
    articleText: "Article text",
    dragStart: "Drag to move the span's start",
    dragEnd: "Drag to move the span's end",
    help:
      "Select text with the mouse, or with Shift and the arrow keys, then press a label's key. Alt with the arrow " +
      "keys moves the active span's end; Alt and Shift move its start.",
  },
  ar: {
    noDocument: "لا وثيقة مفتوحة.",
    importHint: "استورد مقالًا نصيًا بزر {button} أو أفلِت الملفات على هذه النافذة.",
    import: "استيراد…",
    codePoints: (p) =>
      count(Number(p["n"]), {
        zero: "لا نقاط ترميز",
        one: "نقطة ترميز واحدة",
        two: "نقطتا ترميز",
        few: "{n} نقاط ترميز",
        many: "{n} نقطة ترميز",
        other: "{n} نقطة ترميز",
      }),
    spans: (p) => count(Number(p["n"]), SPANS_AR),
    status: "الحالة",
    editDetails: "تعديل البيانات…",
    layer: "الطبقة",
    allLayers: "كل الطبقات",
    yourLayer: "{name} (أنت)",
    goldLayer: "المرجعية (بعد الفصل)",
    twoLayers: "{a} و{b}",
    deleteDocument: "حذف…",
    new: "جديد",
    in_progress: "قيد العمل",
    done: "منجز",
    articleText: "نص المقال",
    dragStart: "اسحب لتحريك بداية المقطع",
    dragEnd: "اسحب لتحريك نهاية المقطع",
    help:
      "حدِّد النص بالفأرة، أو بمفتاح Shift مع مفاتيح الأسهم، ثم اضغط مفتاح التسمية. يحرّك Alt مع مفاتيح الأسهم " +
      "نهاية المقطع النشط، ويحرّك Alt مع Shift بدايته.",
  },
});
