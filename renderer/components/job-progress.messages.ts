/** Messages of the progress bar of long operations (import, export), in English and Arabic. */
import { count, defineMessages } from "../i18n/messages.ts";
import { DOCUMENTS_AR } from "../i18n/nouns.ts";

const documents = (p: Record<string, string | number>) =>
  count(Number(p["total"]), { one: "document", other: "documents" });
const documentsAr = (p: Record<string, string | number>) => count(Number(p["total"]), DOCUMENTS_AR);

export const t = defineMessages({
  en: {
    region: "Work in progress",
    read: "Importing: file {done} of {total}",
    index: "Importing: indexing document {done} of {total}",
    write: (p) => `Importing: storing ${documents(p)}…`,
    export: (p) => `Exporting ${documents(p)}…`,
    preannotate: (p) => `Pre-annotating ${documents(p)}…`,
    cancel: "Cancel",
    cancelling: "Cancelling…",
  },
  ar: {
    region: "عمل جارٍ",
    read: "الاستيراد: الملف {done} من {total}",
    index: "الاستيراد: فهرسة الوثيقة {done} من {total}",
    write: (p) => `الاستيراد: حفظ ${documentsAr(p)}…`,
    export: (p) => `تصدير ${documentsAr(p)}…`,
    preannotate: (p) => `التعليق المسبق على ${documentsAr(p)}…`,
    cancel: "إلغاء",
    cancelling: "جارٍ الإلغاء…",
  },
});
