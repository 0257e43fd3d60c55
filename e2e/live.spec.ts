/**
 * One live project (issue 11): two tabs and the CLI on one `qawl serve` project. A change
 * made in any of them reaches the others with no reload (the change feed, pushed as
 * Server-Sent Events), and Ctrl+Z in a tab undoes only that tab's changes.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { activate, spanRow, tag } from "./support/article-harness.ts";
import { SAMPLE_PATH } from "./support/annotate-flow.ts";
import { QAWL_BIN, startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** How long a change may take to reach another view, in milliseconds (the feed polls every 200 ms). */
const REACH_MS = 1500;

const documents = (page: Page) => page.getByRole("list", { name: "Documents" }).getByRole("listitem");

test("two tabs and the CLI see each other's changes without a reload; undo stays in its tab", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(served.url);
  await b.goto(served.url);
  await a.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(a.getByRole("article")).toContainText("روسيا مهتمة");
  // Tab b never reloads: the import reaches it through the feed.
  await expect(documents(b)).toHaveCount(1, { timeout: REACH_MS });
  await documents(b).first().getByRole("button").first().click();
  await expect(b.getByRole("article")).toContainText("روسيا مهتمة");

  // A span tagged in tab a appears in tab b.
  await tag(a, "l", "سوتشي");
  await expect(spanRow(b, "Location", "سوتشي")).toHaveCount(1, { timeout: REACH_MS });

  // An article imported by the CLI beside the server reaches both tabs.
  const other = join(served.dir, "second.txt");
  writeFileSync(other, "مقال ثان\n\nقال الوزير إن الاتفاق قريب.\n");
  execFileSync(process.execPath, [QAWL_BIN, "import", "--project", served.projectPath, other], {
    env: { ...process.env, QAWL_ANNOTATOR: "cli" },
  });
  await expect(documents(a)).toHaveCount(2, { timeout: REACH_MS });
  await expect(documents(b)).toHaveCount(2, { timeout: REACH_MS });

  // Tab b tags a name, then tab a tags another; Ctrl+Z in tab b undoes tab b's, not tab a's later one.
  await tag(b, "l", "موسكو");
  await expect(spanRow(a, "Location", "موسكو")).toHaveCount(1, { timeout: REACH_MS });
  await tag(a, "o", "مجلس القطب الشمالي");
  await expect(spanRow(b, "Organization", "مجلس القطب الشمالي")).toHaveCount(1, { timeout: REACH_MS });
  await b.locator("article").focus();
  await b.keyboard.press("Control+z");
  await expect(b.getByRole("status")).toContainText("Undone: Add Location «موسكو»");
  await expect(spanRow(b, "Location", "موسكو")).toHaveCount(0);
  await expect(spanRow(b, "Organization", "مجلس القطب الشمالي")).toHaveCount(1);
  // …and tab a sees the undo too, its own span untouched.
  await expect(spanRow(a, "Location", "موسكو")).toHaveCount(0, { timeout: REACH_MS });
  await expect(spanRow(a, "Organization", "مجلس القطب الشمالي")).toHaveCount(1);
  await expect(spanRow(a, "Location", "سوتشي")).toHaveCount(1);
});

test("acting on a span another tab deleted says so, and the view catches up", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(served.url);
  await a.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(a.getByRole("article")).toContainText("روسيا مهتمة");
  await tag(a, "l", "سوتشي");
  await expect(spanRow(a, "Location", "سوتشي")).toHaveCount(1);
  // Tab b never hears the feed (as a tab whose stream has dropped): it learns only from replies.
  await b.route(
    (url) => url.pathname === "/api/changes",
    (route) => route.abort(),
  );
  await b.goto(served.url);
  await expect(spanRow(b, "Location", "سوتشي")).toHaveCount(1);

  await activate(a, "Location", "سوتشي");
  await a.keyboard.press("Delete");
  await expect(spanRow(a, "Location", "سوتشي")).toHaveCount(0);

  await activate(b, "Location", "سوتشي");
  await b.keyboard.press("Delete");
  await expect(b.getByRole("status")).toHaveText(
    "This span is no longer there: it was deleted, perhaps in another window.",
  );
  await expect(spanRow(b, "Location", "سوتشي")).toHaveCount(0);
});

test("a tab whose open document another tab deletes says so and opens another", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const second = join(served.dir, "second.txt");
  writeFileSync(second, "مقال ثان\n\nقال الوزير إن الاتفاق قريب.\n");
  await a.goto(served.url);
  await a.getByLabel("Import articles").setInputFiles([SAMPLE_PATH, second]);
  await expect(a.getByRole("status")).toContainText("Imported 2 documents");
  await a.locator("qawl-document-list .document-item").filter({ hasText: "مقال ثان" }).click();
  await expect(a.locator("qawl-article h1")).toHaveText("مقال ثان");
  await b.goto(served.url);
  await b.locator("qawl-document-list .document-item").filter({ hasText: "مقال ثان" }).click();
  await expect(b.locator("qawl-article h1")).toHaveText("مقال ثان");

  await a.getByRole("button", { name: "Delete…" }).click();
  await a
    .getByRole("dialog", { name: "Delete this document?" })
    .getByRole("button", { name: "Delete", exact: true })
    .click();
  await expect(b.getByRole("status")).toHaveText(
    /^The document you had open was deleted in another window; «.*لافروف وبومبيو.*» is open now$/u,
    { timeout: REACH_MS },
  );
  await expect(b.locator("qawl-article h1")).toContainText("لافروف وبومبيو");
});
