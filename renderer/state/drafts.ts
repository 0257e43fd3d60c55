/**
 * Unsaved input that should not be lost with the tab: drafts of span notes kept in
 * `localStorage` while they are typed, and the leave-page warning (`beforeunload`) while
 * any component says it holds unsaved input.
 *
 * A note draft is not saved to the project as it is typed: each save is one undoable step
 * (Ctrl+Z), and saving on every pause would fill the undo history with half-typed notes.
 * The note is saved, as before, when its field is left (blur, Esc); the draft survives a
 * closed tab, a reload or a restarted `qawl serve`, and comes back when that span's note
 * is shown again. It stays on this browser only: the warning says so before leaving.
 *
 * Storage key: `qawl.noteDraft:<project path>:<span id>`; value: JSON `NoteDraft`.
 */

const NOTE_DRAFT_KEY = "qawl.noteDraft";

/** The span a draft belongs to: its id, and its extent and label (a reused id does not match). */
export interface DraftSpan {
  id: number;
  /** Code-point offsets, end-exclusive. */
  start: number;
  end: number;
  label: string;
}

/** What is kept for a note being typed. */
interface NoteDraft {
  text: string;
  start: number;
  end: number;
  label: string;
  /** When it was last typed, in milliseconds since the epoch. */
  at: number;
}

function noteDraftKey(projectPath: string, spanId: number): string {
  return `${NOTE_DRAFT_KEY}:${projectPath}:${String(spanId)}`;
}

/**
 * The note typed but not saved for this span, or null. Storage that cannot be read (private
 * mode, a malformed value) counts as no draft.
 */
export function readNoteDraft(projectPath: string, span: DraftSpan): string | null {
  let draft: Partial<NoteDraft>;
  try {
    const stored = localStorage.getItem(noteDraftKey(projectPath, span.id));
    if (stored === null) return null;
    draft = JSON.parse(stored) as Partial<NoteDraft>;
  } catch {
    return null;
  }
  const same = draft.start === span.start && draft.end === span.end && draft.label === span.label;
  return same && typeof draft.text === "string" ? draft.text : null;
}

/**
 * The note typed but not saved for a span, whatever its extent now (a span deleted
 * elsewhere has none), or null when there is none or it is blank.
 */
export function typedNote(projectPath: string, spanId: number): string | null {
  try {
    const stored = localStorage.getItem(noteDraftKey(projectPath, spanId));
    if (stored === null) return null;
    const text = (JSON.parse(stored) as Partial<NoteDraft>).text;
    return typeof text === "string" && text.trim() !== "" ? text : null;
  } catch {
    return null;
  }
}

/** Keep the note as typed so far (a full storage is ignored: the field still holds it). */
export function writeNoteDraft(projectPath: string, span: DraftSpan, text: string): void {
  const draft: NoteDraft = { text, start: span.start, end: span.end, label: span.label, at: Date.now() };
  try {
    localStorage.setItem(noteDraftKey(projectPath, span.id), JSON.stringify(draft));
  } catch {
    // Quota or storage disabled: nothing to do.
  }
}

/** Forget a span's draft (it was saved, or typed back to the saved note). */
export function clearNoteDraft(projectPath: string, spanId: number): void {
  try {
    localStorage.removeItem(noteDraftKey(projectPath, spanId));
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/** Says whether a component holds input that is not saved yet. */
export type UnsavedProbe = () => boolean;

const probes = new Set<UnsavedProbe>();
let listening = false;

/** Whether any watched component holds unsaved input now. */
export function hasUnsavedInput(): boolean {
  for (const probe of probes) if (probe()) return true;
  return false;
}

function warnBeforeLeaving(event: BeforeUnloadEvent): void {
  // The browser shows its own words (a page's text is no longer shown).
  if (hasUnsavedInput()) event.preventDefault();
}

/**
 * Ask the browser to warn before the page is left (closed, reloaded, navigated away) while
 * `probe` says there is unsaved input. The `beforeunload` listener is added on first use,
 * in a browser only: in Electron (`window.qawl` set) a refused unload would silently keep
 * the window from closing.
 * @returns a function that stops watching this probe
 */
export function watchUnsaved(probe: UnsavedProbe): () => void {
  probes.add(probe);
  if (!listening && window.qawl === undefined) {
    window.addEventListener("beforeunload", warnBeforeLeaving);
    listening = true;
  }
  return () => {
    probes.delete(probe);
  };
}
