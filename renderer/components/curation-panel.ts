/**
 * `<qawl-curation-panel>`: adjudication of the open document (`renderer/state/curation.ts`).
 * It compares two annotators' layers, lists the groups where they disagree with both
 * versions side by side (label, text, quote type, speaker), says how many are adjudicated,
 * and takes one version, the other, or both into the gold layer — by button, or from the
 * keyboard (1, 2, 3, E; ] and [ step), as the review of suggestions does.
 */
import "./curation-panel.css";
import { html, nothing } from "lit";
import { StoreElement } from "./store-element.ts";
import type { SpanView } from "../../core/contract.ts";
import type { CurationItem } from "../../core/agreement/disagreements.ts";
import { isGoldLayer } from "../../core/layers.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import {
  choosePair,
  curationList,
  curationPair,
  currentItem,
  showItem,
  take,
  takeAgreements,
} from "../state/curation.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { excerpt } from "../format.ts";
import { typeValue } from "./span-panel.messages.ts";
import { t } from "./curation-panel.messages.ts";

export class CurationPanel extends StoreElement {
  #version(store: AnnotationStore, who: string, spans: readonly SpanView[]) {
    const speaker = (s: SpanView) => {
      const r = store.model.fullDocument?.relations.find((x) => x.fromSpanId === s.id && x.type === "attributed_to");
      if (r === undefined) return null;
      if (r.toEntityId !== null) return store.model.entityById(r.toEntityId)?.name ?? null;
      const to = store.model.fullDocument?.spans.find((x) => x.id === r.toSpanId);
      return to === undefined ? null : (store.model.entityById(to.entityId)?.name ?? to.text);
    };
    return html`<div class="version">
      <div class="who">${who}</div>
      ${
        spans.length === 0
          ? html`<span class="who">${t("none")}</span>`
          : spans.map((s) => {
              const label = store.model.label(s.label);
              const name = speaker(s);
              return html`<div>
                <strong>${label === undefined ? s.label : labelDisplayName(label)}</strong>
                ${s.attributes["type"] === undefined ? nothing : typeValue(s.attributes["type"])}
                <span dir="auto">«${excerpt(s.text)}»</span>
                ${name === null ? nothing : html`<span class="who">${t("speakerIs", { name })}</span>`}
              </div>`;
            })
      }
    </div>`;
  }

  #item(store: AnnotationStore, item: CurationItem, current: boolean, a: string, b: string) {
    return html`<li
      class="item ${item.adjudicated ? "adjudicated" : ""}"
      role="option"
      aria-selected=${current ? "true" : "false"}
      data-key=${item.key}
      @click=${() => {
        showItem(store, item);
      }}
    >
      <div class="differs">
        ${t("differs", { what: item.differences.map((d) => t(d)).join(t("listSeparator")) })}
        ${item.adjudicated ? html` · <strong>${t("adjudicated")}</strong>` : nothing}
      </div>
      <div class="versions">${this.#version(store, a, item.a)}${this.#version(store, b, item.b)}</div>
    </li>`;
  }

  protected override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const pair = curationPair(store);
    if (pair === null)
      return html`<h2>${t("curation")}</h2>
        <p class="muted">${t("needTwo")}</p>`;

    const people = store.model.documentLayers.filter((l) => !isGoldLayer(l));
    const all = curationList(store);
    const disagreements = all.filter((i) => i.differences.length > 0);
    const current = currentItem(store);
    const picker = (which: "a" | "b") =>
      html`<label
        >${t(which === "a" ? "first" : "second")}
        <select
          aria-label=${t(which === "a" ? "first" : "second")}
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            if (which === "a") choosePair(store, value, pair.b === value ? pair.a : pair.b);
            else choosePair(store, pair.a === value ? pair.b : pair.a, value);
          }}
        >
          ${people.map((l) => html`<option value=${l} ?selected=${pair[which] === l}>${l}</option>`)}
        </select></label
      >`;
    return html`<h2 id="curation-heading">${t("curation")}</h2>
      <p class="pair">
        <button
          type="button"
          class="link-button"
          @click=${() => void document.querySelector("qawl-agreement-dialog")?.open()}
        >
          ${t("agreement")}
        </button>
      </p>
      <div class="pair">${picker("a")} ${picker("b")}</div>
      <p class="progress-line" role="status">
        ${t("progress", {
          done: disagreements.filter((i) => i.adjudicated).length,
          n: disagreements.length,
          agreed: all.length - disagreements.length,
        })}
      </p>
      <div class="actions">
        <button type="button" class="button" @click=${() => void take(store, "a")}>${t("takeA")}</button>
        <button type="button" class="button" @click=${() => void take(store, "b")}>${t("takeB")}</button>
        <button type="button" class="button" @click=${() => void take(store, "both")}>${t("takeBoth")}</button>
        <button type="button" class="button" @click=${() => void take(store, "a", true)}>${t("edit")}</button>
        <button type="button" class="button" @click=${() => void takeAgreements(store)}>${t("takeAgreements")}</button>
      </div>
      ${
        disagreements.length === 0
          ? html`<p class="muted">${t("noDisagreement")}</p>`
          : html`<ul class="items" role="listbox" aria-labelledby="curation-heading">
              ${disagreements.map((i) => this.#item(store, i, i.key === current?.key, pair.a, pair.b))}
            </ul>`
      }`;
  }

  protected override updated(): void {
    this.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }
}

customElements.define("qawl-curation-panel", CurationPanel);

declare global {
  interface HTMLElementTagNameMap {
    "qawl-curation-panel": CurationPanel;
  }
}
