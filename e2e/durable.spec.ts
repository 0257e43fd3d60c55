/**
 * Durable browser mode: a tab opened on `qawl serve` keeps working after the server is
 * restarted on the same project (the token is kept in the user's data directory), a note
 * typed but not saved comes back after the tab was closed, and the page warns before it is
 * left with unsaved input (a note, the Edit details dialog).
 */
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { python } from "../test-support/python.ts";
import { activate, selectWithMouse, spanRow, tag } from "./support/article-harness.ts";
import { PERSON, SAMPLE_PATH, SAMPLE_TITLE, SPEAKER } from "./support/annotate-flow.ts";
import { QAWL_BIN, startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** The project's one document as the CLI exports it (native JSONL: header line, then the document). */
function exportedDocument(): {
  text: string;
  spans: { label: string; start: number; end: number; text: string; note?: string | null; suggested?: string }[];
} {
  const jsonl = execFileSync(
    process.execPath,
    [QAWL_BIN, "export", "--format", "jsonl", "--project", served.projectPath],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"], // the loss report on stderr is not needed here
    },
  );
  const lines = jsonl.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  return JSON.parse(lines[1] ?? "{}") as ReturnType<typeof exportedDocument>;
}

async function importSample(page: Page): Promise<void> {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
}

test("a tab keeps working after qawl serve restarts; --new-token locks it out", async ({ page }) => {
  await importSample(page);
  const before = served.url;
  served = await served.restart();
  expect(served.url).toBe(before);

  // The tab opened before the restart tags a span: its token is still the server's.
  await tag(page, "p", PERSON);
  await expect(spanRow(page, "Person", PERSON)).toHaveCount(1);
  const doc = exportedDocument();
  // The person, and the other mentions of his surname suggested after it.
  const tagged = doc.spans.filter((s) => s.suggested === undefined);
  expect(tagged.map((s) => s.label)).toEqual(["PER"]);
  expect(doc.spans.filter((s) => s.suggested === "propagation").map((s) => s.text)).toEqual(
    Array.from({ length: 6 }, () => "لافروف"),
  );
  const span = tagged[0] ?? { start: -1, end: -1, text: "" };
  const py = python(doc.text, [[span.start, span.end]], [PERSON]);
  expect(py.slices[0]).toBe(PERSON);
  expect(span.start).toBe(py.finds[0]);

  // A new token: the same tab's next action is refused, and nothing is written.
  served = await served.restart(["--new-token"]);
  expect(served.url).not.toBe(before);
  await selectWithMouse(page, SPEAKER);
  await page.keyboard.press("s");
  await expect(page.getByRole("status")).toHaveClass(/error/u);
  await expect(page.getByRole("status")).toContainText("401 missing or wrong X-Qawl-Token");
  expect(exportedDocument().spans.filter((s) => s.suggested === undefined)).toHaveLength(1);
  const stale = await page.goto(before);
  expect(stale?.status()).toBe(401);
});

/** The person the annotator tagged (not the surname suggestions propagation made from it). */
function taggedPerson(): { note?: string | null } | undefined {
  return exportedDocument().spans.find((s) => s.suggested === undefined && s.text === PERSON);
}

test("a note typed but not saved is back after the tab is closed", async ({ page, context }) => {
  await importSample(page);
  await tag(page, "p", PERSON);
  await expect(page.locator("textarea.note")).toBeVisible(); // the new span is active
  await page.keyboard.press("Shift+N");
  await expect(page.locator("textarea.note")).toBeFocused();
  const note = "وزير الخارجية الروسي، لم يُحفظ بعد";
  await page.keyboard.type(note);
  await expect(page.locator("textarea.note")).toHaveValue(note);
  // The tab dies before the note reaches the project: closing a page fires the field's
  // blur, whose save would get out, so the server goes first (as in a crash or a dropped
  // connection; a route set to abort does not hold for requests sent while the page
  // closes), and only the draft can bring the note back.
  await served.kill();
  await page.close();
  expect(taggedPerson()?.note ?? null).toBeNull();
  served = await served.restart();

  const again = await context.newPage();
  await again.goto(served.url);
  await expect(again.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  await activate(again, "Person", PERSON);
  const field = again.locator("textarea.note");
  await expect(field).toHaveValue(note);
  await expect(again.locator("#note-draft-hint")).toBeVisible();

  // Leaving the field saves it as before (one step), and the draft is gone.
  await field.focus();
  await again.keyboard.press("Escape");
  await expect(again.getByRole("status")).toContainText("Note saved");
  expect(taggedPerson()?.note).toBe(note);
  await again.reload();
  await activate(again, "Person", PERSON);
  await expect(again.locator("textarea.note")).toHaveValue(note);
  await expect(again.locator("#note-draft-hint")).toHaveCount(0);
});

test("leaving the page with unsaved input asks first", async ({ page }) => {
  await importSample(page);
  await tag(page, "p", PERSON);
  await expect(page.locator("textarea.note")).toBeVisible(); // the new span is active
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss(); // stay on the page
  });

  // A note being typed.
  await page.keyboard.press("Shift+N");
  await expect(page.locator("textarea.note")).toBeFocused();
  await page.keyboard.type("draft");
  await expect(page.locator("textarea.note")).toHaveValue("draft");
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
  expect(page.isClosed()).toBe(false);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("status")).toContainText("Note saved");

  // The Edit details dialog with a change.
  await page.getByRole("button", { name: "Edit details…" }).click();
  const details = page.getByRole("dialog", { name: "Edit details" });
  await details.getByLabel("Outlet").fill("RT Arabic");
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload", "beforeunload"]);
  expect(page.isClosed()).toBe(false);
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details).toBeHidden();

  // The Labels dialog with a label renamed, not saved; closing the dialog drops the change.
  await page.getByRole("button", { name: "Labels…" }).click();
  const labels = page.getByRole("dialog", { name: "Labels" });
  await labels
    .getByRole("form", { name: /Person/u })
    .getByLabel("Display name")
    .fill("Personne");
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toHaveLength(3);
  await labels.getByRole("button", { name: "Close" }).click();
  await expect(labels).toBeHidden();

  // Nothing unsaved (the Cues dialog open as loaded): the page closes without asking.
  await page.getByRole("button", { name: "Cues…" }).click();
  await expect(page.getByRole("dialog", { name: "Reporting cues" }).locator("input[name=lemma]").first()).toBeFocused();
  const closed = page.waitForEvent("close");
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual(["beforeunload", "beforeunload", "beforeunload"]);
});
