/**
 * Grammatical gender for carrying a speaker over: a verb of saying agrees with its subject
 * (`قالت الوزيرة`, `قال الوزير`), so a continuation cue with no subject of its own (`وأضافت`)
 * carries over the last speaker it can agree with (docs/guidelines.md, "Speakers across
 * sentences"). Only what the spelling shows is used: the feminine `ت` of a verb (`قالت`,
 * `تقول`), the `ة` of a participle (`قائلة`), and the noun heading a mention when it is a
 * title or institution of known gender (`الوزيرة`, `الحكومة`, `وزير`). Anything else — a
 * name above all — is unknown and agrees with both.
 */

/** The gender a cue or mention shows, or null when its spelling does not tell. */
export type Gender = "feminine" | "masculine" | null;

/** The letters of a word without diacritics and tatweel. */
const bare = (word: string) => word.replace(/[\p{M}\u0640]/gu, "");

/** Titles that head a mention of a man (`وزير الخارجية`, `السيد …`), without the article. */
const MASCULINE_HEADS = new Set(
  "وزير رئيس سفير مندوب مدير أمين متحدث ناطق سيد شيخ ملك أمير نائب قائد مسؤول مستشار زعيم مبعوث عضو"
    .split(" ")
    .map((w) => w.normalize("NFC")),
);

/**
 * Nouns that head a mention taking a feminine verb: women's titles, institutions spelled with
 * ta marbuta, and plurals of things (`قالت المصادر`). A ta marbuta alone does not tell: family
 * names carry it too (`السنيورة`, `أسامة`).
 */
const FEMININE_HEADS = new Set(
  (
    "وزيرة رئيسة سفيرة مندوبة مديرة سيدة ملكة أميرة نائبة متحدثة ناطقة مسؤولة مستشارة " +
    "حكومة وزارة وكالة شرطة رئاسة هيئة منظمة جمعية لجنة صحيفة قناة شبكة محكمة شركة سلطة سلطات دولة " +
    "إدارة ادارة حركة جماعة مصادر أوساط اوساط دوائر تقارير بعثة سفارة قيادة قوات"
  )
    .split(" ")
    .map((w) => w.normalize("NFC")),
);

/**
 * Gender of a cue as written.
 * @param word the cue's first word, with any leading conjunction (`وأضافت`)
 * @param lemma the cue's lemma (`أضاف`): a verb written as it is masculine
 * @param kind a verb of saying, or a participle (`قائلا`, `قائلة`)
 */
export function cueGender(word: string, lemma: string, kind: "speech" | "participle"): Gender {
  const w = bare(word).replace(/^[وف](?=.{3})/u, "");
  if (kind === "participle") return w.endsWith("ة") ? "feminine" : w.endsWith("ين") ? null : "masculine";
  if (w === bare(lemma)) return "masculine"; // قال، أضاف
  if (/(وا|ون|ا)$/u.test(w)) return null; // قالوا، يقولون، قالا: plural or dual
  if (w.endsWith("ت") || w.startsWith("ت")) return "feminine"; // قالت، تقول
  if (w.startsWith("ي")) return "masculine"; // يقول
  return null;
}

/**
 * Gender a mention shows by its first word: a ta marbuta is feminine (`الوزيرة`, `الحكومة`,
 * `وكالة الأنباء`), a man's title masculine (`وزير الخارجية`); a name is unknown.
 * @param mention the mention's text
 */
export function mentionGender(mention: string): Gender {
  const head = bare(mention.trim().split(/\s+/u)[0] ?? "").replace(/^(?:وال|فال|ال)/u, "");
  if (FEMININE_HEADS.has(head)) return "feminine";
  if (MASCULINE_HEADS.has(head)) return "masculine";
  return null;
}

/** Whether a cue and a mention may agree: unless both genders are known and differ. */
export function mayAgree(cue: Gender, mention: Gender): boolean {
  return cue === null || mention === null || cue === mention;
}
