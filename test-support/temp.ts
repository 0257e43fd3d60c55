/** Temporary folders and projects for tests, removed when the test ends. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";

/** A fresh folder that is removed after the test. */
export function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), "qawl-test-"));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** The repository's fixtures: the sample article and `cases/` (inputs that break annotation tools). */
export const FIXTURES = new URL("../fixtures/", import.meta.url);
/** The sample article kept in the repository. */
export const SAMPLE = new URL("../fixtures/lavrov-pompeo-sochi-2019.txt", import.meta.url);

/** The native JSONL export of an operation table (its one file's text). */
export async function exportJsonl(table: {
  exportDocuments: (i: { format: "jsonl" }) => Promise<{ files: { content: string }[] }>;
}): Promise<string> {
  const result = await table.exportDocuments({ format: "jsonl" });
  return result.files[0]?.content ?? "";
}
