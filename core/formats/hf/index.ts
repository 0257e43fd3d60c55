/**
 * HuggingFace token classification (https://huggingface.co/docs/datasets): written only
 * (`huggingface.ts`), as a dataset folder (`hf.jsonl`, its card and the label names).
 */
import type { FormatDescription } from "../format.ts";

/** The HuggingFace format. */
export const hf = {
  id: "hf",
  write: {
    name: { en: "HuggingFace token classification", ar: "تصنيف الرموز لـ HuggingFace" },
    writes: "a HuggingFace dataset folder",
    extensions: [],
    detailsHeld: [],
    losses: ["relations", "entity_links", "other_spans", "overlapping_names", "retokenized"],
    host: "core",
  },
} as const satisfies FormatDescription;
