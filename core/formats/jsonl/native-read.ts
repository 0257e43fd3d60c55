/**
 * Reader of Qawl's native JSONL (ARCHITECTURE.md §4b): every line is checked against the JSON Schema
 * in `schema/qawl-jsonl-v1.schema.json`, then for what a schema cannot say — each span's
 * `text` is exactly its `text[start:end]` in code points (a file written with UTF-16 offsets
 * fails here), `text_sha256` matches the text, labels, spans and entities referred to exist.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import schema from "../../../schema/qawl-jsonl-v1.schema.json" with { type: "json" };
import { OffsetIndex } from "../../text/offsets.ts";
import { FormatError, requireLabelName } from "../format-error.ts";
import type { NativeDocument, NativeHeader } from "../native-jsonl.ts";

let validators: { header: ValidateFunction; document: ValidateFunction } | null = null;

/** The schema's header and document validators, compiled once. */
function compiled(): { header: ValidateFunction; document: ValidateFunction } {
  if (validators === null) {
    const ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false });
    // "fast" formats: regular expressions, no date arithmetic per timestamp.
    (addFormatsModule as unknown as (a: Ajv2020, options: { mode: "fast" }) => void)(ajv, { mode: "fast" });
    ajv.addSchema(schema);
    const header = ajv.getSchema(`${schema.$id}#/$defs/header`);
    const document = ajv.getSchema(`${schema.$id}#/$defs/document`);
    if (header === undefined || document === undefined)
      throw new Error("the native JSONL schema has no header or document");
    validators = { header, document };
  }
  return validators;
}

/** One line naming the first schema error: `spans/3/start: must be integer`. */
function schemaProblem(validate: ValidateFunction): string {
  const e = validate.errors?.[0];
  if (e === undefined) return "does not fit the schema";
  const where = e.instancePath === "" ? "" : `${e.instancePath.slice(1)}: `;
  return `${where}${e.message ?? "invalid"}`;
}

/** A parsed native JSONL file. */
export interface NativeFile {
  header: NativeHeader;
  documents: NativeDocument[];
}

/**
 * Read a native JSONL file.
 * @param content the file's text (LF or CRLF line ends; a final newline optional)
 * @param sha256 computes the lowercase hex SHA-256 of a text in UTF-8 (from the host)
 * @throws FormatError with the line and the reason of the first problem
 */
export function readNativeJsonl(content: string, sha256: (text: string) => string): NativeFile {
  const lines = content.replace(/\r?\n$/u, "").split(/\r?\n/u);
  const { header: checkHeader, document: checkDocument } = compiled();
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch (e) {
      throw new FormatError(n, `not JSON (${(e as Error).message})`);
    }
  };
  const headerValue = parse(lines[0] ?? "", 1);
  if (!checkHeader(headerValue)) throw new FormatError(1, `not a Qawl JSONL header: ${schemaProblem(checkHeader)}`);
  const header = headerValue as NativeHeader;
  // Names every export can write (a schema pattern with \p{L} would not run in Python's re).
  for (const l of header.labels) requireLabelName(1, l.name);
  for (const t of header.relation_types) requireLabelName(1, t.name, "relation type");
  for (const e of header.entities) requireLabelName(1, e.type, `entity ${String(e.id)}: type`);
  const labels = new Set(header.labels.map((l) => l.name));
  const relationTypes = new Set(header.relation_types.map((t) => t.name));
  const entities = new Set(header.entities.map((e) => e.id));
  const documents = lines.slice(1).map((line, i) => {
    const n = i + 2;
    if (line.trim() === "") throw new FormatError(n, "empty line");
    const value = parse(line, n);
    if (!checkDocument(value)) throw new FormatError(n, schemaProblem(checkDocument));
    const doc = value as NativeDocument;
    if (sha256(doc.text) !== doc.text_sha256) throw new FormatError(n, "text_sha256 is not the SHA-256 of text");
    const offsets = new OffsetIndex(doc.text);
    const spanIds = new Set<number>();
    for (const span of doc.spans) {
      const where = `span ${String(span.id)}`;
      if (!labels.has(span.label)) throw new FormatError(n, `${where}: label ${span.label} is not in the header`);
      const pieces = span.fragments ?? [{ start: span.start, end: span.end }];
      for (const p of pieces) {
        if (p.end <= p.start || p.end > offsets.codePointLength) {
          throw new FormatError(n, `${where}: [${String(p.start)}, ${String(p.end)}) is not inside the text`);
        }
      }
      const text = pieces.map((p) => offsets.slice(p.start, p.end)).join(" ");
      if (text !== span.text) {
        throw new FormatError(n, `${where}: text is not text[start:end] (are the offsets code points?)`);
      }
      if (span.entity !== undefined && !entities.has(span.entity)) {
        throw new FormatError(n, `${where}: entity ${String(span.entity)} is not in the header`);
      }
      spanIds.add(span.id);
    }
    for (const r of doc.relations) {
      if (!relationTypes.has(r.type)) {
        throw new FormatError(n, `relation ${String(r.id)}: type ${r.type} is not in the header`);
      }
      if (!spanIds.has(r.from) || (r.to !== undefined && !spanIds.has(r.to))) {
        throw new FormatError(n, `relation ${String(r.id)}: refers to a span that is not in this document`);
      }
      if (r.to_entity !== undefined && !entities.has(r.to_entity)) {
        throw new FormatError(n, `relation ${String(r.id)}: entity ${String(r.to_entity)} is not in the header`);
      }
    }
    return doc;
  });
  return { header, documents };
}
