/**
 * `<qawl-shortcut-sheet>`: every keyboard shortcut of the window (`?`), grouped, from the
 * same table the key handler uses — so the sheet lists exactly the keys that work.
 */
import "./shortcut-sheet.css";
import { LitElement, html } from "lit";
import type { Shortcut } from "../shortcuts.ts";
import { LocaleController } from "../i18n/locale.ts";
import { describe, GROUPS, t } from "./shortcuts.messages.ts";

export class ShortcutSheet extends LitElement {
  static override properties = { shortcuts: { attribute: false } };
  declare shortcuts: readonly Shortcut[];
  #opener: Element | null = null;

  constructor() {
    super();
    this.shortcuts = [];
    new LocaleController(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Show the sheet (modal); closing it gives focus back. */
  open(): void {
    this.#opener = document.activeElement;
    const dialog = this.querySelector("dialog");
    dialog?.showModal();
    // Close has the focus (Esc or Enter closes); the sheet still opens at its title.
    if (dialog !== null) dialog.scrollTop = 0;
  }

  protected override render() {
    return html`<dialog
      class="shortcut-sheet"
      aria-labelledby="shortcuts-title"
      @close=${() => {
        if (this.#opener instanceof HTMLElement) this.#opener.focus();
      }}
    >
      <h2 id="shortcuts-title">${t("title")}</h2>
      <p class="muted">${t("intro")}</p>
      <div class="shortcut-groups">
        ${GROUPS.map(
          ([group, title]) =>
            html`<section>
              <h3>${t(title)}</h3>
              <dl>
                ${this.shortcuts
                  .filter((s) => s.group === group)
                  .map(
                    (s) =>
                      html`<div class="shortcut">
                        <dt>
                          <span dir="ltr">${s.keys.map((k, i) => html`${i > 0 ? "+" : ""}<kbd>${k}</kbd>`)}</span>
                        </dt>
                        <dd>${describe(s)}</dd>
                      </div>`,
                  )}
              </dl>
            </section>`,
        )}
      </div>
      <form method="dialog"><button class="button" autofocus>${t("close")}</button></form>
    </dialog>`;
  }
}

customElements.define("qawl-shortcut-sheet", ShortcutSheet);
