/**
 * The renderer's entry: styles (with the bundled Arabic font), the components, and the
 * connection to whichever host served the page.
 */
import "@fontsource/noto-naskh-arabic/400.css";
import "@fontsource/noto-naskh-arabic/700.css";
import "./styles/app.css";
import "./styles/controls.css";
import { connect } from "./api/index.ts";
import type { QawlApp } from "./components/qawl-app.ts";
import "./components/qawl-app.ts";
import { applyLocale } from "./i18n/locale.ts";

applyLocale();

const app = document.querySelector<QawlApp>("qawl-app");
try {
  if (app === null) throw new Error("the page has no <qawl-app>");
  void app.start(connect());
} catch (e) {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.className = "fatal";
  p.textContent = (e as Error).message;
  document.body.prepend(p);
}
