/**
 * `<qawl-settings-dialog>`: the person's settings — the interface language (the system's,
 * English or Arabic), applied as soon as it is chosen. A modal `<dialog>`: Tab moves
 * through it, the arrow keys choose among the languages, Esc or Close closes it, and focus
 * goes back to whatever had it when the dialog opened.
 */
import "./settings-dialog.css";
import { LitElement, html, nothing, type TemplateResult } from "lit";
import {
  applyLocale,
  localeChoice,
  LocaleController,
  systemLocale,
  type Locale,
  type LocaleChoice,
} from "../i18n/locale.ts";
import { t } from "./settings-dialog.messages.ts";

/** Each language by its own name, whatever the interface language. */
const ENDONYMS = { en: "English", ar: "العربية" } as const;

export class SettingsDialog extends LitElement {
  /** What had focus before the dialog opened; it gets it back when the dialog closes. */
  #opener: HTMLElement | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.querySelector("dialog");
  }

  /** Show the dialog (modal), with focus on the language chosen now. */
  open(): void {
    const dialog = this.#dialog;
    if (dialog === null || dialog.open) return;
    this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.requestUpdate();
    dialog.showModal();
    void this.updateComplete.then(() => {
      this.querySelector<HTMLInputElement>('input[name="locale"]:checked')?.focus();
    });
  }

  /** Close the dialog (focus returns to what opened it). */
  close(): void {
    this.#dialog?.close();
  }

  #onClose = (): void => {
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected === true) opener.focus();
  };

  #radio(value: LocaleChoice, chosen: LocaleChoice, name: TemplateResult | string, lang?: Locale) {
    return html`<label class="settings-choice" lang=${lang ?? nothing}
      ><input
        type="radio"
        name="locale"
        value=${value}
        .checked=${chosen === value}
        @change=${() => {
          applyLocale(value);
        }}
      />
      ${name}</label
    >`;
  }

  protected override render() {
    const chosen = localeChoice();
    const system = systemLocale();
    const [before, after] = t("system").split("{name}");
    return html`<dialog class="labels-dialog settings-dialog" aria-labelledby="settings-title" @close=${this.#onClose}>
      <h2 id="settings-title">${t("title")}</h2>
      <fieldset class="settings-group" aria-describedby="settings-language-help">
        <legend>${t("language")}</legend>
        ${this.#radio("system", chosen, html`${before}<bdi lang=${system}>${ENDONYMS[system]}</bdi>${after}`)}
        ${this.#radio("en", chosen, ENDONYMS.en, "en")} ${this.#radio("ar", chosen, ENDONYMS.ar, "ar")}
      </fieldset>
      <p id="settings-language-help" class="muted settings-help">${t("help")}</p>
      <form method="dialog" class="actions"><button class="button">${t("close")}</button></form>
    </dialog>`;
  }
}

customElements.define("qawl-settings-dialog", SettingsDialog);
