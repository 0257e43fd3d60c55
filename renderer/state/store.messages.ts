/** Status-line messages of the page's state, in English and Arabic. */
import { count, defineMessages, type PluralForms } from "../i18n/messages.ts";
import { DOCUMENTS_AR, HITS_AR, MENTIONS_AR, SPANS_AR, TO_REVIEW_AR } from "../i18n/nouns.ts";
import { isolate } from "../format.ts";

/** Arabic: a number of files after a noun (genitive: `قراءة ملفين`). */
const FILES_AR: PluralForms = {
  zero: "{n} ملف",
  one: "ملف واحد",
  two: "ملفين",
  few: "{n} ملفات",
  many: "{n} ملفًا",
  other: "{n} ملف",
};

export const storeMessages = defineMessages({
  en: {
    propagated: (p) =>
      `${count(Number(p["n"]), { one: "other mention", other: "other mentions" })} of {name} suggested`,
    preannotated: "Suggested {what}: Enter accepts, Backspace rejects, ] goes to the next",
    suggestedQuotes: (p) => count(Number(p["n"]), { one: "quote", other: "quotes" }),
    suggestedNames: (p) => count(Number(p["n"]), { one: "name", other: "names" }),
    and: " and ",
    nothingSuggested: "Nothing new to suggest here",
    accepted: (p) => `Accepted ${count(Number(p["n"]), { one: "suggestion", other: "suggestions" })}`,
    rejected: (p) => `Rejected ${count(Number(p["n"]), { one: "suggestion", other: "suggestions" })}`,
    noSuggestion: "No suggestion left in this document",
    notSuggestion: "The active span is not a suggestion",
    noMore: "No more in this direction",
    searching: "Searching…",
    found: (p) => count(Number(p["n"]), { one: "hit", other: "hits" }),
    cuesSaved: (p) => `Saved ${count(Number(p["n"]), { one: "cue lemma", other: "cue lemmas" })}`,
    separator: "; ",
    listSeparator: ", ",
    reading: (p) => `Reading ${count(Number(p["n"]), { one: "file", other: "files" })}…`,
    importing: (p) => `Importing ${count(Number(p["n"]), { one: "file", other: "files" })}…`,
    imported: (p) => `Imported ${count(Number(p["n"]), { one: "document", other: "documents" })}`,
    duplicates: (p) =>
      `${count(Number(p["n"]), { one: "file holds", other: "files hold" })} the text of a document already in the project ({files})`,
    curationAt:
      "Disagreement {n}: 1 takes the first layer's, 2 the second's, 3 both, E takes the first's to edit in gold",
    curationPair: "Comparing {a} and {b}",
    curationEnd: "No more disagreements this way",
    curationNothing: "These two layers agree everywhere in this document",
    curationEmptySide: "That layer has nothing here; take the other, or leave it out of gold",
    curationDone: "Every disagreement of this document is adjudicated",
    curationNoAgreement: "No agreement left to take into gold",
    takenIntoGold: (p) =>
      `Into gold: «{text}»${Number(p["n"]) > 1 ? ` with ${count(Number(p["n"]) - 1, { one: "other span", other: "other spans" })}` : ""}`,
    readOnlyLayer: "You are looking at {layers}: show your own layer or gold to annotate",
    layersMerged: (p) =>
      `Added the layers {layers} to ${count(Number(p["n"]), { one: "document", other: "documents" })} already in the project`,
    exported: (p) => `Exported ${count(Number(p["n"]), { one: "document", other: "documents" })} as {format}`,
    exportLost: (p) =>
      `${count(Number(p["n"]), { one: "document", other: "documents" })} lost what the format cannot hold (see the report)`,
    changedTo: "Changed to {label}: {text}",
    attributeSet: "{name} set to {value}",
    resized: "Now {text}",
    fragments: (p) => `The quote now has ${count(Number(p["n"]), { one: "fragment", other: "fragments" })}`,
    firstFragmentKept: "Only the first fragment is kept",
    noteRemoved: "Note removed",
    noteSaved: "Note saved",
    deleted: "Deleted {label}: {text}",
    deletedLinks: (p) => ` and its ${count(Number(p["n"]), { one: "link", other: "links" })}`,
    linkRemoved: "Link removed",
    linkedTo: "Linked to {text}",
    linkedToSpan: "Linked to span",
    sameSpeaker: "Same speaker as the previous quote: {name}",
    entityLinkRemoved: "Entity link removed",
    refersTo: "Refers to {name}",
    newEntity: "New entity {name}",
    entitySaved: "Saved {name}",
    merged: (p) => `Merged into {name} (${count(Number(p["n"]), { one: "mention", other: "mentions" })})`,
    labelAdded: "Added label {name}",
    labelSaved: "Saved label {name}",
    nothingToUndo: "Nothing to undo",
    nothingToRedo: "Nothing to redo",
    documentDeleted: "Deleted «{title}»",
    documentGoneElsewhere: "The document you had open was deleted in another window; «{title}» is open now",
    activeGoneElsewhere: "The span you were on was deleted in another window",
    activeGoneWithNote: "The span you were on was deleted in another window, with the note you were typing: «{note}»",
    detailsSaved: "Saved the details of «{title}»",
    statusSet: (p) =>
      `Marked ${p["status"] === "done" ? "done" : p["status"] === "in_progress" ? "in progress" : "new"}`,
    stillToReview: (p) =>
      `; ${count(Number(p["n"]), { one: "suggestion is", other: "suggestions are" })} still to review`,
    heldBack: (p) =>
      `; ${count(Number(p["n"]), { one: "quote", other: "quotes" })} held back by what your reviews taught`,
    undone: "Undone: {description}",
    redone: "Redone: {description}",
  },
  ar: {
    propagated: (p) =>
      `اقتُرحت ${count(Number(p["n"]), { zero: "{n} إشارات أخرى", one: "إشارة أخرى واحدة", two: "إشارتان أخريان", few: "{n} إشارات أخرى", many: "{n} إشارة أخرى", other: "{n} إشارة أخرى" })} إلى {name}`,
    preannotated: "اقتُرح {what}: Enter للقبول، Backspace للرفض، ] للتالي",
    suggestedQuotes: (p) =>
      count(Number(p["n"]), {
        one: "اقتباس واحد",
        two: "اقتباسان",
        few: "{n} اقتباسات",
        many: "{n} اقتباسًا",
        other: "{n} اقتباس",
      }),
    suggestedNames: (p) =>
      count(Number(p["n"]), { one: "اسم واحد", two: "اسمان", few: "{n} أسماء", many: "{n} اسمًا", other: "{n} اسم" }),
    and: " و",
    nothingSuggested: "لا جديد يُقترح هنا",
    accepted: (p) =>
      `قُبل ${count(Number(p["n"]), { zero: "{n} اقتراحات", one: "اقتراح واحد", two: "اقتراحان", few: "{n} اقتراحات", many: "{n} اقتراحًا", other: "{n} اقتراح" })}`,
    rejected: (p) =>
      `رُفض ${count(Number(p["n"]), { zero: "{n} اقتراحات", one: "اقتراح واحد", two: "اقتراحان", few: "{n} اقتراحات", many: "{n} اقتراحًا", other: "{n} اقتراح" })}`,
    noSuggestion: "لم يبق اقتراح في هذه الوثيقة",
    notSuggestion: "المقطع النشط ليس اقتراحًا",
    noMore: "لا مزيد في هذا الاتجاه",
    searching: "جارٍ البحث…",
    found: (p) => count(Number(p["n"]), HITS_AR),
    cuesSaved: (p) =>
      `حُفظت ${count(Number(p["n"]), { zero: "{n} أفعال قول", one: "صيغة قول واحدة", two: "صيغتا قول", few: "{n} أفعال قول", many: "{n} فعل قول", other: "{n} فعل قول" })}`,
    separator: "؛ ",
    listSeparator: "، ",
    reading: (p) => `جارٍ قراءة ${count(Number(p["n"]), FILES_AR)}…`,
    importing: (p) => `جارٍ استيراد ${count(Number(p["n"]), FILES_AR)}…`,
    imported: (p) =>
      count(Number(p["n"]), {
        zero: "لم تُستورد أي وثيقة",
        one: "استُوردت وثيقة واحدة",
        two: "استُوردت وثيقتان",
        few: "استُوردت {n} وثائق",
        many: "استُوردت {n} وثيقة",
        other: "استُوردت {n} وثيقة",
      }),
    duplicates: (p) => `في المشروع بالفعل نص ${count(Number(p["n"]), FILES_AR)} (${isolate("{files}")})`,
    curationAt: "الخلاف {n}: 1 يأخذ نسخة الطبقة الأولى، 2 الثانية، 3 كلتيهما، E يأخذ الأولى لتعديلها في المرجعية",
    curationPair: `مقارنة ${isolate("{a}")} و${isolate("{b}")}`,
    curationEnd: "لا خلافات أخرى في هذا الاتجاه",
    curationNothing: "تتفق الطبقتان في كل هذه الوثيقة",
    curationEmptySide: "ليس في تلك الطبقة شيء هنا؛ خذ الأخرى أو اتركه خارج المرجعية",
    curationDone: "فُصل في كل خلافات هذه الوثيقة",
    curationNoAgreement: "لم يبق اتفاق يُنقل إلى المرجعية",
    takenIntoGold: (p) =>
      `نُقل إلى الطبقة المرجعية: «{text}»${Number(p["n"]) > 1 ? ` مع ${count(Number(p["n"]) - 1, SPANS_AR)}` : ""}`,
    readOnlyLayer: `تعرض الآن طبقة ${isolate("{layers}")}: اعرض طبقتك أو الطبقة المرجعية لتضيف شرحًا`,
    layersMerged: (p) =>
      `أُضيفت طبقات ${isolate("{layers}")} إلى ${count(Number(p["n"]), DOCUMENTS_AR)} موجودة في المشروع`,
    exported: (p) =>
      `${count(Number(p["n"]), {
        zero: "لم تُصدَّر أي وثيقة",
        one: "صُدِّرت وثيقة واحدة",
        two: "صُدِّرت وثيقتان",
        few: "صُدِّرت {n} وثائق",
        many: "صُدِّرت {n} وثيقة",
        other: "صُدِّرت {n} وثيقة",
      })} بصيغة ${isolate("{format}")}`,
    exportLost: (p) =>
      `${count(Number(p["n"]), {
        zero: "لم تفقد أي وثيقة",
        one: "فقدت وثيقة واحدة",
        two: "فقدت وثيقتان",
        few: "فقدت {n} وثائق",
        many: "فقدت {n} وثيقة",
        other: "فقدت {n} وثيقة",
      })} ما لا تتسع له الصيغة (انظر التقرير)`,
    changedTo: "غُيِّرت تسمية المقطع إلى {label}: {text}",
    attributeSet: `ضُبطت قيمة ${isolate("{name}")} على ${isolate("{value}")}`,
    resized: "صار المقطع: {text}",
    fragments: (p) =>
      `صار للاقتباس ${count(Number(p["n"]), {
        zero: "{n} أجزاء",
        one: "جزء واحد",
        two: "جزءان",
        few: "{n} أجزاء",
        many: "{n} جزءًا",
        other: "{n} جزء",
      })}`,
    firstFragmentKept: "أُبقي الجزء الأول وحده",
    noteRemoved: "حُذفت الملاحظة",
    noteSaved: "حُفظت الملاحظة",
    deleted: "حُذف مقطع {label}: {text}",
    deletedLinks: (p) =>
      count(Number(p["n"]), {
        zero: "",
        one: " ومعه رابط واحد",
        two: " ومعه رابطان",
        few: " ومعه {n} روابط",
        many: " ومعه {n} رابطًا",
        other: " ومعه {n} رابط",
      }),
    linkRemoved: "أُزيل الربط",
    linkedTo: "رُبط الاقتباس بالمقطع {text}",
    linkedToSpan: "رُبط الاقتباس بمقطع",
    sameSpeaker: "نُسب إلى متحدث الاقتباس السابق: {name}",
    entityLinkRemoved: "أُزيل الربط بالكيان",
    refersTo: "يشير إلى {name}",
    newEntity: "كيان جديد: {name}",
    entitySaved: "حُفظ {name}",
    merged: (p) => `دُمج في {name} (${count(Number(p["n"]), MENTIONS_AR)})`,
    labelAdded: `أُضيفت التسمية ${isolate("{name}")}`,
    labelSaved: `حُفظت التسمية ${isolate("{name}")}`,
    nothingToUndo: "لا شيء للتراجع عنه",
    nothingToRedo: "لا شيء لإعادته",
    documentDeleted: "حُذفت «{title}»",
    documentGoneElsewhere: "حُذفت الوثيقة التي كانت مفتوحة في نافذة أخرى؛ المفتوحة الآن «{title}»",
    activeGoneElsewhere: "حُذف المقطع الذي كنت عليه في نافذة أخرى",
    activeGoneWithNote: "حُذف المقطع الذي كنت عليه في نافذة أخرى، ومعه الملاحظة التي كنت تكتبها: «{note}»",
    detailsSaved: "حُفظت بيانات «{title}»",
    statusSet: (p) =>
      `صارت الوثيقة ${p["status"] === "done" ? "منجزة" : p["status"] === "in_progress" ? "قيد العمل" : "جديدة"}`,
    stillToReview: (p) => `؛ لكن بقي ${count(Number(p["n"]), TO_REVIEW_AR)}`,
    heldBack: (p) =>
      `؛ وحُجب ${count(Number(p["n"]), { zero: "{n} اقتباس", one: "اقتباس واحد", two: "اقتباسان", few: "{n} اقتباسات", many: "{n} اقتباسًا", other: "{n} اقتباس" })} بما تعلّمه من مراجعاتك`,
    undone: `تم التراجع عن: ${isolate("{description}")}`,
    redone: `أُعيد تنفيذ: ${isolate("{description}")}`,
  },
});
