/** The brat standoff export: `.txt` and `.ann` per document, and `annotation.conf`. */
import { LossCollector, documentFileName, type ExportInput, type Written } from "../export-types.ts";
import { writeBratConf, writeBratDocument } from "./brat.ts";

/** Write `<id>-<name>.txt` and `.ann` per document and the project's `annotation.conf`. */
export function writeBrat(input: ExportInput): Written {
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
