/**
 * Labels' and relation types' display names in the interface language. A label's display name is project data
 * (the person may rename it); only the default labels, while they keep their default
 * English names, are shown in Arabic when the interface is Arabic.
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
 * The name to show for a label: its Arabic default when the interface is Arabic and the
 * label still has its default English display name, else its display name as it is.
 */
export function labelDisplayName(label: { name: string; displayName: string }): string {
  if (locale() !== "ar") return label.displayName;
  const names = DEFAULTS.get(label.name);
  return names !== undefined && names[0] === label.displayName ? names[1] : label.displayName;
}

/** The default relation types: name → [default English display name, Arabic name]. */
const RELATIONS: ReadonlyMap<string, readonly [string, string]> = new Map([
  ["attributed_to", ["Speaker", "المتحدث"]],
  ["cue", ["Cue", "فعل القول"]],
]);

/**
 * The name to show for a relation type: its Arabic default when the interface is Arabic and
 * the type still has its default English display name (as `labelDisplayName` does for labels).
 */
export function relationDisplayName(type: { name: string; displayName: string }): string {
  if (locale() !== "ar") return type.displayName;
  const names = RELATIONS.get(type.name);
  return names !== undefined && names[0] === type.displayName ? names[1] : type.displayName;
}
