/**
 * Labels' and relation types' display names in the interface language. A display name is
 * project data (the person may rename it); only the default labels and relation types,
 * while they keep their default English names, are shown in Arabic when the interface is
 * Arabic.
 */
import { locale } from "./locale.ts";

/** The default labels: name in exports → [default English display name, Arabic name]. */
const DEFAULTS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ["QUOTE", ["Quote", "اقتباس"]],
  ["SPEAKER", ["Speaker", "متحدث"]],
  ["CUE", ["Cue", "فعل القول"]],
  ["PER", ["Person", "شخص"]],
  ["ORG", ["Organization", "منظمة"]],
  ["LOC", ["Location", "مكان"]],
  ["MISC", ["Misc", "متفرقات"]],
]);

/**
 * The Arabic default of a default name while it keeps its English default, when the
 * interface is Arabic; else the display name as it is.
 */
function shown(defaults: ReadonlyMap<string, readonly [string, string]>, x: { name: string; displayName: string }) {
  if (locale() !== "ar") return x.displayName;
  const names = defaults.get(x.name);
  return names !== undefined && names[0] === x.displayName ? names[1] : x.displayName;
}

/**
 * The name to show for a label: its Arabic default when the interface is Arabic and the
 * label still has its default English display name, else its display name as it is.
 */
export function labelDisplayName(label: { name: string; displayName: string }): string {
  return shown(DEFAULTS, label);
}

/** The default relation types: name → [default English display name, Arabic name]. */
const RELATIONS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ["attributed_to", ["Speaker", "المتحدث"]],
  ["cue", ["Cue", "فعل القول"]],
]);

/** The name to show for a relation type, as `labelDisplayName` does for labels. */
export function relationDisplayName(type: { name: string; displayName: string }): string {
  return shown(RELATIONS, type);
}
