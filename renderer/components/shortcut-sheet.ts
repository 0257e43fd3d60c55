/**
 * `<qawl-shortcut-sheet>`: every keyboard shortcut of the window (`?`), grouped, from the
 * same table the key handler uses — so the sheet lists exactly the keys that work.
 */
import { LitElement, html } from "lit";
import type { Shortcut, ShortcutGroup } from "../shortcuts.ts";

const GROUPS: readonly (readonly [ShortcutGroup, string])[] = [
  ["label", "Label the selection (or relabel the active span)"],
  ["review", "Suggestions"],
  ["navigate", "Move"],
  ["edit", "Edit"],
  ["window", "Window"],
];

export class ShortcutSheet extends LitElement {
  static override properties = { shortcuts: { attribute: false } };
  declare shortcuts: readonly Shortcut[];
  #opener: Element | null = null;

  constructor() {
    super();
    this.shortcuts = [];
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Show the sheet (modal); closing it gives focus back. */
  open(): void {
    this.#opener = document.activeElement;
    this.querySelector("dialog")?.showModal();
  }

  protected override render() {
    return html`<dialog
      class="shortcut-sheet"
      aria-labelledby="shortcuts-title"
      @close=${() => {
        if (this.#opener instanceof HTMLElement) this.#opener.focus();
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p class="muted">
        Select text with the mouse or with Shift+←/→ (Ctrl+Shift by word). Keys work on an Arabic layout too.
      </p>
      <div class="shortcut-groups">
        ${GROUPS.map(
          ([group, title]) =>
            html`<section>
              <h3>${title}</h3>
              <dl>
                ${this.shortcuts
                  .filter((s) => s.group === group)
                  .map(
                    (s) =>
                      html`<div class="shortcut">
                        <dt>${s.keys.map((k, i) => html`${i > 0 ? "+" : ""}<kbd>${k}</kbd>`)}</dt>
                        <dd>${s.description}</dd>
                      </div>`,
                  )}
              </dl>
            </section>`,
        )}
      </div>
      <form method="dialog"><button class="button" autofocus>Close</button></form>
    </dialog>`;
  }
}

customElements.define("qawl-shortcut-sheet", ShortcutSheet);
