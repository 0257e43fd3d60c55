/**
 * The team server's gate and roles against a real PostgreSQL project (runs when the tests
 * run on PostgreSQL, scripts/test.mjs): sign-in, the session and CSRF checks, an
 * annotator's documents and layer, blind mode, and the curator's reach.
 */
import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import { startServer } from "../serve/server.ts";
import { TableWorker } from "../worker/table-proxy.ts";
import { TEST_STORE, projectLocation } from "../../test-support/temp.ts";
import { TeamAccounts } from "./accounts.ts";
import { teamGate } from "./gate.ts";
import { TeamClient } from "./team-client.ts";
import { changesThroughWorker, watchForeignChanges } from "../watch-changes.ts";

const skip = TEST_STORE === "postgres" ? false : "needs PostgreSQL: run with QAWL_TEST_STORE=postgres (npm test does)";
const TEXT = "قال وزير الخارجية سيرغي لافروف إن المحادثات كانت مثمرة.\n\nوأضاف بومبيو أن واشنطن مستعدة.";

interface Team {
  base: string;
  accounts: TeamAccounts;
  /** Sign in; the session cookie and CSRF value to send. */
  signIn: (name: string) => Promise<{ cookie: string; csrf: string }>;
  call: (who: { cookie: string; csrf: string } | null, name: string, input: unknown) => Promise<[number, unknown]>;
}

async function team(t: TestContext, blind = false): Promise<Team> {
  const location = projectLocation(t);
  const host = await TableWorker.start({ project: location, annotator: "server" });
  const accounts = await TeamAccounts.open(location);
  const server = await startServer({ host, rendererRoot: "/nonexistent", gate: teamGate({ accounts, blind }) });
  t.after(async () => {
    await server.close();
    await host.close();
    await accounts.close();
  });
  for (const [name, role] of [
    ["amal", "annotator"],
    ["badr", "annotator"],
    ["carla", "curator"],
  ] as const) {
    await accounts.setAccount(name, `${name}-password`, role);
  }
  const base = `http://127.0.0.1:${String(server.port)}`;
  const call: Team["call"] = async (who, name, input) => {
    const res = await fetch(`${base}/api/${name}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(who === null ? {} : { Cookie: who.cookie, "X-Qawl-Csrf": who.csrf }),
      },
      body: JSON.stringify(input),
    });
    const type = res.headers.get("content-type") ?? "";
    return [res.status, type.startsWith("application/json") ? await res.json() : await res.text()];
  };
  const signIn: Team["signIn"] = async (name) => {
    const res = await fetch(`${base}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name, password: `${name}-password` }),
      redirect: "manual",
    });
    assert.equal(res.status, 303);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("qawl_session="));
    const csrf = cookies.find((c) => c.startsWith("qawl_csrf="));
    assert.match(session ?? "", /; HttpOnly; SameSite=Strict; Path=\//u);
    assert.doesNotMatch(csrf ?? "", /HttpOnly/u);
    return {
      cookie: [session, csrf].map((c) => (c ?? "").split(";")[0]).join("; "),
      csrf: (csrf ?? "").split(";")[0]?.slice("qawl_csrf=".length) ?? "",
    };
  };
  return { base, accounts, signIn, call };
}

const file = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text).toString("base64") });

describe("the team server", { skip }, () => {
  it("lets in only a signed-in session that sends its CSRF value", async (t) => {
    const { base, signIn, call } = await team(t);
    const page = await fetch(`${base}/`, { redirect: "manual" });
    assert.equal(page.status, 303);
    assert.equal(page.headers.get("location"), "/login");
    const wrong = await fetch(`${base}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "name=amal&password=nope",
    });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /Wrong name or password/u);
    assert.deepEqual(await call(null, "listDocuments", {}), [
      401,
      "sign in first (your session ended or never began)\n",
    ]);
    const amal = await signIn("amal");
    assert.deepEqual(await call({ ...amal, csrf: "forged" }, "listDocuments", {}), [
      403,
      "missing or wrong X-Qawl-Csrf\n",
    ]);
    assert.deepEqual(await call(amal, "listDocuments", {}), [200, { ok: true, value: [] }]);
  });

  it("keeps an annotator to their documents and their own layer; a curator reaches everything", async (t) => {
    const { accounts, signIn, call } = await team(t);
    const carla = await signIn("carla");
    const [status, imported] = (await call(carla, "importDocuments", {
      files: [file("a.txt", TEXT), file("b.txt", `${TEXT}\n\nثالثا.`)],
    })) as [number, { value: { outcomes: { documentId: number }[] } }];
    assert.equal(status, 200);
    const [first, second] = imported.value.outcomes.map((o) => o.documentId);
    await accounts.assign(
      new Map([
        ["amal", [first ?? 0]],
        ["badr", [first ?? 0, second ?? 0]],
      ]),
    );
    const amal = await signIn("amal");
    const badr = await signIn("badr");
    const [, list] = (await call(amal, "listDocuments", {})) as [number, { value: { id: number }[] }];
    assert.deepEqual(
      list.value.map((d) => d.id),
      [first],
    );
    const [refused, why] = (await call(amal, "getDocument", { documentId: second })) as [
      number,
      { error: { code: string; message: string } },
    ];
    assert.equal(refused, 403);
    assert.equal(why.error.message, `document ${String(second)} is not assigned to you`);
    const [, imports] = (await call(amal, "importDocuments", { files: [file("c.txt", "نص آخر")] })) as [
      number,
      { error: { message: string } },
    ];
    assert.equal(imports.error.message, "amal is an annotator and may not call importDocuments");
    // Search finds nothing in a document not hers (the text holds «لافروف» in both).
    const [, found] = (await call(amal, "search", { query: "لافروف" })) as [
      number,
      { value: { hits: { documentId: number }[] } },
    ];
    assert.deepEqual([...new Set(found.value.hits.map((h) => h.documentId))], [first]);
    const [, project] = (await call(amal, "getProject", {})) as [
      number,
      { value: { annotator: string; role: string } },
    ];
    assert.deepEqual([project.value.annotator, project.value.role], ["amal", "annotator"]);
    // Her span is hers; badr may not edit it, nor write into gold.
    const [, made] = (await call(amal, "createSpan", { documentId: first, label: "PER", start: 24, end: 36 })) as [
      number,
      { value: { id: number; annotator: string } },
    ];
    assert.equal(made.value.annotator, "amal");
    const [edit, editWhy] = (await call(badr, "deleteSpan", { spanId: made.value.id })) as [
      number,
      { error: { message: string } },
    ];
    assert.equal(edit, 403);
    assert.equal(editWhy.error.message, `span ${String(made.value.id)} is in amal's layer, not yours`);
    const [gold, goldWhy] = (await call(badr, "createSpan", {
      documentId: first,
      label: "PER",
      start: 24,
      end: 36,
      layer: "gold",
    })) as [number, { error: { message: string } }];
    assert.equal(gold, 403);
    assert.equal(goldWhy.error.message, "an annotator writes their own layer (badr) only, not gold's");
    // The curator adjudicates.
    const [copied] = await call(carla, "copyToGold", { spanIds: [made.value.id] });
    assert.equal(copied, 200);
  });

  it("shows a blind annotator their own layer only", async (t) => {
    const { accounts, signIn, call } = await team(t, true);
    const carla = await signIn("carla");
    const [, imported] = (await call(carla, "importDocuments", { files: [file("a.txt", TEXT)] })) as [
      number,
      { value: { outcomes: { documentId: number }[] } },
    ];
    const documentId = imported.value.outcomes[0]?.documentId ?? 0;
    await accounts.assign(
      new Map([
        ["amal", [documentId]],
        ["badr", [documentId]],
      ]),
    );
    const amal = await signIn("amal");
    const badr = await signIn("badr");
    await call(amal, "createSpan", { documentId, label: "PER", start: 24, end: 36 });
    await call(badr, "createSpan", { documentId, label: "QUOTE", start: 40, end: 56 });
    const layersSeen = async (who: { cookie: string; csrf: string }) => {
      const [, doc] = (await call(who, "getDocument", { documentId })) as [
        number,
        { value: { spans: { annotator: string; label: string }[] } },
      ];
      return doc.value.spans.map((s) => `${s.annotator}:${s.label}`);
    };
    assert.deepEqual(await layersSeen(amal), ["amal:PER"]);
    // Nor does the feed bring her the other layer's spans.
    const [, feed] = (await call(amal, "changesSince", { since: 0 })) as [
      number,
      { value: { records: { annotator: string; objects: { spans: { annotator: string }[] } }[] } },
    ];
    const fromFeed = feed.value.records.flatMap((r) => r.objects.spans.map((s) => s.annotator));
    assert.deepEqual(fromFeed, ["amal"]);
    assert.ok(
      feed.value.records.some((r) => r.annotator === "badr"),
      "badr's record is there, without his span",
    );
    assert.deepEqual(await layersSeen(badr), ["badr:QUOTE"]);
    assert.deepEqual((await layersSeen(carla)).sort(), ["amal:PER", "badr:QUOTE"]);
  });

  it("opens for the desktop app by URL and sign-in, and tells it of the others' writes", async (t) => {
    const { base, accounts, signIn, call } = await team(t);
    const carla = await signIn("carla");
    const [, imported] = (await call(carla, "importDocuments", { files: [file("a.txt", TEXT)] })) as [
      number,
      { value: { outcomes: { documentId: number }[] } },
    ];
    const documentId = imported.value.outcomes[0]?.documentId ?? 0;
    await accounts.assign(new Map([["amal", [documentId]]]));
    await assert.rejects(TeamClient.signIn(`${base}/`, "amal", "wrong"), /wrong name or password for amal$/u);
    const desktop = await TeamClient.signIn(`${base}/`, "amal", "amal-password");
    t.after(() => desktop.close());
    const listed = await desktop.run("listDocuments", {}, "desktop");
    assert.ok(listed.ok);
    assert.deepEqual(
      listed.value.map((d) => d.id),
      [documentId],
    );
    const heard: string[] = [];
    const stop = watchForeignChanges(changesThroughWorker(desktop, "desktop-watch"), "desktop", (records) => {
      heard.push(...records.map((r) => r.annotator));
    });
    t.after(stop);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const wrote = performance.now();
    await call(carla, "createSpan", { documentId, label: "PER", start: 24, end: 36 });
    while (!heard.includes("carla") && performance.now() - wrote < 1000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(heard, ["carla"], "carla's write reached the desktop within a second");
    const mine = await desktop.run("createSpan", { documentId, label: "LOC", start: 18, end: 23 }, "desktop");
    assert.ok(mine.ok);
    assert.equal(mine.value.annotator, "amal");
  });
});
