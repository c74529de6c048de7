// MedQuAD's answers as readers see them: the layout its pages lost to runs of spaces read back (paragraphs, lists,
// subheadings), what is page rather than answer dropped, apostrophes put back, GARD's symptom tables made lists, and a
// concept's definition taken from an answer's opening. What the crawl lost of the text itself is put back before
// (lost-dashes.ts, lost-letters.ts, list-starts.ts).
import { CREDIT_LINE } from '../../lib/dataset/format.ts';
import { lastSentenceEnd, trimToSentence } from './text.ts';

/**
 * A definition from the opening of an answer: its prose before the first list, without the sentence that only
 * leads into the list ("Symptoms include" then "• Diarrhea"), cut to `max` at a sentence end.
 */
export function definitionFrom(answer: string, max: number): string {
  // The first paragraph that holds text: NHLBI's pages open with their language link alone ("Español"), CDC's with a
  // heading ("Frequently Asked Questions (FAQs)", 'The "First" Outbreak') or a question ("What is diabetes?").
  const raw = answer.split(/\n\s*\n/);
  const tidy = raw.map((p) => tidyAnswer(p, { credited: true }));
  const at = tidy.findIndex((p) => p !== '' && !isHeading(p));
  const paragraph = tidy[at] ?? '';
  const lines = paragraph.split('\n').filter((l) => !l.startsWith(CREDIT_LINE)); // the credit is no part of it
  const list = lines.findIndex((l) => l.startsWith('• '));
  let prose = (list < 0 ? lines : lines.slice(0, list)).join(' ').trim();
  // A sentence that only leads into a list ("Symptoms include", "... based on when symptoms occur:") goes with it,
  // also where the list is the next paragraph (NIDDK's "The three main causes of a solitary kidney are", a blank line,
  // then its items). A sentence may end inside closing quotes: 'It may be black, abnormal, or "ugly looking." Thinking of…'.
  const leadsOn = list >= 0 || (at >= 0 && /^\s*(?:-|•)\s/.test(raw[at + 1] ?? ''));
  if ((leadsOn && !SENTENCE_END.test(prose)) || prose.endsWith(':')) prose = prose.slice(0, lastSentenceEnd(prose)).trim();
  // Cancer.gov's answers open with a list of key points, each a sentence: those are the definition.
  if (!prose && list >= 0) prose = lines.slice(list).filter((l) => /^• .*[.!?]$/.test(l)).map((l) => l.slice(2)).join(' ');
  // A page that opens with a list of what the topic is ("The B vitamins are" B1, B2, …) says what it does after it.
  if (!prose && list >= 0) prose = lines.slice(list).find((l) => !/^[•◦] /.test(l)) ?? '';
  return trimToSentence(prose, max).text;
}

const SENTENCE_END = /[.!?]["'”’)]*$/;

/** A heading or a question on a line of its own: a few words that end no sentence, or end in "?". */
function isHeading(paragraph: string): boolean {
  if (paragraph.includes('\n') || paragraph.split(/\s+/).length > 12) return false;
  return /\?["'”’)]*$/.test(paragraph) || (!/[.!]["'”’)]*$/.test(paragraph) && paragraph.split(/\s+/).length <= 8);
}

/**
 * MedQuAD's answers keep their web pages' layout as spaces: list items run on after "    - ", a "Summary :"
 * label leads some. Each item goes on its own line ("• item"), the prose after a list on the next, runs of
 * spaces become one.
 */
export interface AnswerOptions {
  /**
   * The page ends with the agency that wrote it (MedlinePlus's summaries do): its last title-case words are that
   * credit. On other sites such words are the page's own (a heading, "Heart Failure Signs and Symptoms").
   */
  credited?: boolean;
  /** The page's lists lost every mark between their items (GARD's): see listsApart. */
  runOnLists?: boolean;
  /**
   * The site runs every subheading into the sentence after it (NIHSeniorHealth's "Actual Cause Is Unknown Scientists
   * believe…"): any capitalised word of three letters or more may open that sentence, not only the usual openers.
   */
  runInHeadings?: boolean;
}

/** Where a run-on list may start: after a colon, at a capital. */
const RUN_ON_LEAD_IN = /[a-z)]\s*:\s+(?=[A-Z][a-z])/g;
/** Between two items: a capitalised word right after a word's last letter or a closing bracket ("… disease Diabetes"). */
const ITEM_START = /(?<=[a-z0-9)])\s+(?=['‘"“]?[A-Z][a-z]+['’"”]?(?:[\s,.;-]|$))/g;
const MAX_ITEM_WORDS = 12;
/** A name's last word, never an item of its own: "Kindler Syndrome", "Crohn Disease". */
const NAME_TAIL = /^(?:Syndrome|Disease|Disorder)$/;
/** Tests GARD writes in title case, whose words are no items each: "Magnetic Resonance Imaging (MRI scan)". */
const NAME_PAIRS = new Set(['Magnetic Resonance', 'Resonance Imaging', 'Computed Tomography', 'Positron Emission', 'Emission Tomography']);

/**
 * GARD's lists lost every mark between their items: "The symptoms include: Frequent nosebleeds Easy bruising
 * Recurrent anemia Abnormal bleeding after surgery". Items are written in sentence case, so after a lead-in each
 * capital that follows a lower-case letter starts the next one, up to the first piece that is a sentence (a stop
 * in it, or more than 12 words), which is the paragraph after the list. Only a run of three items or more, a few
 * words each, is taken for a list: a name in title case ("Ehlers-Danlos Syndrome") or one capitalised word in prose
 * is not.
 */
function listsApart(text: string): string {
  return text
    // The phenotype table's introduction follows the last item with only a space ("… Heart failure Shock The Human
    // Phenotype Ontology provides…"): it is a paragraph of its own, not more items.
    .replace(/ (?=The Human Phenotype Ontology provides)/g, '\n')
    .split('\n')
    .flatMap((line) => (line.startsWith('• ') ? [line] : runOnListsApart(line)))
    .join('\n');
}

/** One line's run-on lists: each colon tried in turn, and the text after a list read again for the next. */
function runOnListsApart(line: string): string[] {
  for (const lead of line.matchAll(RUN_ON_LEAD_IN)) {
    const at = lead.index + lead[0].length;
    const list = runOnItems(line.slice(0, at), line.slice(at));
    if (!list) continue;
    return [line.slice(0, at).trimEnd(), ...list.items.map((item) => `• ${item}`), ...(list.rest ? runOnListsApart(list.rest) : [])];
  }
  return [line];
}

function runOnItems(leadIn: string, text: string): { items: string[]; rest: string } | undefined {
  const pieces = text.split(ITEM_START).reduce<string[]>((all, piece) => {
    const pair = `${all.at(-1)?.split(/\s+/).at(-1)} ${piece.split(/\s+/)[0]}`;
    if (all.length > 0 && (NAME_TAIL.test(piece.trim()) || NAME_PAIRS.has(pair))) all[all.length - 1] += ` ${piece}`;
    else all.push(piece);
    return all;
  }, []);
  const items: string[] = [];
  for (const [i, piece] of pieces.entries()) {
    if (piece.split(/\s+/).length > MAX_ITEM_WORDS) break;
    // The line's last item may keep its stop ("… Calcitonin Etanercept."): a few words, an item still.
    const last = i === pieces.length - 1 && /^[^.!?,]*[.!?]$/.test(piece.trim()) && piece.split(/\s+/).length <= 6;
    // "i.e." and "e.g." end no sentence ("Genital abnormalities (i.e. cryptorchidism)").
    if (/[.!?](?:\s|$)/.test(piece.replace(/\b(?:i\.e|e\.g)\./g, '')) && !last) break;
    // An article alone opens the sentence after the list ("Watchful waiting The National Cancer Institute offers…").
    if (/^(?:The|A|An)$/.test(piece.trim())) break;
    // A piece that leads into something of its own ("There is also a neonatal form: Neonatal …") is prose.
    if (piece.includes(': ')) break;
    items.push(last ? piece.trim().slice(0, -1) : piece.trim());
  }
  // The sentence after the list may start with a name the text writes capitalised mid-sentence ("Other common
  // Klebsiella infections include…"): then the last "item" is that sentence's beginning.
  const next = pieces[items.length]?.split(/\s+/)[0];
  if (next && items.length > 0 && new RegExp(String.raw`[a-z,] ${next.replace(/\W/g, '')}\b`).test(leadIn)) items.pop();
  const words = items.reduce((n, item) => n + item.split(/\s+/).length, 0);
  // A title-case name splits into one-word "items"; a real list's items average a few words, mostly lower case.
  const titleCase = items.filter((item) => item.split(/\s+/).every((w) => /^[A-Z]/.test(w)) && item.includes(' ')).length;
  // An item never ends on "and" or "of": "Ehlers-Danlos Syndrome Type Four and Vascular Type" is a name.
  const cutShort = items.some((item) => /\b(?:and|or|of|the|with|to|in|for|a|an)$/i.test(item));
  // Two lone adjectives in a row are a name's first words, not items ("Limited", "Systemic" of "Limited Systemic
  // Sclerosis"); one may be an item ("Surgical", "Trauma", "Malignancies").
  const lone = (item = '') => /^[A-Z][a-z]+(?:ed|ic|al|ous)$/.test(item);
  const adjective = items.some((item, i) => lone(item) && lone(items[i + 1]));
  if (items.length < 3 || words / items.length > 7 || titleCase > items.length / 2 || cutShort || adjective) return undefined;
  return { items, rest: pieces.slice(items.length).join(' ').trim() };
}

export function tidyAnswer(answer: string, options: AnswerOptions = {}): string {
  const text = tidyText(answer, options);
  return dropDoubledWords(
    nestItems(dropRepeatedKeyPoints(runInHeadingsApart(bareItems(dropRepeatedLines(dropRepeatedItems(options.runOnLists ? listsApart(text) : text))), options.runInHeadings))),
  );
}

/**
 * A word typed twice ("in which the the central", "H-ABC is is caused"). Last, because a list said again as run-on
 * text ("… red skin  - itching. patches of thick, red skin skin inflammation…") is found by its words as they stand.
 * "that that" and "had had" can be right.
 */
function dropDoubledWords(text: string): string {
  return text.replace(/(?<![\w'’/.-])([a-z]+) \1(?![\w'’/-])/g, (twice, word: string) => (RIGHT_TWICE.has(word) ? twice : word));
}
const RIGHT_TWICE = new Set(['that', 'had']);

/**
 * A line that says again what a line above it said (NHLBI's signs listed, then each again as a line of its own; a
 * paragraph a page printed twice) goes. A list item stays: two lists may share one ("• Surgery").
 */
function dropRepeatedLines(text: string): string {
  const seen = new Set<string>();
  return text
    .split('\n')
    .filter((line) => {
      const said = line.replace(/^[•◦] /, '').trim();
      const again = seen.has(said) && !/^[•◦] /.test(line);
      seen.add(said);
      return !again;
    })
    .join('\n');
}

/**
 * Cancer.gov's key points hold lists of their own ("• Four types of standard treatment are used:", then "Surgery",
 * "Chemotherapy"), flattened to one level, and so do NIDDK's, led in without a colon ("• Oral medications may
 * include", "• certain medications such as"): the short items after an item that leads into a list are its own
 * ("◦ "), up to the first that is a sentence, a longer item, or leads into a list itself.
 */
function nestItems(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i].startsWith('• ') || !LEADS_IN.test(lines[i])) continue;
    let j = i + 1;
    for (; j < lines.length && /^• [^\n]*[^.!?:]$/.test(lines[j]) && lines[j].split(' ').length <= 9 && !LEADS_IN.test(lines[j]); j++) {
      lines[j] = `◦ ${lines[j].slice(2)}`;
    }
    if (j === i + 1) nestSentenceItems(lines, i);
  }
  return lines.join('\n');
}

/**
 * What kind of item a line is, where a list's items share one: a term and its explanation ("• Complete blood count
 * (CBC): A procedure in which…"), or a risk or a step that opens with a gerund ("• Having certain genetic conditions").
 */
function itemShape(line: string): 'term' | 'gerund' | undefined {
  const item = line.slice(2);
  if (/^[^:]{2,80}: \S/.test(item)) return 'term';
  if (GERUND_STARTS.test(item)) return 'gerund';
  return undefined;
}

/** How Cancer.gov's risk and prevention items open; not any "-ing" word ("Woodworking", "Shoemaking" are jobs). */
const GERUND_STARTS = /^(?:Having|Being|Taking|Using|Getting|Receiving|Eating|Drinking|Smoking|Living|Not having)\b/;

/**
 * Cancer.gov's sub-items are sentences ("• …checked for the following:", then "• The number of red blood cells and
 * platelets."), so the rule above leaves them at one level. Where the items of the list share a shape, the items after
 * one that leads in are its own up to the next item of that shape, when one comes (or the list ends): a run that
 * ends otherwise is not known to be nested, and stays as it is. A sub-item's words in brackets do not count towards
 * its length ("Constitutional mismatch repair deficiency (mutations in certain genes that stop DNA from repairing
 * itself, …)" is a short item).
 */
function nestSentenceItems(lines: string[], lead: number): void {
  const shape = itemShape(lines[lead]);
  if (!shape) return;
  let j = lead + 1;
  while (j < lines.length && lines[j].startsWith('• ') && itemShape(lines[j]) !== shape && !LEADS_IN.test(lines[j]) && outsideBrackets(lines[j]).split(' ').length <= 16) j++;
  const backToList = j === lines.length || !lines[j].startsWith('• ') || itemShape(lines[j]) === shape;
  if (j === lead + 1 || !backToList) return;
  for (let k = lead + 1; k < j; k++) lines[k] = `◦ ${lines[k].slice(2)}`;
}

const LEADS_IN = /(?::|\b(?:such as|include|includes|including|who have|who are))$/;
const outsideBrackets = (line: string) => line.replace(/\s*\([^()]*\)/g, '');

/** An item that names itself first, then explains at any length: "TSH test. The ultrasensitive TSH test is…". */
const LABELLED = /^(?!(?:Yes|No)\.)[A-Z][\w'’()/,-]*(?: [\w'’()/,-]+){0,5}\. [A-Z]/;
/** A short first sentence with one of these is a statement, not an item's name ("Many factors affect your levels."). */
const LABEL_VERB = /\b(?:is|are|was|were|may|can|could|will|should|must|has|have|had|do|does|did|affects?|causes?|helps?|means?|shows?|occurs?)\b/;

/**
 * NHLBI's and NIDDK's lists come without their bullets, an item a line after a lead-in ("Your risk is higher if
 * you:", then "Have been exposed to toxins"): the lines after a lead-in are items up to the first that is a paragraph
 * (more than 25 words, unless it opens by naming the item: "TSH test. The ultrasensitive TSH test…"), leads into a
 * list itself, or is the next part's heading ("Physical Exam": items are written in sentence case, "Shortness of
 * breath").
 */
function bareItems(text: string): string {
  const lines = text.split('\n');
  // A heading may ask a question ("What Is Diabetes?"); an item too, in sentence case ("Where do you feel the pain?").
  const labelled = (line: string) => LABELLED.test(line) && !LABEL_VERB.test(line.slice(0, line.indexOf('. ')));
  const item = (line: string, labels: boolean) =>
    !line.startsWith('• ') &&
    !line.endsWith(':') &&
    // Once the items name themselves, each does: a short sentence after them is the prose that follows.
    (labels ? labelled(line) : line.split(' ').length <= 25 || labelled(line)) &&
    !isTitleCase(line.replace(/\?$/, ''));
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i].endsWith(':')) continue;
    let labels = false;
    for (let j = i + 1; j < lines.length && item(lines[j], labels); j++) {
      labels ||= labelled(lines[j]) && lines[j].split(' ').length > 25;
      lines[j] = `• ${lines[j]}`;
    }
  }
  return lines.join('\n');
}

/** "Atrial Fibrillation Complications": two or more words of four letters or more, each capitalised, and no stop. */
function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /[A-Za-z]{4}/.test(w));
  return words.length >= 2 && words.every((w) => /^[(]?[A-Z]/.test(w)) && !/[.!?:;,]$/.test(line);
}

/**
 * A page's subheading run into the sentence after it ("Common Symptoms The most common symptoms are", "Surgery Surgery
 * to remove the tumor"): a few capitalised words at a line's or sentence's start, then a sentence that opens with a
 * word that opens sentences, or with one of the heading's words again. The heading goes on a line of its own.
 */
function runInHeadingsApart(text: string, anyOpener = false): string {
  return text
    .split('\n')
    .map((line) =>
      line.startsWith('• ')
        ? line
        : line.replace(RUN_IN, (match, before: string, run: string) => {
            const words = run.split(' ');
            // A verb with no capital after it belongs to the sentence ("Surgery Surgery is the…"): the heading ends
            // before it.
            const verb = words.findIndex((w, i) => HEADING_VERBS.has(w) && !words.slice(i + 1).some((x) => CAPITALISED.test(x)));
            const headingWords = verb < 0 ? words.length : verb;
            // The sentence starts at the last capitalised word, which opens sentences ("Common Symptoms The most…") or
            // is the heading's last word again ("Surgery Surgery to…"), or another of its words ("Symptoms of Dry Eye
            // Dry eye symptoms") — then after a word that opens sentences, if one comes just before ("Some UTIs Lead to
            // Severe Problems Most UTIs are").
            let k = headingWords - 1;
            while (k > 0 && !CAPITALISED.test(words[k])) k--;
            if (k < 1 || k > 7 || !/^[A-Z][A-Za-z'’-]*,?$/.test(words[k - 1])) return match;
            const own = words.slice(0, k).some((w) => w.toLowerCase() === words[k].toLowerCase());
            if (own && k >= 2 && SENTENCE_OPENERS.has(words[k - 1]) && CAPITALISED.test(words[k - 2])) k--;
            else if (!SENTENCE_OPENERS.has(words[k]) && words[k] !== words[k - 1] && !(own && k >= 2)) {
              // NIHSeniorHealth's habit: the sentence opens at the run's last capital, or at "The" before a name that
              // ends there ("Medications Are Available The Food and Drug Administration has approved…").
              // "A" may open one ("Injuries and Birth Defects A few people…"), not before a verb ("Medicare Part A is…").
              if (!anyOpener || (words[k].length < 3 && (words[k] !== 'A' || HEADING_VERBS.has(words[k + 1] ?? '')))) return match;
              if (NAME_ENDS.has(words[k])) k = words.lastIndexOf('The', k);
              if (k < 1 || !isTitleCase(words.slice(0, k).join(' '))) return match;
            }
            return `${before.trimEnd()}${before ? '\n' : ''}${words.slice(0, k).join(' ')}\n${words.slice(k).join(' ')}`;
          }),
    )
    .join('\n');
}

// A heading's words: capitalised (a comma between two: "Burning, Itching, Tingling, Then a Rash"), small words, and
// a verb inside ("Why Saliva is Important", "Relief is Possible").
const HEADING_WORD = `(?:[A-Z][A-Za-z'’-]*(?:,(?= [A-Z]))?|of|and|the|to|for|in|a|an|with|your|you|or|on|at|is|are|can)`;
const HEADING_VERBS = new Set(['is', 'are', 'can']);
// The sentence after it may open with a word and a comma ("Learning About Alzheimer's Sometimes, you may feel").
const RUN_IN = new RegExp(`(^|[.!?] )([A-Z][A-Za-z'’-]*(?:,(?= [A-Z]))?(?: ${HEADING_WORD}){1,8})(?=,? [a-z])`, 'g');
const CAPITALISED = /^[A-Z][A-Za-z'’-]*$/;
/** Last words of an organisation's name, which no sentence opens with ("… Task Force recommends"). */
const NAME_ENDS = new Set(['Administration', 'Force', 'Institute', 'Institutes', 'Association', 'Foundation', 'Center', 'Centers', 'Society', 'Service', 'Services', 'Department', 'Agency', 'Organization', 'Academy', 'College', 'Council', 'Program', 'Study', 'Trial']);
// Not "A" ("Vitamin A is", "Hemophilia A and"), "People" ("The Little People of America") nor "Symptoms".
const SENTENCE_OPENERS = new Set(
  'The An In Any Most Some If When This These There It You Your Many Other For As Because Although While Each All One Several Having Eating Being Getting Doing To No At Sometimes Currently Often'.split(' '),
);

/**
 * NIHSeniorHealth's pages come with each list twice: as items, then their words run together after the last one
 * ("• weight loss. fevers frequent infections … weight loss. Other signs…"), or each item said again right after
 * itself. The items stay, once; what followed the copy is the next paragraph.
 */
function dropRepeatedItems(text: string): string {
  const lines = text.split('\n').flatMap((line, i, all) => {
    if (!line.startsWith('• ')) return [line];
    const { item, rest } = saidOnce(line.slice(2));
    // What follows the last item's copy is the next paragraph; within a list it stays with its item.
    if (!rest) return [`• ${item}`];
    return all[i + 1]?.startsWith('• ') ? [`• ${item} ${rest}`] : [`• ${item}`, rest];
  });
  // The copy follows the list's last item, which may run on into the next list's lead-in: tried on every item.
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('• ')) {
      start = i + 1;
      continue;
    }
    const split = repeatAfter(lines[i].slice(2), lines.slice(start, i).map((l) => l.slice(2).replace(/\.$/, '')));
    if (split) lines.splice(i, 1, `• ${split.item}`, ...(split.rest ? [split.rest] : []));
  }
  return lines.join('\n');
}

/** "A sentence. A sentence. More." → "A sentence.", and "More.": sentences said again at once, said once. */
function saidOnce(item: string): { item: string; rest: string } {
  for (let p = item.indexOf('. '); p > 0; p = item.indexOf('. ', p + 1)) {
    const said = item.slice(0, p + 1);
    if (item.startsWith(said, p + 2) && /^(?:\s|$)/.test(item.slice(2 * p + 3))) return { item: said, rest: item.slice(2 * p + 3).trim() };
  }
  return { item, rest: '' };
}

/**
 * Where the last item's own words end and the run of every item's words starts (the earlier items', then its own), and
 * what follows that run.
 */
function repeatAfter(last: string, earlier: string[]): { item: string; rest: string } | undefined {
  const first = earlier[0] ?? '';
  if (first.length < 3) return undefined;
  for (let at = last.indexOf(first, 1); at > 0; at = last.indexOf(first, at + 1)) {
    const own = last.slice(0, at).trim().replace(/\.$/, '');
    let pos = at;
    const whole = [...earlier, own].every((item) => {
      const found = last.indexOf(item, pos);
      if (found < 0 || !/^[\s.,;]*$/.test(last.slice(pos, found))) return false;
      pos = found + item.length;
      return true;
    });
    if (whole) return { item: last.slice(0, at).trim(), rest: last.slice(pos).replace(/^[\s.]+/, '') };
  }
  return undefined;
}

function tidyText(answer: string, options: AnswerOptions): string {
  return restoreApostrophes(pageFurniture(answer, options))
    // A page's language link ("Español", its ñ lost), and sentences run together where a list's items were.
    .replace(/\s*\bEspaol\b\s*/g, ' ')
    // NIDDK's footnote numbers, run onto the sentence or the line they end ("…has hypothyroidism.1 About…", "…excess
    // GH.2 Scientists", "…increase.3,6", "…the risk of cancers of the3"), and the lines of bare numbers a footnote list
    // left; and the marks on words its pronunciation note (gone) pointed at ("Cirrhosis* is scarring").
    .replace(/([A-Za-z)]\.)\d{1,2}(?:,\d{1,2})*(?=\s|$)/g, '$1')
    .replace(/(?<=[a-z])\*(?=[\s,.;:)\u2014]|$)/g, '')
    .replace(/(?<=\s)([a-z]{2,})\d(?=[ \t]*(?:\n|$))/g, '$1')
    .replace(/(^|\n)[\d,\s]*\d[\d,\s]*(?=\n|$)/g, '$1')
    // ASCII dashes for an em dash ("Stroke -- A Serious Event"), and spaces inside brackets ("( ATP)", "(T3 )").
    .replace(/ -{2,3} /g, ' \u2014 ')
    // …and between two words ("Almost any drug--but most particularly sulfa drugs--can cause").
    .replace(/(?<=[A-Za-z)])-{2,3}(?=[A-Za-z])/g, '\u2014')
    .replace(/\( +/g, '(')
    .replace(/(\S) +\)/g, '$1)')
    .replace(/\b(e\.g|i\.e)\. ,/g, '$1.,')
    .replace(/([a-z])\.\.(?!\.)/g, '$1.')
    // Toll-free numbers written without their hyphens ("call 18003182596").
    .replace(/\b1(8[0-8]{2})(\d{3})(\d{4})\b/g, '1-$1-$2-$3')
    .replace(/([a-z]{2}|[)\]%]|\d)\.(?=[A-Z][a-z]|[A-Z]{2,}\b)/g, '$1. ')
    .replace(/^\s*Summary\s*:\s*/, '')
    .replace(/\bGene Review: Gene Review:/g, 'GeneReviews:')
    // Cancer.gov's and MedlinePlus's terms set apart from their explanation: "Physical exam and history : An exam…".
    .replace(/(\w) :(?=\s)/g, '$1:')
    // Spaces the crawl moved around punctuation: "60 years . From", "achalasia,gastroparesis", "(KFS)are".
    .replace(/(\w) ([,.;])(?=\s|$)/g, '$1$2')
    .replace(/([a-z]),(?=[a-z]{2})/g, '$1, ')
    // A bracket of its own, not part of a word ("sarco(endo)plasmic") nor a mnemonic's letters ("(MU)scle, (LI)ver").
    .replace(/(?<=\s)(\([^()\n]{3,}\))(?=[a-z]{2})/g, '$1 ')
    .replace(/(^|\s{2,}|\n\s*)-\s+/g, (_, before: string) => (before === '' ? '• ' : '\n• '))
    // A list's last item ends where a wider run of spaces leads on to prose ("• Medicines       Normally, your
    // immune system…"): what follows is the next paragraph, not more of the item.
    .replace(/^(• [^\n]*?\S)[ \t]{3,}(?=\S)/gm, '$1\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ *\n\s*/g, '\n')
    .trim();
}

/**
 * What the pages hold besides their answer, as MedQuAD keeps it. Genetics Home Reference ends each treatment answer
 * with the same five MedlinePlus headings (links once: "Drug Therapy", "Palliative Care"), which say nothing of the
 * condition; CDC's with links to more pages ("More on: Handwashing"), NIDDK's with "Top": these go. MedlinePlus ends
 * its summaries with the agency that wrote them ("NIH: National Cancer Institute"), a credit that ran on as the last
 * sentence's end: it stands on a line of its own, said to be the writer's ("Written by NIH: National Cancer Institute"),
 * so that it reads as the credit it is and no view takes it for the answer's last paragraph.
 */
function pageFurniture(answer: string, { credited = false }: AnswerOptions): string {
  let text = answer
    .replace(GHR_HEADINGS, '')
    .replace(PAGE_POINTERS, '')
    .replace(VIDEO_HELP, '')
    .replace(GO_TO, '')
    .replace(FIGURE_MARK, '') // before the sentences: "Lists exist (click here to see them)." keeps its words
    .replace(LINK_POINTER, '')
    .replace(MORE_POINTER, '')
    .replace(LOST_LINK, '')
    .replace(LINK_ADVICE, '')
    .replace(REFERENCE_MARK, '')
    .replace(FURNITURE_LINE, '$1')
    .trimEnd();
  for (;;) {
    const last = /\s{3,}(\S(?:\s{0,2}\S)*)$/.exec(text);
    if (!last) return text;
    const tail = last[1].trim();
    if (/^(?:More on: .*|Top)$/.test(tail)) text = text.slice(0, last.index).trimEnd();
    else return credited && tail.length < 100 && CREDIT.test(tail) ? `${text.slice(0, last.index)}\n${CREDIT_LINE}${tail}` : text;
  }
}

const GHR_HEADINGS =
  /\s*These resources from MedlinePlus offer information about the diagnosis and management of various health conditions:?\s+-\s+Diagnostic Tests\s+-\s+Drug Therapy\s+-\s+Surgery and Rehabilitation\s+-\s+Genetic Counseling\s+-\s+Palliative Care/g;
/**
 * Pointers to what the bundled answer cannot show: a page's video ("(Watch the video to learn more about glaucoma. To
 * enlarge the video, click the brackets…)"), another section or page ("(See the General Information section.)",
 * NHLBI's 'For more information, go to "How Is Asthma Treated?"').
 */
const PAGE_POINTERS =
  /\s*\((?:Watch the (?:animated )?videos?|See the|See For More Information|For more (?:information|details)\b[^()]*?, (?:go to|see))\b[^()]*(?:\([^()]*\)[^()]*)*\)/g;
/**
 * A line of its own that links on or annotates the page: CDC's "More on: Handwashing" and "Frequently Asked Questions
 * (FAQs)", NIDDK's pronunciation note.
 */
const FURNITURE_LINE =
  /(^|\n)[ \t]*(?:More on: [^\n]*|\*See (?:the )?Prono?u?nciation Guide[^\n]*|\*Case definitions have been updated since publication|Frequently Asked Que+stions \(FAQs\)|Podcasts)[ \t]*(?=\n|$)/g;
const VIDEO_HELP = /\s*To (?:enlarge|reduce) the videos?\b[^.()]*(?:\([^()]*\)[^.()]*)*\./g;
/** Where a sentence may start: the text's or a line's start, after a sentence's end, or after a run of spaces. */
const POINTER_START = String.raw`(?<=^|[.!?]["”)]?\s+|\s{2,})`;
const GO_TO = new RegExp(String.raw`${POINTER_START}(?:For (?:more )?(?:information|details)\b[^."]*|For a list of these conditions), go to "[^"]*"\.?`, 'g');
/** A character of a sentence that leads into nothing: a stop inside a name ("MayoClinic.com") is no end, a colon stops it. */
const POINTER_PART = String.raw`(?:[^.!?:\n]|\.(?![\s"”)]|$))`;
const POINTER_END = String.raw`(?:[.!?](?=[\s"”)]|$)|$)`;
/**
 * A sentence that asks the reader to click a link the bundled answer does not have (GARD's "Click here to view a
 * diagram of the eye.", "Please click on the link to access this resource.", "Please visit the link below."), with
 * no colon: one that leads into the links' titles ("click on the links below: Hemochromatosis type 1 …") runs on into
 * the next sentence without a stop, and a list run into one ("…include: Poor growth … click here") is the answer.
 */
const LINK_POINTER = new RegExp(
  String.raw`${POINTER_START}${POINTER_PART}{0,200}?(?:\b(?:[Cc]lick|CLICK)(?:ing)? (?:here|HERE|the (?:links?\b|")|on (?:the|this|these|a|each|"|[A-Z]\w+ (?:\w+ )?to view)\b)|\b(?:visit|see) the links? (?:below|above)\b|\bSee the (?:illustration|diagram|image) below\b)${POINTER_PART}*${POINTER_END}`,
  'gm',
);
/**
 * "Read more about coronary heart disease risk factors.", "Learn more about … at Diseases, Genetics and Family
 * History.": a pointer to another page, its link lost. One that names a whole web address stays, as "visit www.…" does.
 */
const MORE_POINTER = new RegExp(String.raw`${POINTER_START}(?:Read|Learn) more\b(?![^\n]*?(?:https?://|www\.\w+\.\w))${POINTER_PART}*${POINTER_END}`, 'gm');
/**
 * Where a sentence names a source "at the following link" and no web address follows, only the link is lost:
 * "eMedicine provides information on its treatment at the following link." keeps the source and loses the pointer.
 */
const LOST_LINK = /\s+(?:at|using|through|from|by visiting) the following (?:web ?)?links?(?=\.(?!\s*(?:https?:\/\/|www\.)))/g;
/** What GARD says of a link the answer does not have: "You may need to register to view the article, but…". */
const LINK_ADVICE = /\s*(?:You may (?:need|have) to register to view (?:the article|this online medical resource), but registration is free\.?|Information on finding an article and its title, authors, and publishing details is listed here\.)/g;
/** GARD's marks of the references it lists ("…nontoxic acetate.[9184]", "[1]"). */
const REFERENCE_MARK = /\[\d{1,5}(?:[,–-] ?\d{1,5})*\]/g;
/** A pointer to a figure or a link the answer does not show: "(Figure 1)", "(see Figure 2)", "(click here to access this page)". */
const FIGURE_MARK = /\s*\((?:(?:see )?Figure \d+[A-Z]?|click here\b[^()]*)\)/gi;
/** A name in title case, as an agency's ("NIH: National Institute of Arthritis and Musculoskeletal and Skin Diseases"). */
const CREDIT = /^(?:NIH: )?[A-Z][\w.'’-]*(?:,? (?:[A-Z][\w.'’-]*|of|and|on|for|the|in))*$/;

/**
 * Cancer.gov opens its answers with "Key Points", a list whose items come back as the headings of the text
 * below: each is said once, in the list.
 */
function dropRepeatedKeyPoints(text: string): string {
  if (!text.startsWith('Key Points\n')) return text;
  const lines = text.split('\n');
  const points = new Set(lines.filter((l) => l.startsWith('• ')).map((l) => l.slice(2).trim()));
  return ['Key points:', ...lines.slice(1).filter((l) => l.startsWith('• ') || !points.has(l.trim()))].join('\n');
}

/**
 * MedQuAD lost its curly apostrophes ("doesnt", "youre", "peau dorange"): put back those of words that are
 * never right without one. "its", "lets" and "doctors" can be right as they stand, so they stay.
 */
function restoreApostrophes(text: string): string {
  return text
    .replace(APOSTROPHE_LOST, (word: string) => WITH_APOSTROPHE.get(word)!)
    .replace(OWNER_AFTER_ONE, "$1 $2's ")
    .replace(OWNER_OF_PART, "$1 $2's $3")
    // Graves' disease: the name ends in s, its possessive in an apostrophe.
    .replace(/\bGraves(?= (?:disease|dermopathy|ophthalmopathy|eye disease)\b)/g, "Graves'");
}

// After "a" or "each", a person's noun in "-s" can only own what follows ("a persons blood", "each patients
// risk"); after "the" it may be a plural ("the patients were"), so that stays.
const OWNER_AFTER_ONE = /\b(an?|An?|each|Each|every|Every|one|another) (person|patient|doctor|individual|parent|partner|mother|father|family|infant|newborn|teenager|adult|girl|boy|man)s (?=[a-z])/g;

// After "the", "your" or "his" the same person's noun owns what follows only where that is what a person has ("the
// patients health habits", "your childs doctor"): "the patients were seen" stays.
const OWNER_OF_PART =
  /\b(the|The|your|Your|his|her|their) (patient|person|woman|man|child|baby|doctor|provider|family|mother|father|individual|infant|newborn|adult|parent|partner)s (health|body|blood|risk|immune|diet|condition|symptoms|doctor|age|mental|urine|bladder|chance|kidneys|office|medical|life|urinary|hormones|throat|ability|lungs|home|physical|womb|urethra|head|fertility|thyroid|abdomen|legs|hemoglobin|growth|rectum|history|spleen|wishes|bloodstream|own|skin|brain|cells|heart|eyes|liver|weight|needs|stomach|genes|care)\b/g;

// Lower-case and capitalised spellings only: "IM" is intramuscular, not "I'm".
const WITH_APOSTROPHE = new Map(
  ["don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "shouldn't",
    "wouldn't", "couldn't", "can't", "won't", "you're", "you've", "you'll", "they're", "they've", "they'll", "that's",
    "what's", "there's", "I'm", "I've", "child's", "d'orange", "body's", "baby's", "woman's", "today's", "someone's",
    "everyone's", "who's", "here's", "he's", "she's", "Hashimoto's", "Addison's", "Crohn's", "Alzheimer's", "Parkinson's",
    "Huntington's", "Cushing's", "Raynaud's", "Sjogren's", "Meniere's", "Peyronie's", "Hodgkin's", "Fanconi's", "Wolman's",
    "family's", "Schirmer's", "Leigh's", "Bowen's", "don'ts", "artery's"].flatMap((w) => {
    const capitalised = w[0].toUpperCase() + w.slice(1);
    return [[w.replace("'", ''), w], [capitalised.replace("'", ''), capitalised]];
  }),
);
const APOSTROPHE_LOST = new RegExp(`\\b(?:${[...WITH_APOSTROPHE.keys()].join('|')})\\b`, 'g');

const HPO_TABLE = 'Signs and Symptoms Approximate number of patients (when available)';
const HPO_INTRO = /\s*The Human Phenotype Ontology provides the following list of signs and symptoms for[\s\S]*$/;
const HPO_ABOUT = /\s*The Human Phenotype Ontology \(HPO\) has collected information[\s\S]*$/;

/**
 * The Ontology's words for a disease's onset, course and inheritance ("Infantile onset", "Progressive", "Incomplete
 * penetrance", "Sporadic"): said of the condition, no sign a person has.
 */
const COURSE =
  /^(?:(?:Antenatal|Embryonal|Fetal|Congenital|Neonatal|Infantile|Childhood|Juvenile|Young adult|Adult|Middle age|Late|Insidious|Pediatric|Puerperal) )?onset$|^(?:Heterogeneous|Sporadic|Incomplete penetrance|Variable expressivity|Somatic mutation|Somatic mosaicism|Genetic anticipation|Slow progression|Rapidly progressive|Progressive|Nonprogressive|Variable|Chronic|Acute|Episodic|Recurrent)$/i;

/**
 * GARD's symptom answers end with the Human Phenotype Ontology's table, flattened into one run of text
 * ("Malabsorption 90% Ataxia - Autosomal recessive inheritance - ") and two paragraphs about the table. Kept
 * as a list of the signs, with how often they occur where known; modes of inheritance are no symptoms.
 */
export function tidyPhenotypeTable(answer: string, max = 15, topic = ''): string {
  const intro = HPO_INTRO.exec(answer);
  if (!intro) return answer;
  const prose = answer.slice(0, intro.index).trim();
  const at = answer.indexOf(HPO_TABLE);
  const table = at < 0 ? '' : answer.slice(at + HPO_TABLE.length).replace(HPO_ABOUT, '');
  const signs: string[] = [];
  // How often: a share ("90%"), a count of those examined ("10/10"), or not known ("-").
  for (const m of table.matchAll(/\s*(.+?)\s+(\d+(?:\.\d+)?%|\d+\/\d+|-)(?=\s|$)/g)) {
    const name = m[1].trim();
    // Modes of inheritance are no symptoms, and a condition is no sign of itself (GARD's "Asthma" lists "Asthma").
    if (/inheritance$/i.test(name) || COURSE.test(name) || name.toLowerCase() === topic.trim().toLowerCase()) continue;
    signs.push(m[2] === '-' ? name : `${name} (${m[2].replace(/^(\d+)\/(\d+)$/, '$1 of $2')})`);
  }
  if (signs.length === 0) return prose;
  const shown = signs.slice(0, max).map((s) => `• ${s}`);
  if (signs.length > max) shown.push(`• and ${signs.length - max} more at the source`);
  const list = ['Signs and symptoms (with how often they occur, where known):', ...shown].join('\n');
  return prose ? `${prose}\n${list}` : list;
}
