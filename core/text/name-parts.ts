/**
 * The parts of a person's name that name them alone in news text: the surname, written after
 * the first mention (`سيرغي لافروف` … `لافروف`). Compound surnames keep their first word:
 * `عبد الله`, `أبو مازن`, `بن سلمان`, `آل ثاني`, `ابن خلدون`, and so do the pairs ending in
 * `الله` or `الدين` (`حسن نصر الله` → `نصر الله`; the second word alone names no one: `الله`,
 * `مازن`). An ordinal or `الابن` at the end is no surname (`عبد الله الثاني`). Titles are not part of the name (`وزير الخارجية … لافروف` ends with
 * the same surname).
 */
import { isClosedClassWord } from "./closed-class.ts";

const COMPOUND_FIRST = new Set(["عبد", "ابو", "أبو", "أبي", "ابي", "بن", "ابن", "إبن", "آل", "ال"]);
/** Last words that end a compound surname (`نصر الله`, `جاب الله`, `عبد الرحمن`): the pair is the surname. */
const COMPOUND_LAST = new Set(["الله", "الدين", "الرحمن", "الرحيم"]);
/**
 * Last words that are not a surname at all: ordinals of monarchs and popes (`عبد الله الثاني`,
 * `بنديكتوس السادس عشر`), `الابن` / `الأب` (`بوش الابن`).
 */
const NOT_A_SURNAME = new Set([
  "الأول",
  "الاول",
  "الثاني",
  "الثالث",
  "الرابع",
  "الخامس",
  "السادس",
  "السابع",
  "الثامن",
  "التاسع",
  "العاشر",
  "عشر",
  "الابن",
  "الأب",
  "الاب",
]);

/**
 * The surname of a person's name of two words or more, or null (one word; a surname of fewer
 * than three letters or a closed-class word).
 * @param name the name as written, words separated by white space
 */
export function surnameOf(name: string): string | null {
  const words = name.trim().split(/\s+/u);
  if (words.length < 2) return null;
  const last = words[words.length - 1] ?? "";
  const before = words[words.length - 2] ?? "";
  if (NOT_A_SURNAME.has(last)) return null;
  const compound = COMPOUND_FIRST.has(before) || COMPOUND_LAST.has(last);
  const surname = compound ? (words.length > 2 ? `${before} ${last}` : null) : last;
  if (surname === null || [...surname.replace(/\s/gu, "")].length < 3 || isClosedClassWord(surname)) return null;
  return surname;
}
