/**
 * The one-line complaint about a Node.js version, or null when it is new enough (22+).
 * @param version `process.versions.node`, e.g. "20.20.2"
 */
export function nodeVersionProblem(version: string): string | null;
