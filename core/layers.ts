/**
 * Annotation layers (docs/guidelines.md, "Layers and adjudication"). Every span belongs to
 * the layer of its annotator; a relation belongs to the layer of the span it starts at.
 * The gold layer holds what a curator adjudicated; it is written only through curation and
 * exports like any other layer. Suggestions belong to no layer until someone reviews them.
 */

/** The name of the gold layer (an annotator name no person may take). */
export const GOLD_LAYER = "gold";

/** Whether `name` is the gold layer. */
export function isGoldLayer(name: string): boolean {
  return name === GOLD_LAYER;
}
