/** Messages of the entity panel, in English and Arabic. */
import { count, defineMessages } from "../i18n/messages.ts";
import { MENTIONS_AR } from "../i18n/nouns.ts";

export const t = defineMessages({
  en: {
    back: "← All entities",
    entity: "Entity",
    name: "Name",
    type: "Type",
    wikidata: "Wikidata",
    wikidataPlaceholder: "Q1234",
    aliases: "Aliases",
    save: "Save",
    merge: "Merge",
    mergeLabel: "Merge another entity into this one",
    mergePrompt: "Merge another entity into this one…",
    mergeQuestion:
      "Merge {from} ({mentions}) into {into}? Its mentions, quotes and aliases move here; Undo brings them back.",
    mergeConfirm: "Merge",
    cancel: "Cancel",
    mentions: (p) => count(Number(p["n"]), { one: "mention", other: "mentions" }),
    mentionsHeading: "Mentions",
    carriedOverHeading: "quotes carried over",
    carriedOver: "quote (carried over)",
    mentionsIn: "Mentions in {title}",
    entities: "Entities",
    // `{key}` is where the key is shown (as <kbd>).
    noEntities: "No entities yet. Make a speaker or name active and press {key} to create one from it.",
  },
  ar: {
    back: "→ كل الكيانات",
    entity: "الكيان",
    name: "الاسم",
    type: "النوع",
    wikidata: "ويكي بيانات",
    wikidataPlaceholder: "Q1234",
    aliases: "الأسماء البديلة",
    save: "حفظ",
    merge: "دمج",
    mergeLabel: "دمج كيان آخر في هذا الكيان",
    mergePrompt: "اختر كيانًا لدمجه في هذا الكيان…",
    mergeQuestion:
      "أدمج {from} ({mentions}) في {into}؟ تنتقل إشاراته واقتباساته وأسماؤه البديلة إلى هنا، والتراجع يعيدها.",
    mergeConfirm: "ادمج",
    cancel: "إلغاء",
    mentions: (p) => count(Number(p["n"]), MENTIONS_AR),
    mentionsHeading: "الإشارات",
    carriedOverHeading: "اقتباسات بنسبة مُرحَّلة",
    carriedOver: "اقتباس (نسبة مُرحَّلة)",
    mentionsIn: "الإشارات في {title}",
    entities: "الكيانات",
    noEntities: "لا كيانات بعد. اجعل متحدثًا أو اسمًا نشطًا واضغط {key} لإنشاء كيان منه.",
  },
});
