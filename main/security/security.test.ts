import assert from "node:assert/strict";
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { tempDir } from "../../test-support/temp.ts";
import { CONTENT_SECURITY_POLICY } from "./policy.ts";
import { isAllowedNavigation, isTrustedSender } from "./sender.ts";
import { mediaTypeOf, resolveStaticFile } from "./static-files.ts";

describe("resolveStaticFile", () => {
  /** A renderer folder with an index and an asset, beside a secret file. */
  const folder = (t: TestContext) => {
    const top = tempDir(t);
    const root = join(top, "renderer");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html>");
    writeFileSync(join(root, "assets", "index-x.js"), "");
    writeFileSync(join(top, "secret"), "password");
    return { root: realpathSync(root), top: realpathSync(top) };
  };

  it("maps / to index.html and paths to files under the root", (t) => {
    const { root } = folder(t);
    assert.equal(resolveStaticFile(root, "/"), join(root, "index.html"));
    assert.equal(resolveStaticFile(root, "/assets/index-x.js"), join(root, "assets", "index-x.js"));
    assert.equal(resolveStaticFile(root, "/assets/missing.js"), null);
  });

  it("never leaves the root: .., encoded .., absolute paths, NUL, sibling prefixes", (t) => {
    const { root } = folder(t);
    for (const path of [
      "/../main.js",
      "/assets/../../secret",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/..%2f..%2fetc%2fpasswd",
      "/%00",
      "/../renderer-evil/x.js",
      "/%E0%A4%A",
    ]) {
      assert.equal(resolveStaticFile(root, path), null, path);
    }
  });

  it("serves nothing a symbolic link in the folder points to outside it", (t) => {
    const { root, top } = folder(t);
    symlinkSync(join(top, "secret"), join(root, "passwd"));
    symlinkSync("/etc", join(root, "etc"));
    symlinkSync(join(root, "index.html"), join(root, "home.html"));
    assert.equal(resolveStaticFile(root, "/passwd"), null);
    assert.equal(resolveStaticFile(root, "/etc/passwd"), null);
    // A link that stays inside the folder is followed.
    assert.equal(resolveStaticFile(root, "/home.html"), join(root, "index.html"));
  });
});

describe("mediaTypeOf", () => {
  it("names the types the renderer needs", () => {
    assert.equal(mediaTypeOf("/r/index.html"), "text/html; charset=utf-8");
    // RFC 9239 §6: text/javascript is the JavaScript media type.
    assert.equal(mediaTypeOf("/r/a.js"), "text/javascript; charset=utf-8");
    assert.equal(mediaTypeOf("/r/f.woff2"), "font/woff2");
    assert.equal(mediaTypeOf("/r/unknown.zzz"), "application/octet-stream");
  });
});

describe("IPC sender check", () => {
  it("trusts only app://qawl in the main frame", () => {
    assert.equal(isTrustedSender("app://qawl/index.html", true), true);
    assert.equal(isTrustedSender("app://qawl/index.html", false), false);
    assert.equal(isTrustedSender("app://evil/index.html", true), false);
    assert.equal(isTrustedSender("https://qawl/index.html", true), false);
    assert.equal(isTrustedSender("file:///app/index.html", true), false);
    assert.equal(isTrustedSender(null, true), false);
    assert.equal(isTrustedSender("not a url", true), false);
  });

  it("blocks navigation away from the app", () => {
    assert.equal(isAllowedNavigation("app://qawl/index.html"), true);
    assert.equal(isAllowedNavigation("https://example.com/"), false);
    assert.equal(isAllowedNavigation("javascript:alert(1)"), false);
  });
});

describe("Content Security Policy", () => {
  it("allows no inline code or style and no remote origin", () => {
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https?:|\*/u);
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/u);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'/u);
  });
});
