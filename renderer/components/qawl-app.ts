/**
 * `<qawl-app>`: the window — a toolbar (import, export, pre-annotate, undo, labels, cues,
 * settings), the document list, the article and the side panel (spans, entities or search),
 * a status line, and the keyboard: every action has a key, listed in the shortcut sheet
 * (`?`) from the same table the key handler uses (`app-shortcuts.ts`). After an action the
 * focus stays where it was (dialogs give it back when they close).
 *
 * Files dropped anywhere on the window are imported.
 */
import { signOut } from "../api/index.ts";
import type { OperationName } from "../../core/operation-names.ts";
import { mayUse } from "../state/access.ts";
import { afterNextPaint } from "../frames.ts";
import "./qawl-app.css";
import { ContextProvider } from "@lit/context";
import { LitElement, html, nothing } from "lit";
import type { Connection } from "../api/index.ts";
import { AnnotationStore, type ImportFormat } from "../state/annotation-store.ts";
import { SIDE_PANELS } from "../state/view-state.ts";
import { storeContext } from "../state/store-context.ts";
import { StoreController } from "../state/store-controller.ts";
import { isolate } from "../format.ts";
import { changeText } from "../i18n/changes.ts";
import { IMPORT_FILE_ACCEPT, importFormatOptions } from "../i18n/formats.ts";
import { LocaleController } from "../i18n/locale.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { isTypingTarget, matchesKey } from "../keys.ts";
import { preannotate } from "../state/review.ts";
import { appShortcuts, type ShortcutHost } from "./app-shortcuts.ts";
import type { ArticleView } from "./article-view.ts";
import type { CuesDialog } from "./cues-dialog.ts";
import type { DocumentList } from "./document-list.ts";
import type { DeleteDialog } from "./delete-dialog.ts";
import type { DetailsDialog } from "./details-dialog.ts";
import type { ExportDialog } from "./export-dialog.ts";
import type { LabelsDialog } from "./labels-dialog.ts";
import type { SearchPanel } from "./search-panel.ts";
import type { SettingsDialog } from "./settings-dialog.ts";
import type { ShortcutSheet } from "./shortcut-sheet.ts";
import { t } from "./qawl-app.messages.ts";
import "./article-view.ts";
import "./cues-dialog.ts";
import "./document-list.ts";
import "./entity-panel.ts";
import "./delete-dialog.ts";
import "./details-dialog.ts";
import "./export-dialog.ts";
import "./label-bar.ts";
import "./labels-dialog.ts";
import "./search-panel.ts";
import "./curation-panel.ts";
import "./agreement-dialog.ts";
import "./settings-dialog.ts";
import "./shortcut-sheet.ts";
import "./job-progress.ts";
import "./span-panel.ts";

/** Encodings offered for import: WHATWG labels and their names ("" is strict UTF-8). */
const ENCODINGS: readonly (readonly [string, () => string])[] = [
  ["", () => "UTF-8"],
  ["windows-1256", () => t("arabicEncoding", { name: "Windows-1256" })],
  ["iso-8859-6", () => t("arabicEncoding", { name: "ISO-8859-6" })],
  ["utf-16le", () => "UTF-16LE"],
  ["utf-16be", () => "UTF-16BE"],
];

const SNAP_WORDS_KEY = "qawl.snapWords";

/** The import menu: `auto`, then every format Qawl reads (the registry's, `renderer/i18n/formats.ts`). */
function importFormatMenu(): { value: ImportFormat; name: string }[] {
  return [{ value: "auto", name: t("formatAuto") }, ...importFormatOptions()];
}

export class QawlApp extends LitElement {
  static override properties = {
    dragging: { state: true },
    encoding: { state: true },
    importFormat: { state: true },
    snapWords: { state: true },
  };
  declare dragging: boolean;
  /** Encoding of the next imported files ("" for strict UTF-8). */
  declare encoding: string;
  /** Format of the next imported files. */
  declare importFormat: ImportFormat;
  /** Widen selections to whole words (proclitics peeled). */
  declare snapWords: boolean;
  store: AnnotationStore | undefined;
  /** Gives the store to every component under this one (see `state/store-context.ts`). */
  readonly #provider = new ContextProvider(this, { context: storeContext });

  constructor() {
    super();
    this.dragging = false;
    this.encoding = "";
    this.importFormat = "auto";
    this.snapWords = localStorage.getItem(SNAP_WORDS_KEY) === "1";
    this.store = undefined;
    new StoreController(this, () => this.store);
    new LocaleController(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Attach to a host connection and load the project. */
  async start(connection: Connection): Promise<void> {
    this.store = new AnnotationStore(connection.api, connection.onEffects);
    this.#provider.setValue(this.store);
    connection.onProjectChanged(() => {
      void this.store?.catchUp();
    });
    this.requestUpdate();
    await this.store.init();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("keydown", this.#onKeyDown);
    window.addEventListener("dragover", this.#onDragOver);
    window.addEventListener("dragleave", this.#onDragLeave);
    window.addEventListener("drop", this.#onDrop);
    this.addEventListener("qawl-delete-document", this.#onDeleteDocument);
    this.addEventListener("qawl-edit-details", this.#onEditDetails);
  }

  #onDeleteDocument = (): void => {
    this.querySelector<DeleteDialog>("qawl-delete-dialog")?.open();
  };

  #onEditDetails = (): void => {
    this.querySelector<DetailsDialog>("qawl-details-dialog")?.open();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("keydown", this.#onKeyDown);
    window.removeEventListener("dragover", this.#onDragOver);
    window.removeEventListener("dragleave", this.#onDragLeave);
    window.removeEventListener("drop", this.#onDrop);
    this.removeEventListener("qawl-delete-document", this.#onDeleteDocument);
    this.removeEventListener("qawl-edit-details", this.#onEditDetails);
  }

  get #article(): ArticleView | null {
    return this.querySelector("qawl-article");
  }

  /** Label the selection with `label`, or relabel the active span when nothing is selected. */
  async applyLabel(label: string): Promise<void> {
    const store = this.store;
    const article = this.#article;
    if (store === undefined || article === null) return;
    if (store.model.document === null) {
      store.notify("error", () => t("openDocumentFirst"));
      return;
    }
    const extent = article.selectionExtent({
      trimPunctuation: store.model.label(label)?.kind !== "quote",
      snapWords: this.snapWords,
    });
    if (extent !== null) {
      const selection = document.getSelection();
      const labelled = selection !== null && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
      const made = store.createSpan(label, extent.start, extent.end);
      // Leave the caret after the new span once it is on screen (provisional), unless the
      // person has selected something else meanwhile: a second label key then relabels it,
      // as it does once the host has answered.
      afterNextPaint(() => {
        const now = selection !== null && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
        const unchanged =
          labelled !== null &&
          now !== null &&
          now.compareBoundaryPoints(Range.START_TO_START, labelled) === 0 &&
          now.compareBoundaryPoints(Range.END_TO_END, labelled) === 0;
        if (unchanged) article.placeCaretAt(extent.end);
      });
      await made;
      return;
    }
    if (store.view.activeSpanId !== null) {
      await store.relabelActive(label);
      return;
    }
    store.notify("error", () => t("selectTextFirst"));
  }

  /** Add the selection to the active quote as a further fragment. */
  async addFragment(): Promise<void> {
    const store = this.store;
    const quote = store?.activeSpan;
    if (store === undefined || quote === undefined || store.model.kindOf(quote) !== "quote") {
      store?.notify("error", () => t("quoteThenRest"));
      return;
    }
    const extent = this.#article?.selectionExtent({ snapWords: this.snapWords }) ?? null;
    if (extent === null) {
      store.notify("error", () => t("selectRestFirst"));
      return;
    }
    await store.addFragment(quote.id, extent);
  }

  /** Move one end of the active span by a character (or word, with Ctrl) in the arrow's direction. */
  #resizeActive(event: KeyboardEvent): void {
    const store = this.store;
    if (store === undefined) return;
    const rtl = store.model.document?.lang === "ar";
    const forward = (event.key === "ArrowLeft") === rtl;
    void store.nudgeActive(
      event.shiftKey ? "start" : "end",
      forward ? "forward" : "backward",
      event.ctrlKey ? "word" : "grapheme",
    );
  }

  /** Link the active quote to the nearest speaker (or cue) span in the text. */
  async #linkNearest(type: "attributed_to" | "cue"): Promise<void> {
    const store = this.store;
    const quote = store?.activeSpan;
    if (store === undefined || quote === undefined || store.model.kindOf(quote) !== "quote") {
      store?.notify("error", () => t("quoteFirst"));
      return;
    }
    const nearest = store.model.nearestSpan(quote, type === "attributed_to" ? "speaker" : "cue");
    if (nearest === undefined) {
      store.notify("error", () => (type === "cue" ? t("noCueSpan") : t("noSpeakerSpan")));
      return;
    }
    await store.link(quote.id, type, nearest.id);
  }

  /** Link the active mention to the entity its text matches, or make a new entity from it. */
  async #linkOrCreateEntity(): Promise<void> {
    const store = this.store;
    const span = store?.activeSpan;
    if (store === undefined || span === undefined) return;
    const kind = store.model.kindOf(span);
    if (kind !== "speaker" && kind !== "entity") {
      store.notify("error", () => t("onlySpeakersAndNames"));
      return;
    }
    const linked = store.model.entityById(span.entityId);
    if (linked !== undefined) {
      store.notify("info", () => t("alreadyRefers", { name: isolate(linked.name) }));
      return;
    }
    const match = store.view.candidates[0];
    if (match !== undefined) await store.linkEntity(span.id, match.id);
    else await store.createEntityFrom(span.id);
  }

  /** What the shortcut table acts on. */
  #shortcutHost(store: AnnotationStore): ShortcutHost {
    return {
      store,
      applyLabel: (label) => void this.applyLabel(label),
      addFragment: () => void this.addFragment(),
      // Actions on the active span wait for the ones before them: a span tagged a moment
      // ago is the active one by then.
      carryOver: () => {
        store.whenSettled(() => {
          const quote = store.activeSpan;
          if (quote !== undefined && store.model.kindOf(quote) === "quote") void store.carryOverSpeaker(quote.id);
          else store.notify("error", () => t("quoteFirst"));
        });
      },
      linkEntity: () => {
        store.whenSettled(() => void this.#linkOrCreateEntity());
      },
      linkNearest: (type) => {
        store.whenSettled(() => void this.#linkNearest(type));
      },
      editNote: () => {
        const focus = () => this.querySelector<HTMLTextAreaElement>("textarea.note")?.focus();
        const active = store.activeSpan;
        // A provisional span has no note field yet: focus the committed span's once it is shown.
        if (active !== undefined && store.model.isProvisional(active))
          store.whenSettled(() => {
            afterNextPaint(focus);
          });
        else focus();
      },
      // `nudgeActive` reads the active span when its turn comes.
      resizeActive: (event) => {
        this.#resizeActive(event);
      },
      open: (what) => {
        this.open(what);
      },
      nextPanel: () => {
        const order = SIDE_PANELS;
        store.showPanel(order[(order.indexOf(store.view.panel) + 1) % order.length] ?? "spans");
      },
      visibleDocuments: () => {
        const list = this.querySelector<DocumentList>("qawl-document-list");
        return list?.visible() ?? store.model.documents;
      },
    };
  }

  /** Open a window action: a dialog, the file picker, the search box, the shortcut sheet. */
  open(what: "import" | "export" | "labels" | "cues" | "settings" | "search" | "sheet"): void {
    const store = this.store;
    // On a team server, what the person's role may not do is not offered (renderer/state/access.ts).
    const needs = {
      import: "importDocuments",
      export: "exportDocuments",
      labels: "createLabel",
      cues: "setCueLemmas",
    } as const;
    if (what in needs && !mayUse(store?.model.project, needs[what as keyof typeof needs])) return;
    switch (what) {
      case "import":
        this.querySelector<HTMLInputElement>("#import-input")?.click();
        break;
      case "export":
        if (store !== undefined && store.model.documents.length > 0)
          this.querySelector<ExportDialog>("qawl-export-dialog")?.open();
        break;
      case "labels":
        this.querySelector<LabelsDialog>("qawl-labels-dialog")?.open();
        break;
      case "cues":
        void this.querySelector<CuesDialog>("qawl-cues-dialog")?.open();
        break;
      case "settings":
        this.querySelector<SettingsDialog>("qawl-settings-dialog")?.open();
        break;
      case "search":
        store?.showPanel("search");
        void this.updateComplete.then(() => {
          requestAnimationFrame(() => this.querySelector<SearchPanel>("qawl-search-panel")?.focusQuery());
        });
        break;
      case "sheet": {
        const sheet = this.querySelector<ShortcutSheet>("qawl-shortcut-sheet");
        if (sheet !== null && store !== undefined) {
          sheet.shortcuts = appShortcuts(this.#shortcutHost(store));
          void sheet.updateComplete.then(() => {
            sheet.open();
          });
        }
        break;
      }
    }
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const store = this.store;
    if (store === undefined || isTypingTarget(event)) return;
    if (this.querySelector("dialog[open]") !== null) return; // a dialog has the keyboard
    for (const shortcut of appShortcuts(this.#shortcutHost(store))) {
      if (!shortcut.matches(event)) continue;
      if (shortcut.run(event)) {
        event.preventDefault();
        return;
      }
    }
    const retired = store.model.project?.labels.find((l) => l.retired && l.key !== null && matchesKey(event, l.key));
    if (retired !== undefined) {
      store.notify("error", () => t("labelRetired", { name: labelDisplayName(retired) }));
    }
  };

  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    this.dragging = true;
  };

  #onDragLeave = (event: DragEvent): void => {
    if (event.relatedTarget === null) this.dragging = false;
  };

  #onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    this.dragging = false;
    void this.store?.importFiles([...event.dataTransfer.files], this.encoding || undefined, this.importFormat);
  };

  #onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = "";
    // The picker leaves the focus on the hidden file input, where no shortcut works: give it
    // back to the article (or the document list) once the import is done or refused.
    void this.store?.importFiles(files, this.encoding || undefined, this.importFormat).then(() => {
      this.#focusReading(input);
    });
  };

  /** Focus the article, else the open (or first) document of the list, else the page, if `from` still has it. */
  #focusReading(from: HTMLElement): void {
    const article = this.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>("qawl-article");
    void Promise.all([this.updateComplete, article?.updateComplete]).then(() => {
      if (document.activeElement !== from) return;
      const target =
        this.querySelector<HTMLElement>("qawl-article article") ??
        this.querySelector<HTMLElement>('.document-item[aria-current="page"]') ??
        this.querySelector<HTMLElement>(".document-item");
      if (target !== null) target.focus();
      else from.blur();
    });
  }

  protected override render() {
    const store = this.store;
    const status = store?.view.status;
    const history = store?.model.history;
    const project = store?.model.project;
    const may = (operation: OperationName) => mayUse(project, operation);
    const importing = !may("importDocuments");
    return html`<header class="toolbar">
        <span class="brand" lang="ar">قول <span lang="en">Qawl</span></span>
        <label class="button" for="import-input" aria-keyshortcuts="Shift+I" ?hidden=${importing}>${t("import")}</label>
        <input
          id="import-input"
          class="visually-hidden"
          type="file"
          multiple
          accept=${IMPORT_FILE_ACCEPT}
          aria-label=${t("importArticles")}
          @change=${this.#onFilesChosen}
        />
        <label class="button" for="import-folder" ?hidden=${importing}>${t("importFolder")}</label>
        <input
          id="import-folder"
          class="visually-hidden"
          type="file"
          webkitdirectory
          aria-label=${t("importAFolder")}
          @change=${this.#onFilesChosen}
        />
        <label class="encoding" ?hidden=${importing}
          ><span>${t("format")}</span>
          <select
            @change=${(e: Event) => {
              this.importFormat = (e.target as HTMLSelectElement).value as ImportFormat;
            }}
          >
            ${importFormatMenu().map(
              ({ value, name }) =>
                html`<option value=${value} ?selected=${this.importFormat === value}>${name}</option>`,
            )}
          </select></label
        >
        <label class="encoding" ?hidden=${importing}
          ><span>${t("encoding")}</span>
          <select
            @change=${(e: Event) => {
              this.encoding = (e.target as HTMLSelectElement).value;
            }}
          >
            ${ENCODINGS.map(
              ([value, name]) => html`<option value=${value} ?selected=${this.encoding === value}>${name()}</option>`,
            )}
          </select></label
        >
        <button
          type="button"
          class="button"
          aria-keyshortcuts="Shift+O"
          ?hidden=${!may("exportDocuments")}
          ?disabled=${store === undefined || store.model.documents.length === 0}
          @click=${() => {
            this.open("export");
          }}
        >
          ${t("export")}
        </button>
        <button
          type="button"
          class="button"
          aria-keyshortcuts="Shift+P"
          ?hidden=${!may("preannotate")}
          title=${t("preannotateTitle")}
          ?disabled=${store?.model.document == null}
          @click=${() => {
            if (store !== undefined) void preannotate(store);
          }}
        >
          ${t("preannotate")}
        </button>
        <span class="toolbar-group" role="group" aria-label=${t("history")}>
          <button
            type="button"
            class="button"
            aria-keyshortcuts="Control+Z"
            title=${store?.undoStep == null ? t("nothingToUndo") : t("undoTitle", { description: changeText(store.undoStep) })}
            ?disabled=${history?.undo == null}
            @click=${() => void store?.undo()}
          >
            ${t("undo")}
          </button>
          <button
            type="button"
            class="button"
            aria-keyshortcuts="Control+Shift+Z Control+Y"
            title=${history?.redo == null ? t("nothingToRedo") : t("redoTitle", { description: changeText(history.redo) })}
            ?disabled=${history?.redo == null}
            @click=${() => void store?.redo()}
          >
            ${t("redo")}
          </button>
        </span>
        <button
          type="button"
          class="button"
          aria-keyshortcuts="Shift+L"
          ?hidden=${!may("createLabel")}
          @click=${() => {
            this.open("labels");
          }}
        >
          ${t("labels")}
        </button>
        <button
          type="button"
          class="button"
          aria-keyshortcuts="Shift+U"
          ?hidden=${!may("setCueLemmas")}
          @click=${() => {
            this.open("cues");
          }}
        >
          ${t("cues")}
        </button>
        <button
          type="button"
          class="button"
          aria-keyshortcuts="Shift+G"
          @click=${() => {
            this.open("settings");
          }}
        >
          ${t("settings")}
        </button>
        ${
          project?.role == null
            ? nothing
            : html`<span class="who">${t("signedIn", { name: project.annotator, role: t(project.role) })}</span>
                <button type="button" class="button" @click=${() => void signOut()}>${t("signOut")}</button>`
        }
        <button
          type="button"
          class="button"
          aria-keyshortcuts="Shift+?"
          aria-label=${t("shortcuts")}
          title=${t("shortcutsTitle")}
          @click=${() => {
            this.open("sheet");
          }}
        >
          ?
        </button>
        <label class="toggle"
          ><input
            type="checkbox"
            .checked=${this.snapWords}
            @change=${(e: Event) => {
              this.snapWords = (e.target as HTMLInputElement).checked;
              localStorage.setItem(SNAP_WORDS_KEY, this.snapWords ? "1" : "0");
            }}
          />
          ${t("snapWords")}</label
        >
        <qawl-label-bar
          @apply-label=${(e: CustomEvent<{ label: string }>) => {
            void this.applyLabel(e.detail.label);
          }}
        ></qawl-label-bar>
      </header>
      <nav class="documents" aria-label=${t("documents")}>
        <qawl-document-list></qawl-document-list>
      </nav>
      <main class="reader"><qawl-article></qawl-article></main>
      <aside class="side" aria-label=${t(store?.view.panel ?? "spans")}>
        <div class="tabs" role="tablist" aria-label=${t("sidePanel")} aria-keyshortcuts="Shift+T">
          ${SIDE_PANELS.filter((panel) => panel !== "curation" || may("copyToGold")).map(
            (panel) =>
              html`<button
                type="button"
                role="tab"
                aria-selected=${store?.view.panel === panel ? "true" : "false"}
                @click=${() => {
                  if (panel === "search") this.open("search");
                  else store?.showPanel(panel);
                }}
              >
                ${t(panel)}
              </button>`,
          )}
        </div>
        ${
          store?.view.panel === "entities"
            ? html`<qawl-entity-panel></qawl-entity-panel>`
            : store?.view.panel === "search"
              ? html`<qawl-search-panel></qawl-search-panel>`
              : store?.view.panel === "curation"
                ? html`<qawl-curation-panel></qawl-curation-panel>`
                : html`<qawl-span-panel @add-fragment=${() => void this.addFragment()}></qawl-span-panel>`
        }
      </aside>
      <footer class="statusbar">
        <p role="status" class=${status?.kind === "error" ? "error" : ""}>${status?.text ?? ""}</p>
        ${
          store?.view.progress == null
            ? nothing
            : html`<progress
                aria-label=${t("readingFiles")}
                max=${store.view.progress.total}
                .value=${store.view.progress.done}
              ></progress>`
        }
        <p class="hint">${t("hint")}</p>
      </footer>
      <qawl-labels-dialog></qawl-labels-dialog>
      <qawl-export-dialog></qawl-export-dialog>
      <qawl-delete-dialog></qawl-delete-dialog>
      <qawl-details-dialog></qawl-details-dialog>
      <qawl-cues-dialog></qawl-cues-dialog>
      <qawl-agreement-dialog></qawl-agreement-dialog>
      <qawl-settings-dialog></qawl-settings-dialog>
      <qawl-shortcut-sheet></qawl-shortcut-sheet>
      <qawl-job-progress></qawl-job-progress>
      ${this.dragging ? html`<div class="drop-overlay" aria-hidden="true">${t("dropArticles")}</div>` : nothing}`;
  }
}

customElements.define("qawl-app", QawlApp);
