/**
 * The interface language: English or Arabic, chosen from the system (`navigator.languages`)
 * or in Settings (kept in `localStorage`). Arabic mirrors the whole chrome: the page's `dir`
 * becomes `rtl` and the CSS uses logical properties only. An article's own direction
 * follows its language, never the interface's.
 */
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** An interface language. */
export type Locale = "en" | "ar";
/** What Settings offers: a language, or the system's. */
export type LocaleChoice = Locale | "system";

const STORAGE_KEY = "qawl.locale";
const EVENT = "qawl-locale";

/** The system's preferred interface language: Arabic when it asks for Arabic first, else English. */
export function systemLocale(): Locale {
  const first = (navigator.languages[0] ?? navigator.language).toLowerCase();
  return first === "ar" || first.startsWith("ar-") ? "ar" : "en";
}

/** What the person chose in Settings (`system` when they did not). */
export function localeChoice(): LocaleChoice {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === "en" || stored === "ar" ? stored : "system";
}

let current: Locale = "en";

/** The interface language now. */
export function locale(): Locale {
  return current;
}

/** Apply the stored choice (at start) or a new one; the chrome re-renders in that language. */
export function applyLocale(choice: LocaleChoice = localeChoice()): void {
  if (choice === "system") localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, choice);
  current = choice === "system" ? systemLocale() : choice;
  document.documentElement.lang = current;
  document.documentElement.dir = current === "ar" ? "rtl" : "ltr";
  window.dispatchEvent(new Event(EVENT));
}

/** Re-renders its host when the interface language changes (Lit reactive controller). */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onChange = () => {
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(EVENT, this.#onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(EVENT, this.#onChange);
  }
}
