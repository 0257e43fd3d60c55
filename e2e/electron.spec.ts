import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { _electron as electron, test } from "@playwright/test";
import { annotateSampleArticle } from "./support/annotate-flow.ts";

/** The Electron binary that `npm install` downloaded, or null (ELECTRON_SKIP_BINARY_DOWNLOAD=1). */
function electronBinary(): string | null {
  const pkg = fileURLToPath(new URL("../node_modules/electron/", import.meta.url));
  const pathFile = join(pkg, "path.txt");
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, "dist", readFileSync(pathFile, "utf8").trim());
  return existsSync(binary) ? binary : null;
}

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
