/**
 * CoNLL token-per-line files with IOB tags (CoNLL-2002/2003 shared tasks; IOB2 as in
 * Tjong Kim Sang & Veenstra 1999, IOB1 as in Ramshaw & Marcus 1995): one token a line, its
 * tag in the last column, sentences separated by a blank line (or a whitespace-only line),
 * documents by `-DOCSTART-` lines.
 *
 * Reading records the file's dialect — column separator (tab, or space with the tag after
 * the last space, since tokens may hold spaces), BOM, line ends, sentence separator line,
 * trailing newline, tag scheme — and every token's own text and other columns, so the file
 * can be written back byte for byte. A document's text is its tokens joined by single
 * spaces, one sentence a line; when the file has no sentence separators, lines end after
 * sentence-final tokens (`.` `!` `?` `؟`) for reading only. Offsets are code points.
 */
import { FormatError, requireLabelName } from "../format-error.ts";

/** How a CoNLL file is written. */
export interface ConllDialect {
  /** Column separator: a tab, or a space (the tag follows the last space). */
  separator: "\t" | " ";
  /** Whether the file starts with a UTF-8 byte order mark. */
  bom: boolean;
  lineEnd: "\n" | "\r\n";
  /** The exact line between sentences (`""`, or e.g. a single tab), or null when the file has none. */
  sentenceSeparator: string | null;
  /** Whether the last line ends with a line end. */
  trailingNewline: boolean;
  tagScheme: "IOB2" | "IOB1";
}

/** A token as the file has it. */
export interface ConllToken {
  /** Token text (may hold spaces, e.g. ANERcorp's `الصالحية ونايفة`). */
  text: string;
  /** Columns between the token and the tag, verbatim (POS, chunk…); usually none. */
  middle: string[];
  /** The tag as read, e.g. `B-PERS`. */
  tag: string;
  /** Code point offsets of the token in the document text. */
  start: number;
  end: number;
}

/** A line of a CoNLL file that holds no token: a sentence separator or a `-DOCSTART-` line. */
export interface ConllExtraLine {
  /** Position among the document's lines (token lines and extra lines together). */
  at: number;
  /** The line exactly, without its line end. */
  text: string;
}

/** A document of a CoNLL file: its sentences, and the `-DOCSTART-` line that opened it, if any. */
export interface ConllDocument {
  docstart: string | null;
  sentences: ConllToken[][];
  /** Every non-token line of the document where the file has it, so it is written back exactly. */
  extraLines: ConllExtraLine[];
  /** The text Qawl stores: tokens joined by spaces, one sentence (or inferred sentence) a line. */
  text: string;
  /** Named spans from the tags, code points, with the label names as the file writes them. */
  spans: { label: string; start: number; end: number }[];
}

/** A stray `I-` tag read as the start of a span (IOB2). */
export interface StrayInside {
  line: number;
  tag: string;
}

/** What reading found. */
export interface ConllFile {
  dialect: ConllDialect;
  documents: ConllDocument[];
  /** IOB2 only: `I-` tags with no span of their type before them, read as starts (written back as `B-`). */
  strayInside: StrayInside[];
}

/** A malformed CoNLL file: the line (1-based) and the reason. */
export class ConllError extends FormatError {
  constructor(line: number, reason: string) {
    super(line, reason);
    this.name = "ConllError";
  }
}

const TAG = /^(?:O|[BI]-\S+)$/u;
const SENTENCE_FINAL = new Set([".", "!", "?", "؟"]);

interface RawToken {
  text: string;
  middle: string[];
  tag: string;
  line: number;
}

/** Split a file into lines, checking that every line ends the same way. */
function splitLines(content: string): { lines: string[]; lineEnd: "\n" | "\r\n"; trailingNewline: boolean } {
  const crlf = content.indexOf("\r\n");
  const lf = content.indexOf("\n");
  const lineEnd = crlf >= 0 && crlf + 1 === lf ? "\r\n" : "\n";
  const lines = content.split("\n");
  if (lineEnd === "\r\n") {
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i] ?? "";
      if (!line.endsWith("\r")) throw new ConllError(i + 1, "line ends with LF where the file uses CRLF");
      lines[i] = line.slice(0, -1);
    }
  } else {
    const cr = lines.findIndex((l) => l.includes("\r"));
    if (cr >= 0) throw new ConllError(cr + 1, "stray carriage return (the file's lines end with LF)");
  }
  const trailingNewline = lines[lines.length - 1] === "";
  if (trailingNewline) lines.pop();
  return { lines, lineEnd, trailingNewline };
}

/**
 * Read a CoNLL file.
 * @param content the decoded file (a leading U+FEFF is taken as the BOM)
 * @throws ConllError with the line and reason of the first malformed line
 */
export function readConll(content: string): ConllFile {
  const bom = content.startsWith("\uFEFF");
  const { lines, lineEnd, trailingNewline } = splitLines(bom ? content.slice(1) : content);
  if (lines.length === 0) throw new ConllError(1, "the file holds no tokens");
  const separator = lines.some((l) => l.includes("\t") && l.trim() !== "") ? "\t" : " ";
  const separators = new Map<string, number>();
  const docs: { docstart: string | null; sentences: RawToken[][]; extraLines: ConllExtraLine[]; lineCount: number }[] =
    [{ docstart: null, sentences: [[]], extraLines: [], lineCount: 0 }];
  lines.forEach((line, i) => {
    let doc = docs[docs.length - 1];
    if (doc === undefined) return;
    if (line.startsWith("-DOCSTART-")) {
      doc = { docstart: line, sentences: [[]], extraLines: [], lineCount: 0 };
      docs.push(doc);
      doc.extraLines.push({ at: doc.lineCount++, text: line });
      return;
    }
    if (line.trim() === "") {
      separators.set(line, (separators.get(line) ?? 0) + 1);
      doc.extraLines.push({ at: doc.lineCount++, text: line });
      if ((doc.sentences[doc.sentences.length - 1]?.length ?? 0) > 0) doc.sentences.push([]);
      return;
    }
    doc.lineCount++;
    let text: string;
    let middle: string[] = [];
    let tag: string;
    if (separator === "\t") {
      const parts = line.split("\t");
      if (parts.length < 2) throw new ConllError(i + 1, "expected a token and a tag separated by a tab");
      text = parts[0] ?? "";
      tag = parts[parts.length - 1] ?? "";
      middle = parts.slice(1, -1);
    } else {
      const cut = line.lastIndexOf(" ");
      if (cut <= 0) throw new ConllError(i + 1, "expected a token and a tag separated by a space");
      text = line.slice(0, cut);
      tag = line.slice(cut + 1);
    }
    if (text === "") throw new ConllError(i + 1, "empty token");
    if (!TAG.test(tag)) throw new ConllError(i + 1, `"${tag}" is not an IOB tag (O, B-TYPE or I-TYPE)`);
    if (tag !== "O") requireLabelName(i + 1, tag.slice(2), `${tag}: type`);
    doc.sentences[doc.sentences.length - 1]?.push({ text, middle, tag, line: i + 1 });
  });
  const nonEmpty = docs.filter((d, i) => i > 0 || d.lineCount > 0);
  for (const doc of nonEmpty) {
    if (doc.sentences[doc.sentences.length - 1]?.length === 0) doc.sentences.pop();
  }
  if (nonEmpty.every((d) => d.sentences.length === 0)) throw new ConllError(1, "the file holds no tokens");
  const sentenceSeparator =
    separators.size === 0 ? null : ([...separators.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "");
  const tagScheme = detectScheme(nonEmpty.flatMap((d) => d.sentences));
  const strayInside: StrayInside[] = [];
  const documents = nonEmpty.map((d) => ({
    ...buildDocument(d.docstart, d.sentences, sentenceSeparator, tagScheme, strayInside),
    extraLines: d.extraLines,
  }));
  return {
    dialect: { separator, bom, lineEnd, sentenceSeparator, trailingNewline, tagScheme },
    documents,
    strayInside,
  };
}

/** IOB1 when `I-` opens most spans (B- only splits adjacent spans of one type); IOB2 otherwise. */
function detectScheme(sentences: RawToken[][]): "IOB2" | "IOB1" {
  let opensWithI = 0;
  let opensWithB = 0;
  for (const sentence of sentences) {
    let previous = "O";
    for (const t of sentence) {
      const type = t.tag.slice(2);
      if (t.tag.startsWith("B-")) opensWithB++;
      else if (t.tag.startsWith("I-") && previous.slice(2) !== type) opensWithI++;
      previous = t.tag;
    }
  }
  return opensWithI > opensWithB ? "IOB1" : "IOB2";
}

function buildDocument(
  docstart: string | null,
  raw: RawToken[][],
  sentenceSeparator: string | null,
  scheme: "IOB2" | "IOB1",
  strayInside: StrayInside[],
): Omit<ConllDocument, "extraLines"> {
  // Lines of text: the file's sentences, or (without separators) sentences inferred at final tokens.
  const lines: RawToken[][] =
    sentenceSeparator !== null
      ? raw
      : raw.flatMap((sentence) => {
          const out: RawToken[][] = [[]];
          sentence.forEach((t, i) => {
            out[out.length - 1]?.push(t);
            // Never inside a span: not before a token that continues one.
            const next = sentence[i + 1];
            if (SENTENCE_FINAL.has(t.text) && next !== undefined && !next.tag.startsWith("I-")) out.push([]);
          });
          return out.filter((s) => s.length > 0);
        });
  let text = "";
  let at = 0;
  const tokensByLine: ConllToken[][] = [];
  const spans: ConllDocument["spans"] = [];
  lines.forEach((line, li) => {
    if (li > 0) {
      text += "\n";
      at += 1;
    }
    const tokens: ConllToken[] = [];
    line.forEach((t, ti) => {
      if (ti > 0) {
        text += " ";
        at += 1;
      }
      const length = [...t.text].length;
      const token: ConllToken = { text: t.text, middle: t.middle, tag: t.tag, start: at, end: at + length };
      tokens.push(token);
      text += t.text;
      at += length;
    });
    tokensByLine.push(tokens);
  });
  // Spans, sentence by sentence as the file has them (a span never crosses a sentence separator).
  const flat = tokensByLine.flat();
  let index = 0;
  for (const sentence of raw) {
    const tagged = sentence.flatMap((rawToken) => {
      const token = flat[index++];
      return token === undefined
        ? []
        : [{ start: token.start, end: token.end, tag: rawToken.tag, line: rawToken.line }];
    });
    spans.push(...spansFromTags(tagged, scheme, (line, tag) => strayInside.push({ line, tag })));
  }
  return { docstart, sentences: tokensByLine, text, spans };
}

/**
 * Spans from the tags of one sentence's tokens (code point extents).
 * @param onStray called for an `I-` that opens a span in IOB2 (a stray tag), with its line
 */
export function spansFromTags(
  tokens: readonly { start: number; end: number; tag: string; line?: number }[],
  scheme: "IOB2" | "IOB1",
  onStray?: (line: number, tag: string) => void,
): { label: string; start: number; end: number }[] {
  const spans: { label: string; start: number; end: number }[] = [];
  let open: { label: string; start: number; end: number } | null = null;
  let previous = "O";
  for (const token of tokens) {
    const tag = token.tag;
    const type = tag.slice(2);
    const continues = previous !== "O" && previous.slice(2) === type;
    if (tag === "O") {
      if (open !== null) spans.push(open);
      open = null;
    } else if (tag.startsWith("B-") || !continues || open === null) {
      // An I- that opens a span is normal in IOB1, a stray tag in IOB2.
      if (!tag.startsWith("B-") && scheme === "IOB2") onStray?.(token.line ?? 0, tag);
      if (open !== null) spans.push(open);
      open = { label: type, start: token.start, end: token.end };
    } else {
      open.end = token.end;
    }
    previous = tag;
  }
  if (open !== null) spans.push(open);
  return spans;
}

/**
 * Tags for tokens from spans, in a tag scheme.
 * @param tokens the tokens (code point extents), in order
 * @param spans named spans aligned to tokens, not overlapping each other
 * @param scheme IOB2 (every span opens with B-) or IOB1 (B- only after a span of the same type)
 */
export function tagsFor(
  tokens: readonly { start: number; end: number }[],
  spans: readonly { label: string; start: number; end: number }[],
  scheme: "IOB2" | "IOB1",
): string[] {
  const tags = tokens.map(() => "O");
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let ti = 0;
  let previousSpan: { label: string; lastToken: number } | null = null;
  for (const span of sorted) {
    while (ti < tokens.length && (tokens[ti]?.end ?? 0) <= span.start) ti++;
    let first = true;
    for (let k = ti; k < tokens.length && (tokens[k]?.start ?? Infinity) < span.end; k++) {
      const adjacentSameType =
        previousSpan !== null && previousSpan.label === span.label && previousSpan.lastToken === k - 1;
      const prefix = !first ? "I-" : scheme === "IOB2" || adjacentSameType ? "B-" : "I-";
      tags[k] = `${prefix}${span.label}`;
      first = false;
      previousSpan = { label: span.label, lastToken: k };
    }
  }
  return tags;
}

/**
 * Write documents back in a dialect, tags taken from `tags` (one per token, in order), with
 * their separator and `-DOCSTART-` lines where they were.
 * @returns the file's text (a leading U+FEFF when the dialect has a BOM)
 */
export function writeConll(
  dialect: ConllDialect,
  documents: readonly {
    sentences: readonly (readonly ConllToken[])[];
    extraLines: readonly ConllExtraLine[];
    tags: readonly string[];
  }[],
): string {
  const out: string[] = [];
  for (const doc of documents) {
    const tokens = doc.sentences.flat();
    let k = 0;
    let e = 0;
    const total = tokens.length + doc.extraLines.length;
    for (let at = 0; at < total; at++) {
      const extra = doc.extraLines[e];
      if (extra !== undefined && extra.at === at) {
        out.push(extra.text);
        e++;
        continue;
      }
      const token = tokens[k];
      if (token === undefined) break;
      out.push([token.text, ...token.middle, doc.tags[k] ?? "O"].join(dialect.separator));
      k++;
    }
  }
  const body = out.join(dialect.lineEnd) + (dialect.trailingNewline ? dialect.lineEnd : "");
  return (dialect.bom ? "\uFEFF" : "") + body;
}
