import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { devToolsAllowed, viewMenuRoles } from "./window-rules.ts";

// electron-builder's configuration reference: https://www.electron.build/configuration
interface BuilderConfig {
  files?: string[];
  npmRebuild?: boolean;
  buildDependenciesFromSource?: boolean;
  asarUnpack?: string[];
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
}

const config = parse(readFileSync(new URL("../../electron-builder.yml", import.meta.url), "utf8")) as BuilderConfig;
const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  main: string;
  dependencies: Record<string, string>;
};

describe("electron-builder.yml", () => {
  it("targets AppImage and deb, NSIS, and dmg", () => {
    assert.deepEqual(config.linux?.target, ["AppImage", "deb"]);
    assert.deepEqual(config.win?.target, ["nsis"]);
    assert.deepEqual(config.mac?.target, ["dmg"]);
  });

  it("never rebuilds native modules (better-sqlite3 13 ships N-API prebuilds)", () => {
    assert.equal(config.npmRebuild, false);
    assert.equal(config.buildDependenciesFromSource, false);
    assert.match(pkg.dependencies["better-sqlite3"] ?? "", /^\^?13\./u);
  });

  it("unpacks better-sqlite3 from the asar archive", () => {
    assert.ok(config.asarUnpack?.some((p) => p.startsWith("node_modules/better-sqlite3/")));
  });

  it("sets the fuses: no run-as-node, no NODE_OPTIONS, no inspector flags, asar integrity", () => {
    const fuses = config.electronFuses ?? {};
    assert.equal(fuses["runAsNode"], false);
    assert.equal(fuses["enableNodeOptionsEnvironmentVariable"], false);
    assert.equal(fuses["enableNodeCliInspectArguments"], false);
    assert.equal(fuses["enableEmbeddedAsarIntegrityValidation"], true);
    assert.equal(fuses["onlyLoadAppFromAsar"], true);
  });

  it("packages the built app (main entry included) and not the sample fixture", () => {
    assert.ok(config.files?.includes("dist/**/*"));
    assert.ok(pkg.main.startsWith("dist/"));
    assert.ok(!(config.files ?? []).some((f) => f.includes("fixtures")));
  });
});

describe("the desktop window", () => {
  it("has no developer tools in a packaged build, in the View menu or the window", () => {
    assert.ok(!viewMenuRoles(true).includes("toggleDevTools"));
    assert.equal(devToolsAllowed(true), false);
    assert.ok(viewMenuRoles(false).includes("toggleDevTools"));
    assert.equal(devToolsAllowed(false), true);
  });

  it("takes the single-instance lock before opening a project, and passes devTools from the rule", () => {
    // main.ts imports electron, which cannot run here: read what it does.
    const main = readFileSync(new URL("./main.ts", import.meta.url), "utf8");
    assert.match(main, /if \(app\.requestSingleInstanceLock\(\)\) void start\(\);\s*else app\.quit\(\);/u);
    assert.match(main, /app\.on\("second-instance"/u);
    assert.match(main, /devTools: devToolsAllowed\(app\.isPackaged\)/u);
    assert.match(main, /installMenu\(window, project, app\.isPackaged\)/u);
  });
});
