/**
 * Types of `html-encoding-sniffer` 6 (jsdom's; https://github.com/jsdom/html-encoding-sniffer):
 * the WHATWG HTML encoding sniffing algorithm (BOM, transport label, `<meta>` prescan of the
 * first 1024 bytes, else the default), answering an encoding name such as `windows-1256`.
 */
declare module "html-encoding-sniffer" {
  /**
   * The encoding of an HTML (or XML) byte stream.
   * @returns the WHATWG encoding name, or `defaultEncoding` (windows-1252 for HTML) when
   *   nothing declares one
   */
  export default function sniffHTMLEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
