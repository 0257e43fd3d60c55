// Stylelint for the renderer's CSS (`renderer/**/*.css`; the renderer has no css`` templates):
// an Arabic-first interface mirrors its chrome when the page is `dir="rtl"`, so every
// property, keyword and unit is logical (inline/block, start/end), never left/right or
// top/bottom; and each component's stylesheet is scoped to its element
// (scripts/stylelint-component-scope.mjs). `npm run lint` and `npm test` run it.

/**
 * A four-value shorthand whose second and fourth values differ sets the right and the left
 * side to different lengths, which does not mirror (`margin: 0 1rem 0 2rem`); one, two or
 * three values, or a second equal to the fourth, are symmetric. Values with spaces inside a
 * function (`calc(1px + 2px)`) are matched only when they still split into four parts.
 */
const ASYMMETRIC_FOUR_VALUES = String.raw`/^\S+\s+(\S+)\s+\S+\s+(?!\1$)\S+$/`;

/** @type {import("stylelint").Config} */
export default {
  plugins: ["stylelint-plugin-logical-css", "./scripts/stylelint-component-scope.mjs"],
  rules: {
    // Each renderer/components/<name>.css inside @scope (<its element>) (see the script).
    "qawl/component-scope": true,
    // margin-left, padding-right, left/right/top/bottom, border-left, width/height… Not
    // overflow-x/-y: an axis, not a side, so they mirror as they are; and overflow-inline/
    // -block need Chrome 135, past the renderer's build target (chrome120, vite.config.ts).
    "logical-css/require-logical-properties": [true, { ignore: ["overflow-x", "overflow-y"] }],
    // text-align: left, float: right, clear: left, resize: horizontal…
    "logical-css/require-logical-keywords": [true, { ignore: ["caption-side", "offset-anchor", "offset-position"] }],
    // vw/vh (vi/vb follow the writing mode; the same lengths in a horizontal one)
    "logical-css/require-logical-units": true,
    "declaration-property-value-disallowed-list": [
      {
        "/^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/": [
          ASYMMETRIC_FOUR_VALUES,
        ],
      },
      {
        message: (property) => `Unexpected left/right asymmetry in "${property}": use its -inline-start/-end longhands`,
      },
    ],
  },
};
