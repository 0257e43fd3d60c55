/**
 * `<qawl-label-bar>`: one button per label of the schema. Each button is named by the
 * label's display name, shows its key, and declares it with `aria-keyshortcuts`. A click
 * labels the current selection (or relabels the active span), exactly as the key does.
 */
import "./label-bar.css";
import { html } from "lit";
import { StoreElement } from "./store-element.ts";
import { ariaKeyShortcut } from "../keys.ts";
import { labelColorClass } from "../article/highlights.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { t } from "./label-bar.messages.ts";

export class LabelBar extends StoreElement {
  #apply(label: string): void {
    this.dispatchEvent(new CustomEvent("apply-label", { detail: { label }, bubbles: true }));
  }

  protected override render() {
    const labels = this.store?.model.labels ?? [];
    return html`<div role="toolbar" aria-label=${t("toolbar")} class="label-bar">
      ${labels.map((l, i) => {
        const name = labelDisplayName(l);
        return html`<button
          type="button"
          class="label-button"
          data-label=${l.name}
          data-kind=${l.kind}
          aria-keyshortcuts=${l.key === null ? "" : ariaKeyShortcut(l.key)}
          title=${l.key === null ? name : t("withKey", { name, key: l.key })}
          @mousedown=${(e: Event) => {
            e.preventDefault();
          }}
          @click=${() => {
            this.#apply(l.name);
          }}
        >
          <span class="swatch ${labelColorClass(this.store?.model.labelIndex(l.name) ?? i)}"></span
          ><span class="label-name">${name}</span>${l.key === null ? "" : html`<kbd aria-hidden="true">${l.key}</kbd>`}
        </button>`;
      })}
    </div>`;
  }
}

customElements.define("qawl-label-bar", LabelBar);
