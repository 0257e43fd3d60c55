/**
 * Label Studio JSON (https://labelstud.io/guide/export): tasks with their regions, read and
 * written (`labelstudio.ts`) with the labeling config beside an export (`label_config.xml`).
 */
import type { FormatDescription } from "../format.ts";
import { endsWithAny } from "../sniff.ts";

const EXTENSIONS = [".json"] as const;

/** The Label Studio format. */
export const labelstudio = {
  id: "labelstudio",
  read: {
    name: { en: "Label Studio JSON", ar: "Label Studio JSON" },
    extensions: EXTENSIONS,
    detect: (file) => endsWithAny(file.name, EXTENSIONS),
    encoding: false,
    host: "core",
  },
  write: {
    name: { en: "Label Studio JSON", ar: "Label Studio JSON" },
    writes: "Label Studio JSON",
    extensions: [".json"],
    namedFiles: ["labelstudio.json"],
    detailsHeld: ["title"],
    losses: ["relations_to_entity", "entity_links", "fragments"],
    host: "core",
  },
} as const satisfies FormatDescription;
