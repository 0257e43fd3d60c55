/**
 * The page's format menus, from the registry (`core/formats/registry.ts`): the import menu's
 * formats, the export menu's and each format's layouts, named in the interface language, and
 * the file picker's `accept` list.
 */
import {
  EXPORT_FORMATS,
  IMPORT_ACCEPT,
  IMPORT_FORMATS,
  readerOf,
  variantsOf,
  writerOf,
  type ExportFormat,
  type ExportVariant,
  type ImportFormat,
} from "../../core/formats/registry.ts";
import { locale, type Locale } from "./locale.ts";

/** An option of a menu: its value and its name in the interface language. */
export interface MenuOption<V extends string> {
  readonly value: V;
  readonly name: string;
}

/** Every format Qawl reads, in the registry's order, with its import name. */
export function importFormatOptions(language: Locale = locale()): MenuOption<ImportFormat>[] {
  return IMPORT_FORMATS.map((value) => ({ value, name: readerOf(value).name[language] }));
}

/** Every format Qawl writes, in the registry's order, with its export name. */
export function exportFormatOptions(language: Locale = locale()): MenuOption<ExportFormat>[] {
  return EXPORT_FORMATS.map((value) => ({ value, name: writerOf(value).name[language] }));
}

/** The layouts of an export format, the default first; empty for a format with one. */
export function variantOptions(format: ExportFormat, language: Locale = locale()): MenuOption<ExportVariant>[] {
  return variantsOf(format).map((v) => ({ value: v.id, name: v.name[language] }));
}

/** The import file picker's `accept`: every name ending a reader claims. */
export const IMPORT_FILE_ACCEPT = IMPORT_ACCEPT;
