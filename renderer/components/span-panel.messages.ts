/** Messages of the span panel, in English and Arabic. */
import { locale } from "../i18n/locale.ts";
import { count, defineMessages } from "../i18n/messages.ts";
import { MENTIONS_AR, TO_REVIEW_AR } from "../i18n/nouns.ts";

/** Latin key names kept left to right inside an Arabic message. */
const ltr = (text: string) => `\u2066${text}\u2069`;

export const t = defineMessages({
  en: {
    spans: "Spans",
    noDocument: "No document open.",
    noSpans: "Select text in the article and press a label's key to add a span.",
    show: "Show",
    allSpans: "All spans",
    suggestedFilter: "Suggestions to review ({n})",
    unlinkedFilter: "Quotes missing a speaker or cue",
    labelFilter: "{name} ({n})",
    suggestions: "Suggestions",
    toReview: (p) => count(Number(p["n"]), { one: "suggestion to review", other: "suggestions to review" }),
    acceptAll: "Accept all",
    rejectAll: "Reject all",
    byRules: "Suggested by the quote rules",
    byName: "Another mention of a known name",
    accept: "Accept",
    reject: "Reject",
    suggested: "suggested",
    fragments: (p) => count(Number(p["n"]), { one: "fragment", other: "fragments" }),
    deleteSpan: "Delete {name}: {text}",
    deleteTitle: "Delete (Delete key)",
    none: "— none —",
    carriedOverOption: "{name} (carried over)",
    carriedOver: " (carried over)",
    // `{name}` is where the speaker's name is shown (in a <bdi>).
    staleCarryOver: "The quote before this one is now attributed to {name}.",
    carryThatOver: "Carry that over",
    nearestSpeaker: "Nearest speaker",
    nearestCue: "Nearest cue",
    sameSpeaker: "Same speaker as previous quote",
    addFragment: "Add selection as fragment",
    keepFirst: (p) => `Keep only the first of ${count(Number(p["n"]), { one: "fragment", other: "fragments" })}`,
    noCueSpan: "No cue span in this document yet",
    noSpeakerSpan: "No speaker span in this document yet",
    entity: "Entity",
    newEntity: "New entity from this mention…",
    // `{name}` is where the entity's name is shown (in a <bdi>).
    matches: "Matches {name} ({mentions})",
    link: "Link",
    showEntity: "Show {name} ({mentions})",
    mentions: (p) => count(Number(p["n"]), { one: "mention", other: "mentions" }),
    type: "Type",
    direct: "direct",
    indirect: "indirect",
    mixed: "mixed",
    note: "Note",
    resizeHint: "Alt+←/→ moves the end, Alt+Shift+←/→ the start, or drag the handles",
  },
  ar: {
    spans: "المقاطع",
    noDocument: "لا وثيقة مفتوحة.",
    noSpans: "حدِّد نصًّا في المقالة واضغط مفتاح تسمية لإضافة مقطع.",
    show: "عرض",
    allSpans: "كل المقاطع",
    suggestedFilter: "اقتراحات للمراجعة ({n})",
    unlinkedFilter: "اقتباسات بلا متحدث أو فعل قول",
    labelFilter: "{name} ({n})",
    suggestions: "الاقتراحات",
    toReview: (p) => count(Number(p["n"]), TO_REVIEW_AR),
    acceptAll: "قبول الكل",
    rejectAll: "رفض الكل",
    byRules: "اقترحته قواعد الاقتباس",
    byName: "إشارة أخرى إلى اسم معروف",
    accept: "قبول",
    reject: "رفض",
    suggested: "مقترح",
    fragments: (p) =>
      count(Number(p["n"]), {
        zero: "لا أجزاء",
        one: "جزء واحد",
        two: "جزآن",
        few: "{n} أجزاء",
        many: "{n} جزءًا",
        other: "{n} جزء",
      }),
    deleteSpan: "حذف {name}: {text}",
    deleteTitle: `حذف (المفتاح ${ltr("Delete")})`,
    none: "— لا شيء —",
    carriedOverOption: "{name} (مُرحَّل)",
    carriedOver: " (مُرحَّل)",
    staleCarryOver: "صار الاقتباس السابق منسوبًا إلى {name}.",
    carryThatOver: "ترحيل هذه النسبة",
    nearestSpeaker: "أقرب متحدث",
    nearestCue: "أقرب فعل قول",
    sameSpeaker: "متحدث الاقتباس السابق نفسه",
    addFragment: "إضافة التحديد جزءًا",
    keepFirst: (p) =>
      `الإبقاء على الجزء الأول وحده من ${count(Number(p["n"]), {
        zero: "لا أجزاء",
        one: "جزء واحد",
        two: "جزأين",
        few: "{n} أجزاء",
        many: "{n} جزءًا",
        other: "{n} جزء",
      })}`,
    noCueSpan: "لا مقطع لفعل القول في هذه الوثيقة بعد",
    noSpeakerSpan: "لا مقطع لمتحدث في هذه الوثيقة بعد",
    entity: "الكيان",
    newEntity: "كيان جديد من هذه الإشارة…",
    matches: "يطابق {name} ({mentions})",
    link: "ربط",
    showEntity: "عرض {name} ({mentions})",
    mentions: (p) => count(Number(p["n"]), MENTIONS_AR),
    type: "النوع",
    direct: "مباشر",
    indirect: "غير مباشر",
    mixed: "مختلط",
    note: "ملاحظة",
    resizeHint: `${ltr("Alt+←/→")} يحرّك النهاية، و${ltr("Alt+Shift+←/→")} البداية، أو اسحب المقبضين`,
  },
});

/** How to show a value of the `type` attribute: a default quote type in the interface language, else as it is. */
export function typeValue(value: string): string {
  return value === "direct" || value === "indirect" || value === "mixed" ? t(value) : value;
}

/** The default relation types: name → [default English display name, Arabic name]. */
const RELATIONS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ["attributed_to", ["Speaker", "المتحدث"]],
  ["cue", ["Cue", "فعل القول"]],
]);

/**
 * The name to show for a relation type: its Arabic default when the interface is Arabic and
 * the type still has its default English display name (as `labelDisplayName` does for labels).
 */
export function relationDisplayName(type: { name: string; displayName: string }): string {
  if (locale() !== "ar") return type.displayName;
  const names = RELATIONS.get(type.name);
  return names !== undefined && names[0] === type.displayName ? names[1] : type.displayName;
}
