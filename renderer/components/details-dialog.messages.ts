/** Messages of the Edit details dialog (a document's title, date, URL, outlet, author), in English and Arabic. */
import { defineMessages } from "../i18n/messages.ts";

export const t = defineMessages({
  en: {
    heading: "Edit details",
    title: "Title",
    date: "Date",
    dateHint: "The day the article was published.",
    url: "URL",
    urlHint: "The article's address, http:// or https://",
    outlet: "Outlet",
    outletHint: "The newspaper or agency",
    author: "Author",
    source: "Source file",
    save: "Save",
    cancel: "Cancel",
    undoHint: "Ctrl+Z undoes the change.",
    badUrl: "A URL starts with http:// or https://",
  },
  ar: {
    heading: "تعديل البيانات",
    title: "العنوان",
    date: "التاريخ",
    dateHint: "يوم نشر المقال.",
    url: "الرابط",
    urlHint: "عنوان المقال، يبدأ بـ \u2066http://\u2069 أو \u2066https://\u2069",
    outlet: "جهة النشر",
    outletHint: "الصحيفة أو الوكالة",
    author: "الكاتب",
    source: "الملف المصدر",
    save: "احفظ",
    cancel: "إلغاء",
    undoHint: "يتراجع Ctrl+Z عن التعديل.",
    badUrl: "يبدأ الرابط بـ \u2066http://\u2069 أو \u2066https://\u2069",
  },
});
