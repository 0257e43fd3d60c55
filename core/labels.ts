/**
 * The label schema: which labels a project offers, what kind of thing each marks, and
 * which relations link them. Vocabulary from PARC 3.0 / PolNeAR (source, cue, content)
 * and CoNLL / ANERcorp NER (PER, ORG, LOC, MISC).
 */

/**
 * The one rule for label and relation type names, whether made in the app or brought by an
 * import: 1–40 letters, digits, `_` or `-` — what every export can write as a name (brat's
 * types and CoNLL's tags end at whitespace; a control character or an empty name breaks them).
 */
export const LABEL_NAME_PATTERN = /^[\p{L}\p{N}_-]{1,40}$/u;

/** The rule in words, for refusals (English; the interface translates `kind`). */
export const LABEL_NAME_RULE = "a label name is 1–40 letters, digits, _ or -";

/** Whether a name follows `LABEL_NAME_PATTERN`. */
export function isLabelName(name: string): boolean {
  return LABEL_NAME_PATTERN.test(name);
}

/** A Wikidata item id, an entity's `kbId`: `Q1234` (the native schema's `kb_id` pattern too). */
export const WIKIDATA_ID_PATTERN = /^Q[1-9][0-9]*$/u;

/** What a label marks; the annotation model treats each kind differently. */
export type LabelKind = "quote" | "speaker" | "cue" | "entity" | "custom";

/** An attribute a span of a label can carry, with its allowed values. */
export interface AttributeDefinition {
  /** Attribute name, e.g. `type`. */
  name: string;
  /** Allowed values, e.g. `["direct", "indirect", "mixed"]`. */
  values: string[];
}

/** One label of the schema. */
export interface LabelDefinition {
  /** Stable name used in exports, e.g. `QUOTE`. */
  name: string;
  kind: LabelKind;
  /** Name shown to people (and the accessible name of the label's button). */
  displayName: string;
  /** One-character key that applies the label (matched against `KeyboardEvent.key` and `.code`), or null. */
  key: string | null;
  /** CSS colour of the label's highlight, `#rrggbb`. */
  color: string;
  attributes: AttributeDefinition[];
  /** A retired label keeps its spans but is no longer offered for new ones. */
  retired: boolean;
}

/** A typed, directed relation between two kinds of span. */
export interface RelationTypeDefinition {
  /** e.g. `attributed_to`. */
  name: string;
  displayName: string;
  /** Kind of the span the relation starts at. */
  fromKind: LabelKind;
  /** Kind of the span the relation points to. */
  toKind: LabelKind;
}

/** The default schema's label of persons: the one whose names have surnames (`core/text/name-parts.ts`). */
export const PERSON_LABEL = "PER";

/** Values of a QUOTE's `type` attribute. */
export const QUOTE_TYPES = ["direct", "indirect", "mixed"] as const;

/** The schema of a new project (ARCHITECTURE.md §4). */
export const DEFAULT_LABELS: readonly LabelDefinition[] = [
  {
    name: "QUOTE",
    kind: "quote",
    displayName: "Quote",
    key: "q",
    color: "#f4b400",
    attributes: [{ name: "type", values: [...QUOTE_TYPES] }],
    retired: false,
  },
  {
    name: "SPEAKER",
    kind: "speaker",
    displayName: "Speaker",
    key: "s",
    color: "#3b82f6",
    attributes: [],
    retired: false,
  },
  { name: "CUE", kind: "cue", displayName: "Cue", key: "c", color: "#a855f7", attributes: [], retired: false },
  { name: "PER", kind: "entity", displayName: "Person", key: "p", color: "#e11d48", attributes: [], retired: false },
  {
    name: "ORG",
    kind: "entity",
    displayName: "Organization",
    key: "o",
    color: "#059669",
    attributes: [],
    retired: false,
  },
  { name: "LOC", kind: "entity", displayName: "Location", key: "l", color: "#0891b2", attributes: [], retired: false },
  { name: "MISC", kind: "entity", displayName: "Misc", key: "m", color: "#c2410c", attributes: [], retired: false },
];

/** The relation types of a new project. */
export const DEFAULT_RELATION_TYPES: readonly RelationTypeDefinition[] = [
  { name: "attributed_to", displayName: "Speaker", fromKind: "quote", toKind: "speaker" },
  { name: "cue", displayName: "Cue", fromKind: "quote", toKind: "cue" },
];
