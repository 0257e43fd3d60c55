/**
 * The Label Studio export, read by Label Studio's own editor: the frontend published on npm
 * as `@heartexlabs/label-studio` (1.4.0, `build/static/js/main.js` and its CSS), loaded in
 * Chromium from a small static server inside this spec (no network), given the exported
 * labeling config and one exported task at a time, its regions stripped of their `text` so
 * that the editor must find it from `start` and `end`. Every region the editor builds must
 * hold the text Python slices from the task's text at the region's `[start, end)` (line break
 * characters aside: the editor's region text leaves them out); every relation must join the
 * regions it names.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TestContext } from "node:test";
import { expect, test } from "@playwright/test";
import { hardCasesProject } from "../test-support/hard-cases.ts";
import { runPython } from "../test-support/python.ts";

/** The editor's build folder, from node_modules (or LABEL_STUDIO_BUILD). */
function editorBuild(): string {
  const fromEnv = process.env["LABEL_STUDIO_BUILD"];
  if (fromEnv !== undefined) return fromEnv;
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@heartexlabs/label-studio/package.json")), "build");
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<link href="/static/css/main.css" rel="stylesheet"><script src="/static/js/main.js"></script></head>
<body><div id="label-studio"></div></body></html>`;

let server: Server;
let base = "";
const cleanups: (() => void)[] = [];

test.beforeAll(async () => {
  const root = editorBuild();
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      return;
    }
    if (!/^\/static\/(js|css)\/main\.(js|css)$/u.test(path)) {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith(".js") ? "text/javascript" : "text/css";
    res.writeHead(200, { "content-type": `${type}; charset=utf-8` }).end(readFileSync(join(root, path)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

test.afterAll(async () => {
  for (const f of cleanups.splice(0)) f();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

/** A stand-in for node:test's context: the hard-case project removes its files afterwards. */
const context = { after: (fn: () => void) => cleanups.push(fn) } as unknown as TestContext;

interface Task {
  id: number;
  data: { text: string };
  annotations: {
    result: ({ id?: string; type: string; value?: { start: number; end: number } } & Record<string, unknown>)[];
  }[];
}

test("every region Label Studio's editor builds from the export holds Python's text[start:end]", async ({ page }) => {
  const { table } = hardCasesProject(context);
  const exported = await table.exportDocuments({ format: "labelstudio" });
  const tasks = JSON.parse(exported.files.find((f) => f.path === "labelstudio.json")?.content ?? "[]") as Task[];
  const config = exported.files.find((f) => f.path === "label_config.xml")?.content ?? "";
  expect(tasks.length).toBe(2);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  for (const task of tasks) {
    const labels = (task.annotations[0]?.result ?? []).filter((r) => r.type === "labels");
    // Python slices each region; the editor's region text is what its rendered text shows,
    // where a line break is an element, not a character: line break characters are taken out.
    const expected = runPython<string[]>(
      'import json, re, sys\njob = json.load(sys.stdin)\nprint(json.dumps([re.sub(r"[\\r\\n]", "", job["text"][s:e]) for s, e in job["ranges"]], ensure_ascii=False))',
      { text: task.data.text, ranges: labels.map((r) => [r.value?.start ?? 0, r.value?.end ?? 0]) },
    );
    const want = labels
      .map((r, i) => ({ id: r.id ?? "", text: expected[i] ?? "" }))
      .sort((a, b) => a.id.localeCompare(b.id));
    // The editor gets no region text: it must find each region's text from start and end itself.
    const bare = structuredClone(task);
    for (const r of bare.annotations[0]?.result ?? [])
      if (r.value !== undefined) delete (r.value as { text?: string }).text;
    await page.goto(base);
    const read = await page.evaluate(
      async ({ config, task }) => {
        type Region = { id: string; text: string; type: string };
        type Relation = { node1: { id: string }; node2: { id: string } };
        type Store = {
          annotationStore: { selected: { regions: Region[]; relationStore: { relations: Relation[] } } };
        };
        const w = window as unknown as { LabelStudio: new (el: string, o: unknown) => unknown };
        const ls = await new Promise<Store>((resolve) => {
          new w.LabelStudio("label-studio", {
            config,
            interfaces: ["panel", "annotations:menu", "side-column"],
            user: { id: 1, username: "qawl" },
            task,
            onLabelStudioLoad: (store: Store) => {
              resolve(store);
            },
          });
        });
        // Wait until the editor has rendered the text and found every region's text from its
        // own start and end (the task it was given holds no region text).
        type Loaded = Region & { parent?: { isLoaded?: boolean } };
        const ready = () =>
          ls.annotationStore.selected.regions.every((r: Loaded) => r.parent?.isLoaded === true && r.text !== "");
        for (let i = 0; i < 400 && !ready(); i++) await new Promise((r) => setTimeout(r, 50));
        const selected = ls.annotationStore.selected;
        return {
          regions: selected.regions.map((r) => ({ id: r.id, text: r.text, type: r.type })),
          relations: selected.relationStore.relations.map((r) => [r.node1.id, r.node2.id]),
        };
      },
      { config, task: bare },
    );
    expect(errors).toEqual([]);
    const got = read.regions
      .map((r) => ({ id: r.id.replace(/#.*$/u, ""), text: r.text }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(10);
    const relations = (task.annotations[0]?.result ?? [])
      .filter((r) => r.type === "relation")
      .map((r) => [String(r["from_id"]), String(r["to_id"])].join(" → "))
      .sort();
    expect(relations.length).toBeGreaterThan(3);
    expect(read.relations.map((ids) => ids.map((id) => id.replace(/#.*$/u, "")).join(" → ")).sort()).toEqual(relations);
  }
});
