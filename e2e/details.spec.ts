/**
 * The Edit details dialog: a document's title, date, URL, outlet and author set from the
 * article header, saved as one undoable step (Ctrl+Z), the document list updated; a URL
 * that is not http(s) is refused inside the dialog, which stays open.
 */
import { expect, test } from "@playwright/test";
import { SAMPLE_PATH, SAMPLE_TITLE } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

test("a document's details are edited in a dialog, undone with Ctrl+Z", async ({ page }) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles([SAMPLE_PATH]);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);

  await page.getByRole("button", { name: "Edit details…" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit details" });
  await expect(dialog.getByLabel("Title")).toBeFocused();
  await expect(dialog.getByLabel("Title")).toHaveValue(SAMPLE_TITLE);
  await expect(dialog.getByLabel("Date")).toHaveValue("2019-05-14");

  // Refused inside the dialog: it stays open with the reason.
  await dialog.getByLabel("URL").fill("ftp://example.com/a");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("status")).toContainText("http");
  await expect(dialog).toBeVisible();

  await dialog.getByLabel("Title").fill("لافروف وبومبيو في سوتشي");
  await dialog.getByLabel("URL").fill("https://arabic.rt.com/world/1019133/");
  await dialog.getByLabel("Outlet").fill("RT Arabic");
  await dialog.getByLabel("Author").fill("قسم الأخبار");
  await dialog.getByLabel("Date").fill("2019-05-15");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("qawl-article h1")).toHaveText("لافروف وبومبيو في سوتشي");
  await expect(page.locator("qawl-document-list .doc-title")).toHaveText(["لافروف وبومبيو في سوتشي"]);
  await expect(page.locator("qawl-article header time")).toHaveText("2019-05-15");

  // One step of the undo history.
  await page.locator("article").focus();
  await page.keyboard.press("Control+z");
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  await expect(page.locator("qawl-document-list .doc-title")).toHaveText([SAMPLE_TITLE]);
  await expect(page.locator("qawl-article header time")).toHaveText("2019-05-14");

  // The dialog shows what is stored now.
  await page.getByRole("button", { name: "Edit details…" }).click();
  await expect(dialog.getByLabel("Outlet")).toHaveValue("");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});
