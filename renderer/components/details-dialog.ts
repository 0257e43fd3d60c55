/**
 * `<qawl-details-dialog>`: the open document's details — title, published date, URL,
 * outlet and author — in a modal `<dialog>`, saved through `updateDocument` as one undoable
 * step (Ctrl+Z), the document list updated. An emptied field clears it; a field left as it
 * was is not sent (so a date as written in the article, `20 يونيو 2019`, stays). A refusal
 * (a URL that is not http(s), a day that does not exist) is shown in the dialog, which
 * stays open. Esc or Cancel closes it; focus goes back to what had it. While it is open with
 * changes not saved, leaving the page warns (see `state/drafts.ts`).
 */
import "./details-dialog.css";
import { html, nothing } from "lit";
import type { DocumentSummary, OperationInput } from "../../core/contract.ts";
import { t } from "./details-dialog.messages.ts";
import { StoreElement } from "./store-element.ts";
import { DATE_PATTERN, dateHint, datePlaceholder, typedDate } from "../date-field.ts";
import { formatRule } from "../i18n/errors.ts";
import { watchUnsaved } from "../state/drafts.ts";

type Details = Omit<OperationInput<"updateDocument">, "documentId">;
type Field = "title" | "date" | "url" | "outlet" | "author";

/** The fields as the dialog shows them (empty string for a field not set). */
function fieldsOf(doc: DocumentSummary): Record<Field, string> {
  return {
    title: doc.title,
    date: doc.published?.iso ?? "",
    url: doc.url ?? "",
    outlet: doc.outlet ?? "",
    author: doc.author ?? "",
  };
}

export class DetailsDialog extends StoreElement {
  #opener: HTMLElement | null = null;
  #initial: Record<Field, string> | null = null;
  #error: string | null = null;
  #saving = false;
  #unwatch: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch = watchUnsaved(() => {
      const form = this.querySelector("form");
      return this.#dialog?.open === true && form !== null && Object.keys(this.#changes(form)).length > 0;
    });
  }

  override disconnectedCallback(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    super.disconnectedCallback();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.querySelector("dialog");
  }

  /** Show the open document's details (nothing happens when none is open). */
  open(): void {
    const dialog = this.#dialog;
    const doc = this.store?.model.document;
    if (dialog === null || dialog.open || doc == null) return;
    this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.#initial = fieldsOf(doc);
    this.#error = null;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const form = this.querySelector("form");
      for (const [name, value] of Object.entries(this.#initial ?? {})) {
        const input = form?.elements.namedItem(name);
        if (input instanceof HTMLInputElement) input.value = value;
      }
      dialog.showModal();
      this.querySelector<HTMLInputElement>("input[name=title]")?.focus();
    });
  }

  /** What changed, as `updateDocument` takes it: emptied fields are null. */
  #changes(form: HTMLFormElement): Details {
    const data = new FormData(form);
    const value = (name: Field) => {
      const v = data.get(name);
      // The date is typed as text (see date-field.ts): Arabic-Indic digits count as 0–9.
      return typeof v !== "string" ? "" : name === "date" ? typedDate(v) : v.trim();
    };
    const initial = this.#initial;
    const changes: Details = {};
    if (initial === null) return changes;
    if (value("title") !== initial.title) changes.title = value("title");
    for (const name of ["date", "url", "outlet", "author"] as const) {
      const now = value(name);
      if (now !== initial[name]) changes[name] = now === "" ? null : now;
    }
    return changes;
  }

  #onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const store = this.store;
    if (store === undefined || this.#saving) return;
    const changes = this.#changes(form);
    if (Object.keys(changes).length === 0) {
      this.#dialog?.close();
      return;
    }
    // Said here in the interface's language; the API refuses the same (in English) anyway.
    if (typeof changes.url === "string" && !/^https?:\/\/[^\s/]/iu.test(changes.url)) {
      this.#error = t("badUrl");
      this.requestUpdate();
      return;
    }
    this.#saving = true;
    void store.updateDetails(changes).then((saved) => {
      this.#saving = false;
      if (saved) {
        this.#dialog?.close();
        return;
      }
      this.#error =
        store.view.status?.kind === "error" ? store.view.status.text.replace(/^updateDocument: /u, "") : null;
      this.requestUpdate();
    });
  };

  #onClose = (): void => {
    const opener = this.#opener;
    this.#opener = null;
    this.#initial = null;
    if (opener?.isConnected === true) opener.focus();
  };

  protected override render() {
    const doc = this.store?.model.document;
    const field = (name: Field, type: string, max: number | null, hint?: string) =>
      html`<label class="field details-field"
        ><span>${t(name)}</span>
        <input
          name=${name}
          type=${type === "date" ? "text" : type}
          dir=${type === "url" || type === "date" ? "ltr" : "auto"}
          maxlength=${max ?? nothing}
          pattern=${type === "date" ? DATE_PATTERN : nothing}
          placeholder=${type === "date" ? datePlaceholder() : nothing}
          title=${type === "date" ? formatRule("document.date") : nothing}
          ?required=${name === "title"}
          aria-describedby=${hint === undefined ? nothing : `details-${name}-hint`}
        />
        ${hint === undefined ? nothing : html`<small id=${`details-${name}-hint`} class="hint">${hint}</small>`}
      </label>`;
    return html`<dialog class="labels-dialog details-dialog" aria-labelledby="details-heading" @close=${this.#onClose}>
      <h2 id="details-heading">${t("heading")}</h2>
      <form method="dialog" @submit=${this.#onSubmit}>
        ${field("title", "text", 500)} ${field("date", "date", null, `${t("dateHint")} ${dateHint()}`)}
        ${field("url", "url", 2048, t("urlHint"))} ${field("outlet", "text", 200, t("outletHint"))}
        ${field("author", "text", 200)}
        ${
          doc?.source == null
            ? nothing
            : html`<p class="details-source">${t("source")}: <bdi dir="ltr">${doc.source}</bdi></p>`
        }
        <!-- A refusal shows here: the page's status line is inert behind the dialog. -->
        <p role="status" class="error details-error">${this.#error ?? ""}</p>
        <p class="hint">${t("undoHint")}</p>
        <div class="actions">
          <button
            type="button"
            class="button"
            value="cancel"
            @click=${() => {
              this.#dialog?.close();
            }}
          >
            ${t("cancel")}
          </button>
          <button type="submit" class="button" value="save">${t("save")}</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define("qawl-details-dialog", DetailsDialog);
