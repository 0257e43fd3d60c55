/**
 * A malformed input file, as every reader reports it: the line (1-based, when the format
 * has lines) and the reason. The import operation prefixes the file name, so a person reads
 * `corpus.conll: line 12: "PER" is not an IOB tag`.
 */
export class FormatError extends Error {
  /** 1-based line, or null when the problem is not on one line. */
  readonly line: number | null;
  readonly reason: string;

  constructor(line: number | null, reason: string) {
    super(line === null ? reason : `line ${String(line)}: ${reason}`);
    this.name = "FormatError";
    this.line = line;
    this.reason = reason;
  }
}
