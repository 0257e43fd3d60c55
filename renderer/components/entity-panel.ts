/**
 * `<qawl-entity-panel>`: the project's entity registry. The list shows each entity with its
 * type, Wikidata id and number of mentions; choosing one shows its mentions across
 * documents (each opens its place in the article), and lets it be renamed, retyped, given
 * aliases and a Wikidata id, or merged into another entity.
 */
import "./entity-panel.css";
import { html, nothing } from "lit";
import { StoreElement } from "./store-element.ts";
import type { EntityDetail } from "../../core/contract.ts";
import type { AnnotationStore } from "../state/annotation-store.ts";
import { isolate } from "../format.ts";
import { formatRule } from "../i18n/errors.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { t } from "./entity-panel.messages.ts";

/**
 * The types an entity may have: the schema's entity labels in use, by name, and the entity's
 * own type when no such label exists (an imported registry), so that saving keeps it.
 */
function entityTypes(store: AnnotationStore, current: string): string[] {
  const names = (store.model.project?.labels ?? []).filter((l) => l.kind === "entity" && !l.retired).map((l) => l.name);
  return names.includes(current) ? names : [current, ...names];
}

/** An entity's type (a label's name, `PER`) as the interface shows that label (`Person`, `شخص`). */
function typeName(store: AnnotationStore, type: string): string {
  const label = store.model.project?.labels.find((l) => l.name === type);
  return label === undefined ? type : labelDisplayName(label);
}

export class EntityPanel extends StoreElement {
  static override properties = { merging: { state: true } };
  /** The entity chosen to merge into the open one, waiting for the person to confirm. */
  declare merging: number | null;

  constructor() {
    super();
    this.merging = null;
  }

  #save(store: AnnotationStore, entity: EntityDetail, form: HTMLFormElement): void {
    const data = new FormData(form);
    const text = (name: string) => (typeof data.get(name) === "string" ? (data.get(name) as string).trim() : "");
    const kb = text("kbId");
    void store.updateEntity(entity.id, {
      name: text("name"),
      type: text("type"),
      aliases: text("aliases")
        .split(/[,،\n]/u)
        .map((a) => a.trim())
        .filter((a) => a !== ""),
      kbId: kb === "" ? null : kb,
    });
  }

  /** Merging asks first: what moves, into which entity, and that undo brings it back. */
  #confirmMerge(store: AnnotationStore, entity: EntityDetail) {
    const other = store.model.entities.find((e) => e.id === this.merging);
    if (other === undefined) return nothing;
    return html`<div class="merge-confirm" role="alertdialog" aria-label=${t("merge")}>
      <p>
        ${t("mergeQuestion", {
          from: isolate(other.name),
          mentions: t("mentions", { n: other.mentionCount }),
          into: isolate(entity.name),
        })}
      </p>
      <div class="actions">
        <button
          type="button"
          class="small"
          @click=${() => {
            this.merging = null;
            void store.mergeEntities(entity.id, [other.id]);
          }}
        >
          ${t("mergeConfirm")}
        </button>
        <button
          type="button"
          class="small secondary"
          @click=${() => {
            this.merging = null;
          }}
        >
          ${t("cancel")}
        </button>
      </div>
    </div>`;
  }

  #detail(store: AnnotationStore, entity: EntityDetail) {
    const others = store.model.entities.filter((e) => e.id !== entity.id);
    const byDocument = new Map<number, EntityDetail["mentions"]>();
    for (const m of entity.mentions) byDocument.set(m.documentId, [...(byDocument.get(m.documentId) ?? []), m]);
    const label = (name: string) => {
      const l = store.model.label(name);
      return l === undefined ? name : labelDisplayName(l);
    };
    return html`<button type="button" class="link back" @click=${() => void store.showEntity(null)}>
        ${t("back")}
      </button>
      <h2>${t("entity")}</h2>
      <form
        class="entity-form"
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          this.#save(store, entity, e.target as HTMLFormElement);
        }}
      >
        <label class="field"
          ><span>${t("name")}</span><input name="name" required .value=${entity.name} dir="auto"
        /></label>
        <label class="field"
          ><span>${t("type")}</span>
          <select name="type">
            ${entityTypes(store, entity.type).map(
              (type) => html`<option value=${type} ?selected=${type === entity.type}>${typeName(store, type)}</option>`,
            )}
          </select></label
        >
        <label class="field"
          ><span>${t("wikidata")}</span
          ><input
            name="kbId"
            placeholder=${t("wikidataPlaceholder")}
            pattern="Q[1-9][0-9]*"
            title=${formatRule("entity.kbId")}
            dir="ltr"
            .value=${entity.kbId ?? ""}
        /></label>
        <label class="field"
          ><span>${t("aliases")}</span
          ><textarea name="aliases" rows="2" dir="auto" .value=${entity.aliases.join(", ")}></textarea>
        </label>
        <div class="actions"><button type="submit" class="small">${t("save")}</button></div>
      </form>
      ${
        others.length === 0
          ? nothing
          : html`<label class="field merge"
                ><span>${t("merge")}</span>
                <select
                  aria-label=${t("mergeLabel")}
                  .value=${this.merging === null ? "" : String(this.merging)}
                  @change=${(e: Event) => {
                    const value = (e.target as HTMLSelectElement).value;
                    this.merging = value === "" ? null : Number(value);
                  }}
                >
                  <option value="">${t("mergePrompt")}</option>
                  ${others.map(
                    (o) =>
                      html`<option
                        value=${o.id}
                        .text=${`${isolate(o.name)} · ${t("mentions", { n: o.mentionCount })}`}
                      ></option>`,
                  )}
                </select></label
              >
              ${this.#confirmMerge(store, entity)}`
      }
      <h2>
        ${t("mentionsHeading")}
        <span class="count">${entity.mentions.filter((m) => m.via === "mention").length}</span>
        ${
          entity.mentions.some((m) => m.via === "quote")
            ? html`· ${t("carriedOverHeading")}
                <span class="count">${entity.mentions.filter((m) => m.via === "quote").length}</span>`
            : nothing
        }
      </h2>
      ${[...byDocument.entries()].map(
        ([documentId, mentions]) =>
          html`<h3 class="doc-heading" dir="auto">${mentions[0]?.documentTitle}</h3>
            <ul class="mention-list" aria-label=${t("mentionsIn", { title: mentions[0]?.documentTitle ?? "" })}>
              ${mentions.map(
                (m) =>
                  html`<li>
                    <button type="button" class="mention" @click=${() => void store.goToSpan(documentId, m.spanId)}>
                      <span class="attr">${m.via === "quote" ? t("carriedOver") : label(m.label)}</span>
                      <bdi class="span-text">${m.text.length > 80 ? `${m.text.slice(0, 79)}…` : m.text}</bdi>
                    </button>
                  </li>`,
              )}
            </ul>`,
      )}`;
  }

  protected override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    if (store.view.entity !== null) return this.#detail(store, store.view.entity);
    const [beforeKey, afterKey] = t("noEntities").split("{key}");
    return html`<h2>${t("entities")} <span class="count">${store.model.entities.length}</span></h2>
      ${
        store.model.entities.length === 0
          ? html`<p class="muted">${beforeKey}<kbd dir="ltr">⇧E</kbd>${afterKey}</p>`
          : nothing
      }
      <ul class="entity-list" aria-label=${t("entities")}>
        ${store.model.entities.map(
          (e) =>
            html`<li>
              <button type="button" class="entity-item" @click=${() => void store.showEntity(e.id)}>
                <bdi class="entity-name">${e.name}</bdi>
                <span class="attr"
                  >${typeName(store, e.type)}${e.kbId === null ? "" : ` · ${e.kbId}`} ·
                  ${t("mentions", { n: e.mentionCount })}</span
                >
              </button>
            </li>`,
        )}
      </ul>`;
  }
}

customElements.define("qawl-entity-panel", EntityPanel);
