/**
 * Reader for plain-text articles: decode strictly (see `decode.ts`), then read the title
 * and date from the opening lines. The stored text is exactly the decoded text.
 */
import { createHash } from "node:crypto";
import { readArticleMetadata } from "../../core/article/metadata.ts";
import { guessLanguage } from "../../core/text/language.ts";
import { codePointLength } from "../../core/text/offsets.ts";
import type { NewDocument } from "../../db/project.ts";
import { QawlError } from "../../core/errors.ts";
import { decodeText } from "./decode.ts";

/** Lowercase hex SHA-256 of `text` encoded as UTF-8 (no BOM): the document's identity. */
export function textSha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Read one plain-text article file.
 * @param fileName recorded as the document's source and used in messages
 * @param bytes the file's content
 * @param encoding WHATWG encoding label; strict UTF-8 when absent
 * @throws QawlError (`bad_input`) when the file cannot be decoded or is empty (see `decodeText`),
 *   or is an HTML page
 */
export function readPlainTextArticle(fileName: string, bytes: Uint8Array, encoding?: string): NewDocument {
  const { text, hadBom } = decodeText(fileName, bytes, encoding);
  if (/\.x?html?$/iu.test(fileName) || /^\s*<(!doctype\s+html|html[\s>])/iu.test(text)) {
    throw new QawlError("bad_input", `${fileName}: this is an HTML page, not a plain-text article; nothing imported`, {
      kind: "import.file",
      file: fileName,
      files: 1,
      reason: "html_page",
    });
  }
  const { title, published } = readArticleMetadata(text);
  return {
    title,
    published_raw: published?.raw ?? null,
    published_iso: published?.iso ?? null,
    source: fileName,
    url: null,
    lang: guessLanguage(text),
    text,
    text_sha256: textSha256(text),
    had_bom: hadBom ? 1 : 0,
    length: codePointLength(text),
  };
}
