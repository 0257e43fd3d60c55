/**
 * A recorded change (what undo and redo name) in the interface language: English as core
 * words it (`describeChange`), Arabic from the change's message (`core/change-message.ts`).
 * A change recorded before Qawl kept messages keeps its English description.
 */
import { describeChange, type ChangeMessage } from "../../core/change-message.ts";
import type { DocumentStatus } from "../../core/contract.ts";
import { isolate } from "../format.ts";
import { labelDisplayName, relationDisplayName } from "./labels.ts";
import { locale } from "./locale.ts";
import { count } from "./messages.ts";
import { DOCUMENTS_AR, SPANS_AR, SUGGESTIONS_AR } from "./nouns.ts";

const STATUS_AR: Readonly<Record<DocumentStatus, string>> = {
  new: "جديدة",
  in_progress: "قيد العمل",
  done: "منجزة",
};

/** Text quoted in a change's wording, kept in its own direction. */
const quoted = (text: string) => `«${isolate(text)}»`;

function arabic(m: ChangeMessage): string {
  switch (m.kind) {
    case "span.add":
      return `إضافة ${labelDisplayName(m.label)} ${quoted(m.text)}`;
    case "span.accept":
      return `قبول ${labelDisplayName(m.label)} ${quoted(m.text)}`;
    case "span.resize":
      return `تعديل حدود ${labelDisplayName(m.label)} ${quoted(m.text)}`;
    case "span.edit":
      return `تعديل ${labelDisplayName(m.label)} ${quoted(m.text)}`;
    case "span.delete":
      return `حذف ${labelDisplayName(m.label)} ${quoted(m.text)}`;
    case "span.relabel":
      return `تحويل ${labelDisplayName(m.label)} ${quoted(m.text)} إلى ${labelDisplayName(m.to)}`;
    case "entity.new":
      return `كيان جديد: ${isolate(m.name)}`;
    case "entity.edit":
      return `تعديل الكيان ${isolate(m.name)}`;
    case "entity.rename":
      return `إعادة تسمية ${isolate(m.name)} إلى ${isolate(m.to)}`;
    case "entity.merge":
      return `دمج ${m.names.map(isolate).join("، ")} في ${isolate(m.into)}`;
    case "label.add":
      return `إضافة التسمية ${labelDisplayName(m.label)}`;
    case "label.edit":
      return `تعديل التسمية ${labelDisplayName(m.label)}`;
    case "label.retire":
      return `إيقاف التسمية ${labelDisplayName(m.label)}`;
    case "label.restore":
      return `استعادة التسمية ${labelDisplayName(m.label)}`;
    case "relation.link": {
      const target =
        m.targetLabel === null ? isolate(m.target) : `${labelDisplayName(m.targetLabel)} ${quoted(m.target)}`;
      return `ربط ${relationDisplayName(m.type)}: ${target}`;
    }
    case "relation.remove":
      return `إزالة رابط ${relationDisplayName(m.type)}`;
    case "speaker.carry":
      return `المتحدث نفسه (${isolate(m.entity)}) للاقتباس ${quoted(m.text)}`;
    case "document.status":
      return `جعل ${quoted(m.title)} ${STATUS_AR[m.status]}`;
    case "document.edit":
      return `تعديل بيانات ${quoted(m.title)}`;
    case "document.delete":
      return `حذف ${quoted(m.title)}`;
    case "documents.delete":
      return `حذف ${count(m.count, DOCUMENTS_AR)}`;
    case "propagate.name":
      return m.text === undefined || m.count === undefined
        ? "اقتراح بقية مواضع الاسم"
        : `اقتراح مواضع أخرى للاسم ${quoted(m.text)} (${String(m.count)})`;
    case "propagate.all":
      return "اقتراح كل الأسماء المعروفة";
    case "cues.set":
      return "تعديل قائمة أفعال القول";
    case "cues.reset":
      return "استعادة قائمة أفعال القول الافتراضية";
    case "preannotate.document":
      return `وسم مسبق: ${quoted(m.title)}`;
    case "preannotate.documents":
      return `وسم مسبق: ${count(m.count, DOCUMENTS_AR)}`;
    case "suggestions.accept":
      return `قبول ${count(m.count, SUGGESTIONS_AR)}`;
    case "gold.copy":
      return m.count === 1
        ? `نقل ${labelDisplayName(m.label)} ${quoted(m.text)} إلى الطبقة المرجعية`
        : `نقل ${labelDisplayName(m.label)} ${quoted(m.text)} و${count(m.count - 1, SPANS_AR)} أخرى إلى الطبقة المرجعية`;
    case "suggestions.reject":
      return `رفض ${count(m.count, SUGGESTIONS_AR)}`;
  }
}

/**
 * What a recorded change did, in the interface language.
 * @param entry a history entry (`HistoryEntry`): its English description and its message
 */
export function changeText(entry: { description: string; message: ChangeMessage | null }): string {
  if (entry.message === null) return entry.description;
  return locale() === "ar" ? arabic(entry.message) : describeChange(entry.message);
}
