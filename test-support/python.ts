/**
 * The outside referee for offsets: Python 3, whose `str` indexes by code point. Tests send
 * a text and offsets to `python3` and compare what Python slices with what Qawl says, so
 * the expected values never come from the code under test.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const SCRIPT = `
import hashlib, json, sys
job = json.load(sys.stdin)
text = job["text"]
out = {
  "slices": [text[s:e] for s, e in job.get("ranges", [])],
  "finds": [text.find(n) for n in job.get("needles", [])],
  "length": len(text),
  "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
}
json.dump(out, sys.stdout, ensure_ascii=False)
`;

/** What Python says about a text. */
export interface PythonView {
  /** `text[start:end]` for each range. */
  slices: string[];
  /** `text.find(needle)` (code points; -1 when absent) for each needle. */
  finds: number[];
  /** `len(text)`: the length in code points. */
  length: number;
  /** `hashlib.sha256(text.encode("utf-8")).hexdigest()`. */
  sha256: string;
}

/**
 * Ask Python 3 to slice and search `text`.
 * @param ranges `[start, end]` pairs in code points
 * @param needles substrings to find
 * @throws when `python3` is missing or fails
 */
export function python(
  text: string,
  ranges: readonly (readonly [number, number])[] = [],
  needles: readonly string[] = [],
): PythonView {
  const out = execFileSync("python3", ["-c", SCRIPT], {
    input: JSON.stringify({ text, ranges, needles }),
    encoding: "utf8",
  });
  return JSON.parse(out) as PythonView;
}

/**
 * Run a Python 3 script that reads JSON on stdin and prints JSON on stdout.
 * @param script the script's source (reads `json.load(sys.stdin)`)
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names what the script prints
export function runPython<T>(script: string, input: unknown): T {
  const out = execFileSync("python3", ["-c", script], {
    input: JSON.stringify(input),
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return JSON.parse(out) as T;
}

/** Agreement figures NLTK gives for exported native JSONL files (`agreement_oracle.py`). */
export interface OracleFigures {
  labels: Record<
    string,
    {
      alpha_codepoint: number | null;
      alpha_token: number | null;
      pairs: Record<
        string,
        {
          f1_exact: number | null;
          f1_overlap: number | null;
          kappa_codepoint: number | null;
          kappa_token: number | null;
        }
      >;
    }
  >;
  quotes: Record<string, { matched: number; type: OracleValues; cue: OracleValues; speaker: OracleValues }>;
  entities: Record<string, { matched: number; entity: OracleValues }>;
}

/** Agreement on one value, as the oracle computes it. */
export interface OracleValues {
  compared: number;
  agreed: number;
  observed: number | null;
  kappa: number | null;
}

/**
 * Run `test-support/agreement_oracle.py` (NLTK's AnnotationTask) on native JSONL exports.
 * @param files the exports' contents
 * @param layers the layers to compare, in order
 */
export function agreementOracle(files: readonly string[], layers: readonly string[]): OracleFigures {
  const script = readFileSync(new URL("agreement_oracle.py", import.meta.url), "utf8");
  return runPython<OracleFigures>(script, { files, layers });
}
