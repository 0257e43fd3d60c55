import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { _electron as electron, test } from "@playwright/test";
import { electronBinary } from "../scripts/electron-binary.mjs";
import { annotateSampleArticle } from "./support/annotate-flow.ts";

const binary = electronBinary();

test("annotate the sample article in the desktop app (Electron)", async () => {
  test.skip(
    binary === null,
    "no Electron binary: installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (it cannot be downloaded here)",
  );
  const dir = mkdtempSync(join(tmpdir(), "qawl-electron-"));
  const main = fileURLToPath(new URL("../dist/main/electron/main.js", import.meta.url));
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [main, "--project", join(dir, "project.qawl")],
    env: { ...process.env, QAWL_ANNOTATOR: "e2e" },
  });
  try {
    const page = await app.firstWindow();
    await annotateSampleArticle(page, async () => {
      await page.reload();
    });
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
