/**
 * The lines of a text: the one definition of a line break that sentence and token
 * segmentation share (CR LF, LF, CR, and Unicode's LINE and PARAGRAPH SEPARATOR, U+2028 and
 * U+2029). Offsets are UTF-16 units, for slicing the JavaScript string.
 */

/**
 * Each line's `[start, end)` in UTF-16 units, its line break excluded; a text with no line
 * break is one line, and a text ending in a line break ends with an empty line.
 */
export function lineExtents(text: string): [number, number][] {
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/gu;
  const lines: [number, number][] = [];
  let from = 0;
  for (let m = lineBreak.exec(text); m !== null; m = lineBreak.exec(text)) {
    lines.push([from, m.index]);
    from = m.index + m[0].length;
  }
  lines.push([from, text.length]);
  return lines;
}
