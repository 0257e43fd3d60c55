/**
 * The base of the chrome's components: a Lit element rendered into the light DOM (so the
 * page's stylesheet reaches it) and bound to the page's `AnnotationStore`, which it consumes
 * from `<qawl-app>` through a Lit context; it re-renders when the store changes and when the
 * interface language does.
 */
import { ContextConsumer } from "@lit/context";
import { LitElement, type PropertyDeclarations } from "lit";
import { LocaleController } from "../i18n/locale.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { storeContext } from "../state/store-context.ts";
import { StoreController } from "../state/store-controller.ts";

export class StoreElement extends LitElement {
  /** Subclasses declare only their own properties; Lit adds these to them. */
  static override properties: PropertyDeclarations = { store: { attribute: false } };
  declare store: AnnotationStore | undefined;

  constructor() {
    super();
    this.store = undefined;
    new ContextConsumer(this, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.store = store;
      },
    });
    new StoreController(this, () => this.store);
    new LocaleController(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
