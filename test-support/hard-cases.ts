/**
 * The project every format's consumer test exports: the annotated sample article (from
 * `annotated-sample.ts`) plus one document made of the cases that break exports —
 * a direct quote across a CRLF line end with a flag emoji inside, harakat inside a speaker
 * and a quote, a discontinuous quote whose speaker is carried over (a relation to an
 * entity), a SPEAKER and a PER on the same text, a name after an attached proclitic
 * (`وواشنطن`), a PER nested in a SPEAKER, two crossing names (MISC over tokens 1–2, ORG over
 * 2–3), an indirect quote ending in a ZWJ emoji sequence, a note, and an entity with
 * aliases and a Wikidata id. Offsets come from Python's `str.find`, never from Qawl.
 */
import type { TestContext } from "node:test";
import type { OperationTable } from "../core/contract.ts";
import type { ProjectStore } from "../db/project.ts";
import { annotatedSample } from "./annotated-sample.ts";
import { runPython } from "./python.ts";

/** The hard document's text: CRLF line ends, no BOM. */
export const HARD_TEXT = [
  "حالات صعبة في التصدير",
  'وقال الوزيرُ سيرغي لافروف: "روسيا 🇷🇺 مهتمة',
  'بتطبيع الحوار". وأضاف: "نتفق على أهميّة الحوار"، وتابع: "والتعاون ممكن".',
  "وقال وزير الخارجية لافروف إن موسكو وواشنطن ستتعاونان 👨‍👩‍👧.",
  "",
].join("\r\n");

const FIND = `
import json, sys
job = json.load(sys.stdin)
text = job["text"]
out = []
for needle, after in job["needles"]:
    at = text.find(needle, text.find(after) if after else 0)
    out.append([at, at + len(needle)] if at >= 0 else None)
print(json.dumps(out))
`;

/** Each needle and the text it is searched after (so that repeated words are told apart). */
const NEEDLES = {
  quote1: ["روسيا 🇷🇺 مهتمة\r\nبتطبيع الحوار", ""],
  speaker1: ["الوزيرُ سيرغي لافروف", ""],
  per1: ["سيرغي لافروف", ""],
  cue1: ["قال", "وقال الوزيرُ"],
  quote2a: ["نتفق على أهميّة الحوار", ""],
  quote2b: ["والتعاون ممكن", ""],
  cue2: ["أضاف", ""],
  speaker3: ["لافروف", "وزير الخارجية"],
  cue3: ["قال", "مهتمة"],
  quote3: ["إن موسكو وواشنطن ستتعاونان 👨‍👩‍👧", ""],
  loc1: ["موسكو", "وزير الخارجية"],
  loc2: ["واشنطن", "موسكو و"],
  misc: ["وزير الخارجية", ""],
  org: ["الخارجية لافروف", ""],
} as const satisfies Record<string, readonly [string, string]>;

/** Code point extents of the hard document's spans, by name, found by Python. */
export type HardExtents = Record<keyof typeof NEEDLES, { start: number; end: number }>;

/** Find every needle in `HARD_TEXT` with Python. */
export function hardExtents(): HardExtents {
  const names = Object.keys(NEEDLES) as (keyof typeof NEEDLES)[];
  const found = runPython<([number, number] | null)[]>(FIND, {
    text: HARD_TEXT,
    needles: names.map((n) => NEEDLES[n]),
  });
  const out = {} as HardExtents;
  names.forEach((n, i) => {
    const r = found[i];
    if (r === null || r === undefined) throw new Error(`not in the hard text: ${n}`);
    out[n] = { start: r[0], end: r[1] };
  });
  return out;
}

/** The sample article annotated (document 1) and the hard document (document 2), in one project. */
export function hardCasesProject(t: TestContext): {
  table: OperationTable;
  store: ProjectStore;
  path: string;
  sampleId: number;
  hardId: number;
  extents: HardExtents;
} {
  const sample = annotatedSample(t);
  const { table } = sample;
  const hardId =
    table.importDocuments({
      files: [{ name: "hard-cases.txt", contentBase64: Buffer.from(HARD_TEXT, "utf8").toString("base64") }],
    }).outcomes[0]?.documentId ?? 0;
  const x = hardExtents();
  const span = (label: string, at: { start: number; end: number }, attributes?: Record<string, string>) =>
    table.createSpan({ documentId: hardId, label, ...at, ...(attributes !== undefined ? { attributes } : {}) });
  const link = (type: string, from: number, to: number) =>
    table.createRelation({ type, fromSpanId: from, toSpanId: to });

  const q1 = span("QUOTE", x.quote1, { type: "direct" });
  const s1 = span("SPEAKER", x.speaker1);
  link("attributed_to", q1.id, s1.id);
  link("cue", q1.id, span("CUE", x.cue1).id);
  const per1 = span("PER", x.per1);
  const lavrov = table.createEntity({
    name: "سيرغي لافروف",
    type: "PER",
    aliases: ["لافروف", "وزير الخارجية الروسي"],
    kbId: "Q20087",
    spanIds: [per1.id, s1.id],
  });
  const q2 = table.createSpan({
    documentId: hardId,
    label: "QUOTE",
    start: x.quote2a.start,
    end: x.quote2b.end,
    fragments: [x.quote2a, x.quote2b],
    attributes: { type: "direct" },
  });
  table.createRelation({ type: "attributed_to", fromSpanId: q2.id, toEntityId: lavrov.id });
  link("cue", q2.id, span("CUE", x.cue2).id);
  const s3 = span("SPEAKER", x.speaker3);
  table.updateSpan({ spanId: s3.id, entityId: lavrov.id });
  const per3 = span("PER", x.speaker3);
  table.updateSpan({ spanId: per3.id, entityId: lavrov.id, note: "the same text as the speaker" });
  const q3 = span("QUOTE", x.quote3, { type: "indirect" });
  link("attributed_to", q3.id, s3.id);
  link("cue", q3.id, span("CUE", x.cue3).id);
  span("LOC", x.loc1);
  span("LOC", x.loc2);
  span("MISC", x.misc);
  span("ORG", x.org);
  return { ...sample, sampleId: sample.documentId, hardId, extents: x };
}
