/** Messages of the Delete document dialog, in English and Arabic. */
import { count, defineMessages } from "../i18n/messages.ts";
import { SPANS_AR } from "../i18n/nouns.ts";

export const t = defineMessages({
  en: {
    title: "Delete this document?",
    what: (p) =>
      `${
        Number(p["n"]) === 0
          ? "It will be deleted"
          : `It and its ${count(Number(p["n"]), { one: "span", other: "spans" })} will be deleted`
      } from the project. Undo (Ctrl+Z) brings it back.`,
    delete: "Delete",
    cancel: "Cancel",
  },
  ar: {
    title: "أتحذف هذه الوثيقة؟",
    what: (p) =>
      `${
        Number(p["n"]) === 0 ? "ستُحذف" : `ستُحذف هي و${count(Number(p["n"]), SPANS_AR)}`
      } من المشروع. ويعيدها التراجع (Ctrl+Z).`,
    delete: "احذف",
    cancel: "إلغاء",
  },
});
