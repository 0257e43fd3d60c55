/**
 * What a document lost in an export, in the interface language: English as core words it
 * (`describeLoss`), Arabic here, from the loss's data (`core/formats/loss.ts`).
 */
import { describeLoss, type DetailField, type Loss } from "../../core/formats/loss.ts";
import { locale } from "./locale.ts";
import { count, type PluralForms } from "./messages.ts";
import { SPANS_AR } from "./nouns.ts";

/** Latin names (fields, file extensions) kept left to right inside Arabic. */
const ltr = (text: string) => `\u2066${text}\u2069`;

const forms = (one: string, two: string, few: string, many: string, other: string): PluralForms => ({
  zero: `لا ${few.replace("{n} ", "")}`,
  one,
  two,
  few,
  many,
  other,
});

const RELATIONS = forms("علاقة واحدة", "علاقتان", "{n} علاقات", "{n} علاقة", "{n} علاقة");
const ENTITY_LINKS = forms("رابط كيان واحد", "رابطا كيان", "{n} روابط كيانات", "{n} رابط كيان", "{n} رابط كيان");
const NOTES = forms("ملاحظة واحدة", "ملاحظتان", "{n} ملاحظات", "{n} ملاحظة", "{n} ملاحظة");
const SPLIT_QUOTES = forms(
  "اقتباس غير متصل واحد",
  "اقتباسان غير متصلين",
  "{n} اقتباسات غير متصلة",
  "{n} اقتباسًا غير متصل",
  "{n} اقتباس غير متصل",
);
const SPLIT_SPANS = forms(
  "مقطع غير متصل واحد",
  "مقطعان غير متصلين",
  "{n} مقاطع غير متصلة",
  "{n} مقطعًا غير متصل",
  "{n} مقطع غير متصل",
);
const OVERLAPPING_NAMES = forms(
  "اسم متداخل واحد",
  "اسمان متداخلان",
  "{n} أسماء متداخلة",
  "{n} اسمًا متداخلًا",
  "{n} اسم متداخل",
);
const OVERLAPPING_SPANS = forms(
  "مقطع متداخل واحد",
  "مقطعان متداخلان",
  "{n} مقاطع متداخلة",
  "{n} مقطعًا متداخلًا",
  "{n} مقطع متداخل",
);
const NAMES = forms("اسم واحد", "اسمان", "{n} أسماء", "{n} اسمًا", "{n} اسم");
const UNREVIEWED = forms(
  "اقتراح واحد لم يُراجع",
  "اقتراحان لم يُراجعا",
  "{n} اقتراحات لم تُراجع",
  "{n} اقتراحًا لم يُراجع",
  "{n} اقتراح لم يُراجع",
);

/** The details' names, as the Edit details dialog names them in Arabic. */
const DETAILS_AR: Record<DetailField, string> = {
  title: "العنوان",
  published: "تاريخ النشر",
  url: "الرابط",
  outlet: "جهة النشر",
  author: "الكاتب",
  source: "الملف المصدر",
};

function arabic(l: Loss): string {
  switch (l.kind) {
    case "relations":
      return `${count(l.count, RELATIONS)}${
        l.why === "conll" ? " (لا علاقات في CoNLL)" : l.why === "sequence" ? " (لا علاقات في تخطيط وسم التسلسلات)" : ""
      }`;
    case "relations_to_entity":
      return `${count(l.count, RELATIONS)} إلى كيان (متحدثون منقولون${
        l.why === "doccano" ? "؛ علاقات doccano تربط بين مقطعين" : ""
      })`;
    case "relation_kept_as_note":
      return `العلاقة ${String(l.relation)} (${ltr(l.type)} إلى الكيان ${l.entity}، متحدث منقول): علاقات brat تربط بين مقطعين من النص؛ حُفظت ملاحظةً على الاقتباس`;
    case "entity_links":
      return `${count(l.count, ENTITY_LINKS)}${l.why === "conll" ? " (لا تحمل وسوم CoNLL معرّفات الكيانات)" : ""}`;
    case "attributes":
      return `سمات ${count(l.count, SPANS_AR)}${l.example ? " (مثل نوع الاقتباس)" : ""}`;
    case "notes":
      return count(l.count, NOTES);
    case "fragments": {
      const what = count(l.count, l.what === "quote" ? SPLIT_QUOTES : SPLIT_SPANS);
      const as = l.as === "spans" ? "مقطع منفصل" : l.as === "regions" ? "منطقة" : "وسم";
      return `${what}: ${as} لكل جزء${l.links === "first" ? "؛ روابطها تبدأ من الجزء الأول وحده" : ""}`;
    }
    case "overlapping_names":
      return `${count(l.count, OVERLAPPING_NAMES)}${
        l.where === "ents"
          ? ` خارج ${ltr("ents")} (محفوظة في ${ltr('spans["sc"]')})`
          : l.where === "column"
            ? " (عمود وسوم واحد)"
            : ""
      }`;
    case "overlapping_layer":
      return `${count(l.count, OVERLAPPING_SPANS)} في طبقة ${ltr(l.layer)} (عمود وسوم واحد لكل طبقة)`;
    case "other_spans":
      return `${count(l.count, SPANS_AR)} من الاقتباسات والمتحدثين وأفعال القول (${
        l.why === "dialect" ? "في لهجة الملف نفسه عمود وسوم واحد" : "تصنيف الرموز هنا للأسماء وحدها"
      })`;
    case "off_tokens":
      return `${count(l.count, NAMES)} لا تقع على حدود رموز الملف، فوُسّعت إلى رموز كاملة`;
    case "retokenized":
      return "تباعد النص وفواصل أسطره (كُتب رموزًا؛ تختلف الإزاحات عند قراءته من جديد)";
    case "line_ends":
      return `نصوص المقاطع التي تتخطى نهاية سطر تظهر في سطر واحد في ملف ${ltr(".ann")} (الإزاحات دقيقة)`;
    case "split_at_line_ends":
      return `${count(l.count, SPANS_AR)} تتخطى نهاية سطر كُتبت أجزاءً مقسومة عند نهايات الأسطر (يعرضها brat مقطعًا متقطعًا، ويقرؤها قول مقطعًا واحدًا${
        l.changed > 0 ? `، إلا ${String(l.changed)} تبدأ بفاصل سطر أو تنتهي به فتُقرأ من دونه` : ""
      })`;
    case "spans_left_out":
      return `${count(l.spans.length, SPANS_AR)} تُركت كاملة (${
        l.why === "column"
          ? `تتداخل مع مقطع أُبقي في عمود ${ltr(l.layer ?? "tag")}`
          : `تتداخل مع مقطع أُبقي في ${ltr("doccano-no-overlap.jsonl")}، للمشاريع التي لا تسمح بتداخل الكيانات`
      }): ${l.spans.map((s) => `${ltr(s.label)} «${s.text}»`).join("، ")}`;
    case "relations_left_out":
      return `${count(l.count, RELATIONS)} تُركت في ${ltr(l.file)} مع مقطع تربطه`;
    case "plain_text":
      return `المقاطع كلها (${String(l.count)}) وروابطها (لا يحمل النص العادي وسومًا)`;
    case "unreviewed":
      return `${count(l.count, UNREVIEWED)} (اقبلها لتُصدَّر)`;
    case "details":
      return `بيانات المستند التي لا مكان لها في هذه الصيغة: ${l.fields.map((f) => DETAILS_AR[f]).join("، ")}`;
  }
}

/** What a document lost, in the interface language. */
export function lossText(loss: Loss): string {
  return locale() === "ar" ? arabic(loss) : describeLoss(loss);
}
