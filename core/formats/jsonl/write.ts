/** The native JSONL writer behind the registry (the export operation writes it from the kept lines). */
import { LossCollector, type ExportInput, type Written } from "../export-types.ts";
import { NATIVE_JSONL_MEDIA_TYPE, writeNativeJsonl } from "../native-jsonl.ts";

/** Write the documents as one `qawl-export.jsonl`; nothing is lost. */
export function writeJsonl(input: ExportInput): Written {
  return {
    files: [
      {
        path: "qawl-export.jsonl",
        mediaType: NATIVE_JSONL_MEDIA_TYPE,
        content: writeNativeJsonl(input.header, input.documents),
      },
    ],
    report: new LossCollector("jsonl", ["Qawl's native JSONL holds everything; offsets count code points"]).report(),
  };
}
