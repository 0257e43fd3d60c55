/**
 * HTML pages, read only: the article through Readability and DOMPurify
 * (`main/import/html.ts`, Node's), in the encoding the page declares unless the user names one.
 */
import type { FormatDescription } from "../format.ts";
import { endsWithAny, opensAsHtml } from "../sniff.ts";

const EXTENSIONS = [".html", ".htm", ".xhtml", ".xhtm"] as const;

/** The HTML format. */
export const html = {
  id: "html",
  read: {
    name: { en: "HTML page", ar: "صفحة HTML" },
    extensions: EXTENSIONS,
    // Whatever its name, a file that opens as a page is one.
    detect: (file) => endsWithAny(file.name, EXTENSIONS) || opensAsHtml(file.head),
    encoding: true,
    host: "node",
  },
} as const satisfies FormatDescription;
