// A Stylelint rule, `qawl/component-scope`, for the renderer's components. They render into
// the page (light DOM), so a component's stylesheet could reach the whole page; this rule
// keeps each `renderer/components/<name>.css` to its own element:
// - `<name>.ts` beside it defines the element (`customElements.define("<tag>", …)`) and
//   imports the stylesheet (`import "./<name>.css"`);
// - every rule is inside `@scope (<tag>)`, except a rule for the element itself (selector
//   `<tag>`) and `@keyframes`;
// - a component whose template holds other components (`<qawl-…>` tags in `<name>.ts`)
//   names each of them in `@scope (<tag>) to (…)`, so its rules stop at their boundary.
// Stylesheets elsewhere (`renderer/styles/`: the page's) are not checked.
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import stylelint from "stylelint";

const ruleName = "qawl/component-scope";

const messages = stylelint.utils.ruleMessages(ruleName, {
  noModule: (ts) => `No component module ${ts} beside this stylesheet`,
  noElement: (ts) => `${ts} defines no element (customElements.define("qawl-…", …))`,
  notImported: (ts, css) => `${ts} does not import "./${css}"`,
  unscoped: (selector, tag) => `"${selector}" is outside @scope (${tag}): it would reach the whole page`,
  wrongScope: (params, tag) => `@scope ${params} is not this component's element <${tag}>`,
  missingLimit: (tag, child) => `<${tag}> holds <${child}>: name it in @scope (${tag}) to (…)`,
});

/**
 * The element a component module defines and the component elements its templates hold.
 * @param {string} source the module's TypeScript
 * @returns {{ tag: string | null, children: Set<string> }}
 */
function componentOf(source) {
  const tag = /customElements\.define\(\s*["'](qawl-[a-z0-9-]+)["']/u.exec(source)?.[1] ?? null;
  const children = new Set([...source.matchAll(/<(qawl-[a-z0-9-]+)[\s>]/gu)].map((m) => m[1]));
  if (tag !== null) children.delete(tag);
  return { tag, children };
}

/** @type {import("stylelint").Rule} */
const rule = (primary) => (root, result) => {
  if (primary !== true) return;
  const file = root.source?.input.file ?? "";
  const where = /(^|[\\/])renderer[\\/]components[\\/]([^\\/]+)\.css$/u.exec(file);
  if (where === null) return;
  const name = where[2];
  const ts = file.replace(/\.css$/u, ".ts");
  const say = (message, node) => stylelint.utils.report({ ruleName, result, message, node });
  if (!existsSync(ts)) return say(messages.noModule(basename(ts)), root);
  const source = readFileSync(ts, "utf8");
  const { tag, children } = componentOf(source);
  if (tag === null) return say(messages.noElement(basename(ts)), root);
  if (!source.includes(`import "./${name}.css";`)) say(messages.notImported(basename(ts), `${name}.css`), root);
  for (const node of root.nodes) {
    if (node.type === "rule") {
      if (node.selector.trim() !== tag) say(messages.unscoped(node.selector, tag), node);
    } else if (node.type === "atrule" && node.name === "scope") {
      const scope = /^\(\s*([^)]*?)\s*\)(?:\s*to\s*\(([^)]*)\))?\s*$/su.exec(node.params);
      if (scope === null || scope[1] !== tag) {
        say(messages.wrongScope(node.params, tag), node);
        continue;
      }
      const limits = new Set((scope[2] ?? "").split(",").map((s) => s.trim()));
      for (const child of children) if (!limits.has(child)) say(messages.missingLimit(tag, child), node);
    } else if (node.type === "atrule" && node.name !== "keyframes") {
      say(messages.unscoped(`@${node.name} ${node.params}`, tag), node);
    }
  }
};
rule.ruleName = ruleName;
rule.messages = messages;

export default stylelint.createPlugin(ruleName, rule);
