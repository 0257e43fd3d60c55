/**
 * Bridges the plain `AnnotationStore` into a Lit element: the element re-renders whenever
 * the store changes (Lit reactive controller).
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { AnnotationStore } from "./annotation-store.ts";

/** Subscribes its host to a store while the host is connected. */
export class StoreController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: () => AnnotationStore | undefined;
  readonly #onChange = () => {
    this.#host.requestUpdate();
  };
  #subscribed: AnnotationStore | undefined;

  /**
   * @param host the element to update
   * @param store reads the host's current store (it may be set after construction)
   */
  constructor(host: ReactiveControllerHost, store: () => AnnotationStore | undefined) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdate();
  }

  /** Follow the host's store if it was replaced. */
  hostUpdate(): void {
    const store = this.#store();
    if (store === this.#subscribed) return;
    this.#subscribed?.removeEventListener("change", this.#onChange);
    store?.addEventListener("change", this.#onChange);
    this.#subscribed = store;
  }

  hostDisconnected(): void {
    this.#subscribed?.removeEventListener("change", this.#onChange);
    this.#subscribed = undefined;
  }
}
