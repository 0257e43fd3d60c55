import { expect, test, type Page } from "@playwright/test";
import { chooseOption, spanRow, tag } from "./support/article-harness.ts";
import { SAMPLE_PATH } from "./support/annotate-flow.ts";
import { startServe, type Served } from "./support/serve.ts";

let served: Served;

test.beforeEach(async () => {
  served = await startServe();
});

test.afterEach(async () => {
  await served.stop();
});

/** Tag a name and make a new entity of it (Shift+E). */
async function entityOf(page: Page, key: string, text: string): Promise<void> {
  await tag(page, key, text);
  await page.keyboard.press("Shift+E");
  await expect(page.getByRole("status")).toContainText("New entity");
}

/** The entity picker's options, as shown (bidi isolates left out). */
async function pickerOptions(page: Page): Promise<string[]> {
  const texts = await page.getByRole("combobox", { name: "Entity" }).locator("option").allTextContents();
  return texts.map((o) => o.replace(/[\u2066-\u2069]/gu, "").trim());
}

test("the entity picker searches as you type and offers entities of the mention's type; a merge asks first", async ({
  page,
}) => {
  await page.goto(served.url);
  await page.getByLabel("Import articles").setInputFiles(SAMPLE_PATH);
  await expect(page.getByRole("article")).toContainText("روسيا مهتمة");
  await entityOf(page, "p", "سيرغي لافروف");
  await entityOf(page, "l", "سوتشي");
  await entityOf(page, "p", "مايك بومبيو");

  // A speaker may be any entity: all three are offered, and typing narrows them through folding.
  await tag(page, "s", "وزير الخارجية الروسي");
  await expect
    .poll(() => pickerOptions(page))
    .toEqual(["— none —", "سيرغي لافروف · PER", "سوتشي · LOC", "مايك بومبيو · PER", "New entity from this mention…"]);
  const find = page.getByRole("searchbox", { name: "Find entity" });
  await find.fill("لافرو");
  await expect
    .poll(() => pickerOptions(page))
    .toEqual(["— none —", "سيرغي لافروف · PER", "New entity from this mention…"]);
  await find.press("Enter");
  await expect(page.getByRole("status")).toContainText("Refers to");
  await expect(spanRow(page, "Speaker", "وزير الخارجية الروسي")).toContainText("سيرغي لافروف");

  // A person's name is offered persons only.
  await tag(page, "p", "بومبيو", "أكد بومبيو");
  await expect
    .poll(async () => (await pickerOptions(page)).filter((o) => o.includes(" · ")))
    .toEqual(["سيرغي لافروف · PER", "مايك بومبيو · PER"]);

  // Merging asks first: choosing the other entity shows what moves; Cancel leaves both.
  await page.getByRole("tab", { name: "Entities" }).click();
  const list = page.getByRole("list", { name: "Entities" });
  await expect(list.getByRole("button")).toHaveCount(3);
  await list.getByRole("button", { name: /مايك بومبيو/u }).click();
  const merge = page.getByRole("combobox", { name: "Merge another entity into this one" });
  await chooseOption(merge, "سيرغي لافروف");
  const confirm = page.getByRole("alertdialog", { name: "Merge" });
  // His two mentions: the full name and the title linked to him.
  await expect(confirm).toContainText(
    /Merge \u2068?سيرغي لافروف\u2069? \(2 mentions\) into \u2068?مايك بومبيو\u2069?\?/u,
  );
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await page.getByRole("button", { name: "← All entities" }).click();
  await expect(list.getByRole("button")).toHaveCount(3);

  // The type is one of the schema's entity labels, shown by display name.
  await list.getByRole("button", { name: /سوتشي/u }).click();
  const type = page.getByRole("combobox", { name: "Type" });
  await expect(type.locator("option")).toHaveText(["Person", "Organization", "Location", "Misc"]);
  await expect(type).toHaveValue("LOC");

  // Confirmed, the merge happens: two entities left, the person's mentions together.
  await page.getByRole("button", { name: "← All entities" }).click();
  await list.getByRole("button", { name: /مايك بومبيو/u }).click();
  await chooseOption(merge, "سيرغي لافروف");
  await confirm.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("status")).toContainText("Merged");
  await page.getByRole("button", { name: "← All entities" }).click();
  await expect(list.getByRole("button")).toHaveCount(2);
});
