/**
 * One entry for every writer: a format name (docs/formats.md) and the project's documents
 * as native structures → files and a loss report.
 */
import type { ExportInput, Written } from "../../core/formats/export-types.ts";
import type { ExportFormat, NodeExportFormat, VariantOf } from "../../core/formats/registry.ts";
import { CORE_WRITERS, type WriterTable } from "../../core/formats/writers.ts";
import { writeQuotesXlsx } from "./xlsx.ts";

/** The writers that need Node (`host: "node"` in the registry), by format id. */
const NODE_WRITERS: WriterTable<NodeExportFormat> = {
  "quotes-xlsx": writeQuotesXlsx,
};

/** Every format's writer: the core ones (`core/formats/writers.ts`) and Node's. */
const WRITERS: WriterTable<ExportFormat> = { ...CORE_WRITERS, ...NODE_WRITERS };

/**
 * Write documents in a format, by the registry's writer for it.
 * @param variant the format's layout (doccano's), its default when absent
 */
export async function writeFormat<F extends ExportFormat>(
  format: F,
  input: ExportInput,
  variant?: VariantOf<F>,
): Promise<Written> {
  const writer: WriterTable<ExportFormat>[F] = WRITERS[format];
  return writer(input, variant);
}
