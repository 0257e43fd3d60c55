/**
 * One entry for every writer: a format name (docs/formats.md) and the project's documents
 * as native structures → files and a loss report.
 */
import type { ExportFormat } from "../../core/contract.ts";
import { writeBratConf, writeBratDocument } from "../../core/formats/brat.ts";
import { writeConllFiles } from "../../core/formats/conll-export.ts";
import { writeDoccano, type DoccanoVariant } from "../../core/formats/doccano.ts";
import { LossCollector, documentFileName, type ExportInput, type Written } from "../../core/formats/export-types.ts";
import { writeHuggingFace } from "../../core/formats/huggingface.ts";
import { writeLabelStudio } from "../../core/formats/labelstudio.ts";
import { NATIVE_JSONL_MEDIA_TYPE, writeNativeJsonl } from "../../core/formats/native-jsonl.ts";
import { writeQuotesCsv } from "../../core/formats/quotes-table.ts";
import { writeSpacy } from "../../core/formats/spacy.ts";
import { writeWebAnno } from "../../core/formats/webanno.ts";
import { writeQuotesXlsx } from "./xlsx.ts";

/** brat standoff: `.txt` and `.ann` per document, and `annotation.conf`. */
function writeBrat(input: ExportInput): Written {
  const losses = new LossCollector("brat", ["offsets count code points of the .txt, end-exclusive, as brat's do"]);
  const files = input.documents.flatMap((doc) => {
    const written = writeBratDocument(input.header, doc);
    losses.add(doc, ...written.lost);
    const base = documentFileName(doc);
    return [
      { path: `${base}.txt`, mediaType: "text/plain", content: written.txt },
      { path: `${base}.ann`, mediaType: "text/plain", content: written.ann },
    ];
  });
  files.push({ path: "annotation.conf", mediaType: "text/plain", content: writeBratConf(input.header) });
  return { files, report: losses.report() };
}

/** Plain text: each document's text exactly, its BOM given back when the imported file had one. */
function writeText(input: ExportInput): Written {
  const losses = new LossCollector("text", [
    "the text of each document exactly as imported (a BOM restored when the file had one)",
  ]);
  const files = input.documents.map((doc) => {
    losses.add(doc, ...(doc.spans.length > 0 ? [{ kind: "plain_text", count: doc.spans.length } as const] : []));
    return {
      path: `${documentFileName(doc)}.txt`,
      mediaType: "text/plain",
      content: (doc.had_bom ? "\uFEFF" : "") + doc.text,
    };
  });
  return { files, report: losses.report() };
}

/**
 * Write documents in a format.
 * @param variant doccano's layout
 */
export async function writeFormat(
  format: ExportFormat,
  input: ExportInput,
  variant?: DoccanoVariant,
): Promise<Written> {
  switch (format) {
    case "jsonl":
      return {
        files: [
          {
            path: "qawl-export.jsonl",
            mediaType: NATIVE_JSONL_MEDIA_TYPE,
            content: writeNativeJsonl(input.header, input.documents),
          },
        ],
        report: new LossCollector("jsonl", [
          "Qawl's native JSONL holds everything; offsets count code points",
        ]).report(),
      };
    case "text":
      return writeText(input);
    case "brat":
      return writeBrat(input);
    case "conll":
      return writeConllFiles(input);
    case "doccano":
      return writeDoccano(input, variant);
    case "labelstudio":
      return writeLabelStudio(input);
    case "spacy":
      return writeSpacy(input);
    case "hf":
      return writeHuggingFace(input);
    case "webanno":
      return writeWebAnno(input);
    case "quotes-csv":
      return writeQuotesCsv(input);
    case "quotes-xlsx":
      return writeQuotesXlsx(input);
  }
}
