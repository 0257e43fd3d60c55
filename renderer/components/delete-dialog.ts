/**
 * `<qawl-delete-dialog>`: asks before deleting the open document (a step of the undo history:
 * Ctrl+Z brings it back). A modal `<dialog>` with Cancel focused: Enter or Esc keeps
 * the document; only Delete, chosen on purpose, deletes it. Focus goes back to what had it.
 */
import "./delete-dialog.css";
import { html, nothing } from "lit";
import { t } from "./delete-dialog.messages.ts";
import { StoreElement } from "./store-element.ts";

export class DeleteDialog extends StoreElement {
  #opener: HTMLElement | null = null;

  get #dialog(): HTMLDialogElement | null {
    return this.querySelector("dialog");
  }

  /** Ask about the open document (nothing happens when none is open). */
  open(): void {
    const dialog = this.#dialog;
    if (dialog === null || dialog.open || this.store?.model.document == null) return;
    this.#opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.requestUpdate();
    dialog.showModal();
    void this.updateComplete.then(() => {
      this.querySelector<HTMLButtonElement>("button[value=cancel]")?.focus();
    });
  }

  #onClose = (): void => {
    const dialog = this.#dialog;
    const opener = this.#opener;
    this.#opener = null;
    if (dialog?.returnValue === "delete") {
      void this.store?.deleteDocument().then(() => {
        // The next document is open: the article takes the focus; with none left, Import does.
        const article = document.querySelector<HTMLElement>("qawl-article article");
        (article ?? document.querySelector<HTMLElement>("#import-input"))?.focus();
      });
    } else if (opener?.isConnected === true) opener.focus();
  };

  protected override render() {
    const doc = this.store?.model.document;
    return html`<dialog class="labels-dialog delete-dialog" aria-labelledby="delete-title" @close=${this.#onClose}>
      <h2 id="delete-title">${t("title")}</h2>
      ${
        doc == null
          ? nothing
          : html`<p class="delete-title"><bdi>${doc.title}</bdi></p>
              <p>${t("what", { n: doc.spans.length })}</p>`
      }
      <form method="dialog" class="actions">
        <button class="button" value="cancel">${t("cancel")}</button>
        <button class="button danger" value="delete">${t("delete")}</button>
      </form>
    </dialog>`;
  }
}

customElements.define("qawl-delete-dialog", DeleteDialog);
