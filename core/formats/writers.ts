/**
 * The writers of the formats whose writer is plain logic (`host: "core"` in the registry), by
 * format id. Typed over the registry, so a format registered without its writer fails the
 * typecheck. Writers that need Node are registered by `main/export/write.ts`.
 */
import { writeBrat } from "./brat/write.ts";
import { writeConllFiles } from "./conll/conll-export.ts";
import { writeDoccano } from "./doccano/doccano.ts";
import type { ExportInput, Written } from "./export-types.ts";
import { writeHuggingFace } from "./hf/huggingface.ts";
import { writeJsonl } from "./jsonl/write.ts";
import { writeLabelStudio } from "./labelstudio/labelstudio.ts";
import { writeQuotesCsv } from "./quotes/quotes-table.ts";
import type { CoreExportFormat, ExportFormat, VariantOf } from "./registry.ts";
import { writeSpacy } from "./spacy/spacy.ts";
import { writeText } from "./text/write.ts";
import { writeWebAnno } from "./webanno/webanno.ts";

/**
 * A format's writer: the project's documents as native structures → files and a loss report.
 * @param variant the layout asked for (its format's default when absent)
 */
export type Writer<F extends ExportFormat> = (
  input: ExportInput,
  variant: VariantOf<F> | undefined,
) => Written | Promise<Written>;

/** One writer for each format of the registry, keyed by format id. */
export type WriterTable<F extends ExportFormat> = { readonly [K in F]: Writer<K> };

/** The core formats' writers. */
export const CORE_WRITERS: WriterTable<CoreExportFormat> = {
  jsonl: writeJsonl,
  text: writeText,
  brat: writeBrat,
  conll: writeConllFiles,
  doccano: (input, variant) => writeDoccano(input, variant),
  labelstudio: writeLabelStudio,
  spacy: writeSpacy,
  hf: writeHuggingFace,
  webanno: writeWebAnno,
  "quotes-csv": writeQuotesCsv,
};
