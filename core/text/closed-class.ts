/**
 * Arabic closed-class words: prepositions, pronouns, particles, conjunctions, demonstratives
 * and relatives. A name is never one of them, whatever Arabic folding says: folding merges
 * alef maqsura and ya, so the name `علي` and the preposition `على` fold alike, and name
 * propagation must not tag every `على` of a text as a person (docs/guidelines.md, "Named
 * entities").
 *
 * A word is compared as written, with only harakat and tatweel removed and the hamza forms of
 * alef (أ إ آ ٱ) read as ا; alef maqsura (ى) and ya (ي), and ta marbuta (ة) and ha (ه), stay
 * apart, because that is exactly where a closed-class word and a name differ. The list holds
 * the prepositions, pronouns, particles and demonstratives of Modern Standard Arabic grammar
 * and the most frequent function words of Arabic newswire.
 */

const WORDS = `
على الى في فى من عن مع حتى منذ مذ لدى لدي عند بين نحو خلال ضد حول دون تحت فوق امام وراء بعد قبل
عبر لكي كي الا سوى غير مثل
هو هي هم هن هما انا نحن انت انتم انتن اياه اياها اياهم
ان انه انها انهم لا لم لن قد ما لقد اذا اذ ثم او ام بل لكن لكنه هل كل بعض لو لولا اما ايضا
كان كانت يكون ليس ليست
هذا هذه ذلك تلك هؤلاء اولئك هنا هناك
الذي التي الذين اللذان اللتان اللواتي اللاتي
`
  .split(/\s+/u)
  .filter((w) => w !== "");

const CLOSED = new Set(WORDS);

/** The word as compared here: harakat, tatweel and controls removed, hamza alefs read as ا. */
function shape(word: string): string {
  return word
    .normalize("NFC")
    .replace(/[\u064B-\u065F\u0670\u0640\u061C\u200B-\u200F]/gu, "")
    .replace(/[أإآٱ]/gu, "ا")
    .trim();
}

/**
 * Whether `word` (one word as written in a text, proclitics already peeled) is an Arabic
 * closed-class word. Multi-word strings are never closed-class.
 */
export function isClosedClassWord(word: string): boolean {
  const w = shape(word);
  return w !== "" && !/\s/u.test(w) && CLOSED.has(w);
}
