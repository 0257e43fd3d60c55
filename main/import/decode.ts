/**
 * Bytes of an article file → its text, strictly: UTF-8 by default (a leading BOM removed
 * and recorded), or the WHATWG encoding the user names. Never a guess: a file that is not
 * valid in the chosen encoding is refused, and the message names the encoding the bytes
 * most likely are (`adviseEncoding`: Arabic encodings first, then `chardet`'s guesses, only
 * ones that make Arabic or Latin letters) so the user can say so with `--encoding`.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package ships no types, and the renderer's and e2e's programs reach this file through tests
/// <reference path="./html-encoding-sniffer.d.ts" />
import chardet from "chardet";
import sniffHTMLEncoding from "html-encoding-sniffer";
import { QawlError, type ImportRefusal } from "../../core/errors.ts";

/** A decoded file. */
export interface DecodedText {
  /** The text exactly as decoded, without a leading BOM. */
  text: string;
  /** Whether a UTF-8 BOM (EF BB BF) was removed. */
  hadBom: boolean;
}

/** git's heuristic for binary content (xdiff `buffer_is_binary`): a NUL among the first 8000 bytes. */
const BINARY_SNIFF_BYTES = 8000;

/** 1-based line of byte `offset` (LF-counted). */
function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629), or -1. Decodes leniently (each
 * ill-formed subsequence becomes U+FFFD, per the WHATWG Encoding Standard) and measures the
 * UTF-8 length of the text before the first U+FFFD that the input did not itself contain.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  let from = 0;
  for (;;) {
    const i = lenient.indexOf("\uFFFD", from);
    if (i < 0) return -1;
    const at = encoder.encode(lenient.slice(0, i)).length;
    const literal = bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd;
    if (!literal) return at;
    from = i + 1;
  }
}

/** Arabic letters (the Arabic script's letters and marks, presentation forms included). */
const ARABIC_LETTER = /(?=[\p{L}\p{M}])\p{Script=Arabic}/u;
/** Latin letters. */
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/u;

/** Letters and marks of any script. */
const ANY_LETTER = /[\p{L}\p{M}]/u;

/**
 * Share of the non-ASCII letters (and marks) of `text` that `letter` matches, 0 when there
 * are none; punctuation and symbols (« », ، ؛) count for nothing either way.
 */
function shareOf(text: string, letter: RegExp): number {
  let all = 0;
  let matching = 0;
  for (const c of text) {
    if ((c.codePointAt(0) ?? 0) < 0x80 || !ANY_LETTER.test(c)) continue;
    all++;
    if (letter.test(c)) matching++;
  }
  return all === 0 ? 0 : matching / all;
}

/** The bytes strictly decoded in `encoding`, or null when they are not valid in it. */
function strictly(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The encoding to advise for bytes that are not UTF-8, as a lowercase WHATWG label, or null.
 * Arabic first: windows-1256 or ISO-8859-6 (or UTF-16) when the bytes decode strictly to
 * text whose non-ASCII letters are mostly (≥ 80 %) Arabic, the better of the
 * two when both do; else `chardet`'s guesses in its order, each only when it decodes to
 * mostly Arabic or Latin letters. Never an encoding that makes no Arabic or Latin letters
 * (chardet's `big5` for a short Arabic text).
 */
export function adviseEncoding(bytes: Uint8Array): string | null {
  const arabic = ["windows-1256", "iso-8859-6", "utf-16le", "utf-16be"]
    .map((encoding) => {
      const text = strictly(bytes, encoding);
      return { encoding, share: text === null ? 0 : shareOf(text, ARABIC_LETTER) };
    })
    .filter((c) => c.share >= 0.8)
    .sort((a, b) => b.share - a.share);
  if (arabic[0] !== undefined) return arabic[0].encoding;
  for (const guess of chardet.analyse(bytes)) {
    const encoding = guess.name.toLowerCase();
    if (encoding === "utf-8") continue;
    const text = strictly(bytes, encoding);
    if (text !== null && shareOf(text, ARABIC_LETTER) + shareOf(text, LATIN_LETTER) >= 0.8) return encoding;
  }
  return null;
}

/**
 * Decode an article file.
 * @param fileName used in messages only
 * @param bytes the file's content
 * @param encoding a WHATWG encoding label (e.g. `windows-1256`); UTF-8 when absent
 * @param options `blank`: an empty or whitespace-only file is decoded, not refused
 * @throws QawlError (`bad_input`) with one line naming the file and the reason, when the file
 *   is empty, binary, not valid in the encoding, only whitespace, UTF-8 while another encoding
 *   is named, or the encoding is unknown
 */
export function decodeText(
  fileName: string,
  bytes: Uint8Array,
  encoding?: string,
  options: { blank?: boolean } = {},
): DecodedText {
  const refuse = (message: string, refusal: ImportRefusal) =>
    new QawlError("bad_input", `${fileName}: ${message}`, {
      kind: "import.file",
      file: fileName,
      files: 1,
      ...refusal,
    });
  if (bytes.length === 0) {
    if (options.blank === true) return { text: "", hadBom: false };
    throw refuse("the file is empty; nothing imported", { reason: "empty" });
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  const isUtf16Bom = (sniff[0] === 0xff && sniff[1] === 0xfe) || (sniff[0] === 0xfe && sniff[1] === 0xff);
  if (sniff.includes(0) && !isUtf16Bom && encoding === undefined) {
    // UTF-16 without a BOM has NULs too (the high bytes of ASCII): advise it when it reads as text.
    const which = ["utf-16le", "utf-16be"].find((e) => {
      const text = strictly(bytes, e);
      return text !== null && !text.includes("\0") && shareOf(text, ARABIC_LETTER) + shareOf(text, LATIN_LETTER) >= 0.8;
    });
    if (which !== undefined) {
      throw refuse(`the file is UTF-16, not UTF-8; import it with --encoding ${which}; nothing imported`, {
        reason: "utf16",
        encoding: which,
      });
    }
    throw refuse("not a text file (it holds binary data); nothing imported", { reason: "binary" });
  }
  let text: string;
  let hadBom = false;
  if (encoding === undefined || /^(utf-?8|unicode-1-1-utf-8)$/iu.test(encoding)) {
    hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hadBom ? bytes.subarray(3) : bytes;
    if (isUtf16Bom && encoding === undefined) {
      const which = sniff[0] === 0xff ? "utf-16le" : "utf-16be";
      throw refuse(`the file is UTF-16, not UTF-8; import it with --encoding ${which}`, {
        reason: "utf16",
        encoding: which,
      });
    }
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      const at = bad + (hadBom ? 3 : 0);
      const guess = adviseEncoding(bytes);
      const hint =
        guess !== null
          ? `it reads as ${shareOf(strictly(bytes, guess) ?? "", ARABIC_LETTER) >= 0.8 ? "Arabic" : "text"} in ${guess}: import it with --encoding ${guess}`
          : "import it with its encoding named (--encoding NAME, for example --encoding windows-1256)";
      const line = lineOf(bytes, at);
      throw refuse(
        `line ${String(line)}: not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0")} at offset ${String(at)}); ${hint}; nothing imported`,
        { reason: "invalid_utf8", line, guess },
      );
    }
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } else {
    // A file with non-ASCII bytes that is valid UTF-8 is UTF-8: decoding it as a legacy
    // encoding would only make mojibake (an encoding left chosen from an earlier file).
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (body.some((b) => b >= 0x80) && firstInvalidUtf8(body) < 0) {
      throw refuse(
        `the file is valid UTF-8, not ${encoding}; import it as UTF-8 (without --encoding); nothing imported`,
        {
          reason: "is_utf8",
          encoding,
        },
      );
    }
    const decoder = (() => {
      try {
        return new TextDecoder(encoding, { fatal: true });
      } catch {
        throw refuse(`unknown encoding "${encoding}"; use a WHATWG label such as windows-1256`, {
          reason: "unknown_encoding",
          encoding,
        });
      }
    })();
    try {
      text = decoder.decode(bytes);
    } catch {
      throw refuse(`not valid ${encoding}; nothing imported`, { reason: "invalid_encoding", encoding });
    }
  }
  if (!/\S/u.test(text) && options.blank !== true) {
    throw refuse("the file holds only whitespace; nothing imported", { reason: "whitespace" });
  }
  return { text, hadBom };
}

/** What `sniffHTMLEncoding` answers when neither a BOM nor a `<meta>` names an encoding. */
const UNDECLARED = "undeclared";

/**
 * The encoding an HTML page declares, by the WHATWG HTML sniffing algorithm (§13.2.3.2): its
 * BOM, else the `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`
 * in its first 1024 bytes (a declared UTF-16 is read as UTF-8, as browsers do).
 * @returns the WHATWG encoding name in lowercase (`windows-1256`, `utf-8`), or null when the
 *   page declares none
 */
export function declaredHtmlEncoding(bytes: Uint8Array): string | null {
  const found = sniffHTMLEncoding(bytes, { defaultEncoding: UNDECLARED });
  return found === UNDECLARED ? null : found.toLowerCase();
}

/**
 * Decode an HTML page: in the encoding named (`--encoding`), else in the one the page
 * declares (`declaredHtmlEncoding`), else strictly as UTF-8. A page whose bytes are valid
 * UTF-8 while it declares a legacy encoding is read as UTF-8 (its declaration is stale).
 * @returns the text, and `declared` when the page's own declaration chose a non-UTF-8 encoding
 * @throws QawlError as `decodeText` does
 */
export function decodeHtml(
  fileName: string,
  bytes: Uint8Array,
  encoding?: string,
): DecodedText & { declared: string | null } {
  if (encoding !== undefined) return { ...decodeText(fileName, bytes, encoding), declared: null };
  const declared = declaredHtmlEncoding(bytes);
  if (declared === null || declared === "utf-8") return { ...decodeText(fileName, bytes), declared: null };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (firstInvalidUtf8(body) < 0) return { ...decodeText(fileName, bytes), declared: null };
  return { ...decodeText(fileName, bytes, declared), declared };
}
