/**
 * A refusal from the operation table in the interface language: worded here from its data
 * (`ErrorDetail`, core/errors.ts), for a person using the app (the hints name the app's
 * menus, not the CLI's flags). A refusal without data shows its English one-line message.
 */
import type { ErrorDetail, ImportRefusal } from "../../core/errors.ts";
import type { InputField } from "../../core/input-errors.ts";
import { isolate } from "../format.ts";
import { changeText } from "./changes.ts";
import { labelDisplayName } from "./labels.ts";
import { count, defineMessages } from "./messages.ts";

const t = defineMessages({
  en: {
    missing: "That document is no longer in the project.",
    goneSpan: "This span is no longer there: it was deleted, perhaps in another window.",
    goneRelation: "This link is no longer there: it was deleted, perhaps in another window.",
    goneEntity: "This entity is no longer there: it was deleted or merged, perhaps in another window.",
    goneDocument: "This document is no longer there: it was deleted, perhaps in another window.",
    staleSpan:
      "{annotator} changed this span in another window after you saw it; nothing was changed. Look at it again and redo your edit.",
    staleEntity:
      "{annotator} changed this entity in another window after you saw it; nothing was changed. Look at it again and redo your edit.",
    staleCues:
      "{annotator} changed the cue list in another window after you opened it; nothing was saved. Open it again and redo your edit.",
    staleLongAgo:
      "This view is too far behind to tell what your edit was based on; nothing was changed. Reload and redo your edit.",
    builtOnUndo: "This change cannot be undone: a later change made elsewhere builds on it ({change}).",
    builtOnRedo: "This change cannot be redone: a later change made elsewhere builds on it ({change}).",
    takenUndo: "This change cannot be undone: what it would bring back has been replaced since.",
    takenRedo: "This change cannot be redone: what it would bring back has been replaced since.",
    textAgain:
      "The deleted document's text is in the project again (document {by}): delete that copy to bring this one back.",
    duplicate: "There is already a {label} span on this text.",
    blank: "A span must cover more than spaces.",
    crossesLine: "A {label} span cannot cross a line break (only a quote can).",
    fragments: "Only a quote can be in several pieces, not a {label} span.",
    linksNeedKind: "This {label} span has links; remove them before making it a {to}.",
    noEarlier: "No earlier quote in this document has a speaker to carry over.",
    nameTaken: "There is already a label called {name}.",
    keyTaken: "The key {key} already tags {label}.",
    retired: "The label {name} is retired.",
    cueTwice: "The cue {lemma} is listed twice.",
    mergeAlone: "Choose at least one other entity to merge.",
    unknownEntityType: "An entity's type is one of the schema's entity labels ({labels}), not {type}.",
    notName: "Only names are suggested elsewhere.",
    searchEmpty: "Type words to find, or choose a label.",
    unknownLabel: "There is no label called {asked}.",
    jsonlAlone: "Import a Qawl JSONL file on its own.",
    teamRole: "Your role ({role}) does not allow this on the team server.",
    teamUnassigned: "This document is not assigned to you.",
    teamLayer: "You write in your own layer only; this is {layer}'s.",
    unreachable:
      "Qawl's server is not answering (is qawl serve still running?); nothing was changed. Try again once it is back.",
    jobCancelled: (p) =>
      `${p["operation"] === "importDocuments" ? "Import" : p["operation"] === "exportDocuments" ? "Export" : "Pre-annotation"} cancelled; nothing was written.`,
    importFile: "{file}: {reason}. {outcome}",
    nothingImported: "Nothing was imported.",
    noneImported: (p) => `None of the ${String(p["n"])} files was imported.`,
    empty: "the file is empty",
    binary: "this is not a text file",
    whitespace: "the file holds only spaces",
    htmlPage: "this is a web page: choose “HTML page” under Format and import it again",
    noArticle: "no article text was found in the page",
    tooDeep: "its elements nest {depth} levels deep; Qawl reads pages up to {most}",
    noText: "the document holds no text",
    noDocuments: "the file holds no documents",
    noTextLayer: "this PDF has no text layer (a scanned page?): run OCR on it first",
    badDocx: "this is not a Word document Qawl can read",
    badPdf: "this is not a PDF Qawl can read",
    invalidUtf8Guess:
      "line {line} is not valid UTF-8; it looks like {guess}: choose it under Encoding and import the file again",
    invalidUtf8: "line {line} is not valid UTF-8: choose the file's encoding under Encoding and import it again",
    utf16: "the file is {encoding}: choose it under Encoding and import the file again",
    invalidEncoding: "the file is not valid {encoding}",
    isUtf8: "the file is UTF-8, not {encoding}: choose UTF-8 under Encoding and import it again",
    unknownEncoding: "{encoding} is not an encoding Qawl knows",
    bratPair: "brat standoff needs both {base}.txt and {base}.ann, imported together",
    required: "{Field} is empty.",
    maxLength: "{Field} is at most {limit} characters (it has {actual}).",
    maxLengthOnly: "{Field} is at most {limit} characters.",
    oneLine: "{Field} must be one line.",
    maxItems: "There can be at most {limit} {field} (there are {actual}).",
    minItems: "There must be at least {limit} {field}.",
    badFormat: "{Field} is not written as it must be.",
    "format.label.key": "A key is one lowercase letter or digit, such as {example}.",
    "format.label.color": "A colour is # and six hexadecimal digits, such as {example}.",
    "format.label.name": "A name in exports is 1 to 40 letters, digits, _ or - (no spaces), such as {example}.",
    "format.entity.kbId": "A Wikidata id is Q and a number, such as {example}.",
    "format.document.url": "A URL starts with http:// or https://, such as {example}.",
    "format.document.date": "A date is written YYYY-MM-DD and must exist, such as {example}.",
    "field.label.name": "the name in exports",
    "field.label.displayName": "the display name",
    "field.label.key": "the key",
    "field.label.color": "the colour",
    "field.document.title": "the title",
    "field.document.date": "the date",
    "field.document.dateRaw": "the date as written",
    "field.document.url": "the URL",
    "field.document.outlet": "the outlet",
    "field.document.author": "the author",
    "field.entity.name": "the entity's name",
    "field.entity.type": "the entity's type",
    "field.entity.alias": "an alias",
    "field.entity.aliases": "aliases",
    "field.entity.kbId": "the Wikidata id",
    "field.span.note": "the note",
    "field.search.query": "the search",
    "field.cue.word": "a cue word",
    "field.cue.forms": "forms of a cue",
    "field.cue.participles": "participles of a cue",
    "field.cue.introducers": "introducers of a cue",
    "field.cues": "cue lemmas",
    "field.import.encoding": "the encoding",
  },
  ar: {
    missing: "لم تعد تلك الوثيقة في المشروع.",
    goneSpan: "لم يعد هذا المقطع موجودًا: لقد حُذف، ربما في نافذة أخرى.",
    goneRelation: "لم يعد هذا الرابط موجودًا: لقد حُذف، ربما في نافذة أخرى.",
    goneEntity: "لم يعد هذا الكيان موجودًا: لقد حُذف أو دُمج، ربما في نافذة أخرى.",
    goneDocument: "لم تعد هذه الوثيقة موجودة: لقد حُذفت، ربما في نافذة أخرى.",
    staleSpan: "غيّر {annotator} هذا المقطع في نافذة أخرى بعد أن رأيته؛ لم يتغير شيء. انظر إليه مجددًا وأعد تعديلك.",
    staleEntity: "غيّر {annotator} هذا الكيان في نافذة أخرى بعد أن رأيته؛ لم يتغير شيء. انظر إليه مجددًا وأعد تعديلك.",
    staleCues: "غيّر {annotator} قائمة أفعال القول في نافذة أخرى بعد أن فتحتها؛ لم يُحفظ شيء. افتحها مجددًا وأعد تعديلك.",
    staleLongAgo: "هذا العرض متأخر جدًا ولا يمكن معرفة ما بُني عليه تعديلك؛ لم يتغير شيء. أعد التحميل وأعد تعديلك.",
    builtOnUndo: "لا يمكن التراجع عن هذا التغيير: بُني عليه تغيير لاحق في مكان آخر ({change}).",
    builtOnRedo: "لا يمكن إعادة هذا التغيير: بُني عليه تغيير لاحق في مكان آخر ({change}).",
    takenUndo: "لا يمكن التراجع عن هذا التغيير: ما سيعيده حلّ محلَّه غيره منذ ذلك الحين.",
    takenRedo: "لا يمكن إعادة هذا التغيير: ما سيعيده حلّ محلَّه غيره منذ ذلك الحين.",
    textAgain: "نص الوثيقة المحذوفة موجود في المشروع مرة أخرى (الوثيقة {by}): احذف تلك النسخة لاستعادة هذه.",
    duplicate: "يوجد مقطع {label} على هذا النص بالفعل.",
    blank: "لا بد أن يغطي المقطع أكثر من فراغات.",
    crossesLine: "لا يمكن لمقطع {label} أن يتخطى نهاية السطر (الاقتباس وحده يمكنه ذلك).",
    fragments: "الاقتباس وحده يمكن أن يتألف من عدة أجزاء، لا مقطع {label}.",
    linksNeedKind: "لمقطع {label} هذا روابط؛ احذفها قبل تحويله إلى {to}.",
    noEarlier: "لا يوجد في هذه الوثيقة اقتباس سابق له متحدث يُنقل.",
    nameTaken: "توجد تسمية باسم {name} بالفعل.",
    keyTaken: "المفتاح {key} يسم بالفعل بتسمية {label}.",
    retired: "التسمية {name} موقوفة.",
    cueTwice: "فعل القول {lemma} مذكور مرتين.",
    mergeAlone: "اختر كيانًا آخر واحدًا على الأقل للدمج.",
    unknownEntityType: "نوع الكيان واحد من تسميات الكيانات في المخطط ({labels})، لا {type}.",
    notName: "لا تُقترح في المواضع الأخرى إلا الأسماء.",
    searchEmpty: "اكتب كلمات للبحث، أو اختر تسمية.",
    unknownLabel: "لا توجد تسمية باسم {asked}.",
    jsonlAlone: "استورد ملف JSONL الخاص بقول وحده.",
    teamRole: (p) =>
      `دورك (${{ admin: "مدير", curator: "محكِّم", annotator: "مُعلِّق" }[String(p["role"])] ?? String(p["role"])}) لا يسمح بهذا على خادم الفريق.`,
    teamUnassigned: "هذه الوثيقة غير مسندة إليك.",
    teamLayer: "تكتب في طبقتك وحدها؛ هذه طبقة {layer}.",
    unreachable: "خادم قول لا يجيب (هل ما زال qawl serve يعمل؟)؛ لم يتغير شيء. أعد المحاولة حين يعود.",
    jobCancelled: (p) =>
      `${p["operation"] === "importDocuments" ? "أُلغي الاستيراد" : p["operation"] === "exportDocuments" ? "أُلغي التصدير" : "أُلغي التعليق المسبق"}؛ لم يُحفظ شيء.`,
    importFile: "{file}: {reason}. {outcome}",
    nothingImported: "لم يُستورد شيء.",
    noneImported: (p) =>
      `لم يُستورد أي من ${count(Number(p["n"]), { two: "الملفين", few: "الملفات الـ{n}", other: "الملفات الـ{n}" })}.`,
    empty: "الملف فارغ",
    binary: "هذا ليس ملفًا نصيًا",
    whitespace: "لا يحوي الملف إلا فراغات",
    htmlPage: "هذه صفحة ويب: اختر «صفحة HTML» في الصيغة ثم استوردها من جديد",
    noArticle: "لم يُعثر على نص مقال في الصفحة",
    tooDeep: "عناصرها متداخلة {depth} مستوى، وقول يقرأ صفحات حتى {most} مستوى",
    noText: "لا تحوي الوثيقة أي نص",
    noDocuments: "لا يحوي الملف أي وثيقة",
    noTextLayer: "لا طبقة نص في ملف PDF هذا (صفحة ممسوحة ضوئيًا؟): شغّل عليه التعرف الضوئي على الحروف أولًا",
    badDocx: "هذا ليس مستند Word يستطيع قول قراءته",
    badPdf: "هذا ليس ملف PDF يستطيع قول قراءته",
    invalidUtf8Guess:
      "السطر {line} ليس نصًا صالحًا بترميز UTF-8؛ يبدو أنه {guess}: اختره في الترميز ثم استورد الملف من جديد",
    invalidUtf8: "السطر {line} ليس نصًا صالحًا بترميز UTF-8: اختر ترميز الملف في الترميز ثم استورده من جديد",
    utf16: "ترميز الملف {encoding}: اختره في الترميز ثم استورد الملف من جديد",
    invalidEncoding: "الملف ليس نصًا صالحًا بترميز {encoding}",
    isUtf8: "ترميز الملف UTF-8 لا {encoding}: اختر UTF-8 في الترميز ثم استورده من جديد",
    unknownEncoding: "لا يعرف قول الترميز {encoding}",
    bratPair: "يحتاج تنسيق brat إلى الملفين {base}.txt و{base}.ann معًا",
    required: "لا بد من كتابة {field}.",
    maxLength: "لا يزيد عدد أحرف {field} على {limit} (والمكتوب الآن {actual}).",
    maxLengthOnly: "لا يزيد عدد أحرف {field} على {limit}.",
    oneLine: "لا يُقبل فاصل أسطر في {field}.",
    maxItems: "لا يزيد عدد {field} على {limit} (وهو الآن {actual}).",
    minItems: "لا يقل عدد {field} عن {limit}.",
    badFormat: "لم يُكتب {field} بالشكل المطلوب.",
    "format.label.key": "المفتاح حرف لاتيني صغير واحد أو رقم واحد، مثل {example}.",
    "format.label.color": "اللون علامة # تتبعها ستة أرقام ست عشرية، مثل {example}.",
    "format.label.name":
      "الاسم في التصدير من حرف واحد إلى 40 من الحروف أو الأرقام أو _ أو - (بلا مسافات)، مثل {example}.",
    "format.entity.kbId": "معرّف ويكي بيانات هو الحرف Q يتبعه رقم، مثل {example}.",
    "format.document.url": "يبدأ الرابط بـ \u2066http://\u2069 أو \u2066https://\u2069، مثل {example}.",
    "format.document.date": "يُكتب التاريخ بالشكل \u2066YYYY-MM-DD\u2069 ولا بد أن يكون يومًا موجودًا، مثل {example}.",
    "field.label.name": "الاسم في التصدير",
    "field.label.displayName": "الاسم المعروض",
    "field.label.key": "المفتاح",
    "field.label.color": "اللون",
    "field.document.title": "العنوان",
    "field.document.date": "التاريخ",
    "field.document.dateRaw": "التاريخ كما كُتب",
    "field.document.url": "الرابط",
    "field.document.outlet": "جهة النشر",
    "field.document.author": "الكاتب",
    "field.entity.name": "اسم الكيان",
    "field.entity.type": "نوع الكيان",
    "field.entity.alias": "الاسم البديل",
    "field.entity.aliases": "الأسماء البديلة",
    "field.entity.kbId": "معرّف ويكي بيانات",
    "field.span.note": "الملاحظة",
    "field.search.query": "نص البحث",
    "field.cue.word": "فعل القول",
    "field.cue.forms": "صيغ فعل القول",
    "field.cue.participles": "أسماء الفاعل لفعل القول",
    "field.cue.introducers": "أدوات فعل القول",
    "field.cues": "أفعال القول",
    "field.import.encoding": "الترميز",
  },
});

const ltr = (text: string) => `\u2066${text}\u2069`;

/** Each field's own format: its message, and an example of what it allows (the same in both languages). */
const FORMATS: Readonly<Partial<Record<InputField, readonly [Parameters<typeof t>[0], string]>>> = {
  "label.key": ["format.label.key", "q"],
  "label.color": ["format.label.color", "#6366f1"],
  "label.name": ["format.label.name", "QUOTE"],
  "entity.kbId": ["format.entity.kbId", "Q1234"],
  "document.url": ["format.document.url", "https://example.com/news/1"],
  "document.date": ["format.document.date", "2019-06-20"],
};

/** The message for each kind of row that is gone. */
const GONE = {
  span: "goneSpan",
  relation: "goneRelation",
  entity: "goneEntity",
  document: "goneDocument",
} as const satisfies Readonly<Record<Extract<ErrorDetail, { kind: "gone" }>["what"], Parameters<typeof t>[0]>>;

/** The message for each kind of object an edit was stale on. */
const STALE = {
  span: "staleSpan",
  entity: "staleEntity",
  cues: "staleCues",
} as const satisfies Readonly<Record<Extract<ErrorDetail, { kind: "stale" }>["what"], Parameters<typeof t>[0]>>;

/** `text` with its first letter in upper case (English; Arabic has no case). */
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function invalidInput(d: Extract<ErrorDetail, { kind: "input.invalid" }>): string {
  const field = t(`field.${d.field}`);
  const names = { field, Field: capital(field) };
  const limit = d.limit ?? 0;
  switch (d.rule) {
    case "required":
      return t("required", names);
    case "max_length":
      return d.actual === null
        ? t("maxLengthOnly", { ...names, limit })
        : t("maxLength", { ...names, limit, actual: d.actual });
    case "one_line":
      return t("oneLine", names);
    case "max_items":
      return t("maxItems", { ...names, limit, actual: d.actual ?? 0 });
    case "min_items":
      return t("minItems", { ...names, limit });
    case "format": {
      const format = FORMATS[d.field];
      return format === undefined ? t("badFormat", names) : t(format[0], { example: ltr(format[1]) });
    }
  }
}

function refusal(r: ImportRefusal): string {
  switch (r.reason) {
    case "empty":
      return t("empty");
    case "binary":
      return t("binary");
    case "whitespace":
      return t("whitespace");
    case "html_page":
      return t("htmlPage");
    case "no_article":
      return t("noArticle");
    case "too_deep":
      return t("tooDeep", { depth: r.depth, most: r.most });
    case "no_text":
      return t("noText");
    case "no_documents":
      return t("noDocuments");
    case "no_text_layer":
      return t("noTextLayer");
    case "bad_docx":
      return t("badDocx");
    case "bad_pdf":
      return t("badPdf");
    case "invalid_utf8":
      return r.guess === null
        ? t("invalidUtf8", { line: r.line })
        : t("invalidUtf8Guess", { line: r.line, guess: ltr(r.guess) });
    case "utf16":
      return t("utf16", { encoding: ltr(r.encoding.toUpperCase()) });
    case "invalid_encoding":
      return t("invalidEncoding", { encoding: ltr(r.encoding) });
    case "is_utf8":
      return t("isUtf8", { encoding: ltr(r.encoding) });
    case "unknown_encoding":
      return t("unknownEncoding", { encoding: ltr(r.encoding) });
    case "brat_pair":
      return t("bratPair", { base: ltr(r.base) });
  }
}

function worded(d: ErrorDetail): string {
  switch (d.kind) {
    case "document.missing":
      return t("missing");
    case "gone":
      return t(GONE[d.what]);
    case "stale":
      return d.revision === 0 ? t("staleLongAgo") : t(STALE[d.what], { annotator: isolate(d.annotator) });
    case "history.built_on":
      return t(d.direction === "undo" ? "builtOnUndo" : "builtOnRedo", {
        change: changeText({ description: d.description, message: d.change }),
      });
    case "history.taken":
      return t(d.direction === "undo" ? "takenUndo" : "takenRedo");
    case "history.text_again":
      return t("textAgain", { by: d.by });
    case "span.duplicate":
      return t("duplicate", { label: labelDisplayName(d.label) });
    case "span.blank":
      return t("blank");
    case "span.crosses_line":
      return t("crossesLine", { label: labelDisplayName(d.label) });
    case "span.fragments":
      return t("fragments", { label: labelDisplayName(d.label) });
    case "span.links_need_kind":
      return t("linksNeedKind", { label: labelDisplayName(d.label), to: labelDisplayName(d.to) });
    case "speaker.no_earlier":
      return t("noEarlier");
    case "label.name_taken":
      return t("nameTaken", { name: isolate(d.name) });
    case "label.key_taken":
      return t("keyTaken", { key: ltr(d.key), label: labelDisplayName(d.label) });
    case "label.retired":
      return t("retired", { name: isolate(d.name) });
    case "cue.twice":
      return t("cueTwice", { lemma: isolate(d.lemma) });
    case "entity.merge_alone":
      return t("mergeAlone");
    case "entity.unknown_type":
      return t("unknownEntityType", { type: isolate(d.type), labels: d.labels.map(isolate).join(", ") });
    case "propagate.not_name":
      return t("notName");
    case "search.empty":
      return t("searchEmpty");
    case "search.unknown_label":
      return t("unknownLabel", { asked: isolate(d.asked) });
    case "import.jsonl_alone":
      return t("jsonlAlone");
    case "job.cancelled":
      return t("jobCancelled", { operation: d.operation });
    case "host.unreachable":
      return t("unreachable");
    case "team.role":
      return t("teamRole", { role: d.role });
    case "team.unassigned":
      return t("teamUnassigned");
    case "team.layer":
      return t("teamLayer", { layer: isolate(d.layer) });
    case "input.invalid":
      return invalidInput(d);
    case "import.file":
      return t("importFile", {
        file: isolate(d.file),
        reason: refusal(d),
        outcome: d.files === 1 ? t("nothingImported") : t("noneImported", { n: d.files }),
      });
  }
}

/**
 * What a field's own format allows, with an example, in the interface language (for a
 * `title` on an input with a `pattern`: the browser shows it when the pattern refuses).
 */
export function formatRule(field: InputField): string {
  return invalidInput({ kind: "input.invalid", field, rule: "format", limit: null, actual: null });
}

/**
 * What to tell a person about a refusal, in the interface language.
 * @param error an error from the API: its English `message`, and `detail` when it has one
 */
export function errorText(error: { message: string; detail?: ErrorDetail | null }): string {
  return error.detail === undefined || error.detail === null ? error.message : worded(error.detail);
}
