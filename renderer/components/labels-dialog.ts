/**
 * `<qawl-labels-dialog>`: the project's label schema, editable — rename a label (as shown
 * and as exported), recolour it, change its key, retire it (its spans stay; it is no longer
 * offered) or bring it back, and add new labels. While it is open with a row changed and not
 * saved (or a new label half typed), leaving the page warns (see `state/drafts.ts`).
 */
import "./labels-dialog.css";
import { html, nothing } from "lit";
import { StoreElement } from "./store-element.ts";
import type { LabelView } from "../../core/contract.ts";
import type { LabelKind } from "../../core/labels.ts";
import { formatRule } from "../i18n/errors.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { t } from "./labels-dialog.messages.ts";
import { watchUnsaved } from "../state/drafts.ts";

/** Label kinds offered, with the message that names each. */
const KINDS: readonly (readonly [LabelKind, Parameters<typeof t>[0]])[] = [
  ["entity", "kindEntity"],
  ["quote", "kindQuote"],
  ["speaker", "kindSpeaker"],
  ["cue", "kindCue"],
  ["custom", "kindCustom"],
];

/** The name of a label kind in the interface language. */
function kindName(kind: LabelKind): string {
  const key = KINDS.find(([k]) => k === kind)?.[1];
  return key === undefined ? kind : t(key);
}

function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export class LabelsDialog extends StoreElement {
  #unwatch: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch = watchUnsaved(() => this.#unsaved());
  }

  override disconnectedCallback(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    super.disconnectedCallback();
  }

  /** Whether the open dialog shows a row that differs from its label, or a new label begun. */
  #unsaved(): boolean {
    const dialog = this.querySelector("dialog");
    if (dialog?.open !== true) return false;
    const labels = this.store?.model.project?.labels ?? [];
    // The labels' rows in order, then the form that adds one.
    return [...dialog.querySelectorAll<HTMLFormElement>("form.label-row")].some((form, i) => {
      const data = new FormData(form);
      const label = labels[i];
      if (label === undefined) return ["displayName", "name", "key"].some((name) => field(data, name) !== "");
      return (
        field(data, "displayName") !== label.displayName ||
        field(data, "name") !== label.name ||
        field(data, "key").toLowerCase() !== (label.key ?? "").toLowerCase() ||
        field(data, "color").toLowerCase() !== label.color.toLowerCase()
      );
    });
  }

  /** Show the dialog (modal). */
  open(): void {
    this.querySelector("dialog")?.showModal();
    void this.store?.countLabels();
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
    const labels = this.store?.model.project?.labels ?? [];
    const status = this.store?.view.status;
    return html`<dialog class="labels-dialog" aria-labelledby="labels-title">
      <h2 id="labels-title">${t("title")}</h2>
      <p class="muted">${t("help")}</p>
      <div class="label-head" aria-hidden="true">
        <span>${t("shownAs")}</span><span>${t("nameInExports")}</span><span>${t("key")}</span>
      </div>
      <div class="label-rows">
        ${labels.map(
          (l) =>
            html`<form
              class=${l.retired ? "label-row retired" : "label-row"}
              aria-label=${t("label", { name: labelDisplayName(l) })}
              @submit=${(e: SubmitEvent) => {
                e.preventDefault();
                this.#saveRow(l, e.target as HTMLFormElement);
              }}
            >
              <input type="color" name="color" aria-label=${t("colour")} .value=${l.color} />
              <input name="displayName" aria-label=${t("displayName")} required .value=${l.displayName} />
              <input
                name="name"
                aria-label=${t("nameInExports")}
                required
                pattern="[\\p{L}\\p{N}_\\-]{1,40}"
                title=${formatRule("label.name")}
                .value=${l.name}
              />
              <input name="key" aria-label=${t("key")} maxlength="1" size="2" .value=${l.key ?? ""} />
              <span class="attr"
                >${kindName(l.kind)} ·
                ${t("spans", { n: l.spanCount })}${
                  // A default label keeps its English display name in the project; the interface shows its own.
                  labelDisplayName(l) === l.displayName
                    ? nothing
                    : html` · ${t("interfaceName", { name: labelDisplayName(l) })}`
                }</span
              >
              <button type="submit" class="small">${t("save")}</button>
              <button
                type="button"
                class="small"
                @click=${() => void this.store?.updateLabel(l.name, { retired: !l.retired })}
              >
                ${l.retired ? t("bringBack") : t("retire")}
              </button>
            </form>`,
        )}
      </div>
      <h3>${t("addTitle")}</h3>
      <form
        class="label-row"
        aria-label=${t("newLabel")}
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          this.#add(e.target as HTMLFormElement);
        }}
      >
        <input type="color" name="color" aria-label=${t("colour")} value="#6366f1" />
        <input name="displayName" aria-label=${t("displayName")} placeholder=${t("displayName")} required />
        <input
          name="name"
          aria-label=${t("nameInExports")}
          placeholder=${t("namePlaceholder")}
          required
          pattern="[\\p{L}\\p{N}_\\-]{1,40}"
          title=${formatRule("label.name")}
        />
        <input name="key" aria-label=${t("key")} maxlength="1" size="2" placeholder=${t("keyPlaceholder")} />
        <select name="kind" aria-label=${t("kind")}>
          ${KINDS.map(([kind, key]) => html`<option value=${kind}>${t(key)}</option>`)}
        </select>
        <button type="submit" class="small">${t("add")}</button>
      </form>
      <p role="status" class="error">${status?.kind === "error" ? status.text : ""}</p>
      <form method="dialog" class="actions"><button class="button">${t("close")}</button></form>
    </dialog>`;
  }
}

customElements.define("qawl-labels-dialog", LabelsDialog);
