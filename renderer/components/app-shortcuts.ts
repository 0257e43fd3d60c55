/**
 * The window's shortcuts (see `shortcuts.ts`): labelling, reviewing suggestions, moving
 * between spans, quotes, suggestions and documents, editing the active span, and the
 * window's own actions. Built per key press from the current schema, so a label's key is
 * always the one the project gives it. Descriptions are messages in the interface language
 * (`shortcuts.messages.ts`, by shortcut id); a label's shortcut is described by its label's name.
 */
import type { AnnotationStore } from "../state/annotation-store.ts";
import { preannotate, reviewActive, reviewAll, step, stepDocument } from "../state/review.ts";
import { stepItem, take } from "../state/curation.ts";
import { letter, pressed, type Shortcut } from "../shortcuts.ts";
import { labelDisplayName } from "../i18n/labels.ts";
import { shortcutDescription, type ShortcutId } from "./shortcuts.messages.ts";

/** A shortcut whose description is its message (see `shortcuts.messages.ts`). */
type Action = Omit<Shortcut, "description"> & { id: ShortcutId };

/** What the shortcuts need from the window. */
export interface ShortcutHost {
  store: AnnotationStore;
  applyLabel: (label: string) => void;
  addFragment: () => void;
  carryOver: () => void;
  linkEntity: () => void;
  linkNearest: (type: "attributed_to" | "cue") => void;
  editNote: () => void;
  resizeActive: (event: KeyboardEvent) => void;
  /** Open a window action: a dialog, a file picker, the search box. */
  open: (what: "import" | "export" | "labels" | "cues" | "settings" | "search" | "sheet") => void;
  nextPanel: () => void;
  /** Documents as the list shows them (filtered), for stepping through. */
  visibleDocuments: () => AnnotationStore["model"]["documents"];
}

/** The shortcuts, in the order the key handler tries them. */
export function appShortcuts(host: ShortcutHost): Shortcut[] {
  const store = host.store;
  const active = () => store.activeSpan;
  const always = (run: () => void) => () => {
    run();
    return true;
  };
  const labels: Shortcut[] = store.model.labels
    .filter((l) => l.key !== null)
    .map((l) => {
      const key = l.key ?? "";
      return {
        id: `label-${l.name}`,
        group: "label" as const,
        keys: [key],
        aria: key.toUpperCase(),
        description: labelDisplayName(l),
        matches: (e: KeyboardEvent) =>
          pressed(e, /^[a-z]$/u.test(key) ? letter(key) : { key, code: `Digit${key}`, shift: false }),
        run: always(() => {
          host.applyLabel(l.name);
        }),
      };
    });
  const suggestionActive = () => active()?.suggested != null;
  // While the curation panel is open its keys come first (a digit label key waits till it closes).
  const curating = (run: () => void) => () => {
    if (store.view.panel !== "curation") return false;
    run();
    return true;
  };
  const curation: Action[] = [
    { id: "curate-a", key: "1", code: "Digit1", run: () => void take(store, "a") },
    { id: "curate-b", key: "2", code: "Digit2", run: () => void take(store, "b") },
    { id: "curate-both", key: "3", code: "Digit3", run: () => void take(store, "both") },
    { id: "curate-edit", key: "e", code: "KeyE", run: () => void take(store, "a", true) },
    { id: "curate-next", key: "]", code: "BracketRight", run: () => void stepItem(store, 1) },
    { id: "curate-previous", key: "[", code: "BracketLeft", run: () => void stepItem(store, -1) },
  ].map(({ id, key, code, run }) => ({
    id: id as Action["id"],
    group: "curate" as const,
    keys: [key],
    aria: key.toUpperCase(),
    matches: (e: KeyboardEvent) => pressed(e, { key, code, shift: false }),
    run: curating(run),
  }));
  const actions: Action[] = [
    {
      id: "preannotate",
      group: "review",
      keys: ["Shift", "P"],
      aria: "Shift+P",
      matches: (e) => pressed(e, letter("p", true)),
      run: always(() => void preannotate(store)),
    },
    {
      id: "accept",
      group: "review",
      keys: ["Enter"],
      aria: "Enter",
      matches: (e) => pressed(e, { key: "Enter", shift: false }),
      run: () => {
        if (suggestionActive()) {
          void reviewActive(store, "accept");
          return true;
        }
        // Nothing active in a document with suggestions: Enter starts the review at the first.
        if (active() === undefined && (store.model.document?.suggestionCount ?? 0) > 0) {
          void step(store, "suggestion", 1);
          return true;
        }
        return false;
      },
    },
    {
      id: "reject",
      group: "review",
      keys: ["Backspace"],
      aria: "Backspace",
      matches: (e) => pressed(e, { key: "Backspace", shift: false }),
      run: () => {
        if (!suggestionActive()) return false;
        void reviewActive(store, "reject");
        return true;
      },
    },
    {
      id: "accept-all",
      group: "review",
      keys: ["Shift", "Enter"],
      aria: "Shift+Enter",
      matches: (e) => pressed(e, { key: "Enter", shift: true }),
      run: always(() => void reviewAll(store, "accept")),
    },
    {
      id: "reject-all",
      group: "review",
      keys: ["Shift", "Backspace"],
      aria: "Shift+Backspace",
      matches: (e) => pressed(e, { key: "Backspace", shift: true }),
      run: always(() => void reviewAll(store, "reject")),
    },
    {
      id: "next-suggestion",
      group: "navigate",
      keys: ["]"],
      aria: "]",
      matches: (e) => pressed(e, { key: "]", code: "BracketRight", shift: false }),
      run: always(() => void step(store, "suggestion", 1)),
    },
    {
      id: "previous-suggestion",
      group: "navigate",
      keys: ["["],
      aria: "[",
      matches: (e) => pressed(e, { key: "[", code: "BracketLeft", shift: false }),
      run: always(() => void step(store, "suggestion", -1)),
    },
    {
      id: "next-span",
      group: "navigate",
      keys: ["j"],
      aria: "J",
      matches: (e) => pressed(e, letter("j")),
      run: always(() => void step(store, "span", 1)),
    },
    {
      id: "previous-span",
      group: "navigate",
      keys: ["k"],
      aria: "K",
      matches: (e) => pressed(e, letter("k")),
      run: always(() => void step(store, "span", -1)),
    },
    {
      id: "next-quote",
      group: "navigate",
      keys: ["Shift", "J"],
      aria: "Shift+J",
      matches: (e) => pressed(e, letter("j", true)),
      run: always(() => void step(store, "quote", 1)),
    },
    {
      id: "previous-quote",
      group: "navigate",
      keys: ["Shift", "K"],
      aria: "Shift+K",
      matches: (e) => pressed(e, letter("k", true)),
      run: always(() => void step(store, "quote", -1)),
    },
    {
      id: "next-document",
      group: "navigate",
      keys: ["Alt", "↓"],
      aria: "Alt+ArrowDown",
      matches: (e) => pressed(e, { key: "ArrowDown", alt: true, shift: false }),
      run: always(() => void stepDocument(store, 1, host.visibleDocuments)),
    },
    {
      id: "previous-document",
      group: "navigate",
      keys: ["Alt", "↑"],
      aria: "Alt+ArrowUp",
      matches: (e) => pressed(e, { key: "ArrowUp", alt: true, shift: false }),
      run: always(() => void stepDocument(store, -1, host.visibleDocuments)),
    },
    {
      id: "fragment",
      group: "edit",
      keys: ["Shift", "F"],
      aria: "Shift+F",
      matches: (e) => pressed(e, letter("f", true)),
      run: always(host.addFragment),
    },
    {
      id: "carry-over",
      group: "edit",
      keys: ["Shift", "R"],
      aria: "Shift+R",
      matches: (e) => pressed(e, letter("r", true)),
      run: always(host.carryOver),
    },
    {
      id: "nearest-speaker",
      group: "edit",
      keys: ["Shift", "S"],
      aria: "Shift+S",
      matches: (e) => pressed(e, letter("s", true)),
      run: always(() => {
        host.linkNearest("attributed_to");
      }),
    },
    {
      id: "nearest-cue",
      group: "edit",
      keys: ["Shift", "C"],
      aria: "Shift+C",
      matches: (e) => pressed(e, letter("c", true)),
      run: always(() => {
        host.linkNearest("cue");
      }),
    },
    {
      id: "entity",
      group: "edit",
      keys: ["Shift", "E"],
      aria: "Shift+E",
      matches: (e) => pressed(e, letter("e", true)),
      run: always(host.linkEntity),
    },
    {
      id: "note",
      group: "edit",
      keys: ["Shift", "N"],
      aria: "Shift+N",
      matches: (e) => pressed(e, letter("n", true)),
      run: always(host.editNote),
    },
    {
      id: "resize",
      group: "edit",
      keys: ["Alt", "←/→"],
      aria: "Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowLeft Alt+Shift+ArrowRight",
      matches: (e) => e.altKey && !e.metaKey && (e.key === "ArrowLeft" || e.key === "ArrowRight"),
      run: (e) => {
        if (store.view.activeSpanId === null) return false;
        host.resizeActive(e);
        return true;
      },
    },
    {
      id: "delete",
      group: "edit",
      keys: ["Delete"],
      aria: "Delete",
      matches: (e) => pressed(e, { key: "Delete" }) || pressed(e, { key: "Backspace", shift: false }),
      run: () => {
        if (store.view.activeSpanId === null) return false;
        store.whenSettled(() => {
          if (store.view.activeSpanId !== null) void store.deleteSpan(store.view.activeSpanId);
        });
        return true;
      },
    },
    {
      id: "undo",
      group: "edit",
      keys: ["Ctrl", "Z"],
      aria: "Control+Z",
      matches: (e) => pressed(e, { key: "z", code: "KeyZ", ctrl: true, shift: false }),
      run: always(() => void store.undo()),
    },
    {
      id: "redo",
      group: "edit",
      keys: ["Ctrl", "Shift", "Z"],
      aria: "Control+Shift+Z Control+Y",
      matches: (e) =>
        pressed(e, { key: "z", code: "KeyZ", ctrl: true, shift: true }) ||
        pressed(e, { key: "y", code: "KeyY", ctrl: true, shift: false }),
      run: always(() => void store.redo()),
    },
    {
      id: "deselect",
      group: "edit",
      keys: ["Esc"],
      aria: "Escape",
      matches: (e) => pressed(e, { key: "Escape" }),
      run: always(() => {
        document.getSelection()?.removeAllRanges();
        store.view.found = null;
        store.activate(null);
      }),
    },
    {
      id: "done",
      group: "window",
      keys: ["Shift", "D"],
      aria: "Shift+D",
      matches: (e) => pressed(e, letter("d", true)),
      run: always(() => void store.setStatus("done")),
    },
    {
      id: "search",
      group: "window",
      keys: ["/"],
      aria: "/",
      // The physical key too (an Arabic layout types ظ there), but never "?" (some layouts send it unshifted).
      matches: (e) => e.key !== "?" && pressed(e, { key: "/", code: "Slash", shift: false }),
      run: always(() => {
        host.open("search");
      }),
    },
    {
      id: "panel",
      group: "window",
      keys: ["Shift", "T"],
      aria: "Shift+T",
      matches: (e) => pressed(e, letter("t", true)),
      run: always(host.nextPanel),
    },
    {
      id: "import",
      group: "window",
      keys: ["Shift", "I"],
      aria: "Shift+I",
      matches: (e) => pressed(e, letter("i", true)),
      run: always(() => {
        host.open("import");
      }),
    },
    {
      id: "export",
      group: "window",
      keys: ["Shift", "O"],
      aria: "Shift+O",
      matches: (e) => pressed(e, letter("o", true)),
      run: always(() => {
        host.open("export");
      }),
    },
    {
      id: "labels",
      group: "window",
      keys: ["Shift", "L"],
      aria: "Shift+L",
      matches: (e) => pressed(e, letter("l", true)),
      run: always(() => {
        host.open("labels");
      }),
    },
    {
      id: "cues",
      group: "window",
      keys: ["Shift", "U"],
      aria: "Shift+U",
      matches: (e) => pressed(e, letter("u", true)),
      run: always(() => {
        host.open("cues");
      }),
    },
    {
      id: "settings",
      group: "window",
      keys: ["Shift", "G"],
      aria: "Shift+G",
      matches: (e) => pressed(e, letter("g", true)),
      run: always(() => {
        host.open("settings");
      }),
    },
    {
      id: "sheet",
      group: "window",
      keys: ["?"],
      aria: "Shift+?",
      matches: (e) => e.key === "?" || pressed(e, { code: "Slash", shift: true }),
      run: always(() => {
        host.open("sheet");
      }),
    },
  ];
  const described = (list: Action[]) => list.map((a) => ({ ...a, description: shortcutDescription(a.id) }));
  return [...described(curation), ...labels, ...described(actions)];
}
