/**
 * The plain-text reader on import: the file's text exactly as decoded (in the encoding the
 * user named, else strict UTF-8), its title and date from its opening lines.
 */
import { readArticleMetadata } from "../../article/metadata.ts";
import { QawlError } from "../../errors.ts";
import type { NativeDocument } from "../native-jsonl.ts";
import type { ImportFile, ReadContext } from "../read-context.ts";
import { opensAsHtml } from "../sniff.ts";

/**
 * Read a plain-text article.
 * @throws QawlError `bad_input` for a file that is an HTML page (to be imported as html), or
 *   one that cannot be decoded
 */
export function readTextDocuments(ctx: ReadContext, file: ImportFile): NativeDocument[] {
  const { text, hadBom } = ctx.text(file, { userEncoding: true });
  if (opensAsHtml(text)) {
    throw new QawlError(
      "bad_input",
      `${file.name}: this is an HTML page, not a plain-text article (import it as html); nothing imported`,
      { kind: "import.file", file: file.name, files: 1, reason: "html_page" },
    );
  }
  const meta = readArticleMetadata(text);
  return [ctx.document({ title: meta.title, text, source: file.name, hadBom, published: meta.published })];
}
