/**
 * Every keyboard shortcut of the window in one table: the key handler runs the first one
 * that matches, and the shortcut sheet (`?`) lists them, so the sheet can never miss a key.
 * Keys match `KeyboardEvent.code` as well as `key`, so they work on an Arabic layout.
 */

/** Groups of the sheet. */
export type ShortcutGroup = "label" | "review" | "navigate" | "edit" | "window" | "curate";

/** One shortcut. */
export interface Shortcut {
  /** Stable id, also the key of its description in the messages. */
  id: string;
  group: ShortcutGroup;
  /** The keys as the sheet shows them, e.g. `["Shift", "Enter"]`; alternatives joined by " / ". */
  keys: readonly string[];
  /** WAI-ARIA `aria-keyshortcuts` value, e.g. `Shift+Enter`. */
  aria: string;
  /** What it does, in words (the sheet's text when no message overrides it). */
  description: string;
  matches: (event: KeyboardEvent) => boolean;
  /** Runs the action; returns false to let the key through (e.g. Backspace with nothing active). */
  run: (event: KeyboardEvent) => boolean;
}

/** A key press spec: the key (or physical code) and exactly these modifiers. */
export interface KeySpec {
  key?: string;
  code?: string;
  shift?: boolean;
  ctrl?: boolean;
  alt?: boolean;
}

/** Whether a key press is `spec`: same modifiers, and the key or its physical key. */
export function pressed(event: KeyboardEvent, spec: KeySpec): boolean {
  if ((event.ctrlKey || event.metaKey) !== (spec.ctrl ?? false)) return false;
  if (event.altKey !== (spec.alt ?? false)) return false;
  if (spec.shift !== undefined && event.shiftKey !== spec.shift) return false;
  const byKey = spec.key !== undefined && event.key.toLowerCase() === spec.key.toLowerCase();
  const byCode = spec.code !== undefined && event.code === spec.code;
  return byKey || byCode;
}

/** A letter key with or without Shift (`KeyJ`, whatever the layout types). */
export function letter(key: string, shift = false): KeySpec {
  return { key, code: `Key${key.toUpperCase()}`, shift };
}
