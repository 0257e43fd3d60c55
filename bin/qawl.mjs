#!/usr/bin/env node
// The `qawl` command. Plain JavaScript that parses on any Node.js, so that an old Node
// gets one clear line instead of a syntax error from the code it cannot run.
import { fileURLToPath } from "node:url";

const REQUIRED_MAJOR = 22;

/**
 * The one-line complaint about a Node.js version, or null when it is new enough.
 * @param {string} version `process.versions.node`, e.g. "20.20.2"
 * @returns {string | null}
 */
export function nodeVersionProblem(version) {
  const major = Number(version.split(".")[0]);
  return major >= REQUIRED_MAJOR ? null : `qawl needs Node.js ${REQUIRED_MAJOR} or newer; this is Node.js ${version}.`;
}

if (
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === (await import("node:fs")).realpathSync(process.argv[1])
) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
  let cli;
  try {
    cli = await import("../dist/cli/main.js");
  } catch (e) {
    console.error(`qawl: cannot load dist/cli/main.js (${e.message}); run "npm install" or "npm run build" first.`);
    process.exit(1);
  }
  process.exitCode = await cli.run(process.argv.slice(2));
}
