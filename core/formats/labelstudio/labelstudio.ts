/**
 * Label Studio JSON (https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks):
 * an array of tasks `{"id", "data": {"text"}, "annotations": [{"result": […]}]}`; a region is
 * `{"id", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start", "end",
 * "text", "labels": [L]}}`, a quote's type a per-region choice with the same id
 * (`"type": "choices"`, `"from_name": "type"`), a note per-region `meta.text`, a relation
 * `{"from_id", "to_id", "type": "relation", "direction": "right", "labels": [TYPE]}`.
 * Offsets count code points (current Label Studio); older versions counted UTF-16 units,
 * which the reader detects from each region's `text` and converts.
 */
import { OffsetIndex } from "../../text/offsets.ts";
import { LossCollector, type ExportInput, type Written } from "../export-types.ts";
import { FormatError, requireLabelName } from "../format-error.ts";

/** The labeling config a Label Studio project needs for these files. */
export function labelStudioConfig(input: ExportInput): string {
  const labels = input.header.labels.map((l) => `    <Label value="${l.name}" background="${l.color}"/>`).join("\n");
  const types = input.header.labels.flatMap((l) =>
    l.attributes.filter((a) => a.name === "type").flatMap((a) => a.values),
  );
  const choices = [...new Set(types)].map((v) => `    <Choice value="${v}"/>`).join("\n");
  const relations = input.header.relation_types.map((t) => `    <Relation value="${t.name}"/>`).join("\n");
  return `<View>
  <Labels name="label" toName="text">
${labels}
  </Labels>
  <Text name="text" value="$text"/>
  <Choices name="type" toName="text" perRegion="true">
${choices}
  </Choices>
  <Relations>
${relations}
  </Relations>
</View>
`;
}

/** Write a project as Label Studio JSON (one file) and its labeling config. */
export function writeLabelStudio(input: ExportInput): Written {
  const losses = new LossCollector("labelstudio", [
    "offsets count code points (Label Studio 1.x); import with the labeling config in label_config.xml; the Label Studio editor (1.4) shows a region that crosses a line end without its line break, while its offsets and value.text stay exact",
  ]);
  const tasks = input.documents.map((doc) => {
    const offsets = new OffsetIndex(doc.text);
    const result: Record<string, unknown>[] = [];
    const regionOf = new Map<number, string>();
    for (const s of doc.spans) {
      (s.fragments ?? [s]).forEach((f, i) => {
        const id = i === 0 ? `s${String(s.id)}` : `s${String(s.id)}-${String(i)}`;
        if (i === 0) regionOf.set(s.id, id);
        const value = { start: f.start, end: f.end, text: offsets.slice(f.start, f.end) };
        result.push({
          id,
          from_name: "label",
          to_name: "text",
          type: "labels",
          value: { ...value, labels: [s.label] },
          ...(s.note !== undefined ? { meta: { text: [s.note] } } : {}),
        });
        const type = s.attributes["type"];
        if (type !== undefined) {
          result.push({
            id,
            from_name: "type",
            to_name: "text",
            type: "choices",
            value: { ...value, choices: [type] },
          });
        }
      });
    }
    for (const r of doc.relations) {
      if (r.to === undefined) continue;
      result.push({
        from_id: regionOf.get(r.from),
        to_id: regionOf.get(r.to),
        type: "relation",
        direction: "right",
        labels: [r.type],
      });
    }
    const splitIds = new Set(doc.spans.filter((s) => s.fragments !== undefined).map((s) => s.id));
    const split = splitIds.size;
    // A relation joins two regions: a split span's are written from (or to) its first fragment's region.
    const firstOnly = doc.relations.some((r) => r.to !== undefined && (splitIds.has(r.from) || splitIds.has(r.to)));
    const toEntity = doc.relations.filter((r) => r.to === undefined).length;
    const linked = doc.spans.filter((s) => s.entity !== undefined).length;
    losses.add(
      doc,
      ...(split > 0
        ? [
            {
              kind: "fragments",
              count: split,
              what: "quote",
              as: "regions",
              ...(firstOnly ? { links: "first" as const } : {}),
            } as const,
          ]
        : []),
      ...(toEntity > 0 ? [{ kind: "relations_to_entity", count: toEntity, why: null } as const] : []),
      ...(linked > 0 ? [{ kind: "entity_links", count: linked, why: null } as const] : []),
    );
    return { id: doc.id, data: { text: doc.text, title: doc.title }, annotations: [{ result }] };
  });
  return {
    files: [
      { path: "labelstudio.json", mediaType: "application/json", content: JSON.stringify(tasks, null, 2) + "\n" },
      { path: "label_config.xml", mediaType: "application/xml", content: labelStudioConfig(input) },
    ],
    report: losses.report(),
  };
}

/** A task read from Label Studio JSON. */
export interface LabelStudioDocument {
  title: string | null;
  text: string;
  spans: { id: string; label: string; start: number; end: number; type?: string; note?: string }[];
  relations: { from: string; to: string; type: string }[];
  /** The regions' offsets were UTF-16 units (an older Label Studio) and were converted. */
  convertedFromUtf16: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Read Label Studio JSON: an array of tasks or one task; the first annotation of each task
 * (or its first prediction).
 * @throws FormatError naming the task and the reason
 */
export function readLabelStudio(content: string): LabelStudioDocument[] {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (e) {
    throw new FormatError(null, `not JSON (${(e as Error).message})`);
  }
  const tasks = Array.isArray(value) ? value : [value];
  return tasks.map((task: unknown, t) => {
    const where = `task ${String(t + 1)}`;
    if (!isRecord(task) || !isRecord(task["data"]))
      throw new FormatError(null, `${where}: expected an object with "data"`);
    const data = task["data"];
    const text =
      typeof data["text"] === "string" ? data["text"] : Object.values(data).find((v) => typeof v === "string");
    if (typeof text !== "string") throw new FormatError(null, `${where}: data has no text`);
    const offsets = new OffsetIndex(text);
    const listed = (key: string): unknown[] => (Array.isArray(task[key]) ? (task[key] as unknown[]) : []);
    const annotation = [...listed("annotations"), ...listed("predictions")][0];
    const results = isRecord(annotation) && Array.isArray(annotation["result"]) ? annotation["result"] : [];
    const spans = new Map<string, LabelStudioDocument["spans"][number]>();
    const relations: LabelStudioDocument["relations"] = [];
    let utf16 = false;
    for (const r of results) {
      if (!isRecord(r)) continue;
      if (r["type"] === "relation") {
        const labels = Array.isArray(r["labels"]) ? r["labels"] : [];
        relations.push({ from: String(r["from_id"]), to: String(r["to_id"]), type: String(labels[0] ?? "relation") });
        continue;
      }
      const v = isRecord(r["value"]) ? r["value"] : {};
      const start = v["start"];
      const end = v["end"];
      // A result with no offsets (a choice about the whole task) marks no region.
      if (start === undefined && end === undefined) continue;
      const id = String(r["id"]);
      if (
        typeof start !== "number" ||
        typeof end !== "number" ||
        !Number.isSafeInteger(start) ||
        !Number.isSafeInteger(end) ||
        start < 0 ||
        end <= start
      ) {
        throw new FormatError(null, `${where}: region ${id}: start and end must be whole numbers, 0 ≤ start < end`);
      }
      let from = start;
      let to = end;
      if (typeof v["text"] === "string" && end <= offsets.codePointLength && offsets.slice(start, end) !== v["text"]) {
        // An older Label Studio counted UTF-16 units: convert when that gives the region's text.
        if (text.slice(start, end) === v["text"]) {
          from = offsets.toCodePoint(start);
          to = offsets.toCodePoint(end);
          utf16 = true;
        } else {
          throw new FormatError(
            null,
            `${where}: region ${id}: its text is not the task's text at [${String(start)}, ${String(end)})`,
          );
        }
      }
      if (to <= from || to > offsets.codePointLength)
        throw new FormatError(null, `${where}: region ${id}: offsets outside the text`);
      const span = spans.get(id) ?? { id, label: "", start: from, end: to };
      if (r["type"] === "labels" && Array.isArray(v["labels"])) {
        span.label = String(v["labels"][0] ?? "");
        requireLabelName(null, span.label, `${where}: region ${id}: label`);
      }
      if (r["type"] === "choices" && Array.isArray(v["choices"])) span.type = String(v["choices"][0] ?? "");
      const meta = isRecord(r["meta"]) && Array.isArray(r["meta"]["text"]) ? r["meta"]["text"] : undefined;
      if (meta !== undefined) span.note = meta.map(String).join("\n");
      spans.set(id, span);
    }
    const title = typeof data["title"] === "string" ? data["title"] : null;
    const labelled = [...spans.values()].filter((s) => s.label !== "");
    for (const r of relations) {
      requireLabelName(null, r.type, `${where}: relation ${r.from} → ${r.to}: type`);
      for (const end of [r.from, r.to]) {
        if (!labelled.some((s) => s.id === end)) {
          throw new FormatError(
            null,
            `${where}: a relation joins region ${end}, which is not a labelled region of the task`,
          );
        }
      }
    }
    return {
      title,
      text,
      spans: labelled,
      relations,
      convertedFromUtf16: utf16,
    };
  });
}
