/**
 * A project holding the sample article with a full annotation, made through the operation
 * table as a person would: quotes (direct, indirect, mixed; one discontinuous), speakers,
 * cues, links (one carried-over speaker), names linked to entities with Wikidata ids, notes.
 * Offsets are found by Python (`str.find`, one run for all), not by the code under test.
 */
import { readFileSync } from "node:fs";
import type { TestContext } from "node:test";
import type { OperationTable } from "../core/contract.ts";
import { ProjectStore } from "../db/project.ts";
import { createOperationTable } from "../main/ops/table.ts";
import { runPython } from "./python.ts";
import { SAMPLE, projectLocation } from "./temp.ts";

/** The sample text and a helper that finds an occurrence's code point extent. */
export const sampleText = readFileSync(SAMPLE, "utf8");

const FIND_ALL = `
import json, sys
job = json.load(sys.stdin)
text = job["text"]
out = []
for needle, nth in job["needles"]:
    at = -1
    for _ in range(nth + 1):
        at = text.find(needle, at + 1)
    out.append([at, at + len(needle)] if at >= 0 else None)
print(json.dumps(out))
`;

const found = new Map<string, { start: number; end: number }>();

/** Code point extents of the `nth` occurrences of needles in the sample, found by Python in one run. */
export function findAll(needles: readonly (readonly [string, number])[]): void {
  const missing = needles.filter(([n, k]) => !found.has(`${String(k)}:${n}`));
  if (missing.length === 0) return;
  const result = runPython<([number, number] | null)[]>(FIND_ALL, { text: sampleText, needles: missing });
  missing.forEach(([n, k], i) => {
    const r = result[i];
    if (r === null || r === undefined) throw new Error(`not in the sample: ${n}`);
    found.set(`${String(k)}:${n}`, { start: r[0], end: r[1] });
  });
}

/** Code point extent of the `nth` occurrence of `needle` in the sample, by Python. */
export function extent(needle: string, nth = 0): { start: number; end: number } {
  findAll([[needle, nth]]);
  const e = found.get(`${String(nth)}:${needle}`);
  if (e === undefined) throw new Error(`not in the sample: ${needle}`);
  return e;
}

/** An open project (removed after the test). */
export function emptyProject(
  t: TestContext,
  name = "p.qawl",
): { table: OperationTable; store: ProjectStore; path: string } {
  const path = projectLocation(t, name);
  const store = new ProjectStore(path);
  t.after(() => {
    store.close();
  });
  return {
    table: createOperationTable(store, { annotator: "tester", now: () => "2026-11-29T10:00:00.000Z" }),
    store,
    path,
  };
}

/** The sample article, annotated. */
export function annotatedSample(t: TestContext): {
  table: OperationTable;
  store: ProjectStore;
  path: string;
  documentId: number;
} {
  const p = emptyProject(t);
  const { table } = p;
  const documentId =
    table.importDocuments({ files: [{ name: "lavrov.txt", contentBase64: readFileSync(SAMPLE).toString("base64") }] })
      .outcomes[0]?.documentId ?? 0;
  findAll([
    ["روسيا مهتمة بتطبيع حوارنا. نحن على قناعة بأن ذلك أمر وارد وواقعي", 0],
    ["وزير الخارجية الروسي", 0],
    ["قال", 0],
    ["نتفق في أهمية استعادة قنوات التواصل", 0],
    ["ناقشنا وضع القضايا الثنائية", 0],
    ["أضاف", 0],
    ["أن لقاء اليوم تطرق إلى الأوضاع في منطقة خفض التصعيد في إدلب", 0],
    ["بومبيو", 3],
    ["أكد", 0],
    ["حتى لا تتحول الأراضي السورية إلى ملاذ للإرهابيين", 0],
    ["سيرغي لافروف", 0],
    ["مايك بومبيو", 0],
    ["سوتشي", 0],
    ["واشنطن", 0],
    ["مجلس القطب الشمالي", 0],
    ["خطة العمل الشاملة المشتركة", 0],
    ["موسكو", 0],
  ]);
  const span = (label: string, needle: string, nth = 0, attributes?: Record<string, string>) =>
    table.createSpan({
      documentId,
      label,
      ...extent(needle, nth),
      ...(attributes !== undefined ? { attributes } : {}),
    });
  const link = (type: string, from: number, to: number) =>
    table.createRelation({ type, fromSpanId: from, toSpanId: to });

  const q1 = span("QUOTE", "روسيا مهتمة بتطبيع حوارنا. نحن على قناعة بأن ذلك أمر وارد وواقعي", 0, { type: "direct" });
  const minister = span("SPEAKER", "وزير الخارجية الروسي");
  link("attributed_to", q1.id, minister.id);
  link("cue", q1.id, span("CUE", "قال", 0).id);
  const lavrov = span("PER", "سيرغي لافروف");
  const lavrovEntity = table.createEntity({ name: "Sergei Lavrov", type: "PER", kbId: "Q20087", spanIds: [lavrov.id] });
  table.updateSpan({ spanId: minister.id, entityId: lavrovEntity.id });
  // A quote in two pieces (for the test; the guidelines allow it around a cue).
  const a = extent("نتفق في أهمية استعادة قنوات التواصل");
  const b = extent("ناقشنا وضع القضايا الثنائية");
  const q2 = table.createSpan({
    documentId,
    label: "QUOTE",
    start: a.start,
    end: b.end,
    fragments: [a, b],
    attributes: { type: "direct" },
  });
  table.carryOverSpeaker({ quoteId: q2.id });
  link("cue", q2.id, span("CUE", "أضاف").id);
  const q4 = span("QUOTE", "أن لقاء اليوم تطرق إلى الأوضاع في منطقة خفض التصعيد في إدلب");
  const pompeo = span("SPEAKER", "بومبيو", 3);
  link("attributed_to", q4.id, pompeo.id);
  link("cue", q4.id, span("CUE", "أكد", 0).id);
  const q5 = table.createSpan({
    documentId,
    label: "QUOTE",
    ...extent("حتى لا تتحول الأراضي السورية إلى ملاذ للإرهابيين"),
    attributes: { type: "mixed" },
  });
  link("attributed_to", q5.id, pompeo.id);
  table.updateSpan({ spanId: q5.id, note: "partial quote after مؤكدا" });

  const mike = span("PER", "مايك بومبيو");
  table.createEntity({
    name: "Mike Pompeo",
    type: "PER",
    kbId: "Q473239",
    spanIds: [mike.id, pompeo.id],
  });
  span("LOC", "سوتشي");
  span("LOC", "واشنطن");
  span("ORG", "مجلس القطب الشمالي");
  span("MISC", "خطة العمل الشاملة المشتركة");
  span("LOC", "موسكو");
  return { ...p, documentId };
}
