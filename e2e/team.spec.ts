/**
 * A team on the team server (issue 12), as people work: a PostgreSQL project made from a
 * local file with `qawl team push`, three people added and two annotators given the sample
 * article; each signs in in their own browser and annotates, and sees the other's layer
 * arrive within a second; the curator signs in, reads the agreement (equal to NLTK's figure
 * on the two layers the CLI exports from the server), adjudicates into gold, and the gold
 * export slices exactly in Python. The same flow offline is e2e/curation.spec.ts.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { agreementOracle, runPython } from "../test-support/python.ts";
import { SAMPLE_PATH, SAMPLE_TITLE, QUOTE, PERSON } from "./support/annotate-flow.ts";
import { paintedTexts, spanRow, tag } from "./support/article-harness.ts";
import { QAWL_BIN } from "./support/serve.ts";

const ADMIN = process.env["QAWL_TEST_POSTGRES"];
const SHORTER = QUOTE.slice(0, QUOTE.indexOf("."));

function qawl(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [QAWL_BIN, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
}

async function signIn(browser: Browser, url: string, name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page).toHaveURL(/\/login$/u);
  await page.getByLabel(/Name/u).fill(name);
  await page.getByLabel(/Password/u).fill(password);
  await page.getByRole("button", { name: /Sign in/u }).click();
  await page.locator("qawl-document-list .document-item").filter({ hasText: SAMPLE_TITLE }).click();
  await expect(page.locator("qawl-article h1")).toHaveText(SAMPLE_TITLE);
  return page;
}

test("two annotators on the team server, scored as NLTK does, adjudicated into gold", async ({ browser }) => {
  test.skip(ADMIN === undefined, "needs PostgreSQL: QAWL_TEST_POSTGRES is not set (.ci/run sets it)");
  test.setTimeout(240_000);
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  const name = `qawl_e2e_${String(process.pid)}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const database = new URL(ADMIN ?? "");
  database.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), "qawl-team-"));
  let server: ReturnType<typeof spawn> | null = null;
  try {
    // A local project moved to the server, three people, the article to both annotators.
    const local = join(dir, "desk.qawl");
    qawl(["import", SAMPLE_PATH, "--project", local]);
    expect(qawl(["team", "push", local, "--database", database.toString()])).toContain("copied 1 document");
    for (const [person, role] of [
      ["amal", "annotator"],
      ["badr", "annotator"],
      ["carla", "curator"],
    ] as const) {
      qawl(["team", "add-user", person, "--role", role, "--database", database.toString()], {
        QAWL_PASSWORD: `${person}-password`,
      });
    }
    expect(
      qawl(["team", "assign", "--database", database.toString(), "--annotators", "amal,badr", "--overlap", "100%"]),
    ).toBe("amal: 1 document\nbadr: 1 document\n1 document of 1 read by two, for agreement\n");

    const served = spawn(process.execPath, [QAWL_BIN, "serve", "--team", "--database", database.toString()]);
    server = served;
    let url: string | undefined;
    for await (const line of createInterface({ input: served.stdout })) {
      url = /http:\/\/\S+/u.exec(line)?.[0];
      if (url !== undefined) break;
    }
    expect(url).toBeDefined();

    const amal = await signIn(browser, url ?? "", "amal", "amal-password");
    const badr = await signIn(browser, url ?? "", "badr", "badr-password");
    // An annotator is offered only what her role allows, and sees who she is.
    await expect(amal.locator("header .who")).toHaveText("\u2068amal\u2069 · annotator");
    for (const name of ["Import…", "Export…", "Labels…", "Cues…", "Pre-annotate"]) {
      await expect(amal.getByText(name, { exact: true })).toBeHidden();
    }
    await expect(amal.getByRole("tab", { name: "Curation" })).toHaveCount(0);
    await tag(amal, "q", QUOTE);
    await expect(spanRow(amal, "Quote", QUOTE)).toBeVisible();
    await tag(amal, "p", PERSON);
    await expect(spanRow(amal, "Person", PERSON)).toBeVisible();
    // badr's page shows amal's layer within a second of her last write.
    await expect.poll(() => paintedTexts(badr, 0), { timeout: 1000 }).toEqual([QUOTE]);
    await tag(badr, "q", SHORTER);
    await expect(spanRow(badr, "Quote", SHORTER).filter({ hasText: "badr" })).toBeVisible();
    await tag(badr, "p", PERSON);
    await expect(spanRow(badr, "Person", PERSON).filter({ hasText: "badr" })).toBeVisible();
    // An annotator writes in their own layer only.
    const layer = badr.getByRole("combobox", { name: "Layer", exact: true });
    await layer.selectOption({ label: "amal" });
    await expect.poll(() => paintedTexts(badr, 0)).toEqual([QUOTE]);

    // The curator: agreement equal to NLTK's on the two layers the server exports.
    const carla = await signIn(browser, url ?? "", "carla", "carla-password");
    await expect(carla.locator("header .who")).toHaveText("\u2068carla\u2069 · curator");
    const exported = (layers: string) =>
      qawl(["export", "--format", "jsonl", "--layers", layers, "--project", database.toString()]);
    const oracle = agreementOracle([exported("amal"), exported("badr")], ["amal", "badr"]);
    const kappa = oracle.labels["QUOTE"]?.pairs["amal|badr"]?.kappa_codepoint ?? null;
    expect(kappa).not.toBeNull();
    await carla.getByRole("tab", { name: "Curation" }).click();
    await carla.getByRole("button", { name: "Agreement of the whole project…" }).click();
    const dialog = carla.getByRole("dialog", { name: "Agreement" });
    await expect(dialog.locator('tr[data-label="QUOTE"] td[data-measure="kappa_codepoints"]')).toContainText(
      (kappa ?? 0).toFixed(3),
    );
    await dialog.getByRole("button", { name: "Close" }).click();
    const panel = carla.locator("qawl-curation-panel");
    await expect(panel.getByRole("status")).toHaveText("0 of 1 disagreement adjudicated · 1 agreement");
    await carla.locator("qawl-article article").focus();
    await carla.keyboard.press("2");
    await expect(panel.getByRole("status")).toHaveText("1 of 1 disagreement adjudicated · 1 agreement");
    await panel.getByRole("button", { name: "Take every agreement into gold" }).click();
    await carla.getByRole("combobox", { name: "Layer", exact: true }).selectOption({ label: "Gold (adjudicated)" });
    await expect.poll(() => paintedTexts(carla, 0)).toEqual([SHORTER]);

    // The gold layer, exported from the server, slices back in Python; and taken home as a file.
    const gold = exported("gold");
    const sliced = runPython<[string, string, string][]>(
      `import json, sys
lines = json.load(sys.stdin).splitlines()[1:]
print(json.dumps([[s["label"], s["annotator"], json.loads(l)["text"][s["start"]:s["end"]]] for l in lines for s in json.loads(l)["spans"]]))`,
      gold,
    );
    expect(sliced.sort()).toEqual(
      [
        ["PER", "gold", PERSON],
        ["QUOTE", "gold", SHORTER],
      ].sort(),
    );
    // Signing out ends the session: the page goes back to the sign-in form.
    await badr.getByRole("button", { name: "Sign out" }).click();
    await expect(badr).toHaveURL(/\/login$/u);
    await badr.goto(url ?? "");
    await expect(badr).toHaveURL(/\/login$/u);
    const home = join(dir, "home.qawl");
    expect(qawl(["team", "pull", "--database", database.toString(), "--out", home])).toContain("copied 1 document");
    expect(qawl(["export", "--format", "jsonl", "--layers", "gold", "--project", home])).toBe(gold);
  } finally {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
