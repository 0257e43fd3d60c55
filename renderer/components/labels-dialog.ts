/**
 * `<qawl-labels-dialog>`: the project's label schema, editable — rename a label (as shown
 * and as exported), recolour it, change its key, retire it (its spans stay; it is no longer
 * offered) or bring it back, and add new labels.
 */
import { LitElement, html } from "lit";
import type { LabelView } from "../../core/contract.ts";
import type { LabelKind } from "../../core/labels.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { StoreController } from "../state/store-controller.ts";
import { plural } from "../format.ts";

const KINDS: readonly (readonly [LabelKind, string])[] = [
  ["entity", "Name (entity)"],
  ["quote", "Quote"],
  ["speaker", "Speaker"],
  ["cue", "Cue"],
  ["custom", "Other"],
];

function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export class LabelsDialog extends LitElement {
  static override properties = { store: { attribute: false } };
  declare store: AnnotationStore | undefined;

  constructor() {
    super();
    this.store = undefined;
    new StoreController(this, () => this.store);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Show the dialog (modal). */
  open(): void {
    this.querySelector("dialog")?.showModal();
  }

  #saveRow(label: LabelView, form: HTMLFormElement): void {
    const data = new FormData(form);
    const key = field(data, "key").toLowerCase();
    void this.store?.updateLabel(label.name, {
      displayName: field(data, "displayName"),
      newName: field(data, "name"),
      key: key === "" ? null : key,
      color: field(data, "color"),
    });
  }

  #add(form: HTMLFormElement): void {
    const data = new FormData(form);
    const key = field(data, "key").toLowerCase();
    void this.store
      ?.createLabel({
        name: field(data, "name"),
        kind: field(data, "kind") as LabelKind,
        displayName: field(data, "displayName"),
        key: key === "" ? null : key,
        color: field(data, "color"),
      })
      .then((ok) => {
        if (ok) form.reset();
      });
  }

  protected override render() {
    const labels = this.store?.project?.labels ?? [];
    const status = this.store?.status;
    return html`<dialog class="labels-dialog" aria-labelledby="labels-title">
      <h2 id="labels-title">Labels</h2>
      <p class="muted">Keys are one letter or digit. A retired label keeps its spans but is no longer offered.</p>
      <div class="label-head" aria-hidden="true"><span>Shown as</span><span>Name in exports</span><span>Key</span></div>
      <div class="label-rows">
        ${labels.map(
          (l) =>
            html`<form
              class=${l.retired ? "label-row retired" : "label-row"}
              aria-label=${`Label ${l.displayName}`}
              @submit=${(e: SubmitEvent) => {
                e.preventDefault();
                this.#saveRow(l, e.target as HTMLFormElement);
              }}
            >
              <input type="color" name="color" aria-label="Colour" .value=${l.color} />
              <input name="displayName" aria-label="Display name" required .value=${l.displayName} />
              <input
                name="name"
                aria-label="Name in exports"
                required
                pattern="[\\p{L}\\p{N}_\\-]{1,40}"
                .value=${l.name}
              />
              <input name="key" aria-label="Key" maxlength="1" size="2" .value=${l.key ?? ""} />
              <span class="attr">${KINDS.find(([k]) => k === l.kind)?.[1]} · ${plural(l.spanCount, "span")}</span>
              <button type="submit" class="small">Save</button>
              <button
                type="button"
                class="small"
                @click=${() => void this.store?.updateLabel(l.name, { retired: !l.retired })}
              >
                ${l.retired ? "Bring back" : "Retire"}
              </button>
            </form>`,
        )}
      </div>
      <h3>Add a label</h3>
      <form
        class="label-row"
        aria-label="New label"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          this.#add(e.target as HTMLFormElement);
        }}
      >
        <input type="color" name="color" aria-label="Colour" value="#6366f1" />
        <input name="displayName" aria-label="Display name" placeholder="Display name" required />
        <input
          name="name"
          aria-label="Name in exports"
          placeholder="NAME"
          required
          pattern="[\\p{L}\\p{N}_\\-]{1,40}"
        />
        <input name="key" aria-label="Key" maxlength="1" size="2" placeholder="key" />
        <select name="kind" aria-label="Kind">
          ${KINDS.map(([kind, name]) => html`<option value=${kind}>${name}</option>`)}
        </select>
        <button type="submit" class="small">Add</button>
      </form>
      <p role="status" class="error">${status?.kind === "error" ? status.text : ""}</p>
      <form method="dialog" class="actions"><button class="button">Close</button></form>
    </dialog>`;
  }
}

customElements.define("qawl-labels-dialog", LabelsDialog);
