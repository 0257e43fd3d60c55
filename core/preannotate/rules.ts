/**
 * Rule-based pre-annotation of quotes in Arabic news, after the reporting-marker approach
 * (Alrahabi, "Automatic Annotation of Direct Reported Speech in Arabic and French,
 * According to a Semantic Map of Enunciative Modalities", FLAIRS 2010): a reporting cue
 * from the project's list, the speaker mention around it, and the reported content — in
 * quotation marks (direct), introduced by `أن`/`إن` (indirect), or both (mixed). What each
 * span covers follows the annotation guidelines (docs/guidelines.md):
 *
 * - `قال X: "…"`, `قال X "…"`, `مؤكدا "…"`, `"…" قال X` — a direct quote (the words inside
 *   the marks), its cue without the leading و/ف, its speaker X (title and name together).
 * - `قال X إن …`, `أشار X إلى أن …`, `أعرب X عن …` — an indirect quote from the introducing
 *   word to the end of the reported clause; `mixed` when that clause holds quoted words.
 * - A cue with no subject (`وأضاف: "…"`, `وتابع قائلا: "…"`) carries the previous quote's
 *   speaker over; a participle (`مؤكدا …`) takes the speaker of its sentence's quote.
 * - The speaker's own words without marks are direct, as the gold set types them: after a
 *   cue and a colon, right after `قائلا`, or from a word that only opens speech (`لدينا`,
 *   `ليت`, `بل`); quoted words after a colon are direct even with no cue in reach.
 * - Marks as newswire writes them: `''`, a short quotation nested in a longer one with the
 *   same mark, guillemets typed the wrong way round (`rule-tokens.ts`).
 *
 * Offsets in UTF-16 units of the text.
 */
import { foldArabic } from "../text/normalize.ts";
import { compileCues, type CueForm, type CueLemma } from "./cues.ts";
import { cueGender, mayAgree, mentionGender, type Gender } from "./gender.ts";
import { SENTENCE_END, ruleTokens, type RuleToken } from "./rule-tokens.ts";

/** A UTF-16 extent, end-exclusive. */
export interface Extent {
  start: number;
  end: number;
}

/** A suggested quote with its cue and speaker. */
export interface QuoteSuggestion {
  quote: Extent;
  type: "direct" | "indirect" | "mixed";
  cue: Extent | null;
  /** The speaker mention: a new one next to the cue, or an earlier one the quote continues. */
  speaker: Extent | null;
  /** Whether `speaker` is an earlier quote's speaker (carried over or shared in a sentence). */
  carried: boolean;
  /** The cue lemma that fired, e.g. `قال`. */
  lemma: string | null;
}

/** An attribution already in the document: a quote and its speaker mention, UTF-16. */
export interface PriorAttribution {
  quote: Extent;
  speaker: Extent | null;
}

const fold = (words: string) => new Set(words.split(" ").map(foldArabic));

/** Words that end a speaker mention after its cue: prepositions, time words, pronoun objects. */
const STOP_WORDS = fold(
  "في خلال أمام لدى عقب بعد قبل أمس اليوم مساء صباح ظهر إلى على عن من مع حول إثر أثناء عبر منذ بين ضمن " +
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد أيضا كذلك بدوره بدورها فيه فيها له لها لهم به " +
    "قد كان كانت إنه إنها أنه أنها هو هي هذا هذه ذلك التي الذي الذين وقت حين عندما بينما إذ ما لا لم لن " +
    "ان بان إذا أو ثم كما بل لدينا عندنا لقد ليت نحن أنا لسنا لست ردا تعليقا",
);
/** Prepositions with a pronoun that may stand between a cue and its subject. */
const PRONOUN_OBJECTS = fold("فيه فيها له لها لهم لنا لي");
/** Words before a cue that are not part of a speaker mention written before it. */
const SKIP_BEFORE_CUE = fold("قد فقد وقد كان كانت وكان وكانت لقد ثم كما");
/**
 * Lemmas of cues whose object is a person addressed or spoken of (`أبلغ X أن`, `طالب X بـ`,
 * `اتهم X بـ`, `حذر X من`, `وصف X بـ`): with a subject written before the cue (`الصين طالبت
 * إسرائيل بالاعتذار`), the noun after it is that object, never the speaker.
 */
const ADDRESSEE_CUES = fold("أبلغ طالب اتهم حذر وصف دعا حث");
/** Forms of أن / إن that open reported content (the word is part of the quote). */
const INTRODUCERS = fold("أن إن أنه أنها أنهم أنهما أنني أننا إنه إنها إنهم إنهما إنني إننا بأن بأنه بأنها بأنهم");
/**
 * Verbal nouns that open reported content as a cue's object (المصدر as the object of a verb of
 * saying: `أعلنت الحكومة عزمها تقديم …`, `أكد رغبته في الرحيل`, `موضحا ضرورة …`), bare or
 * with an attached possessive pronoun. Taken from the development part of the gold runs.
 */
const CONTENT_NOUNS = fold(
  "ضرورة أهمية عدم التوصل استعداد رفض عزم رغبة سعي تأييد دعم نية ترحيب قلق ارتياح تمسك تضامن أسف",
);
/** Words after which a content noun is a predicate, not the object of a cue. */
const NOT_AN_OBJECT = fold("مجرد ليس ليست هذا هذه ذلك تلك هو هي لدينا عندنا لديه لديها عنده عندها نحن أنا");
/**
 * Whether a folded word is a content noun of `CONTENT_NOUNS`, bare or with an attached pronoun
 * (`عزمها`, `سعيهما`; ta marbuta written ت before it).
 */
function isContentNoun(folded: string): boolean {
  if (CONTENT_NOUNS.has(folded)) return true;
  const stem = folded.replace(OBJECT_SUFFIX, "");
  if (stem === folded || stem.length < 3) return false;
  return CONTENT_NOUNS.has(stem) || CONTENT_NOUNS.has(stem.replace(/ت$/u, "ه"));
}

/**
 * Whether a folded word, without the article, has the shape of a verbal noun of a derived verb
 * (forms II, IV, VII, VIII, X: تقديم، إطلاق، انسحاب، ارتفاع، استخدام), bare or with an
 * attached pronoun — the object of a cue that reports content (`استبعد فارس ارتفاع الأسعار`).
 * Source: the verbal-noun patterns of Arabic grammar (e.g. Ryding, *A Reference Grammar of
 * Modern Standard Arabic*, ch. 5).
 */
function isDerivedVerbalNoun(folded: string, written = ""): boolean {
  if (folded.startsWith("ال") || NOT_VERBAL_NOUNS.has(folded)) return false; // `العام`: the article
  const stem = folded.replace(OBJECT_SUFFIX, "").replace(/ت$/u, "");
  // إفعال is written with إ; the same letters with أ are a plural (`أسعار`, `أخبار`, `أركان`).
  const plural = /^[بو]?أ/u.test(written.replace(/\p{M}/gu, ""));
  return [
    /^ت[^اوي][^اوي]ي[^اوي]$/u, // تفعيل
    ...(plural ? [] : [/^ا[^اوي][^اوي]ا[^اوي]$/u]), // إفعال
    /^ان[^اوي][^اوي]ا[^اوي]$/u, // انفعال
    /^ا[^اوي]ت[^اوي]ا[^اوي]$/u, // افتعال
    /^است[^اوي][^اوي]ا[^اوي]$/u, // استفعال
  ].some((shape) => shape.test(stem));
}

/** Words of a verbal noun's shape that news uses as names of things (`اتحاد الكرة`). */
const NOT_VERBAL_NOUNS = fold("اتحاد اتجاه اقتصاد استاد انتخابات");

/** Nouns of office a genitive completes (`رئيس اركان الجيش`): what follows them is no cue's object. */
const TITLE_NOUNS = fold("رئيس رئيسة أمين مدير مديرة وزير وزيرة نائب قائد مسؤول مستشار ممثل مندوب سفير");

/** أن and إن written alone, which may open a report inside a report (`nestedReport`). */
const BARE_INTRODUCERS = fold("أن إن بأن");
/** Words after which أن is not reported content (`قبل أن`, `بعد أن`). */
const NOT_BEFORE_INTRODUCER = fold("قبل بعد منذ رغم حيث بدون دون لأجل كي");
const CLAUSE_PUNCT = new Set(["،", ",", "؛", ";", ":"]);
/** Punctuation left out at the end of a quote. */
const TRAILING_PUNCT = new Set([".", "،", ",", "؛", ";", ":"]);
/** Quotation marks that may open a quote whose closing mark is missing. */
const MAY_OPEN = new Set(['"', "'", "«", "“"]);
/** Words after which quotation marks hold a name (a paper, a channel, a port…), not a quote. */
const NAME_INTRODUCERS = fold(
  "صحيفة جريدة مجلة وكالة شبكة قناة موقع محطة إذاعة تلفزيون ميناء فيلم كتاب رواية برنامج عملية مشروع شركة " +
    "مجموعة منظمة حزب حركة جماعة تنظيم مؤسسة مسلسل أغنية مسرحية بعنوان عنوان اسم تسمية مصطلح رئيس مدير نادي " +
    "منتخب فريق هيئة جمعية مركز معهد جامعة مدرسة مستشفى فندق مطعم مسجد كنيسة سورة " +
    // Naming nouns and participles of news style: campaigns, slogans, nicknames, events, works.
    "شعار حملة وسم هاشتاغ هاشتاج لقب الملقب الملقبة المعروف المعروفة المسمى المسماة يسمى تسمى باسم " +
    "مبادرة خطة اتفاقية معاهدة قانون مؤتمر منتدى مهرجان جائزة بطولة دوري مسابقة معرض ألبوم قصيدة ديوان " +
    "فضائية تطبيق منصة ائتلاف تحالف جبهة كتلة تيار",
);
const LEADING_CONJUNCTIONS = ["و", "ف"];
/** Words that join the cue before them (`تابع قائلا`, `مضى يقول`). */
const QUAILAN = fold("قائلا قائلة قائلين يقول تقول");
/** Words that open a speaker's own words and never a report of them (`لدينا`, `ليت`, `بل`). */
const SPEECH_OPENERS = fold("لدينا عندنا لقد ليت بل نحن أنا لسنا لست");
/** Demonstratives: they open the speaker's words only right after a continuation cue with no subject (`وتابع هذا ليس …`). */
const DEMONSTRATIVES = fold("هذا هذه");
/** Lemmas of continuation cues (`وتابع`, `وأضاف`): they carry on the previous speaker's words. */
const CONTINUATIONS = fold("تابع أضاف أردف مضى");
/** Object pronouns attached to a verb, longest first. */
const OBJECT_SUFFIX = /(هما|هم|هن|ها|ه)$/u;
/** Pronouns and clause openers: a "mention" made of one of them names nobody. */
const PRONOUNS = fold("هو هي هم هن وهو وهي وهم فهو فهي لكنه لكنها انه انها");
/** Words that open a clause: a subject written before its cue starts after them. */
const CLAUSE_OPENERS = fold("لكن ولكن غير بينما إذ حيث كما ثم وقد فقد رغم أن إن أما اما");
/** Prepositions that may join a phrase inside a subject written before its verb (`مصادر مقربة من بري`). */
const SUBJECT_PREPOSITIONS = fold("من على في");
/** Words after which a sentence goes on with its subject, not its verb (`وكان X …`, `لكن X …`). */
const TOPIC_OPENERS = fold("كان كانت وكان وكانت لكن ولكن");
/** News agencies, which a dateline names before a colon (`الدوحة - وكالات :`). */
const AGENCIES = fold("وكالات رويترز الفرنسية أ ف ب واس قنا وام سانا بترا يونايتد برس أسوشيتد");
/** Nouns of time that may follow a verb as an adverbial (`أعلن الشهر الماضي`). */
const TIME_NOUNS = fold("الشهر الأسبوع العام السنة الليلة");
/** Particles of exception and contrast followed by أن and a new subject (`الا ان`, `غير أن`). */
const EXCEPT = fold("إلا الا غير بيد");
/** `لكن` and `ولكن`, which open a clause with its own subject. */
const BUT = fold("لكن ولكن");
/** Particles before a verb at a sentence's start (`وقد سجل X`): the verb follows. */
const PARTICLES_BEFORE_VERB = fold("قد وقد لقد فقد");
/** Words that head a noun phrase a sentence may open with (`أحد الأطفال عرض …`, `السيد X …`). */
const TOPIC_HEADS = fold("أحد إحدى بعض أبو ابو أم السيد السيدة الشيخ الدكتور");
/** Relative pronouns: `رايس التي قالت` — the subject is the noun phrase before them. */
const RELATIVES = fold("التي الذي الذين اللذان اللتان");
/** Words a sentence may open with before its verb (`من جهته رفض X`, `إلى ذلك، رحب X`). */
const SENTENCE_OPENERS = fold("من جهته جهتها جانبه جانبها بدوره بدورها إلى ذلك في غضون هذا الأثناء وفي ومن كما");

/** A cue found in the tokens. */
interface FoundCue {
  form: CueForm;
  /** Token indices, inclusive first, exclusive last. */
  first: number;
  last: number;
  extent: Extent;
  /** Whether the cue's first token had a leading conjunction (`وقال`): then nothing before it is its subject. */
  conjoined: boolean;
}

/** Offset just after the first letter of a word and the marks on it. */
function afterFirstLetter(t: RuleToken): number {
  const m = /^\p{L}\p{M}*/u.exec(t.text);
  return t.start + (m?.[0].length ?? 1);
}

/** Whether a word is و or ف + an introducer (`وأن`, `فإن`). */
function conjoinedIntroducer(folded: string): boolean {
  return LEADING_CONJUNCTIONS.includes(folded[0] ?? "") && INTRODUCERS.has(folded.slice(1));
}

class Rules {
  readonly tokens: RuleToken[];
  readonly cues: Map<string, CueForm[]>;
  readonly cueAt = new Map<number, FoundCue>();
  /** Quotation marks around names (`namesSomething`) and the words between them. */
  readonly nameMarks = new Set<number>();
  /** The subset of `nameMarks` a naming word introduces (`namedByWord`): certainly not speech. */
  readonly titleMarks = new Set<number>();

  /** Folded names of known entities (`PreannotateOptions.names`). */
  readonly #names: ReadonlySet<string>;

  constructor(text: string, lemmas: readonly CueLemma[], names: readonly string[]) {
    this.cues = compileCues(lemmas);
    this.#names = new Set(names.map((n) => foldArabic(n).split(/\s+/u).filter(Boolean).join(" ")));
    this.tokens = ruleTokens(
      text,
      (t) => t.kind === "word" && LEADING_CONJUNCTIONS.includes(t.folded[0] ?? "") && this.cues.has(t.folded.slice(1)),
      (t) =>
        t.kind === "word" &&
        (this.cues.has(t.folded) ||
          (LEADING_CONJUNCTIONS.includes(t.folded[0] ?? "") && this.cues.has(t.folded.slice(1)))),
    );
    for (let i = 0; i < this.tokens.length; i++) {
      const cue = this.matchCue(i);
      if (cue === null) continue;
      this.cueAt.set(i, cue);
      i = cue.last - 1; // a several-word cue (`تابع قائلا`) is one cue
    }
    this.tokens.forEach((t, i) => {
      if (t.kind !== "mark" || !t.opens) return;
      if (this.namesSomething(i, t.partner - i - 1)) {
        for (let j = i; j <= t.partner; j++) this.nameMarks.add(j);
      }
      if (this.namedByWord(i)) {
        for (let j = i; j <= t.partner; j++) this.titleMarks.add(j);
      }
    });
  }

  tok(i: number): RuleToken | undefined {
    return this.tokens[i];
  }

  /** The cue starting at token `i`, if any. */
  matchCue(i: number): FoundCue | null {
    const t = this.tok(i);
    if (t?.kind !== "word") return null;
    const candidates: { word: string; conjoined: boolean; suffixed: boolean }[] = [
      { word: t.folded, conjoined: false, suffixed: false },
    ];
    if (t.folded.length >= 3 && LEADING_CONJUNCTIONS.includes(t.folded[0] ?? "")) {
      candidates.push({ word: t.folded.slice(1), conjoined: true, suffixed: false });
    }
    // An object pronoun on a verb of saying (`اتهمهما`, `حذروه`); not a ta marbuta, which folds to ه.
    const written = OBJECT_SUFFIX.test(t.text.replace(/\p{M}/gu, ""));
    for (const c of written ? [...candidates] : []) {
      const m = OBJECT_SUFFIX.exec(c.word);
      if (m !== null && m.index >= 3)
        candidates.push({ word: c.word.slice(0, m.index), conjoined: c.conjoined, suffixed: true });
    }
    for (const c of candidates) {
      for (const form of this.cues.get(c.word) ?? []) {
        if (c.suffixed && (form.kind !== "speech" || form.words.length > 1)) continue;
        // `عبر` is a preposition (`عبر وسطاء`) unless its own `عن` or `بـ` follows closely.
        if (STOP_WORDS.has(c.word) && !this.ownIntroducerNear(i, form)) continue;
        const found = this.matchRest(i, form);
        if (found === null) continue;
        // The cue leaves out a leading و/ف, and the بـ of `بقوله` (guidelines: proclitics stay out of spans).
        const start = c.conjoined || c.word.startsWith("بقول") ? afterFirstLetter(t) : t.start;
        let { last, end } = found;
        // `تابع قائلا`, `أضاف قائلا`: one cue.
        const next = this.tok(last);
        if (form.kind === "speech" && next !== undefined && QUAILAN.has(next.folded)) {
          last += 1;
          end = next.end;
        }
        return { form, first: i, last, extent: { start, end }, conjoined: c.conjoined };
      }
    }
    return null;
  }

  /**
   * Whether one of a cue form's own introducers follows token `i` closely: `عن` among the
   * eight words after it (`عبر الأمين العام للأمم المتحدة كوفي أنان عن …`), an attached `بـ`
   * among the four (`عبر في ختام كلمته بالشكر`).
   */
  ownIntroducerNear(i: number, form: CueForm): boolean {
    for (let k = i + 1; k <= i + 8; k++) {
      const t = this.tok(k);
      if (t?.kind !== "word") return false;
      for (const x of form.introducers) {
        if (x === "ب" ? k <= i + 4 && /^ب(ال)?.{3}/u.test(t.folded) : t.folded === foldArabic(x)) return true;
      }
    }
    return false;
  }

  /** The rest of a several-word form after token `i`; a trailing `ل` is attached to the next word. */
  matchRest(i: number, form: CueForm): { last: number; end: number } | null {
    let j = i + 1;
    let end = this.tok(i)?.end ?? 0;
    for (const w of form.words.slice(1)) {
      const t = this.tok(j);
      if (t?.kind !== "word") return null;
      if (w === "ل") {
        if (!t.folded.startsWith("ل") || t.folded.length < 3) return null;
        return { last: j, end: afterFirstLetter(t) };
      }
      if (t.folded !== w) return null;
      end = t.end;
      j++;
    }
    return { last: j, end };
  }

  isIntroducer(i: number, extra: readonly string[]): boolean {
    const t = this.tok(i);
    if (t?.kind !== "word" || this.nameMarks.has(i)) return false;
    const before = this.tok(i - 1);
    if (before !== undefined && NOT_BEFORE_INTRODUCER.has(before.folded)) return false;
    if (INTRODUCERS.has(t.folded) || conjoinedIntroducer(t.folded)) return true;
    // After a demonstrative or a negation the noun is a predicate (`هذا ليس مجرد قلق`), not a cue's object.
    if (
      isContentNoun(t.folded) &&
      (before === undefined || (before.kind === "word" && !NOT_AN_OBJECT.has(before.folded)))
    ) {
      return true;
    }
    // `أشار إلى أن …`: the content starts at أن, not at the preposition.
    const next = this.tok(i + 1);
    if (next !== undefined && INTRODUCERS.has(next.folded)) return false;
    for (const x of extra) {
      // `ب` stands for an attached بـ (`أفاد بالتوصل`), or one written apart (`وصف ب " … "`).
      const withBa = (t.folded.startsWith("بال") && t.folded.length >= 5) || t.folded === "ب";
      // `أفاد بارتفاع …`, `وعد بتقديم …`: بـ on a verbal noun.
      if (
        x === "ب"
          ? withBa || (t.folded.startsWith("ب") && isDerivedVerbalNoun(t.folded.slice(1), t.text))
          : t.folded === x
      ) {
        return true;
      }
    }
    return false;
  }

  /** Start offset of an introducer token: after a leading و or ف (`وأن` → `أن`). */
  introducerStart(i: number): number {
    const t = this.tokens[i];
    if (t === undefined) return 0;
    return conjoinedIntroducer(t.folded) ? afterFirstLetter(t) : t.start;
  }

  /** Speaker mention written after a cue (verb–subject order): words up to a stop word or punctuation. */
  speakerAfter(cue: FoundCue): { extent: Extent; last: number } | null {
    let j = cue.last;
    // A pronoun object before the subject: `أفاد فيه X`, `قال له X`.
    if (PRONOUN_OBJECTS.has(this.tok(j)?.folded ?? "")) j++;
    const quoted = this.quotedSubject(cue, j);
    if (quoted !== null) return quoted;
    // `أعلن الشهر الماضي في لندن …`: a time, not a subject.
    if (TIME_NOUNS.has(this.tok(j)?.folded ?? "")) return null;
    const first = j;
    while (j - first < 8) {
      const t = this.tok(j);
      if (t?.kind !== "word" || STOP_WORDS.has(t.folded) || this.isIntroducer(j, cue.form.introducers)) break;
      if (this.cueAt.has(j) || /^(بال|لل|كال)/u.test(t.folded)) break;
      // `استبعد فارس ارتفاع …`: the cue's object, a verbal noun, ends its subject.
      // Not after a title whose complement it is (`رئيس اتحاد الكرة`, `رئيس اركان الجيش`).
      const titled = TITLE_NOUNS.has(this.tok(j - 1)?.folded ?? "");
      if (
        j > first &&
        !titled &&
        isDerivedVerbalNoun(t.folded, t.text) &&
        foldArabic(cue.form.lemma) !== foldArabic("قال")
      )
        break;
      // `قال السفير لشبكة …`: the addressee is not part of the speaker.
      if (j > first && t.folded.startsWith("ل") && NAME_INTRODUCERS.has(t.folded.slice(1))) break;
      j++;
    }
    if (j === first) return null;
    const a = this.tok(first);
    const b = this.tok(j - 1);
    if (a === undefined || b === undefined || (j - first === 1 && PRONOUNS.has(a.folded))) return null;
    return { extent: { start: a.start, end: b.end }, last: j };
  }

  /**
   * The subject of a clause opened by `لكن` after a comma, before token `limit` in its sentence
   * (`، ولكن فيلار مير يقاتل … ، رغم انه يقول`): the noun phrase after `لكن`, or null.
   */
  clauseTopic(limit: number): Extent | null {
    const sentence = this.tok(limit)?.sentence;
    for (let k = limit - 1; k > 0 && limit - k <= 25; k--) {
      const t = this.tok(k);
      if (t === undefined || t.sentence !== sentence || t.kind === "break" || this.cueAt.has(k)) return null;
      if (!BUT.has(t.folded) || !CLAUSE_PUNCT.has(this.tok(k - 1)?.text ?? "")) continue;
      let j = k + 1;
      while (j < limit && j - k <= 6) {
        const w = this.tok(j);
        if (w?.kind !== "word" || STOP_WORDS.has(w.folded) || this.cueAt.has(j) || PRONOUNS.has(w.folded)) break;
        j++;
      }
      const a = this.tok(k + 1);
      const b = this.tok(j - 1);
      return j === k + 1 || a === undefined || b === undefined ? null : { start: a.start, end: b.end };
    }
    return null;
  }

  /**
   * A subject in quotation marks right after its cue, its content opened by an introducer after
   * the marks (`وقال " حزب الله " في بيان إن …`): the name inside the marks, four words or
   * fewer (the marks are not part of a speaker's span).
   */
  quotedSubject(cue: FoundCue, open: number): { extent: Extent; last: number } | null {
    const mark = this.tok(open);
    if (mark?.kind !== "mark" || !mark.opens || mark.partner <= open + 1) return null;
    const inner = this.tokens.slice(open + 1, mark.partner);
    if (inner.length > 4 || inner.some((t) => t.kind !== "word")) return null;
    for (let k = mark.partner + 1; k < mark.partner + 8; k++) {
      const t = this.tok(k);
      if (t?.kind !== "word" || t.sentence !== mark.sentence) return null;
      if (this.isIntroducer(k, cue.form.introducers)) {
        const a = inner[0];
        const b = inner[inner.length - 1];
        return a === undefined || b === undefined ? null : { extent: { start: a.start, end: b.end }, last: k };
      }
    }
    return null;
  }

  /** Speaker mention written before a cue (subject–verb order), bounded by the clause's start. */
  speakerBefore(cue: FoundCue): Extent | null {
    if (cue.conjoined) return null;
    let j = cue.first - 1;
    while (j >= 0 && SKIP_BEFORE_CUE.has(this.tok(j)?.folded ?? "")) j--;
    // `وزيرة الخارجية كوندوليزا رايس التي قالت`: the noun phrase before the relative pronoun.
    if (RELATIVES.has(this.tok(j)?.folded ?? "")) j--;
    else if (CLAUSE_PUNCT.has(this.tok(j)?.text ?? "")) j = this.subjectBeforeComma(j);
    const last = j;
    const walk = (from: number, most: number): number => {
      let k = from;
      while (k >= 0 && from - k < most) {
        const t = this.tok(k);
        // `متخصصين في « الاسلام الاوروبي » يذكرون`: a short quoted name inside the subject.
        if (t?.kind === "mark" && !t.opens && t.partner >= 0 && k - t.partner - 1 <= 3) {
          k = t.partner - 1;
          continue;
        }
        if (t?.kind !== "word" || this.cueAt.has(k)) break;
        if (STOP_WORDS.has(t.folded) || CLAUSE_OPENERS.has(t.folded)) break;
        k--;
      }
      return k;
    };
    const isBounded = (k: number): boolean => {
      const boundary = this.tok(k);
      return (
        boundary === undefined ||
        boundary.kind === "break" ||
        boundary.kind === "mark" ||
        CLAUSE_PUNCT.has(boundary.text) ||
        SENTENCE_END.has(boundary.text) ||
        CLAUSE_OPENERS.has(boundary.folded) ||
        boundary.folded === foldArabic("عن") ||
        (RELATIVES.has(this.tok(last + 1)?.folded ?? "") && STOP_WORDS.has(boundary.folded))
      );
    };
    j = walk(last, 7);
    // `لكن سفيرا مطلعا على الوثيقة قال`: a prepositional phrase inside the subject.
    const preposition = this.tok(j)?.folded ?? "";
    if (!isBounded(j) && j < last && SUBJECT_PREPOSITIONS.has(preposition) && last - j < 5) {
      const further = walk(j - 1, 4);
      if (further < j - 1 && isBounded(further)) j = further;
    }
    if (!isBounded(j) || j === last) return null;
    let first = this.tok(j + 1);
    const end = this.tok(last);
    if (first === undefined || end === undefined) return null;
    if (SKIP_BEFORE_CUE.has(first.folded)) {
      first = this.tok(j + 2);
      if (first === undefined || j + 2 > last) return null;
    }
    if (j + 1 === last && PRONOUNS.has(first.folded)) return null;
    // `وفي الاجتماع قال`: an adverbial before the verb, not its subject.
    const unjoined = LEADING_CONJUNCTIONS.includes(first.folded[0] ?? "") ? first.folded.slice(1) : "";
    if (STOP_WORDS.has(unjoined)) return null;
    // `والحكومة قالت`: the conjunction stays out; not the first letter of `وزير` or `فرنسا`.
    const start =
      LEADING_CONJUNCTIONS.includes(first.folded[0] ?? "") && first.folded.slice(1).startsWith("ال")
        ? afterFirstLetter(first)
        : first.start;
    return { start, end: end.end };
  }

  /**
   * Where the subject ends when a comma stands between it and its verb: the noun phrase before
   * a relative clause (`فرنسا التي وزعت … مقترحاتها ، قد قالت`), or the phrase after `كان`
   * (`وكانت المحكمة العليا ، اعتبرت`). Returns the index to walk back from, or `comma` (then
   * no subject is found: the walk stops at the comma).
   */
  subjectBeforeComma(comma: number): number {
    const sentence = this.tok(comma)?.sentence;
    for (let k = comma - 1; k >= 0 && comma - k <= 24; k--) {
      const t = this.tok(k);
      if (t === undefined || t.sentence !== sentence || t.kind !== "word" || this.cueAt.has(k)) return comma;
      if (RELATIVES.has(t.folded)) return k - 1;
      if (SKIP_BEFORE_CUE.has(t.folded) && /^و?كان/u.test(t.folded)) return comma - k <= 8 ? comma - 1 : comma;
    }
    return comma;
  }

  /**
   * The subject of a sentence that opens with its verb (`رفض السفير الأميركي … ، قائلا …`):
   * the words after the sentence's first verb-like word, for a participle cue whose sentence
   * reported nothing else.
   */
  sentenceSubject(cue: FoundCue): Extent | null {
    return this.subjectBefore(cue.first);
  }

  /**
   * The subject of the sentence holding token `limit`, looked for before `limit` (see
   * `sentenceSubject`): after the openers (`من جهته`, `وكان`, `وقد`, `ولكن`), the noun phrase
   * the sentence starts with when it starts with one (`أحد الأطفال عرض …`, `وكان السيد أحمد …
   * القى`, `ولكن فيلار مير يقاتل`), else the words after its first word, its verb (`يشرح
   * توفيق الحكيم …`, `رفض السفير …`).
   */
  subjectBefore(limit: number): Extent | null {
    const sentence = this.tok(limit)?.sentence;
    let i = limit;
    while (i > 0 && this.tok(i - 1)?.sentence === sentence && this.tok(i - 1)?.kind !== "break") i--;
    let nounFirst = false;
    let afterPreposition = false; // `وفي الاجتماع قال`: the noun is the preposition's
    while (i < limit) {
      const t = this.tok(i);
      if (t === undefined) return null;
      if (t.kind === "word" && SENTENCE_OPENERS.has(t.folded))
        afterPreposition = STOP_WORDS.has(t.folded.replace(/^و/u, ""));
      if (t.kind === "word" && TOPIC_OPENERS.has(t.folded)) {
        nounFirst = true; // `وكان X`, `لكن X`: X is next
        i++;
        break;
      }
      if (t.kind === "word" && !SENTENCE_OPENERS.has(t.folded) && !PARTICLES_BEFORE_VERB.has(t.folded)) break;
      i++;
    }
    if (i >= limit) return null;
    const head = this.tok(i);
    if (head === undefined || this.cueAt.has(i)) return null;
    const bare = head.text.replace(/\p{M}/gu, "").replace(/^[وف](?=ال)/u, "");
    nounFirst ||= !afterPreposition && (bare.startsWith("ال") || TOPIC_HEADS.has(head.folded.replace(/^و/u, "")));
    let j = nounFirst ? i : i + 1;
    const first = j;
    while (j < limit && j - first < 8) {
      const t = this.tok(j);
      if (t?.kind !== "word" || STOP_WORDS.has(t.folded) || this.cueAt.has(j) || /^(بال|لل|كال)/u.test(t.folded)) break;
      j++;
    }
    const a = this.tok(first);
    const b = this.tok(j - 1);
    if (j === first || a === undefined || b === undefined || PRONOUNS.has(a.folded)) return null;
    const joined =
      /^[وف]/u.test(a.folded) && (a.folded.slice(1).startsWith("ال") || TOPIC_HEADS.has(a.folded.slice(1)));
    const start = nounFirst && joined ? afterFirstLetter(a) : a.start;
    return { start, end: b.end };
  }

  /**
   * Whether the reported content opened by introducer `j` is itself a report with its own
   * subject and cue (`وذكرت الوكالة أن الدراسات أكدت أن …`, `وأضاف البيان أن أولمرت أبلغ أنان
   * بتحفظه …`): then the inner report is the quote, attributed to its subject
   * (docs/guidelines.md, "A report inside a report").
   */
  nestedReport(j: number): { cue: FoundCue; cueIndex: number; introducer: number } | null {
    const intro = this.tok(j);
    if (intro === undefined || !BARE_INTRODUCERS.has(intro.folded)) return null;
    let k = j + 1;
    while (k - j - 1 < 5) {
      const t = this.tok(k);
      if (t?.kind !== "word" || STOP_WORDS.has(t.folded) || this.cueAt.has(k)) break;
      k++;
    }
    const inner = this.cueAt.get(k);
    if (k === j + 1 || inner === undefined || inner.conjoined || inner.form.kind !== "speech") return null;
    for (let m = inner.last; m < inner.last + 6; m++) {
      const t = this.tok(m);
      if (t === undefined || t.sentence !== intro.sentence || t.kind !== "word") return null;
      if (this.isIntroducer(m, inner.form.introducers)) return { cue: inner, cueIndex: k, introducer: m };
    }
    return null;
  }

  /** Index of the first token of the sentence before the one holding token `i`, or -1. */
  previousSentenceStart(i: number): number {
    const sentence = this.tok(i)?.sentence ?? 0;
    let j = i;
    while (j > 0 && (this.tok(j - 1)?.sentence ?? 0) >= sentence) j--;
    j--;
    if (j < 0) return -1;
    const previous = this.tok(j)?.sentence;
    while (j > 0 && this.tok(j - 1)?.sentence === previous) j--;
    return j;
  }

  /** Index of the last token of the clause starting at token `from` (see `quoteEnd`). */
  clauseLast(from: number): number {
    let j = from;
    let last = from;
    const sentence = this.tok(from)?.sentence;
    while (j < this.tokens.length) {
      const t = this.tokens[j];
      if (t === undefined || t.sentence !== sentence || t.kind === "break") break;
      if (t.kind === "mark" && t.opens && t.partner > j) {
        last = t.partner;
        j = t.partner + 1;
        continue;
      }
      if (t.kind === "mark" && !t.opens && t.partner >= 0 && t.partner < from) break;
      if (t.kind === "punct" && [".", "!", "?", "؟"].includes(t.text)) break;
      if (t.kind === "punct" && CLAUSE_PUNCT.has(t.text)) {
        const next = this.tok(j + 1);
        if (next !== undefined && this.startsNewReport(j + 1)) break;
      }
      if (t.kind === "punct" && t.text === "(") break;
      if (j > from && this.cueAt.get(j)?.conjoined === true) break; // `… وقال " …"`: a new report
      // `… أكد السيد X ان …`: a verb, its subject, its content.
      if (j > from + 4 && this.opensOwnReport(j)) break;
      // `… بحسب X`: the source, not the content.
      if (j > from && this.cueAt.get(j)?.form.kind === "source") break;
      // `… عمليا مشيرا إلى أن …`, `… بالمؤتمر قائلة إنها …`: a participle with content of its own.
      if (j > from && this.participleReports(j)) break;
      // `عبر عن ذلك بقوله « … »`: the words after بقوله are the report.
      if (j > from && this.cueAt.has(j) && t.folded.startsWith("بقول")) break;
      if (t.kind === "word" || t.kind === "mark") last = j;
      j++;
    }
    return last;
  }

  /**
   * Whether token `i` is a verb of saying followed by its own subject and an introducer
   * (`أكد السيد حسن نصر الله ان …`): a report of its own, which ends the content before it —
   * unless a relative pronoun makes it part of that content (`التي تقول إسرائيل إنها`) or the
   * noun after it is the one addressed (`أبلغ أنان بـ …`).
   */
  opensOwnReport(i: number): boolean {
    const cue = this.cueAt.get(i);
    if (cue?.form.kind !== "speech" || ADDRESSEE_CUES.has(foldArabic(cue.form.lemma))) return false;
    // `… التي تقول إسرائيل إنها …`: a relative clause inside the content, not a new report.
    if (RELATIVES.has(this.tok(i - 1)?.folded ?? "")) return false;
    const after = this.speakerAfter(cue);
    if (after === null) return false;
    // The subject may go on past where `speakerAfter` stops (`… الأمين العام لحزب الله اللبناني ان`).
    for (let k = after.last; k < after.last + 5; k++) {
      const t = this.tok(k);
      if (t?.kind !== "word" || this.cueAt.has(k)) return false;
      if (this.isIntroducer(k, cue.form.introducers)) return true;
    }
    return false;
  }

  /**
   * Whether token `j` is a verbal noun of a derived verb (`isDerivedVerbalNoun`) standing as
   * the object of `cue` right after the cue or its subject (`استبعد فارس ارتفاع الأسعار`,
   * `أعلن الجيش الأميركي انسحاب …`); `قال` takes no such object.
   */
  opensNominalObject(cue: FoundCue, j: number): boolean {
    const t = this.tok(j);
    if (t?.kind !== "word" || foldArabic(cue.form.lemma) === foldArabic("قال")) return false;
    const at = j === cue.last || this.speakerAfter(cue)?.last === j;
    return at && !TITLE_NOUNS.has(this.tok(j - 1)?.folded ?? "") && isDerivedVerbalNoun(t.folded, t.text);
  }

  /**
   * The name a line opens with before the colon at token `colon` (`جون بولتون :`): two to four
   * words, none a stop word, a cue or a dateline's agency, at the start of a line; else null.
   */
  headlineSpeaker(colon: number): Extent | null {
    let k = colon - 1;
    while (k >= 0 && this.tok(k)?.kind === "word") k--;
    const words = colon - 1 - k;
    if ((k >= 0 && this.tok(k)?.kind !== "break") || words < 2 || words > 4) return null;
    for (let j = k + 1; j < colon; j++) {
      const t = this.tok(j);
      if (t === undefined || STOP_WORDS.has(t.folded) || this.cueAt.has(j) || AGENCIES.has(t.folded)) return null;
      if (/\p{N}/u.test(t.text)) return null;
    }
    const a = this.tok(k + 1);
    const b = this.tok(colon - 1);
    return a === undefined || b === undefined ? null : { start: a.start, end: b.end };
  }

  /** Whether token `i` is a participle cue whose own reported content follows within three words. */
  participleReports(i: number): boolean {
    const cue = this.cueAt.get(i);
    if (cue?.form.kind !== "participle") return false;
    for (let m = cue.last; m < cue.last + 3; m++) {
      const t = this.tok(m);
      if (t === undefined || t.kind === "break" || t.sentence !== this.tok(i)?.sentence) return false;
      if (t.kind === "mark" || this.isIntroducer(m, cue.form.introducers)) return true;
    }
    return false;
  }

  /** Whether a new report starts at token `i` inside reported words: `وقال`, `كما عبر`. */
  startsReportAfter(i: number): boolean {
    return this.cueAt.get(i)?.conjoined === true || (this.tok(i)?.folded === "كما" && this.cueAt.has(i + 1));
  }

  /**
   * Whether a new report starts at token `i` (after a comma): any cue, or a subject and then a
   * verb of saying with content of its own (`، الا ان متخصصين في « … » يذكرون ان …`).
   */
  startsNewReport(i: number): boolean {
    if (this.cueAt.has(i)) return true;
    const sentence = this.tok(i)?.sentence;
    // `الا ان X يذكرون`, `غير أن X قال`: the subject follows the particle.
    const opener = EXCEPT.has(this.tok(i)?.folded ?? "") && INTRODUCERS.has(this.tok(i + 1)?.folded ?? "") ? i + 2 : i;
    for (let k = opener; k < opener + 10; k++) {
      const t = this.tok(k);
      if (t === undefined || t.sentence !== sentence) return false;
      if (t.kind === "mark" && t.opens && t.partner > k && (this.nameMarks.has(k) || t.partner - k - 1 <= 3)) {
        k = t.partner;
        continue;
      }
      if (t.kind !== "word") return false;
      const cue = this.cueAt.get(k);
      if (cue !== undefined) {
        if (k === opener || cue.form.kind !== "speech") return false;
        for (let m = cue.last; m < cue.last + 3; m++) if (this.isIntroducer(m, cue.form.introducers)) return true;
        return false;
      }
      if (k > opener && this.isIntroducer(k, [])) return false;
    }
    return false;
  }

  /** The nearest cue before token `i` in its sentence, not across a closing quotation mark. */
  cueBefore(i: number, limit = 20): FoundCue | null {
    const sentence = this.tok(i)?.sentence;
    for (let j = i - 1; j >= 0 && i - j <= limit; j--) {
      const t = this.tokens[j];
      if (t === undefined || t.sentence !== sentence) return null;
      if (t.kind === "mark" && !t.opens && t.partner >= 0) {
        if (!this.nameMarks.has(j)) return null;
        j = t.partner; // a quoted name (`لشبكة " سي ان ان "`) is part of the clause
        continue;
      }
      const cue = this.cueAt.get(j);
      if (cue !== undefined && cue.last <= i) return cue;
    }
    return null;
  }

  /**
   * A cue right after a closing mark (`"…" قال X`, `"…"، بحسب X`, `"…" كما يقول`) — not one that opens a
   * report of its own (`"…" وأكد الخبراء أن …`).
   */
  cueAfter(close: number): FoundCue | null {
    let j = close + 1;
    if (CLAUSE_PUNCT.has(this.tok(j)?.text ?? "")) j++;
    if (this.tok(j)?.folded === "كما") j++; // `« … » كما يقول`
    const cue = this.cueAt.get(j);
    if (cue === undefined || cue.form.kind === "participle" || cue.conjoined) return null;
    for (let k = cue.last; k < cue.last + 10; k++) {
      const t = this.tok(k);
      if (t === undefined || t.kind !== "word") break;
      if (this.isIntroducer(k, cue.form.introducers)) return null;
    }
    return cue;
  }

  /**
   * Index of the last token of unmarked (or never closed) quoted words from token `from`: up
   * to a full stop, a line break, a closing mark or a new report (`وقال`), not counting
   * trailing punctuation; `!` and `؟` inside the words do not end them.
   */
  runLast(from: number): number {
    let last = from - 1;
    for (let j = from; j < this.tokens.length; j++) {
      const t = this.tokens[j];
      if (t === undefined || t.kind === "break" || t.text === ".") break;
      if (t.kind === "mark" && !t.opens && t.partner >= 0 && t.partner < from) break;
      if (j > from && this.startsReportAfter(j)) break;
      if (t.kind === "mark" && t.opens && t.partner > j) {
        last = t.partner;
        j = t.partner;
        continue;
      }
      if (!TRAILING_PUNCT.has(t.text)) last = j;
    }
    return last;
  }

  /**
   * Whether quotation marks at token `open` around `words` words name something rather than
   * quote someone: a short phrase right after a word that introduces a name (`صحيفة " … "`,
   * `لـ « الشرق الأوسط »`, `ميناء " طنجة المتوسط "`), or any phrase after such a word and a
   * colon (`بعنوان : « … »`).
   */
  namesSomething(open: number, words: number): boolean {
    if (this.namedByWord(open)) return true;
    const before = this.tok(open - 1);
    if (words > 5 || before?.text === ":") return false;
    if (before === undefined || before.kind !== "word") return before?.text === "ـ" && words <= 3;
    return words <= 3 && (/^ل[^ا]/u.test(before.folded) || before.folded === "ل");
  }

  /**
   * Whether the quotation marks at token `open` certainly hold a name: five words or fewer
   * after a word that names (`صحيفة`, `لقناة`, `بعنوان`: `NAME_INTRODUCERS`), any length after
   * such a word and a colon (`بعنوان : « … »`), capitalised Latin words, or the name of an
   * entity the project knows (`PreannotateOptions.names`).
   */
  namedByWord(open: number): boolean {
    const introducesName = (w: RuleToken | undefined) =>
      w?.kind === "word" && (NAME_INTRODUCERS.has(w.folded) || NAME_INTRODUCERS.has(w.folded.replace(/^[لبو]/u, "")));
    const close = this.tok(open)?.partner ?? -1;
    const before = this.tok(open - 1);
    if (before?.text === ":" && introducesName(this.tok(open - 2))) return true;
    if (close - open - 1 > 5) return false;
    // `" Apple "`, `" BBC "`: capitalised Latin words are a name, not Arabic speech.
    const inner = this.tokens.slice(open + 1, close);
    const latin = (t: RuleToken) => t.kind !== "word" || /^\p{Lu}/u.test(t.text);
    if (inner.some((t) => t.kind === "word") && inner.every(latin)) return true;
    // `" حزب الله "` when the project knows an entity of that name.
    if (this.#names.has(inner.map((t) => t.folded).join(" "))) return true;
    return before?.text !== ":" && introducesName(before);
  }

  /**
   * Whether a short quotation (four words or fewer) stands too far from its cue to be what the
   * cue reports: a short quote follows its cue and speaker closely (`مؤكدا " أهمية الحوار "`,
   * `قال بولتون: " لا "`); farther away it is a name or a scare quote.
   */
  tooFarForShort(cue: FoundCue, open: number, words: number): boolean {
    if (words > 4) return false;
    const from = this.speakerAfter(cue)?.last ?? cue.last;
    const between = this.tokens
      .slice(from, open)
      .filter((t, k) => t.text !== ":" && t.text !== "،" && t.text !== "," && !this.nameMarks.has(from + k));
    // One quoted word is a quote only right after its cue (`قال: " لا "`).
    return between.length > (words === 1 ? 0 : 3);
  }
}

/** Options of `preannotateQuotes`. */
export interface PreannotateOptions {
  /** Attributions already in the document: their quotes are not suggested again, and a continuation cue may carry their speaker over. */
  prior?: readonly PriorAttribution[];
  /** Names of the project's entities and their aliases: quotation marks around one hold a name, not speech. */
  names?: readonly string[];
}

/**
 * Quote suggestions for a text.
 * @param text the document text
 * @param lemmas the project's cue list
 * @returns suggestions in text order, UTF-16 offsets; none overlaps a prior quote
 */
export function preannotateQuotes(
  text: string,
  lemmas: readonly CueLemma[],
  options: PreannotateOptions = {},
): QuoteSuggestion[] {
  const r = new Rules(text, lemmas, options.names ?? []);
  const prior = options.prior ?? [];
  /** `nested`: a report inside another quote's content (`nestedReport`), never carried over from. */
  const out: (QuoteSuggestion & { sentence: number; nested: boolean })[] = [];
  const usedCues = new Set<number>();
  const consumedUntil = { offset: -1 };
  const overlapsPrior = (e: Extent) => prior.some((p) => p.quote.start < e.end && e.start < p.quote.end);

  /** The speaker an earlier quote had, for carrying over: the nearest quote before `at`. */
  const previousAgreeing = (at: number, sentence: number | null, gender: Gender = null): Extent | null => {
    const candidates: { start: number; speaker: Extent | null; sentence: number | null }[] = [
      ...out.filter((q) => !q.nested).map((q) => ({ start: q.quote.start, speaker: q.speaker, sentence: q.sentence })),
      ...prior.map((p) => ({ start: p.quote.start, speaker: p.speaker, sentence: null })),
    ]
      .filter((q) => q.start < at && q.speaker !== null && (sentence === null || q.sentence === sentence))
      // `وأضافت` carries over the last speaker it agrees with (`gender.ts`).
      .filter((q) => q.speaker !== null && mayAgree(gender, mentionGender(text.slice(q.speaker.start, q.speaker.end))))
      .sort((a, b) => b.start - a.start);
    return candidates[0]?.speaker ?? null;
  };

  const resolveSpeaker = (cue: FoundCue, at: number): { speaker: Extent | null; carried: boolean } => {
    const sentence = r.tok(cue.first)?.sentence ?? 0;
    const gender = cueGender(
      r.tok(cue.first)?.text ?? "",
      cue.form.lemma,
      cue.form.kind === "participle" ? "participle" : "speech",
    );
    const previousSpeaker = (at: number, sentence: number | null) => previousAgreeing(at, sentence, gender);
    if (cue.form.kind === "participle") {
      const inSentence = previousSpeaker(at, sentence);
      if (inSentence !== null) return { speaker: inSentence, carried: true };
      // The subject of the sentence's reporting verb, when that verb reported nothing itself.
      for (let j = cue.first - 1; j >= 0 && r.tok(j)?.sentence === sentence; j--) {
        const main = r.cueAt.get(j);
        if (main !== undefined && main.form.kind !== "participle") {
          const s = r.speakerAfter(main)?.extent ?? r.speakerBefore(main);
          if (s !== null) return { speaker: s, carried: false };
        }
      }
      const subject = r.sentenceSubject(cue);
      if (subject !== null) return { speaker: subject, carried: false };
      const earlier = previousSpeaker(at, null);
      return { speaker: earlier, carried: earlier !== null };
    }
    const after = r.speakerAfter(cue);
    if (after !== null && !ADDRESSEE_CUES.has(foldArabic(cue.form.lemma)))
      return { speaker: after.extent, carried: false };
    const before = r.speakerBefore(cue);
    if (before !== null) return { speaker: before, carried: false };
    if (after !== null) return { speaker: after.extent, carried: false };
    // `قال X إن … ، وأضاف أن …`: the speaker of the sentence's earlier quote.
    const inSentence = previousSpeaker(at, sentence);
    if (inSentence !== null) return { speaker: inSentence, carried: true };
    // No subject of its own, or a pronoun (`ولكن فيلار مير يقاتل … ، رغم انه يقول انه …`): the
    // subject of the sentence the cue stands in, when the cue does not open it.
    const topic = r.clauseTopic(cue.first) ?? r.subjectBefore(cue.first);
    if (topic !== null) return { speaker: topic, carried: false };
    // No subject: the previous quote's speaker, unless that is far and the sentence before
    // this one names its own subject (`رفض أبو عبد الله … . وقال إنه …`).
    const earlier = previousSpeaker(at, null);
    const near = earlier !== null && at - earlier.end < 400;
    if (!near) {
      const previous = r.previousSentenceStart(cue.first);
      const prevEnd =
        previous < 0 ? -1 : r.tokens.findIndex((t, k) => k > previous && t.sentence !== r.tok(previous)?.sentence);
      const subject = previous < 0 ? null : r.subjectBefore(prevEnd < 0 ? r.tokens.length - 1 : prevEnd - 1);
      if (subject !== null) return { speaker: subject, carried: true };
    }
    return { speaker: earlier, carried: earlier !== null };
  };

  const push = (q: QuoteSuggestion, cueIndex: number | null, nested = false) => {
    if (q.quote.end <= q.quote.start || overlapsPrior(q.quote)) return;
    // A nested report may lie inside the quote it is part of, and nowhere else.
    const inside = (o: Extent) => o.start <= q.quote.start && q.quote.end <= o.end;
    if (out.some((o) => o.quote.start < q.quote.end && q.quote.start < o.quote.end && !(nested && inside(o.quote))))
      return;
    if (cueIndex !== null) usedCues.add(cueIndex);
    const sentence = r.tokens.find((t) => t.start >= q.quote.start)?.sentence ?? 0;
    out.push({ ...q, sentence, nested });
    consumedUntil.offset = Math.max(consumedUntil.offset, q.quote.end);
  };

  const reportedClause = (from: number, cue: FoundCue, cueIndex: number, nested = false) => {
    const last = r.clauseLast(from);
    const lastTok = r.tok(last);
    if (lastTok === undefined || last < from) return;
    const start = r.introducerStart(from);
    let hasMarks = false;
    // Quoted words make the report mixed; a quoted name or title (`صحيفة " القادسية "`) does not.
    for (let j = from; j <= last; j++) if (r.tok(j)?.kind === "mark" && !r.titleMarks.has(j)) hasMarks = true;
    const { speaker, carried } = resolveSpeaker(cue, start);
    push(
      {
        quote: { start, end: lastTok.end },
        type: hasMarks ? "mixed" : "indirect",
        cue: cue.extent,
        speaker,
        carried,
        lemma: cue.form.lemma,
      },
      cueIndex,
      nested,
    );
  };

  /** A direct quote over content tokens `[first, last]` (trailing full stops and commas left out). */
  const direct = (cue: FoundCue, cueIndex: number, first: number, last: number) => {
    let l = last;
    while (l >= first && TRAILING_PUNCT.has(r.tok(l)?.text ?? "")) l--;
    const a = r.tok(first);
    const b = r.tok(l);
    if (a === undefined || b === undefined || l < first) return;
    const { speaker, carried } = resolveSpeaker(cue, a.start);
    push(
      {
        quote: { start: a.start, end: b.end },
        type: "direct",
        cue: cue.extent,
        speaker,
        carried,
        lemma: cue.form.lemma,
      },
      cueIndex,
    );
  };

  /**
   * The speaker's own words with no quotation marks and no colon, typed direct like marked
   * ones (fixtures/quotes-gold/README.md): right after `قائلا` (`وأضاف قائلا نادرا ما …`), or
   * from a word that opens speech and never a report of it (`وقال بلير في المقابلة لدينا …`,
   * `فقال الله بل …`; a demonstrative after `وتابع`, `وأضاف`: `وتابع هذا ليس …`), up to the end
   * of the sentence — when no quotation mark, colon or introducer stands between.
   */
  const unmarkedSpeech = (cue: FoundCue, cueIndex: number) => {
    const sentence = r.tok(cue.first)?.sentence;
    let first = -1;
    if (QUAILAN.has(r.tok(cue.last - 1)?.folded ?? "")) {
      const next = r.tok(cue.last);
      // Not `قائلا في …` or `قائلا إن …`: an adverbial or a report follows.
      if (next?.kind === "word" && (!STOP_WORDS.has(next.folded) || SPEECH_OPENERS.has(next.folded))) first = cue.last;
    } else if (cue.form.kind === "speech") {
      const continues = cue.conjoined && CONTINUATIONS.has(foldArabic(cue.form.lemma));
      for (let k = cue.last; k < cue.last + 10; k++) {
        const x = r.tok(k);
        if (x?.kind !== "word" || x.sentence !== sentence) break;
        if (SPEECH_OPENERS.has(x.folded) || (k === cue.last && continues && DEMONSTRATIVES.has(x.folded))) {
          first = k;
          break;
        }
      }
    }
    if (first < 0) return;
    const last = r.runLast(first);
    if (last <= first) return;
    for (let k = cue.last; k <= last; k++) {
      const x = r.tok(k);
      if (x === undefined || x.kind === "mark" || x.text === ":" || r.isIntroducer(k, cue.form.introducers)) return;
    }
    direct(cue, cueIndex, first, last);
  };

  /**
   * Quoted words that no cue reports, opened after a colon (`… بحديث شريف : « … »`):
   * direct, with the speaker of the sentence's earlier quote, else the sentence's subject,
   * else the previous quote's speaker.
   */
  const uncued = (first: number, last: number) => {
    const a = r.tok(first);
    const b = r.tok(last);
    if (a === undefined || b === undefined || last < first) return;
    const sentence = a.sentence;
    const inSentence = previousAgreeing(a.start, sentence);
    const subject = inSentence === null ? r.subjectBefore(first - 1) : null;
    const earlier = inSentence ?? subject ?? previousAgreeing(a.start, null);
    push(
      {
        quote: { start: a.start, end: b.end },
        type: "direct",
        cue: null,
        speaker: earlier,
        carried: earlier !== null && subject === null,
        lemma: null,
      },
      null,
    );
  };

  /**
   * A line that opens with a name and a colon (`جون بولتون : وقف إطلاق النار … مرفوض`): the
   * words after the colon are that person's, direct, with no cue.
   */
  const headline = (speaker: Extent, first: number, last: number) => {
    // `… مرفوض ( الفرنسية )`: the source in brackets is not part of the words.
    const bracket = r.tokens.findIndex((t, k) => k >= first && k <= last && t.text === "(");
    let l = bracket < 0 ? last : bracket - 1;
    while (l >= first && TRAILING_PUNCT.has(r.tok(l)?.text ?? "")) l--;
    const a = r.tok(first);
    const b = r.tok(l);
    if (a === undefined || b === undefined || l - first < 2) return;
    push(
      { quote: { start: a.start, end: b.end }, type: "direct", cue: null, speaker, carried: false, lemma: null },
      null,
    );
  };

  /**
   * Quoted words after a cue (`قال X: "…"`, `مؤكدا ضرورة … "…"`, `أكد أن "…"`): direct, or the
   * reported clause when an introducer or a participle's object comes before the marks.
   * @returns whether the marks were taken
   */
  const quotedAfterCue = (cue: FoundCue, open: number, first: number, last: number): boolean => {
    for (let j = cue.last; j < open; j++) {
      if (r.isIntroducer(j, cue.form.introducers)) {
        reportedClause(j, cue, cue.first);
        return true;
      }
    }
    const between = r.tokens.slice(cue.last, open).filter((x) => x.kind === "word");
    if (cue.form.kind === "participle" && between.length > 0 && !STOP_WORDS.has(between[0]?.folded ?? "")) {
      reportedClause(cue.last, cue, cue.first); // the participle's object holds the quoted words
      return true;
    }
    // `اتهمها " بتدمير " لبنان`: the marks open the cue's own object and the clause goes on.
    const afterClose = r.tok(last + 2);
    const inner = r.tok(first)?.folded ?? "";
    const opensObject =
      r.isIntroducer(first, cue.form.introducers) ||
      (cue.form.introducers.includes("ب") && inner.startsWith("ب") && inner.length >= 4);
    if (opensObject && afterClose?.kind === "word" && !r.cueAt.has(last + 2)) {
      reportedClause(open, cue, cue.first);
      return true;
    }
    // `وقال " حزب الله " في بيان إن …`: the marks hold the speaker; the report follows.
    const subject = open === cue.last || open === cue.last + 1 ? r.quotedSubject(cue, open) : null;
    if (subject !== null) {
      reportedClause(subject.last, cue, cue.first);
      return true;
    }
    const words = r.tokens.slice(first, last + 1).filter((x) => x.kind === "word").length;
    if (r.nameMarks.has(open) || r.tooFarForShort(cue, open, words)) return false;
    direct(cue, cue.first, first, last);
    return true;
  };

  // Walk the text once: quotation marks and cues in order.
  for (let i = 0; i < r.tokens.length; i++) {
    const t = r.tokens[i];
    if (t === undefined) continue;
    if (t.start < consumedUntil.offset) continue;
    if (t.kind === "mark" && t.opens && t.partner > i + 1) {
      const close = t.partner;
      const before = r.cueBefore(i);
      if (before !== null && !usedCues.has(before.first) && quotedAfterCue(before, i, i + 1, close - 1)) {
        if (t.start >= consumedUntil.offset) i = close;
        continue;
      }
      const after = r.cueAfter(close);
      if (after !== null && !r.nameMarks.has(i)) {
        direct(after, after.first, i + 1, close - 1);
        i = close;
        continue;
      }
      if (r.nameMarks.has(i)) continue;
      const colon = r.tok(i - 1)?.text === ":";
      // `وقال ردا على … ببريطانيا : « … »`: a colon lets the cue stand farther back in its sentence.
      const far = colon ? r.cueBefore(i, 40) : null;
      if (far !== null && !usedCues.has(far.first) && quotedAfterCue(far, i, i + 1, close - 1)) {
        if (t.start >= consumedUntil.offset) i = close;
        continue;
      }
      // Quoted words with no cue after a colon (`… بحديث شريف : « … »`) are someone's words;
      // without a colon they may be a title, a slogan or a scare quote, however long.
      if (colon) {
        uncued(i + 1, close - 1);
        i = close;
      }
      continue;
    }
    if (t.kind === "mark" && t.partner < 0 && MAY_OPEN.has(t.text)) {
      // An opening mark whose closing one was never written (or falls in the next paragraph):
      // the quote runs to the end of the sentence.
      const before = r.cueBefore(i);
      const last = r.runLast(i + 1);
      if (before !== null && !usedCues.has(before.first) && last > i) quotedAfterCue(before, i, i + 1, last);
      continue;
    }
    if (t.text === ":" && r.tok(i + 1)?.kind === "word") {
      // `قال فيها: يسرني …`: unmarked words after a cue and a colon are the speaker's own.
      const before = r.cueBefore(i, 8);
      const between = before === null ? [] : r.tokens.slice(before.last, i);
      if (
        before !== null &&
        !usedCues.has(before.first) &&
        !between.some((x, k) => x.kind !== "word" || r.isIntroducer(before.last + k, before.form.introducers))
      ) {
        direct(before, before.first, i + 1, r.runLast(i + 1));
      } else if (before === null) {
        const name = r.headlineSpeaker(i);
        if (name !== null) headline(name, i + 1, r.runLast(i + 1));
      }
      continue;
    }
    const cue = r.cueAt.get(i);
    if (cue === undefined || usedCues.has(i) || cue.form.kind === "source") continue;
    // Indirect speech: the cue, its speaker, adverbials, then an introducer.
    const sentence = t.sentence;
    let reported = false;
    // A cue written like a preposition (`عبر`) reports only what follows it closely.
    const reach = STOP_WORDS.has(t.folded) ? 3 : 20;
    for (let j = cue.last; j < r.tokens.length && j - cue.last < reach; j++) {
      const x = r.tokens[j];
      if (x === undefined || x.sentence !== sentence || x.kind === "break") break;
      // `في اتصال اجرته معه « الشرق الاوسط » امس ان …`: a short quoted name before the content.
      if (x.kind === "mark" && x.opens && x.partner > j && (r.nameMarks.has(j) || x.partner - j - 1 <= 3)) {
        j = x.partner;
        continue;
      }
      if (x.kind === "mark") break;
      if (x.text === ":" || (j > cue.last && r.cueAt.has(j))) break; // after a colon: the speaker's own words
      if (r.isIntroducer(j, cue.form.introducers) || r.opensNominalObject(cue, j)) {
        reportedClause(j, cue, i);
        // A report inside a report is a quote of its own, inside this one, with its own speaker.
        const inner = r.nestedReport(j);
        if (inner !== null) reportedClause(inner.introducer, inner.cue, inner.cueIndex, true);
        reported = true;
        break;
      }
    }
    if (!reported) unmarkedSpeech(cue, i);
  }
  return out.map(({ sentence: _sentence, nested: _nested, ...q }) => q);
}

/**
 * Every stretch of text between a pair of quotation marks (the words inside, trailing
 * punctuation left out, as a direct quote covers them), whatever the rules make of it: the
 * candidates that what reviews taught may promote to quotes (`main/ops/review-model.ts`).
 * Quoted names and titles are among them.
 * @returns UTF-16 extents in text order
 */
export function quotedSegments(text: string): Extent[] {
  const tokens = ruleTokens(text);
  const out: Extent[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "mark" || !t.opens || t.partner <= i + 1) return;
    let last = t.partner - 1;
    while (last > i && TRAILING_PUNCT.has(tokens[last]?.text ?? "")) last--;
    const a = tokens[i + 1];
    const b = tokens[last];
    if (a !== undefined && b !== undefined && last > i) out.push({ start: a.start, end: b.end });
  });
  return out;
}
