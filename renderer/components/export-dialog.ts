/**
 * `<qawl-export-dialog>`: export this document, every document, or the finished ones, in
 * any format Qawl writes; a format with several files downloads as a zip. The loss report —
 * what the format could not hold, per document — is shown after the download.
 */
import "./export-dialog.css";
import { html, nothing } from "lit";
import { StoreElement } from "./store-element.ts";
import { strToU8, zipSync } from "fflate";
import type { ExportResult } from "../../core/contract.ts";
import type { ExportFormat, ExportVariant } from "../../core/formats/registry.ts";
import { excerpt, isolate } from "../format.ts";
import { exportFormatOptions, variantOptions } from "../i18n/formats.ts";
import { lossText } from "../i18n/losses.ts";
import { download } from "../download.ts";
import { t } from "./export-dialog.messages.ts";

type Scope = "document" | "all" | "done" | "chosen";

function bytesOf(file: ExportResult["files"][number]): Uint8Array {
  if (file.encoding === "utf8") return strToU8(file.content);
  return Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
}

export class ExportDialog extends StoreElement {
  static override properties = {
    format: { state: true },
    scope: { state: true },
    result: { state: true },
  };
  declare format: ExportFormat;
  declare scope: Scope;
  declare result: ExportResult | null;
  /** The layout of the chosen format, for a format with several (the registry's `variants`). */
  #variant: ExportVariant | undefined = undefined;
  /** The layers to export (annotator names, gold); every layer when empty. */
  #layers = "";
  /** Documents ticked for the "chosen" scope. */
  readonly #chosen = new Set<number>();

  constructor() {
    super();
    this.format = "jsonl";
    this.scope = "all";
    this.result = null;
  }

  /** Show the dialog (modal), scoped to the open document when there is one. */
  open(): void {
    this.result = null;
    this.scope = this.store?.model.document == null ? "all" : this.scope;
    this.querySelector("dialog")?.showModal();
    // The project's layers, for the layer menu (records carry the project only when its schema changes).
    void this.store?.model.reloadProject().then(() => {
      this.requestUpdate();
    });
  }

  async #export(): Promise<void> {
    const store = this.store;
    if (store === undefined) return;
    const ids =
      this.scope === "document" && store.model.document !== null
        ? [store.model.document.id]
        : this.scope === "done"
          ? store.model.documents.filter((d) => d.status === "done").map((d) => d.id)
          : this.scope === "chosen"
            ? [...this.#chosen]
            : undefined;
    if (ids !== undefined && ids.length === 0) {
      store.notify("error", () => (this.scope === "chosen" ? t("tickDocuments") : t("noneDone")));
      return;
    }
    const layers = this.#layers === "" ? undefined : [this.#layers];
    const result = await store.exportDocuments(this.format, ids, this.#variant, layers);
    if (result === null) return;
    const single = result.files.length === 1 ? result.files[0] : undefined;
    if (single !== undefined) download(single.path, single.mediaType, bytesOf(single));
    else {
      const zip = zipSync(Object.fromEntries(result.files.map((f) => [f.path, bytesOf(f)])));
      download(`qawl-${this.format}.zip`, "application/zip", zip);
    }
    this.result = result;
  }

  #report(result: ExportResult) {
    return html`<section class="loss-report" aria-label=${t("lossReport")}>
      <h3>${t("couldNotHold", { format: result.report.format })}</h3>
      ${
        result.report.documents.length === 0
          ? html`<p>${t("nothingLost")}</p>`
          : html`<ul>
              ${result.report.documents.map(
                // The id tells apart documents of the same title (the CLI prints `document N` too).
                (d) => {
                  const name = t("lossDocument", { id: String(d.documentId), title: isolate(d.title) });
                  return html`<li>${name}: ${d.losses.map(lossText).join(t("lossSeparator"))}</li>`;
                },
              )}
            </ul>`
      }
      ${
        result.report.notes.length > 0
          ? html`<p class="muted">${t("formatNotes")}</p>
              ${result.report.notes.map((n) => html`<p class="muted" lang="en" dir="ltr">${n}</p>`)}`
          : nothing
      }
    </section>`;
  }

  protected override render() {
    const store = this.store;
    return html`<dialog class="labels-dialog export-dialog" aria-labelledby="export-title">
      <h2 id="export-title">${t("title")}</h2>
      <label class="field"
        ><span>${t("format")}</span>
        <select
          @change=${(e: Event) => {
            this.format = (e.target as HTMLSelectElement).value as ExportFormat;
            this.#variant = variantOptions(this.format)[0]?.value;
            this.result = null;
          }}
        >
          ${exportFormatOptions().map(
            ({ value, name }) => html`<option value=${value} ?selected=${value === this.format}>${name}</option>`,
          )}
        </select></label
      >
      ${
        variantOptions(this.format).length > 0
          ? html`<label class="field"
              ><span>${t("layout")}</span>
              <select
                @change=${(e: Event) => {
                  this.#variant = (e.target as HTMLSelectElement).value as ExportVariant;
                }}
              >
                ${variantOptions(this.format).map(
                  ({ value, name }) =>
                    html`<option value=${value} ?selected=${value === this.#variant}>${name}</option>`,
                )}
              </select></label
            >`
          : nothing
      }
      ${
        (store?.model.project?.layers.length ?? 0) >= 2
          ? html`<label class="field"
              ><span>${t("layers")}</span>
              <select
                aria-label=${t("layers")}
                @change=${(e: Event) => {
                  this.#layers = (e.target as HTMLSelectElement).value;
                  this.result = null;
                }}
              >
                <option value="" ?selected=${this.#layers === ""}>${t("everyLayer")}</option>
                ${(store?.model.project?.layers ?? []).map(
                  (l) => html`<option value=${l} ?selected=${this.#layers === l}>${l}</option>`,
                )}
              </select></label
            >`
          : nothing
      }
      <fieldset class="scope">
        <legend>${t("documents")}</legend>
        ${(
          [
            [
              "document",
              store?.model.document == null
                ? t("thisDocument")
                : t("thisDocumentTitled", { title: isolate(excerpt(store.model.document.title)) }),
            ],
            ["all", t("allDocuments", { n: store?.model.documents.length ?? 0 })],
            ["done", t("doneDocuments", { n: store?.model.documents.filter((d) => d.status === "done").length ?? 0 })],
            ["chosen", t("chosenDocuments")],
          ] as const
        ).map(
          ([value, name]) =>
            html`<label
              ><input
                type="radio"
                name="scope"
                value=${value}
                ?disabled=${value === "document" && store?.model.document == null}
                .checked=${this.scope === value}
                @change=${() => {
                  this.scope = value;
                }}
              />
              <bdi>${name}</bdi></label
            >`,
        )}
      </fieldset>
      ${
        this.scope === "chosen"
          ? html`<ul class="chosen" aria-label=${t("documentsToExport")}>
              ${(store?.model.documents ?? []).map(
                (d) =>
                  html`<li>
                    <label
                      ><input
                        type="checkbox"
                        .checked=${this.#chosen.has(d.id)}
                        @change=${(e: Event) => {
                          if ((e.target as HTMLInputElement).checked) this.#chosen.add(d.id);
                          else this.#chosen.delete(d.id);
                        }}
                      />
                      <bdi>${d.title}</bdi></label
                    >
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="actions">
        <button type="button" class="button" @click=${() => void this.#export()}>${t("export")}</button>
        <form method="dialog"><button class="button">${t("close")}</button></form>
      </div>
      ${this.result === null ? nothing : this.#report(this.result)}
    </dialog>`;
  }
}

customElements.define("qawl-export-dialog", ExportDialog);
