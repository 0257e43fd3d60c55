/**
 * `<qawl-cues-dialog>`: the project's list of reporting cues that the pre-annotator looks
 * for, editable: each lemma with the forms it is written in (`قال قالت يقول …`), its
 * participles (`قائلا`, `مؤكدا`: the sentence's speaker says them) and the words besides
 * أن/إن that open reported content after it (`عن` after `أعرب`). Forms match through Arabic
 * folding and after a leading و or ف. While it is open with changes not saved, leaving the
 * page warns (see `state/drafts.ts`).
 */
import "./cues-dialog.css";
import { html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { DEFAULT_CUES, type CueLemma } from "../../core/preannotate/cues.ts";
import { storeMessages } from "../state/store.messages.ts";
import { t } from "./cues-dialog.messages.ts";
import { watchUnsaved } from "../state/drafts.ts";
import { StoreElement } from "./store-element.ts";

/** The forms typed in a field: separated by commas (`,` or `،`) or line breaks; a form may hold spaces (`وفقا ل`). */
const formsOf = (s: string) =>
  s
    .split(/[,،\n]/u)
    .map((w) => w.trim().replace(/\s+/gu, " "))
    .filter((w) => w !== "");
/** Forms as a field shows them. */
const shown = (forms: readonly string[]) => forms.join("، ");
/** A list as the form reads it back, for telling whether it was changed. */
const comparable = (cues: readonly CueLemma[]) =>
  JSON.stringify(
    cues.map((c) => ({
      lemma: c.lemma,
      kind: c.kind,
      forms: c.forms.length === 0 ? [c.lemma] : c.forms,
      participles: c.participles,
      introducers: c.introducers,
    })),
  );

export class CuesDialog extends StoreElement {
  static override properties = { cues: { state: true } };
  /** The list being edited (saved on Save). */
  declare cues: CueLemma[] | null;
  #opener: Element | null = null;
  /** Why the last Save was refused, shown in the dialog; cleared when it opens. */
  #refusal: string | null = null;
  /** The project's list as last loaded or saved (`comparable` form). */
  #loaded: string | null = null;
  /** The project revision the list shown was read at: a save is refused if another view changed the list since. */
  #openedAt = 0;
  #unwatch: (() => void) | null = null;

  constructor() {
    super();
    this.cues = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch = watchUnsaved(() => {
      const form = this.querySelector("dialog form");
      return (
        this.querySelector("dialog")?.open === true &&
        form instanceof HTMLFormElement &&
        comparable(this.#read(form)) !== this.#loaded
      );
    });
  }

  override disconnectedCallback(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    super.disconnectedCallback();
  }

  /** Load the project's list and show the dialog (modal). */
  async open(): Promise<void> {
    const store = this.store;
    if (store === undefined) return;
    this.#opener = document.activeElement;
    this.#refusal = null;
    await store.queue(async () => {
      // Taken before the read: a change landing in between can only make the save refuse, never lose.
      this.#openedAt = store.model.revision;
      this.cues = await store.api.getCueLemmas({});
      this.#loaded = comparable(this.cues);
    });
    await this.updateComplete;
    this.querySelector("dialog")?.showModal();
    this.querySelector<HTMLInputElement>("input")?.focus();
  }

  #close(): void {
    this.querySelector("dialog")?.close();
  }

  #onClose = (): void => {
    if (this.#opener instanceof HTMLElement) this.#opener.focus();
  };

  /** The list as the form holds it (rows without a lemma left out). */
  #read(form: HTMLFormElement): CueLemma[] {
    const rows = [...form.querySelectorAll<HTMLFieldSetElement>("fieldset.cue-row")];
    return rows.flatMap((row) => {
      const value = (name: string) =>
        row.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name=${name}]`)?.value ?? "";
      const lemma = value("lemma").trim();
      if (lemma === "") return [];
      const forms = formsOf(value("forms"));
      return [
        {
          lemma,
          kind: value("kind") === "source" ? "source" : "speech",
          forms: forms.length === 0 ? [lemma] : forms,
          participles: formsOf(value("participles")),
          introducers: formsOf(value("introducers")),
        },
      ];
    });
  }

  #save(event: Event): void {
    event.preventDefault();
    const store = this.store;
    const form = event.target as HTMLFormElement;
    if (store === undefined || this.cues === null) return;
    const cues = this.#read(form);
    void store
      .perform(async () => {
        const saved = await store.api.setCueLemmas({ cues, basedOn: this.#openedAt });
        this.cues = saved;
        this.#loaded = comparable(saved);
        return storeMessages("cuesSaved", { n: saved.length });
      })
      .then((ok) => {
        // Refused: say why in the dialog (unsaved edits stay: bindings only write what changed).
        if (ok) this.#close();
        else {
          this.#refusal = store.view.status?.kind === "error" ? store.view.status.text : null;
          this.requestUpdate();
        }
      });
  }

  protected override render() {
    const cues = this.cues;
    return html`<dialog class="cues-dialog" aria-labelledby="cues-title" @close=${this.#onClose}>
      <h2 id="cues-title">${t("title")}</h2>
      <p class="muted">${t("help")}</p>
      ${
        cues === null
          ? nothing
          : html`<form
              @submit=${(e: Event) => {
                this.#save(e);
              }}
            >
              <div class="cue-rows">
                ${repeat(
                  cues,
                  (c) => c, // keyed by the row's object, so removing a row keeps the others' unsaved edits in place
                  (c, i) => this.#row(c, i),
                )}
              </div>
              <!-- A refusal (a lemma listed twice) shows here: the page's status line is inert behind the dialog. -->
              <p role="status" class="error">${this.#refusal ?? ""}</p>
              <div class="actions">
                <button
                  type="button"
                  class="button"
                  @click=${() => {
                    this.cues = [
                      ...(this.cues ?? []),
                      { lemma: "", kind: "speech", forms: [], participles: [], introducers: [] },
                    ];
                    void this.updateComplete.then(() => {
                      [...this.querySelectorAll<HTMLInputElement>("input[name=lemma]")].at(-1)?.focus();
                    });
                  }}
                >
                  ${t("addCue")}
                </button>
                <button
                  type="button"
                  class="button"
                  @click=${() => {
                    // Qawl's defaults, to look at before saving (Cancel keeps the project's list).
                    this.cues = null;
                    void this.updateComplete.then(async () => {
                      this.cues = DEFAULT_CUES.map((c) => ({ ...c }));
                      await this.updateComplete;
                      this.querySelector<HTMLInputElement>("input[name=lemma]")?.focus();
                    });
                  }}
                >
                  ${t("restoreDefaults")}
                </button>
                <button type="submit" class="button primary">${t("save")}</button>
                <button
                  type="button"
                  class="button"
                  @click=${() => {
                    this.#close();
                  }}
                >
                  ${t("cancel")}
                </button>
              </div>
            </form>`
      }
    </dialog>`;
  }

  #row(c: CueLemma, i: number) {
    return html`<fieldset class="cue-row">
      <legend class="visually-hidden">${t("cue", { lemma: c.lemma })}</legend>
      <label class="field"
        ><span>${t("lemma")}</span><input name="lemma" lang="ar" dir="rtl" .value=${c.lemma}
      /></label>
      <label class="field"
        ><span>${t("kind")}</span>
        <select name="kind">
          <option value="speech" ?selected=${c.kind === "speech"}>${t("speech")}</option>
          <option value="source" ?selected=${c.kind === "source"}>${t("source")}</option>
        </select></label
      >
      <label class="field wide"
        ><span>${t("forms")}</span
        ><textarea name="forms" lang="ar" dir="rtl" rows="2" .value=${shown(c.forms)}></textarea>
      </label>
      <label class="field"
        ><span>${t("participles")}</span><input name="participles" lang="ar" dir="rtl" .value=${shown(c.participles)}
      /></label>
      <label class="field"
        ><span>${t("introducers")}</span><input name="introducers" lang="ar" dir="rtl" .value=${shown(c.introducers)}
      /></label>
      <button
        type="button"
        class="icon-button delete"
        aria-label=${c.lemma === "" ? t("removeNew") : t("remove", { lemma: c.lemma })}
        @click=${async () => {
          this.cues = (this.cues ?? []).filter((_, k) => k !== i);
          // Focus stays in the list: the next row's ✕ (or the last row's, when this was the last).
          await this.updateComplete;
          const buttons = this.querySelectorAll<HTMLButtonElement>(".cue-row .delete");
          (
            buttons[Math.min(i, buttons.length - 1)] ?? this.querySelector<HTMLButtonElement>("button.primary")
          )?.focus();
        }}
      >
        ✕
      </button>
    </fieldset>`;
  }
}

customElements.define("qawl-cues-dialog", CuesDialog);
