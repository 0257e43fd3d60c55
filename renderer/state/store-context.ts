/**
 * The page's store as a Lit context (`@lit/context`, https://lit.dev/docs/data/context/):
 * `<qawl-app>` provides it and every component under it consumes it, so no element passes
 * the store down by hand.
 */
import { createContext } from "@lit/context";
import type { AnnotationStore } from "./annotation-store.ts";

/** The context key of the page's `AnnotationStore` (undefined until the project is loaded). */
export const storeContext = createContext<AnnotationStore | undefined>(Symbol("qawl-store"));
