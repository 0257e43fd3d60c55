/**
 * A coarse guess of a document's language from its letters, so that the view can set
 * `lang` and `dir`: `ar` when letters of the Arabic script are at least half of all letters,
 * `und` (undetermined, BCP 47) otherwise.
 */

/** BCP 47 language tag guessed for `text`: `ar` or `und`. */
export function guessLanguage(text: string): "ar" | "und" {
  let arabic = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    }
  }
  return letters > 0 && arabic * 2 >= letters ? "ar" : "und";
}
