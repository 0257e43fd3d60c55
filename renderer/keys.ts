/**
 * Matching a shortcut key so that it works on any keyboard layout: a label's key `q`
 * matches `KeyboardEvent.key === "q"` (Latin layouts) and `KeyboardEvent.code === "KeyQ"`
 * (the same physical key on an Arabic layout, where it types `ض`).
 */

/** The `KeyboardEvent.code` of the physical key that types `key` on a US layout, or null. */
export function codeOfKey(key: string): string | null {
  if (/^[a-z]$/iu.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/u.test(key)) return `Digit${key}`;
  return null;
}

/**
 * Whether a key press is the shortcut `key` with exactly the given modifiers (none by
 * default): label keys are plain letters; actions use Shift+letter.
 */
export function matchesKey(event: KeyboardEvent, key: string, modifiers: { shift?: boolean } = {}): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.shiftKey !== (modifiers.shift ?? false)) return false;
  return event.key.toLowerCase() === key.toLowerCase() || event.code === codeOfKey(key);
}

/** The `aria-keyshortcuts` value for a one-key shortcut (WAI-ARIA 1.2: key names as in UI Events). */
export function ariaKeyShortcut(key: string): string {
  return key.length === 1 ? key.toUpperCase() : key;
}

/**
 * Whether the event comes from a control that takes typing (then shortcuts stay quiet). A
 * file input takes only Enter and Space (they open its picker): the picker leaves the focus
 * on it, and every other shortcut still works there.
 */
export function isTypingTarget(event: Event): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && target.type === "file")
    return event instanceof KeyboardEvent && (event.key === "Enter" || event.key === " ");
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
