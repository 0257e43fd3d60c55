/**
 * `<qawl-agreement-dialog>`: the project's agreement report (the `agreement` operation,
 * `core/agreement/report.ts`): per label and pair of layers span F1 (exact, overlap),
 * Cohen's κ on code points and tokens, Krippendorff's α over all layers, each drawn as a bar
 * from 0 to 1; for quotes both marked, agreement on type, cue and speaker entity; for names,
 * on the linked entity. The figures download as the CSV the CLI writes.
 */
import "./agreement-dialog.css";
import { html, nothing } from "lit";
import { StoreElement } from "./store-element.ts";
import type { AgreementReport, ValueAgreement } from "../../core/agreement/report.ts";
import { agreementCsv } from "../../core/agreement/table.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { download } from "../download.ts";
import { t } from "./agreement-dialog.messages.ts";

export class AgreementDialog extends StoreElement {
  static override properties = { report: { state: true } };
  declare report: AgreementReport | null;

  constructor() {
    super();
    this.report = null;
  }

  /** Compute the report and show the dialog (modal). */
  async open(): Promise<void> {
    const store = this.store;
    if (store === undefined) return;
    this.report = await store.agreement();
    if (this.report !== null) this.querySelector("dialog")?.showModal();
  }

  #figure(value: number | null) {
    if (value === null) return html`<span class="figure">${t("undefined")}</span>`;
    const width = `${String(Math.round(Math.max(0, Math.min(1, value)) * 100))}%`;
    return html`<span class="figure"
      ><span>${value.toFixed(3)}</span
      ><span class="bar" aria-hidden="true"><span style="inline-size: ${width}"></span></span
    ></span>`;
  }

  #values(v: ValueAgreement) {
    return html`${t("agreed", { agreed: v.agreed, compared: v.compared })} · κ ${this.#figure(v.kappa)}`;
  }

  #body(report: AgreementReport) {
    const store = this.store;
    if (report.documents.length === 0) return html`<p>${t("none")}</p>`;
    const labelName = (name: string) => {
      const label = store?.model.label(name);
      return label === undefined ? name : labelDisplayName(label);
    };
    return html`<p class="muted">${t("intro", { layers: report.layers.join(", "), n: report.documents.length })}</p>
      <div class="table-scroll">
        <table class="agreement-labels">
          <thead>
            <tr>
              ${(
                [
                  "label",
                  "pair",
                  "f1Exact",
                  "f1Overlap",
                  "kappaCodePoints",
                  "kappaTokens",
                  "alphaCodePoints",
                  "alphaTokens",
                ] as const
              ).map((h) => html`<th scope="col">${t(h)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${report.labels.flatMap((l) =>
              l.pairs.map(
                (p) =>
                  html`<tr data-label=${l.label}>
                    <th scope="row">${labelName(l.label)}</th>
                    <td>${p.a} · ${p.b}</td>
                    <td>${this.#figure(p.exact.f1)}</td>
                    <td>${this.#figure(p.overlap.f1)}</td>
                    <td data-measure="kappa_codepoints">${this.#figure(p.kappaCodePoints)}</td>
                    <td>${this.#figure(p.kappaTokens)}</td>
                    <td>${this.#figure(l.alphaCodePoints)}</td>
                    <td>${this.#figure(l.alphaTokens)}</td>
                  </tr>`,
              ),
            )}
          </tbody>
        </table>
      </div>
      ${report.quotes.map(
        (q) =>
          html`<p class="agreement-quotes">
            <strong>${t("quotes")}</strong> (${q.a} · ${q.b}): ${q.matched} ${t("matched")}${t("separator")}${t("type")}
            ${this.#values(q.type)}${t("separator")}${t("cue")} ${this.#values(q.cue)}${t("separator")}${t("speaker")}
            ${this.#values(q.speaker)}
          </p>`,
      )}
      ${report.entities.map(
        (e) =>
          html`<p>
            <strong>${t("names")}</strong> (${e.a} · ${e.b}): ${e.matched}
            ${t("matched")}${t("separator")}${t("entity")} ${this.#values(e.entity)}
          </p>`,
      )}`;
  }

  protected override render() {
    const report = this.report;
    return html`<dialog class="labels-dialog agreement-dialog" aria-labelledby="agreement-title">
      <h2 id="agreement-title">${t("title")}</h2>
      ${report === null ? nothing : this.#body(report)}
      <form method="dialog" class="actions">
        ${
          report === null || report.documents.length === 0
            ? nothing
            : html`<button
                type="button"
                class="button"
                @click=${() => {
                  download("agreement.csv", "text/csv", new TextEncoder().encode(agreementCsv(report)));
                }}
              >
                ${t("csv")}
              </button>`
        }
        <button class="button">${t("close")}</button>
      </form>
    </dialog>`;
  }
}

customElements.define("qawl-agreement-dialog", AgreementDialog);

declare global {
  interface HTMLElementTagNameMap {
    "qawl-agreement-dialog": AgreementDialog;
  }
}
