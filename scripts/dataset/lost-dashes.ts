// MedQuAD's crawl dropped the dashes of some sites' pages, joining the words on either side of an em dash ("the
// penisthe male organ", "risk factorssuch as age") and the numbers of a range (NHLBI's "affects about 515 percent
// of Americans", "in 20092010"), and some spaces beside NHLBI's links ("andheart attack"). Put back where the text
// itself shows what was lost, before any answer is read.
import type { MedQuadTopic } from './sources.ts';

/**
 * Words that often follow an em dash, as the second half of a joined pair ("like" is not one: "spongelike",
 * "grapelike" are written whole). A pair is only read so when the whole is rare in MedQuAD and no word known
 * otherwise (English or MeSH's), and its first half a word MedQuAD uses.
 */
const AFTER_DASH = new Set([
  'such', 'the', 'a', 'an', 'which', 'that', 'or', 'and', 'as', 'especially', 'usually', 'including', 'often', 'even',
  'from', 'in', 'for', 'but', 'about', 'also', 'called', 'typically', 'mostly', 'not', 'with', 'who', 'when', 'if',
  'is', 'are', 'can', 'may', 'most', 'some', 'it', 'this', 'these', 'those', 'only', 'either', 'both', 'particularly',
  'instead', 'except', 'sometimes', 'because', 'although', 'rather', 'without', 'whether', 'where', 'there', 'they',
  'you', 'your',
  // A dash's second half mid-sentence ("found in many foods—into glucose", "a light—to see", "a year—more than").
  'into', 'to', 'over', 'after', 'more', 'known', 'one', 'two', 'just', 'still', 'along', 'below', 'through', 'during',
  'meaning',
]);

/**
 * Words after which a lost dash never stands: "andheart attack", "ofcoronary heart disease" lost a space (NHLBI's
 * pages around their links), not a dash.
 */
const BEFORE_SPACE = new Set([
  'and', 'the', 'of', 'or', 'as', 'to', 'for', 'than', 'that', 'has', 'have', 'are', 'is', 'you', 'with', 'at',
  'include', 'includes',
]);
/** A pair the corpus writes as two words this often ("heart disease", "quitting smoking") lost a space, not a dash. */
const PHRASE = 3;
/**
 * Halves that make one word with the other, however often the corpus writes them apart: "inattention", "nonsmokers",
 * "antiseizure", "fingerlike", "noseless", "fourfold" are words, not pairs.
 */
const PREFIXES = new Set(['non', 'anti', 're', 'un', 'in', 'on', 'over', 'under', 'out', 'up', 'down', 'sub', 'pre', 'post', 'co', 'de', 'dis', 'mis', 'bi', 'tri', 'multi', 'semi', 'inter', 'intra', 'extra', 'ultra', 'super', 'counter', 'self', 'light']);
const SUFFIXES = new Set(['like', 'less', 'fold', 'ness', 'wise', 'ward', 'wards', 'free', 'borne', 'born', 'headedness', 'able', 'table']);
/** Halves that join into compounds written with a hyphen or as one ("calcium-containing", "well-balanced", "breastfeeds"). */
const COMPOUND_FIRST = new Set(['well', 'full', 'self', 'half', 'breast', 'tube']);
const COMPOUND_SECOND = new Set(['shaped', 'containing', 'making', 'feeds', 'feeding', 'strength', 'balanced', 'based', 'related', 'fed']);

/**
 * How often a joined word may occur and still be read as two: a site's sentence repeated on its pages is joined as
 * often ("bone marrowa sponge-like tissue" on a dozen of NHLBI's). More often only when its first half is far more
 * common on its own ("a radiologista doctor who" on 49 of NIDDK's pages; "statin" is a word, "stat" rare).
 */
const RARE = 12;
const COMMONER = 1.5;
/**
 * On NIDDK's pages, a join seen at most this often, of two words each seen this often, is read as a lost dash. Its
 * sentences repeat from page to page: "edemaswelling" is seen 13 times, "carbohydratessugars" 8.
 */
const DASH_PAGES_RARE = 15;
const DASH_PAGES_COMMON = 20;

/**
 * MedQuAD's sources whose pages lost their dashes. GARD's and GHR's lost a few too, but their rare words are mostly
 * Latin names and proteins' ("alopecia totalis", "tuberin", "wolframin"), which read as pairs.
 */
const LOST_DASHES = new Set(['NIDDK', 'NHLBI', 'NIHSeniorHealth', 'NINDS']);

export interface DashRepairs {
  /** Joined words and what they were: "factorssuch" → "factors—such", "andheart" → "and heart". */
  words: Map<string, string>;
  /**
   * Words run onto a number before them ("type 2diabetes", "30minutes", "age 3the age"), known English words only,
   * so that no unit ("5mg", "10mmol") or ordinal ("2nd") is parted from its number.
   */
  afterNumbers: Set<string>;
}

/**
 * The joined words of these topics' answers. `known` holds the words known to be words, lower case: English's and
 * MeSH's, which are never split ("secretin", "Giardia intestinalis").
 */
export function findLostDashes(topics: MedQuadTopic[], known: ReadonlySet<string>): DashRepairs {
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const t of topics) {
    for (const qa of t.qa) {
      const text = qa.answer.toLowerCase();
      for (const [w] of text.matchAll(/[a-z]+/g)) counts.set(w, (counts.get(w) ?? 0) + 1);
      // Two words with only a space between: "ulcers, sores" is a list, not the phrase "ulcers sores".
      for (const [, a, b] of text.matchAll(/\b([a-z]+) (?=([a-z]+)\b)/g)) pairs.set(`${a} ${b}`, (pairs.get(`${a} ${b}`) ?? 0) + 1);
    }
  }
  const used = (w: string) => (counts.get(w) ?? 0) >= 5 || known.has(w);
  const latinAfter = new Set([...pairs.keys()].filter((pair) => /^\w+(?:itis|ia|osis|us|um) /.test(pair)).map((pair) => pair.split(' ')[1]));
  // Only the sites whose pages lost their dashes: elsewhere a rare word is a protein's or a brand's name (GHR's
  // centrosome and huntingtin, MedlinePlus's Lyrica), not two words.
  const candidates = new Set<string>();
  const onDashPages = new Set<string>();
  // And the known words run onto a number before them ("type 2diabetes"), read in the same pass.
  const afterNumbers = new Set<string>();
  for (const t of topics) {
    if (!LOST_DASHES.has(t.source)) continue;
    for (const qa of t.qa) {
      for (const [w] of qa.answer.matchAll(/\b[a-z]{6,}\b/g)) {
        candidates.add(w);
        if (t.source === 'NIDDK') onDashPages.add(w);
      }
      for (const [, w] of qa.answer.matchAll(/\d([a-z]{3,})\b/g)) if (known.has(w)) afterNumbers.add(w);
    }
  }
  const words = new Map<string, string>();
  for (const word of candidates) {
    const seen = counts.get(word) ?? 0;
    if (known.has(word)) continue;
    // A word said again after a dash, to be explained ("iodized saltsalt supplemented with iodine—", "Congenital
    // diseasesdiseases that are present at birth—"); a word of two halves alike ("murmur", "tartar") is known.
    const half = word.slice(0, word.length / 2);
    if (word.length % 2 === 0 && half.length >= 4 && word === half + half && used(half)) {
      words.set(word, `${half}\u2014${half}`);
      continue;
    }
    // A space first: a small word run into the next ("andheart"), or two words the corpus often writes apart.
    const lostSpace = (before: string, after: string) => {
      if (after.length < 4 || !used(after)) return false;
      if (BEFORE_SPACE.has(before)) return true;
      const phrase = !AFTER_DASH.has(after) && !PREFIXES.has(before) && !SUFFIXES.has(after);
      return phrase && before.length >= 3 && used(before) && (pairs.get(`${before} ${after}`) ?? 0) >= PHRASE;
    };
    if (seen <= RARE) {
      let i = 2;
      while (i <= word.length - 4 && !lostSpace(word.slice(0, i), word.slice(i))) i++;
      if (i <= word.length - 4) {
        words.set(word, `${word.slice(0, i)} ${word.slice(i)}`);
        continue;
      }
    }
    for (let i = word.length - 1; i >= 3; i--) {
      const [before, after] = [word.slice(0, i), word.slice(i)];
      if (!AFTER_DASH.has(after) || !used(before) || (seen > RARE && (counts.get(before) ?? 0) < COMMONER * seen)) continue;
      // "stressor", "detector": a verb and its doer, not a word and "or" (the verb's other forms are in the text).
      if (after === 'or' && ['ed', 'ing', 'ion', 's'].some((end) => counts.has(before + end))) continue;
      // A Latin name's adjective, after its noun ("encephalitis lethargica", not "a diuretica medicine"), and a
      // plural ("choreas").
      if ((latinAfter.has(word) && /(?:a|is)$/.test(word)) || (word.endsWith('s') && used(word.slice(0, -1)))) break;
      words.set(word, `${before}\u2014${after}`);
      break;
    }
    if (words.has(word) || !onDashPages.has(word) || seen > DASH_PAGES_RARE) continue;
    // NIDDK's pages use a dash where others use brackets ("edemaswelling, usually in the legs", "diarrhealoose,
    // watery stools"): there, two common words joined a few times lost one, whatever the second word is.
    let best: [number, number] | undefined;
    for (let i = 4; i <= word.length - 3; i++) {
      const [before, after] = [word.slice(0, i), word.slice(i)];
      if (PREFIXES.has(before) || SUFFIXES.has(after) || COMPOUND_FIRST.has(before) || COMPOUND_SECOND.has(after)) continue;
      const common = Math.min(counts.get(before) ?? 0, counts.get(after) ?? 0);
      if (common >= DASH_PAGES_COMMON && (!best || common > best[1])) best = [i, common];
    }
    if (best) words.set(word, `${word.slice(0, best[0])}\u2014${word.slice(best[0])}`);
  }
  return { words, afterNumbers };
}

/** The answers with their dashes back: joined words split again, NHLBI's ranges given their dash. */
export function withDashesRestored(topics: MedQuadTopic[], { words, afterNumbers }: DashRepairs): MedQuadTopic[] {
  return topics.map((t) => ({
    ...t,
    qa: t.qa.map((qa) => {
      let answer = LOST_DASHES.has(t.source)
        ? qa.answer
            // Not inside a web address ("www.cancer.gov/cancertopics/…").
            .replace(/\S+/g, (token) =>
              /[/@]|www\./.test(token)
                ? token
                : token
                    .replace(/\b[a-z]{6,}\b/g, (w) => words.get(w) ?? w)
                    // A word after a number: a dash before the words that follow dashes ("age 3—the age when"), else a space.
                    .replace(/(\d)([a-z]{3,})\b/g, (m, d: string, w: string) => (afterNumbers.has(w) ? `${d}${AFTER_DASH.has(w) ? '\u2014' : ' '}${w}` : m)),
            )
            // A bracket closed right before a word: "the atria (AY-tree-uh)to fibrillate", "(BMI)a measurement"; on
            // NINDS's pages only a space was lost there ("(due to inflammation of the optic nerve)in one or both eyes").
            .replace(/(\([^()]{2,}\))(?=[a-z])/g, t.source === 'NINDS' ? '$1 ' : '$1\u2014')
        : qa.answer;
      if (t.source === 'NHLBI') answer = restoreRanges(answer);
      return answer === qa.answer ? qa : { ...qa, answer };
    }),
  }));
}

/**
 * NHLBI's ranges, only where the joined number cannot be meant: two years ("20092010"), a share over 100 percent
 * made of a smaller and a larger one ("515 percent": NHLBI's pages give no share over 100), and a laboratory band
 * of two three-digit values ("150199 mg/dL"). Times ("within 29 hours", 2–9 on the page) cannot be told from
 * numbers meant as written, and stay.
 */
export function restoreRanges(text: string): string {
  const range = (match: string, a: string, b: string, rest: string) => (Number(a) < Number(b) ? `${a}\u2013${b}${rest}` : match);
  return text
    .replace(/\b((?:19|20)\d\d)((?:19|20)\d\d)\b()/g, range)
    .replace(/\b(\d{1,2})(\d{2})( percent)\b/g, (m, a: string, b: string, rest: string) => (Number(a + b) > 100 ? range(m, a, b, rest) : m))
    .replace(/\b(\d{3})(\d{3})( mg\/dL)/g, range);
}
