/** Messages of the Reporting cues dialog, in English and Arabic. */
import { defineMessages } from "../i18n/messages.ts";

export const t = defineMessages({
  en: {
    title: "Reporting cues",
    help: "The pre-annotator finds quotes next to these words. Forms and participles are matched without harakat, whatever the alef, and after و or ف. Separate words with spaces.",
    addCue: "Add a cue",
    save: "Save",
    cancel: "Cancel",
    cue: "Cue {lemma}",
    lemma: "Lemma",
    kind: "Kind",
    speech: "verb of saying",
    source: "source phrase",
    forms: "Forms",
    participles: "Participles",
    introducers: "Opens content",
    remove: "Remove {lemma}",
    removeNew: "Remove this cue",
  },
  ar: {
    title: "أفعال القول",
    help: "يجد الوسم المسبق الاقتباسات بجوار هذه الكلمات. تُطابَق الصيغ وأسماء الفاعل دون اعتبار للحركات ولا لصورة الألف، وبعد الواو أو الفاء أيضًا. افصل بين الكلمات بمسافات.",
    addCue: "إضافة فعل قول",
    save: "حفظ",
    cancel: "إلغاء",
    cue: "فعل القول {lemma}",
    lemma: "المدخل",
    kind: "النوع",
    speech: "فعل قول",
    source: "عبارة إسناد",
    forms: "الصيغ",
    participles: "أسماء الفاعل",
    introducers: "ما يفتتح المقول",
    remove: "إزالة {lemma}",
    removeNew: "إزالة فعل القول هذا",
  },
});
