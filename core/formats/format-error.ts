import { isLabelName, LABEL_NAME_RULE } from "../labels.ts";

/**
 * A malformed input file, as every reader reports it: the line (1-based, when the format
 * has lines) and the reason. The import operation prefixes the file name, so a person reads
 * `corpus.conll: line 12: "PER" is not an IOB tag`.
 */
export class FormatError extends Error {
  /** 1-based line, or null when the problem is not on one line. */
  readonly line: number | null;
  readonly reason: string;

  /**
   * @param reason why, in English; kept to one line of at most 300 characters (a parser's
   *   message quoting the file may hold line breaks or run long)
   */
  constructor(line: number | null, reason: string) {
    const oneLine = reason.replace(/[\r\n\u2028\u2029]+/gu, " ");
    const short = [...oneLine].length > 300 ? `${[...oneLine].slice(0, 299).join("")}…` : oneLine;
    super(line === null ? short : `line ${String(line)}: ${short}`);
    this.name = "FormatError";
    this.line = line;
    this.reason = short;
  }
}

/**
 * Refuse a label or relation type name a file brings that Qawl could not write back into
 * every format (`LABEL_NAME_PATTERN` of `core/labels.ts`: empty, spaces, control characters…).
 * @param line the 1-based line it is on, or null
 * @param what what names it, for the reason: `label`, `relation type`, `T3: label`
 * @throws FormatError `what "name" is not a label name (rule)`
 */
export function requireLabelName(line: number | null, name: string, what = "label"): void {
  if (!isLabelName(name)) {
    throw new FormatError(line, `${what} ${JSON.stringify(name)} is not a label name (${LABEL_NAME_RULE})`);
  }
}
