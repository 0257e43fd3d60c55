import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { ProjectStore } from "../../db/project.ts";
import { tempDir } from "../../test-support/temp.ts";
import { createOperationTable } from "../ops/table.ts";
import { serveCredentials, startProjectServer } from "./durable.ts";
import { sameSite, startServer, type RunningServer } from "./server.ts";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with full control of the headers (fetch forbids setting Host). */
function ask(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      // A fresh connection each time: a kept-alive one may point at a server stopped since.
      { host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

async function serve(t: TestContext): Promise<RunningServer> {
  const dir = tempDir(t);
  const root = join(dir, "renderer");
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(join(root, "index.html"), "<!doctype html><title>Qawl</title>");
  writeFileSync(join(root, "assets", "app.js"), "export {};");
  writeFileSync(join(dir, "secret.txt"), "secret");
  const store = new ProjectStore(join(dir, "p.qawl"));
  const server = await startServer({ table: createOperationTable(store, { annotator: "t" }), rendererRoot: root });
  t.after(async () => {
    await server.close();
    store.close();
  });
  return server;
}

describe("qawl serve", () => {
  it("listens on 127.0.0.1 on a random port and prints a URL with a 256-bit token", async (t) => {
    const server = await serve(t);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/u);
    assert.notEqual(server.port, 0);
  });

  it("serves the page only with the token, then its assets by cookie", async (t) => {
    const server = await serve(t);
    const host = { Host: `127.0.0.1:${String(server.port)}` };
    assert.equal((await ask(server.port, "/", { headers: host })).status, 401);
    assert.equal((await ask(server.port, "/?token=wrong", { headers: host })).status, 401);
    const page = await ask(server.port, `/?token=${server.token}`, { headers: host });
    assert.equal(page.status, 200);
    assert.match(String(page.headers["content-security-policy"]), /default-src 'none'/u);
    const cookie = String(page.headers["set-cookie"]).split(";")[0] ?? "";
    assert.match(cookie, /^qawl_token_\d+=/u);
    // The cookie never carries the API token (other servers on 127.0.0.1 receive it too).
    assert.ok(!cookie.includes(server.token), cookie);
    assert.match(String(page.headers["set-cookie"]), /HttpOnly; SameSite=Strict/u);
    const asset = await ask(server.port, "/assets/app.js", { headers: { ...host, Cookie: cookie } });
    assert.equal(asset.status, 200);
    assert.equal(asset.body, "export {};");
    const wrongInUrl = await ask(server.port, "/?token=stale", { headers: { ...host, Cookie: cookie } });
    assert.equal(wrongInUrl.status, 401, "a wrong token in the URL is refused even with a valid cookie");
    const escape = await ask(server.port, "/..%2fsecret.txt", { headers: { ...host, Cookie: cookie } });
    assert.equal(escape.status, 404);
  });

  it("refuses an API call from another site's page (Origin), and answers a malformed request 400", async (t) => {
    const server = await serve(t);
    const headers = {
      Host: `127.0.0.1:${String(server.port)}`,
      "Content-Type": "application/json",
      "X-Qawl-Token": server.token,
    };
    const call = (extra: Record<string, string>, path = "/api/listDocuments") =>
      ask(server.port, path, { method: "POST", headers: { ...headers, ...extra }, body: "{}" });
    assert.equal((await call({ Origin: "https://evil.example" })).status, 403);
    assert.equal((await call({ Origin: `http://127.0.0.1:${String(server.port + 1)}` })).status, 403);
    assert.equal((await call({ Origin: `http://127.0.0.1:${String(server.port)}` })).status, 200);
    const local = `localhost:${String(server.port)}`;
    assert.equal((await call({ Host: local, Origin: `http://${local}` })).status, 200);
    // A page of another host name than the one asked is not this page.
    assert.equal((await call({ Origin: `http://${local}` })).status, 403);
    // Behind an HTTPS reverse proxy a team server's page names the public host.
    assert.equal(sameSite("https://desk.example.org", "127.0.0.1:8080", ["desk.example.org"]), true);
    assert.equal(sameSite("http://desk.example.org", "127.0.0.1:8080", ["desk.example.org"]), false);
    assert.equal(sameSite("null", "127.0.0.1:8080", ["127.0.0.1"]), false);
    const badName = await call({}, "/api/list%E0%A4%A");
    assert.equal(badName.status, 400);
    assert.match(badName.body, /percent-encoding/u);
  });

  it("refuses a foreign Host header (DNS rebinding)", async (t) => {
    const server = await serve(t);
    const answer = await ask(server.port, `/?token=${server.token}`, { headers: { Host: "evil.example:80" } });
    assert.equal(answer.status, 421);
    const localhost = await ask(server.port, `/?token=${server.token}`, {
      headers: { Host: `localhost:${String(server.port)}` },
    });
    assert.equal(localhost.status, 200);
  });

  it("requires the token header on the API, even with the cookie", async (t) => {
    const server = await serve(t);
    const headers = { Host: `127.0.0.1:${String(server.port)}`, "Content-Type": "application/json" };
    const cookie = `qawl_token_${String(server.port)}=${server.token}`;
    const noToken = await ask(server.port, "/api/listDocuments", {
      method: "POST",
      headers: { ...headers, Cookie: cookie },
      body: "{}",
    });
    assert.equal(noToken.status, 401);
    const ok = await ask(server.port, "/api/listDocuments", {
      method: "POST",
      headers: { ...headers, "X-Qawl-Token": server.token },
      body: "{}",
    });
    assert.equal(ok.status, 200);
    assert.deepEqual(JSON.parse(ok.body), { ok: true, value: [] });
    const bad = await ask(server.port, "/api/getDocument", {
      method: "POST",
      headers: { ...headers, "X-Qawl-Token": server.token },
      body: '{"documentId": 5}',
    });
    assert.equal(bad.status, 404);
    assert.deepEqual(JSON.parse(bad.body), {
      ok: false,
      error: {
        code: "not_found",
        message: "document 5 does not exist",
        detail: { kind: "document.missing", documentId: 5 },
      },
    });
    const notJson = await ask(server.port, "/api/listDocuments", {
      method: "POST",
      headers: { ...headers, "Content-Type": "text/plain", "X-Qawl-Token": server.token },
      body: "{}",
    });
    assert.equal(notJson.status, 415);
  });
});

describe("qawl serve: a token that survives restarts", () => {
  /** A renderer folder, a project and a tokens file in a temporary folder. */
  function setup(t: TestContext) {
    const dir = tempDir(t);
    const root = join(dir, "renderer");
    mkdirSync(root);
    writeFileSync(join(root, "index.html"), "<!doctype html><title>Qawl</title>");
    const projectPath = join(dir, "p.qawl");
    const store = new ProjectStore(projectPath);
    t.after(() => {
      store.close();
    });
    const tokensFile = join(dir, "data", "Qawl", "serve-tokens.json");
    const start = (extra: { newToken?: boolean; port?: number } = {}) =>
      startProjectServer({
        table: createOperationTable(store, { annotator: "t" }),
        rendererRoot: root,
        projectPath,
        tokensFile,
        ...extra,
      });
    return { dir, projectPath, tokensFile, start };
  }

  const listDocuments = (port: number, token: string) =>
    ask(port, "/api/listDocuments", {
      method: "POST",
      headers: { Host: `127.0.0.1:${String(port)}`, "Content-Type": "application/json", "X-Qawl-Token": token },
      body: "{}",
    });

  it("serves the same URL after a restart, and --new-token makes the old one fail", async (t) => {
    const { projectPath, tokensFile, start } = setup(t);
    const first = await start();
    assert.deepEqual(first.notes, []);
    await first.server.close();
    const again = await start();
    t.after(() => again.server.close());
    assert.equal(again.server.url, first.server.url, "same token and same port");
    assert.equal((await listDocuments(again.server.port, first.server.token)).status, 200);
    await again.server.close();

    const rotated = await start({ newToken: true });
    t.after(() => rotated.server.close());
    assert.notEqual(rotated.server.token, first.server.token);
    assert.match(rotated.server.token, /^[A-Za-z0-9_-]{43}$/u);
    assert.equal(rotated.server.port, first.server.port);
    assert.match(rotated.notes.join("\n"), /new token/u);
    assert.equal((await listDocuments(rotated.server.port, first.server.token)).status, 401);
    assert.equal((await listDocuments(rotated.server.port, rotated.server.token)).status, 200);
    const page = await ask(rotated.server.port, `/?token=${first.server.token}`, {
      headers: { Host: `127.0.0.1:${String(rotated.server.port)}` },
    });
    assert.equal(page.status, 401, "a bookmark with the old token is refused");

    // The file: private, keyed by the project's absolute path, no temporary files left.
    assert.equal(statSync(tokensFile).mode & 0o777, 0o600);
    const kept = JSON.parse(readFileSync(tokensFile, "utf8")) as {
      version: number;
      projects: Record<string, { token: string; port: number }>;
    };
    assert.equal(kept.version, 1);
    assert.deepEqual(kept.projects[projectPath], { token: rotated.server.token, port: rotated.server.port });
  });

  it("keeps one token per project, and takes a free port when the last one is taken", async (t) => {
    const { dir, tokensFile, start } = setup(t);
    const other = serveCredentials(join(dir, "other.qawl"), { file: tokensFile });
    const first = await start();
    assert.notEqual(first.server.token, other.token);
    assert.equal(serveCredentials(join(dir, "other.qawl"), { file: tokensFile }).token, other.token);
    await first.server.close();
    const squatter = createServer();
    await new Promise<void>((resolveListen) => squatter.listen(first.server.port, "127.0.0.1", resolveListen));
    t.after(
      () =>
        new Promise<void>((resolveClose) => {
          squatter.close(() => {
            resolveClose();
          });
        }),
    );
    const moved = await start();
    t.after(() => moved.server.close());
    assert.equal(moved.server.token, first.server.token);
    assert.notEqual(moved.server.port, first.server.port);
    assert.match(moved.notes.join("\n"), new RegExp(`port ${String(first.server.port)} is taken`, "u"));
    assert.equal((await listDocuments(moved.server.port, first.server.token)).status, 200);
    // The stand-in port is for that run only: once the project's port is free, the next
    // start is back on it, where the tabs opened before still are.
    await moved.server.close();
    await new Promise<void>((resolveClose) => {
      squatter.close(() => {
        resolveClose();
      });
    });
    const back = await start();
    t.after(() => back.server.close());
    assert.equal(back.server.url, first.server.url);
    assert.deepEqual(back.notes, []);
  });

  it("treats an unreadable tokens file as empty and replaces it", async (t) => {
    const { tokensFile, start } = setup(t);
    mkdirSync(join(tokensFile, ".."), { recursive: true });
    writeFileSync(tokensFile, "{not json", { mode: 0o644 });
    const served = await start();
    t.after(() => served.server.close());
    assert.match(served.server.token, /^[A-Za-z0-9_-]{43}$/u);
    assert.equal(statSync(tokensFile).mode & 0o777, 0o600);
  });
});
