import assert from "node:assert/strict";
import { join, sep } from "node:path";
import { describe, it } from "node:test";
import { CONTENT_SECURITY_POLICY } from "./policy.ts";
import { isAllowedNavigation, isTrustedSender } from "./sender.ts";
import { mediaTypeOf, resolveStaticFile } from "./static-files.ts";

describe("resolveStaticFile", () => {
  const root = join(sep, "app", "dist", "renderer");

  it("maps / to index.html and paths to files under the root", () => {
    assert.equal(resolveStaticFile(root, "/"), join(root, "index.html"));
    assert.equal(resolveStaticFile(root, "/assets/index-x.js"), join(root, "assets", "index-x.js"));
  });

  it("never leaves the root: .., encoded .., absolute paths, NUL, sibling prefixes", () => {
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
