/** Messages of the keyboard shortcuts and their sheet, in English and Arabic. */
import { defineMessages } from "../i18n/messages.ts";
import type { ShortcutGroup } from "../shortcuts.ts";

/** Latin key names kept left to right inside an Arabic message. */
const ltr = (text: string) => `\u2066${text}\u2069`;

export const t = defineMessages({
  en: {
    title: "Keyboard shortcuts",
    intro: "Select text with the mouse or with Shift+←/→ (Ctrl+Shift by word). Keys work on an Arabic layout too.",
    close: "Close",
    groupLabel: "Label the selection (or relabel the active span)",
    groupReview: "Suggestions",
    groupNavigate: "Move",
    groupEdit: "Edit",
    groupWindow: "Window",
    groupCurate: "Curation (with the curation panel open)",
    curateA: "Take the first layer's version into gold",
    curateB: "Take the second layer's version into gold",
    curateBoth: "Take both versions into gold",
    curateEdit: "Take the first layer's version and edit it in gold",
    curateNext: "Next disagreement",
    curatePrevious: "Previous disagreement",
    preannotate: "Pre-annotate this document: quotes, cues, speakers and known names",
    accept: "Accept the active suggestion and go to the next",
    reject: "Reject the active suggestion and go to the next",
    acceptAll: "Accept every suggestion of this document",
    rejectAll: "Reject every suggestion of this document",
    nextSuggestion: "Next suggestion",
    previousSuggestion: "Previous suggestion",
    nextSpan: "Next span",
    previousSpan: "Previous span",
    nextQuote: "Next quote",
    previousQuote: "Previous quote",
    nextDocument: "Next document in the list",
    previousDocument: "Previous document in the list",
    fragment: "Add the selection to the active quote as another fragment",
    carryOver: "The active quote has the previous quote's speaker",
    nearestSpeaker: "Link the active quote to the nearest speaker",
    nearestCue: "Link the active quote to the nearest cue",
    entity: "Link the active mention to its entity, or make one",
    note: "Edit the active span's note",
    resize: "Move the active span's end (with Shift: its start; with Ctrl: by word)",
    delete: "Delete the active span and its links",
    undo: "Undo",
    redo: "Redo (also Ctrl+Y)",
    deselect: "Deselect",
    done: "Mark this document done",
    search: "Search the corpus",
    panel: "Switch the side panel: spans, entities, search",
    import: "Import articles",
    export: "Export",
    labels: "Edit the labels",
    cues: "Edit the reporting cues the pre-annotator looks for",
    settings: "Settings: interface language",
    sheet: "Show these shortcuts",
  },
  ar: {
    title: "اختصارات لوحة المفاتيح",
    intro: `حدِّد النص بالفأرة أو بـ${ltr("Shift+←/→")} (ومع ${ltr("Ctrl+Shift")} كلمةً كلمة). تعمل المفاتيح مع لوحة المفاتيح العربية أيضًا.`,
    close: "إغلاق",
    groupLabel: "وسم التحديد (أو تغيير تسمية المقطع النشط)",
    groupReview: "الاقتراحات",
    groupNavigate: "التنقل",
    groupEdit: "التحرير",
    groupWindow: "النافذة",
    groupCurate: "الفصل (ولوحة الفصل مفتوحة)",
    curateA: "نقل نسخة الطبقة الأولى إلى المرجعية",
    curateB: "نقل نسخة الطبقة الثانية إلى المرجعية",
    curateBoth: "نقل النسختين إلى المرجعية",
    curateEdit: "نقل نسخة الطبقة الأولى وتعديلها في المرجعية",
    curateNext: "الخلاف التالي",
    curatePrevious: "الخلاف السابق",
    preannotate: "وسم هذه الوثيقة مسبقًا: الاقتباسات وأفعال القول والمتحدثون والأسماء المعروفة",
    accept: "قبول الاقتراح النشط والانتقال إلى التالي",
    reject: "رفض الاقتراح النشط والانتقال إلى التالي",
    acceptAll: "قبول كل اقتراحات هذه الوثيقة",
    rejectAll: "رفض كل اقتراحات هذه الوثيقة",
    nextSuggestion: "الاقتراح التالي",
    previousSuggestion: "الاقتراح السابق",
    nextSpan: "المقطع التالي",
    previousSpan: "المقطع السابق",
    nextQuote: "الاقتباس التالي",
    previousQuote: "الاقتباس السابق",
    nextDocument: "الوثيقة التالية في القائمة",
    previousDocument: "الوثيقة السابقة في القائمة",
    fragment: "إضافة التحديد إلى الاقتباس النشط جزءًا آخر منه",
    carryOver: "متحدث الاقتباس النشط هو متحدث الاقتباس السابق",
    nearestSpeaker: "ربط الاقتباس النشط بأقرب متحدث",
    nearestCue: "ربط الاقتباس النشط بأقرب فعل قول",
    entity: "ربط الإشارة النشطة بكيانها، أو إنشاء كيان لها",
    note: "تحرير ملاحظة المقطع النشط",
    resize: `تحريك نهاية المقطع النشط (مع ${ltr("Shift")}: بدايته؛ مع ${ltr("Ctrl")}: كلمةً كلمة)`,
    delete: "حذف المقطع النشط وروابطه",
    undo: "تراجع",
    redo: `إعادة (أو ${ltr("Ctrl+Y")})`,
    deselect: "إلغاء التحديد",
    done: "تعليم هذه الوثيقة منجزة",
    search: "البحث في كل الوثائق",
    panel: "تبديل اللوحة الجانبية: المقاطع، الكيانات، البحث",
    import: "استيراد مقالات",
    export: "تصدير",
    labels: "تحرير التسميات",
    cues: "تحرير أفعال القول التي يبحث عنها الوسم المسبق",
    settings: "الإعدادات: لغة الواجهة",
    sheet: "عرض هذه الاختصارات",
  },
});

type MessageKey = Parameters<typeof t>[0];

/** The sheet's groups, in order, with their titles' messages. */
export const GROUPS: readonly (readonly [ShortcutGroup, MessageKey])[] = [
  ["label", "groupLabel"],
  ["review", "groupReview"],
  ["navigate", "groupNavigate"],
  ["edit", "groupEdit"],
  ["window", "groupWindow"],
  ["curate", "groupCurate"],
];

/** The message of each shortcut's description, by shortcut id (labels' shortcuts are named by their label). */
const DESCRIPTIONS = {
  "curate-a": "curateA",
  "curate-b": "curateB",
  "curate-both": "curateBoth",
  "curate-edit": "curateEdit",
  "curate-next": "curateNext",
  "curate-previous": "curatePrevious",
  preannotate: "preannotate",
  accept: "accept",
  reject: "reject",
  "accept-all": "acceptAll",
  "reject-all": "rejectAll",
  "next-suggestion": "nextSuggestion",
  "previous-suggestion": "previousSuggestion",
  "next-span": "nextSpan",
  "previous-span": "previousSpan",
  "next-quote": "nextQuote",
  "previous-quote": "previousQuote",
  "next-document": "nextDocument",
  "previous-document": "previousDocument",
  fragment: "fragment",
  "carry-over": "carryOver",
  "nearest-speaker": "nearestSpeaker",
  "nearest-cue": "nearestCue",
  entity: "entity",
  note: "note",
  resize: "resize",
  delete: "delete",
  undo: "undo",
  redo: "redo",
  deselect: "deselect",
  done: "done",
  search: "search",
  panel: "panel",
  import: "import",
  export: "export",
  labels: "labels",
  cues: "cues",
  settings: "settings",
  sheet: "sheet",
} as const satisfies Record<string, MessageKey>;

/** The id of a shortcut whose description is a message. */
export type ShortcutId = keyof typeof DESCRIPTIONS;

/** What the shortcut `id` does, in the interface language. */
export function shortcutDescription(id: ShortcutId): string {
  return t(DESCRIPTIONS[id]);
}

/**
 * What a shortcut does, in the interface language now: its message when it has one (looked
 * up again, so the sheet follows a change of language), else its description as built.
 */
export function describe(shortcut: { id: string; description: string }): string {
  return isShortcutId(shortcut.id) ? shortcutDescription(shortcut.id) : shortcut.description;
}

function isShortcutId(id: string): id is ShortcutId {
  return Object.hasOwn(DESCRIPTIONS, id);
}
