/**
 * One request per action (issue 11): labelling text and relabelling a span each send one
 * API request, whose reply carries the change record the page applies; the spans the
 * action did not touch keep their painted ranges (the painter updates only what changed).
 * Requests are counted by Playwright from outside the page.
 */
import { expect, test, type Page, type Request } from "@playwright/test";
import { META_CONTENT_SECURITY_POLICY } from "../main/security/policy.ts";
import { SAMPLE_PATH, SAMPLE_TITLE } from "./support/annotate-flow.ts";
import { selectWithMouse, spanRow } from "./support/article-harness.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** The API operations the page calls (the change feed's open stream left out). */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/api/") && path !== "/api/changes") seen.push(path.slice("/api/".length));
  });
  return seen;
}

/** Wait until no request has been sent for a second (name propagation waits 600 ms for a pause). */
async function settle(page: Page, seen: string[]): Promise<void> {
  let count = -1;
  while (count !== seen.length) {
    count = seen.length;
    await page.waitForTimeout(1000);
  }
}

test("labelling and relabelling send one request each; other spans keep their painted ranges", async ({ page }) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  const seen = recordRequests(page);

  // A quote first, then keep a reference to its painted range.
  await selectWithMouse(page, "روسيا مهتمة بتطبيع حوارنا");
  await settle(page, seen);
  seen.length = 0;
  await page.keyboard.press("q");
  await expect(spanRow(page, "Quote", "روسيا مهتمة بتطبيع حوارنا")).toHaveCount(1);
  await settle(page, seen);
  expect(seen).toEqual(["createSpan"]);
  // The document turned "in progress" from the record alone.
  await expect(page.locator("qawl-article").getByLabel("Status")).toHaveValue("in_progress");
  await page.evaluate(() => {
    const quote = [...CSS.highlights].find(([name, h]) => name.startsWith("qawl-label-") && h.size === 1);
    if (quote === undefined) throw new Error("no painted quote");
    (window as unknown as { __kept: AbstractRange }).__kept = [...quote[1]][0] as AbstractRange;
  });

  // A place name: one write; no other request (no entities yet, nothing propagated in a one-name text).
  seen.length = 0;
  await selectWithMouse(page, "سوتشي");
  await page.keyboard.press("l");
  await expect(spanRow(page, "Location", "سوتشي")).toHaveCount(1);
  await settle(page, seen);
  expect(seen[0]).toBe("createSpan");
  expect(seen.filter((op) => op !== "propagateNames")).toEqual(["createSpan"]);

  // Relabel the active span: one request.
  seen.length = 0;
  await page.keyboard.press("m");
  await expect(spanRow(page, "Misc", "سوتشي")).toHaveCount(1);
  await expect(spanRow(page, "Location", "سوتشي")).toHaveCount(0);
  await settle(page, seen);
  expect(seen).toEqual(["updateSpan"]);

  // The quote's range object was never taken away and painted again.
  const kept = await page.evaluate(() => {
    const range = (window as unknown as { __kept: AbstractRange }).__kept;
    return [...CSS.highlights].some(([name, h]) => name.startsWith("qawl-label-") && h.has(range));
  });
  expect(kept).toBe(true);
});

test("the page carries its own CSP, and its API calls name their origin, which the server accepts", async ({
  page,
}) => {
  const calls: Request[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/") && r.method() === "POST") calls.push(r);
  });
  await page.goto(served.url);
  // The policy is in the page too (renderer/vite.config.ts), not only in the server's header.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    "content",
    META_CONTENT_SECURITY_POLICY,
  );
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  // The headers as sent (the network stack adds Origin).
  const origins = new Set(await Promise.all(calls.map(async (r) => (await r.allHeaders())["origin"] ?? "")));
  expect(calls.length).toBeGreaterThan(0);
  expect([...origins]).toEqual([new URL(served.url).origin]);
});
