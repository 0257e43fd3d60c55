/**
 * Checks a native JSONL export against the repository's JSON Schema
 * (`schema/qawl-jsonl-v1.schema.json`, JSON Schema 2020-12) with Ajv: line 1 must be a
 * header, every later line a document.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const schemaPath = new URL("../schema/qawl-jsonl-v1.schema.json", import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
addFormats(ajv);
ajv.addSchema(schema);
const header = ajv.getSchema(`${schema.$id}#/$defs/header`);
const document = ajv.getSchema(`${schema.$id}#/$defs/document`);

/**
 * Problems of a native JSONL file, one line each (`line N: path message`); empty when it fits.
 * @param content the whole file
 */
export function nativeJsonlProblems(content: string): string[] {
  if (header === undefined || document === undefined) throw new Error("schema definitions not found");
  if (!content.endsWith("\n")) return ["the file does not end with a newline"];
  const lines = content.slice(0, -1).split("\n");
  const problems: string[] = [];
  lines.forEach((line, i) => {
    const validate = i === 0 ? header : document;
    if (!validate(JSON.parse(line))) {
      for (const e of validate.errors ?? [])
        problems.push(`line ${String(i + 1)}: ${e.instancePath} ${e.message ?? ""}`);
    }
  });
  return problems;
}
