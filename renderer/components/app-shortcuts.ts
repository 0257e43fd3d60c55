/**
 * The window's shortcuts (see `shortcuts.ts`): labelling, reviewing suggestions, moving
 * between spans, quotes, suggestions and documents, editing the active span, and the
 * window's own actions. Built per key press from the current schema, so a label's key is
 * always the one the project gives it.
 */
import type { AnnotationStore } from "../state/annotation-store.ts";
import { preannotate, reviewActive, reviewAll, step, stepDocument } from "../state/review.ts";
import { letter, pressed, type Shortcut } from "../shortcuts.ts";

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
  visibleDocuments: () => AnnotationStore["documents"];
}

/** The shortcuts, in the order the key handler tries them. */
export function appShortcuts(host: ShortcutHost): Shortcut[] {
  const store = host.store;
  const active = () => store.activeSpan;
  const always = (run: () => void) => () => {
    run();
    return true;
  };
  const labels: Shortcut[] = store.labels
    .filter((l) => l.key !== null)
    .map((l) => {
      const key = l.key ?? "";
      return {
        id: `label-${l.name}`,
        group: "label" as const,
        keys: [key],
        aria: key.toUpperCase(),
        description: l.displayName,
        matches: (e: KeyboardEvent) =>
          pressed(e, /^[a-z]$/u.test(key) ? letter(key) : { key, code: `Digit${key}`, shift: false }),
        run: always(() => {
          host.applyLabel(l.name);
        }),
      };
    });
  const suggestionActive = () => active()?.suggested != null;
  return [
    ...labels,
    {
      id: "preannotate",
      group: "review",
      keys: ["Shift", "P"],
      aria: "Shift+P",
      description: "Pre-annotate this document: quotes, cues, speakers and known names",
      matches: (e) => pressed(e, letter("p", true)),
      run: always(() => void preannotate(store)),
    },
    {
      id: "accept",
      group: "review",
      keys: ["Enter"],
      aria: "Enter",
      description: "Accept the active suggestion and go to the next",
      matches: (e) => pressed(e, { key: "Enter", shift: false }),
      run: () => {
        if (!suggestionActive()) return false;
        void reviewActive(store, "accept");
        return true;
      },
    },
    {
      id: "reject",
      group: "review",
      keys: ["Backspace"],
      aria: "Backspace",
      description: "Reject the active suggestion and go to the next",
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
      description: "Accept every suggestion of this document",
      matches: (e) => pressed(e, { key: "Enter", shift: true }),
      run: always(() => void reviewAll(store, "accept")),
    },
    {
      id: "reject-all",
      group: "review",
      keys: ["Shift", "Backspace"],
      aria: "Shift+Backspace",
      description: "Reject every suggestion of this document",
      matches: (e) => pressed(e, { key: "Backspace", shift: true }),
      run: always(() => void reviewAll(store, "reject")),
    },
    {
      id: "next-suggestion",
      group: "navigate",
      keys: ["]"],
      aria: "]",
      description: "Next suggestion",
      matches: (e) => pressed(e, { key: "]", code: "BracketRight", shift: false }),
      run: always(() => void step(store, "suggestion", 1)),
    },
    {
      id: "previous-suggestion",
      group: "navigate",
      keys: ["["],
      aria: "[",
      description: "Previous suggestion",
      matches: (e) => pressed(e, { key: "[", code: "BracketLeft", shift: false }),
      run: always(() => void step(store, "suggestion", -1)),
    },
    {
      id: "next-span",
      group: "navigate",
      keys: ["J"],
      aria: "J",
      description: "Next span",
      matches: (e) => pressed(e, letter("j")),
      run: always(() => void step(store, "span", 1)),
    },
    {
      id: "previous-span",
      group: "navigate",
      keys: ["K"],
      aria: "K",
      description: "Previous span",
      matches: (e) => pressed(e, letter("k")),
      run: always(() => void step(store, "span", -1)),
    },
    {
      id: "next-quote",
      group: "navigate",
      keys: ["Shift", "J"],
      aria: "Shift+J",
      description: "Next quote",
      matches: (e) => pressed(e, letter("j", true)),
      run: always(() => void step(store, "quote", 1)),
    },
    {
      id: "previous-quote",
      group: "navigate",
      keys: ["Shift", "K"],
      aria: "Shift+K",
      description: "Previous quote",
      matches: (e) => pressed(e, letter("k", true)),
      run: always(() => void step(store, "quote", -1)),
    },
    {
      id: "next-document",
      group: "navigate",
      keys: ["Alt", "↓"],
      aria: "Alt+ArrowDown",
      description: "Next document in the list",
      matches: (e) => pressed(e, { key: "ArrowDown", alt: true, shift: false }),
      run: always(() => void stepDocument(store, 1, host.visibleDocuments)),
    },
    {
      id: "previous-document",
      group: "navigate",
      keys: ["Alt", "↑"],
      aria: "Alt+ArrowUp",
      description: "Previous document in the list",
      matches: (e) => pressed(e, { key: "ArrowUp", alt: true, shift: false }),
      run: always(() => void stepDocument(store, -1, host.visibleDocuments)),
    },
    {
      id: "fragment",
      group: "edit",
      keys: ["Shift", "F"],
      aria: "Shift+F",
      description: "Add the selection to the active quote as another fragment",
      matches: (e) => pressed(e, letter("f", true)),
      run: always(host.addFragment),
    },
    {
      id: "carry-over",
      group: "edit",
      keys: ["Shift", "R"],
      aria: "Shift+R",
      description: "The active quote has the previous quote's speaker",
      matches: (e) => pressed(e, letter("r", true)),
      run: always(host.carryOver),
    },
    {
      id: "nearest-speaker",
      group: "edit",
      keys: ["Shift", "S"],
      aria: "Shift+S",
      description: "Link the active quote to the nearest speaker",
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
      description: "Link the active quote to the nearest cue",
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
      description: "Link the active mention to its entity, or make one",
      matches: (e) => pressed(e, letter("e", true)),
      run: always(host.linkEntity),
    },
    {
      id: "note",
      group: "edit",
      keys: ["Shift", "N"],
      aria: "Shift+N",
      description: "Edit the active span's note",
      matches: (e) => pressed(e, letter("n", true)),
      run: always(host.editNote),
    },
    {
      id: "resize",
      group: "edit",
      keys: ["Alt", "←/→"],
      aria: "Alt+ArrowLeft Alt+ArrowRight Alt+Shift+ArrowLeft Alt+Shift+ArrowRight",
      description: "Move the active span's end (with Shift: its start; with Ctrl: by word)",
      matches: (e) => e.altKey && !e.metaKey && (e.key === "ArrowLeft" || e.key === "ArrowRight"),
      run: (e) => {
        if (store.activeSpanId === null) return false;
        host.resizeActive(e);
        return true;
      },
    },
    {
      id: "delete",
      group: "edit",
      keys: ["Delete"],
      aria: "Delete",
      description: "Delete the active span and its links",
      matches: (e) => pressed(e, { key: "Delete" }) || pressed(e, { key: "Backspace", shift: false }),
      run: () => {
        if (store.activeSpanId === null) return false;
        void store.deleteSpan(store.activeSpanId);
        return true;
      },
    },
    {
      id: "undo",
      group: "edit",
      keys: ["Ctrl", "Z"],
      aria: "Control+Z",
      description: "Undo",
      matches: (e) => pressed(e, { key: "z", code: "KeyZ", ctrl: true, shift: false }),
      run: always(() => void store.undo()),
    },
    {
      id: "redo",
      group: "edit",
      keys: ["Ctrl", "Shift", "Z"],
      aria: "Control+Shift+Z Control+Y",
      description: "Redo (also Ctrl+Y)",
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
      description: "Deselect",
      matches: (e) => pressed(e, { key: "Escape" }),
      run: always(() => {
        document.getSelection()?.removeAllRanges();
        store.found = null;
        store.activate(null);
      }),
    },
    {
      id: "done",
      group: "window",
      keys: ["Shift", "D"],
      aria: "Shift+D",
      description: "Mark this document done",
      matches: (e) => pressed(e, letter("d", true)),
      run: always(() => void store.setStatus("done")),
    },
    {
      id: "search",
      group: "window",
      keys: ["/"],
      aria: "/",
      description: "Search the corpus",
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
      description: "Switch the side panel: spans, entities, search",
      matches: (e) => pressed(e, letter("t", true)),
      run: always(host.nextPanel),
    },
    {
      id: "import",
      group: "window",
      keys: ["Shift", "I"],
      aria: "Shift+I",
      description: "Import articles",
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
      description: "Export",
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
      description: "Edit the labels",
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
      description: "Edit the reporting cues the pre-annotator looks for",
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
      description: "Settings: interface language",
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
      description: "Show these shortcuts",
      matches: (e) => e.key === "?" || pressed(e, { code: "Slash", shift: true }),
      run: always(() => {
        host.open("sheet");
      }),
    },
  ];
}
