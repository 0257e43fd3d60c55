/**
 * A refusal from the operation table in the interface language: worded here from its data
 * (`ErrorDetail`, core/errors.ts), for a person using the app (the hints name the app's
 * menus, not the CLI's flags). A refusal without data shows its English one-line message.
 */
import type { ErrorDetail, ImportRefusal } from "../../core/errors.ts";
import { isolate } from "../format.ts";
import { labelDisplayName } from "./labels.ts";
import { count, defineMessages } from "./messages.ts";

const t = defineMessages({
  en: {
    missing: "That document is no longer in the project.",
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
    notName: "Only names are suggested elsewhere.",
    searchEmpty: "Type words to find, or choose a label.",
    unknownLabel: "There is no label called {asked}.",
    jsonlAlone: "Import a Qawl JSONL file on its own.",
    importFile: "{file}: {reason}. {outcome}",
    nothingImported: "Nothing was imported.",
    noneImported: (p) => `None of the ${String(p["n"])} files was imported.`,
    empty: "the file is empty",
    binary: "this is not a text file",
    whitespace: "the file holds only spaces",
    htmlPage: "this is a web page: choose “HTML page” under Format and import it again",
    noArticle: "no article text was found in the page",
    noText: "the document holds no text",
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
  },
  ar: {
    missing: "لم تعد تلك الوثيقة في المشروع.",
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
    notName: "لا تُقترح في المواضع الأخرى إلا الأسماء.",
    searchEmpty: "اكتب كلمات للبحث، أو اختر تسمية.",
    unknownLabel: "لا توجد تسمية باسم {asked}.",
    jsonlAlone: "استورد ملف JSONL الخاص بقول وحده.",
    importFile: "{file}: {reason}. {outcome}",
    nothingImported: "لم يُستورد شيء.",
    noneImported: (p) =>
      `لم يُستورد أي من ${count(Number(p["n"]), { two: "الملفين", few: "الملفات الـ{n}", other: "الملفات الـ{n}" })}.`,
    empty: "الملف فارغ",
    binary: "هذا ليس ملفًا نصيًا",
    whitespace: "لا يحوي الملف إلا فراغات",
    htmlPage: "هذه صفحة ويب: اختر «صفحة HTML» في الصيغة ثم استوردها من جديد",
    noArticle: "لم يُعثر على نص مقال في الصفحة",
    noText: "لا تحوي الوثيقة أي نص",
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
  },
});

const ltr = (text: string) => `\u2066${text}\u2069`;

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
    case "no_text":
      return t("noText");
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
    case "propagate.not_name":
      return t("notName");
    case "search.empty":
      return t("searchEmpty");
    case "search.unknown_label":
      return t("unknownLabel", { asked: isolate(d.asked) });
    case "import.jsonl_alone":
      return t("jsonlAlone");
    case "import.file":
      return t("importFile", {
        file: isolate(d.file),
        reason: refusal(d),
        outcome: d.files === 1 ? t("nothingImported") : t("noneImported", { n: d.files }),
      });
  }
}

/**
 * What to tell a person about a refusal, in the interface language.
 * @param error an error from the API: its English `message`, and `detail` when it has one
 */
export function errorText(error: { message: string; detail?: ErrorDetail | null }): string {
  return error.detail === undefined || error.detail === null ? error.message : worded(error.detail);
}
