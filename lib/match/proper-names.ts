/**
 * Terms inside proper names, which name no term: a US state closing an address ("Hartford, CT 06106"), the
 * place before its ZIP code ("Flushing, NY 11367"), institutions and journals ("Department of Medicine", "Stroke
 * Association", "British Journal of Cancer") and authors in a list or a citation ("Koibuchi N, Chin WW", "Chin
 * et al.", "(Koibuchi and Chin 2000)"). Articles carry them in their affiliations, citations and
 * acknowledgements. Only matches that start with a capital are asked about; each rule asks for the context that
 * tells a name from prose ("Hypertension, MI." is a list of conditions, "Insulin IV" a route, "Association of
 * Smoking With Lung Cancer" a title).
 */
import { isSpace } from './abbreviations';

const STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' '),
);

const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isLetter = (c: number) => isUpper(c) || isLower(c);

/**
 * Whether text[start, end), which starts with a capital, is part of a proper name (see above). `abbreviation`:
 * the match is an abbreviation whose case carries its meaning (CT), not a word in capitals (an author's
 * initials "JAW").
 */
export function inProperName(text: string, start: number, end: number, abbreviation: boolean, afterTerm = false): boolean {
  return (
    (!afterTerm && isStateInPlace(text, start, end)) ||
    placeBeforeState(text, end) ||
    inInstitution(text, start, end) ||
    isAuthor(text, start, end) ||
    (!abbreviation && areInitials(text, start, end))
  );
}

/** "Swanepoel R, Coetzer JAW.": two or three capitals after a surname, in a list of authors. */
function areInitials(text: string, start: number, end: number): boolean {
  if (end - start < 2 || end - start > 3 || text.charCodeAt(start - 1) !== 0x20) return false;
  for (let i = start; i < end; i++) if (!isUpper(text.charCodeAt(i))) return false;
  if (!isLower(text.charCodeAt(start - 2))) return false; // "Coetzer", not "MRI"
  if (!/^(?:[,.;:)]|$)/.test(text.slice(end, end + 1))) return false;
  let w = start - 2;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) w--;
  return isUpper(text.charCodeAt(w)) && inAuthorList(text, w, end);
}

/** Whether text[start, end) is a state code closing a place name: after "Hartford, ", before a ZIP code or the end. */
function isStateInPlace(text: string, start: number, end: number): boolean {
  if (end - start !== 2 || !STATES.has(text.slice(start, end))) return false;
  // Before: ", " after a place: a capitalised word ("Hartford"), or a longer one in capitals ("HAVEN", as
  // datelines write it; "MRI, CT" is a list of tests).
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  if (i < 1 || text.charCodeAt(i) !== 0x2c || i === start - 1) return false;
  let w = i - 1;
  if (!isLetter(text.charCodeAt(w))) return false;
  let lower = false;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) {
    if (!isUpper(text.charCodeAt(w))) lower = true;
    w--;
  }
  if (!isUpper(text.charCodeAt(w)) || (!lower && i - w < 4)) return false;
  return endsAddress(text, end) || (lower && PLACE_LEAD.test(text.slice(Math.max(0, w - 40), w)));
}

/**
 * A word that puts what follows in a place, before up to two more capitalised words of its name: "in New
 * Haven, CT and", "from Ann Arbor, MI, were". Running prose, so the state need not close the sentence.
 */
const PLACE_LEAD = /\b(?:in|at|from|near|of|to)\s(?:[A-Z][\p{L}.'-]*\s){0,2}$/u;

/**
 * Whether what follows `end` ends an address: the end, a ZIP code, a bracket, a dash, a full stop or
 * semicolon; not a comma or a word ("Ultrasound, CT, and MRI").
 */
function endsAddress(text: string, end: number): boolean {
  let j = end;
  while (j < text.length && text.charCodeAt(j) === 0x20) j++;
  if (j >= text.length) return true;
  const c = text.charCodeAt(j);
  if (c >= 0x30 && c <= 0x39) return j > end; // "CT 06106"
  return c === 0x0a || c === 0x28 || c === 0x29 || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2e || c === 0x3b;
}

/** "Flushing, NY 11367": a term followed by ", ", a state code and a ZIP code ("Asthma, MS." is a list). */
function placeBeforeState(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x2c || text.charCodeAt(end + 1) !== 0x20) return false;
  const s = end + 2;
  return isUpper(text.charCodeAt(s)) && isUpper(text.charCodeAt(s + 1)) && STATES.has(text.slice(s, s + 2)) &&
    /^ \d{5}\b/.test(text.slice(s + 2, s + 8));
}

/**
 * Words that head an institution's or a journal's name, with the word that follows them ("International Agency for
 * Research on Cancer"; journals: "BMC Oral Health", "Br J Cancer"). Not "Association of": JAMA titles its papers
 * "Association of Smoking With Lung Cancer".
 */
const INSTITUTION_HEAD = /\b(?:(?:Department|Dept\.?|Division|Institute|School|College|Faculty|Journal|Centre|Center|Society|Foundation|Laboratory|Clinic|Academy|Council|Ministry|Hospital|University)\s+(?:of|for)(?:\s+the)?|(?:Association|Group|Alliance|Coalition)\s+for(?:\s+the)?|Institutes?\s+on|Research\s+on|Library\s+of|Investigation\s+into|BMC|J\.?)\s$/;
/**
 * Words that end one: "Stroke Association", "American Cancer Society", "Cancer Registry", "Human Phenotype
 * Ontology", "Cancer Research UK", "Environmental Health Perspectives", "CNS News" (not campaigns: "Breast Cancer Awareness Month").
 */
const INSTITUTION_TAIL =
  /^(?:\s+\([A-Z][^()\s]{1,11}\))?\s+(?:Association|Society|Foundation|Institute|Journal|Centre|Center|Council|Trust|Alliance|Federation|Coalition|Registry|Registration|Network|Consortium|Collaboration|Ontology|Study Group|Working Group|Research UK|Perspectives|News)\b/;

/**
 * A questionnaire's or a scale's name, up to two capitalised words after the term: "Oral Health Impact Profile",
 * "Beck Depression Inventory", "Pain Catastrophizing Scale". It measures the term; what it is, the card cannot say.
 */
const INSTRUMENT_TAIL = /^(?:\s+[A-Z][a-z]+){0,2}\s+(?:Profile|Questionnaire|Inventory|Scale)\b/;
/** An institution's last word after more of its name: "Zuckerman Mind Brain Behavior Institute". */
const INSTITUTION_LATER_TAIL =
  /^(?:\s+(?:[A-Z][a-z]+|and|of|in))?(?:\s+[A-Z][a-z]+){1,2}(?:\s+\([A-Z][^()\s]{1,11}\))?\s+(?:Institute|Foundation|Society|Association|Centre|Center|Council|Registry|Hospital|Working Group|Oncology Group|Research Group|Study Group)\b/;

/**
 * Words that end a study's, a register's or an index's name, but headlines too ("Cancer Trial Results", "Obesity
 * Report", "Asthma Index Rises"): a name only with its short form in brackets ("Collaborative Depression Study
 * (CDS)", "Infarction Prevention (BIP) Study"), or with more of its name on both sides of the term ("Swiss HIV Cohort
 * Study", "International Stroke Thrombolysis Register"). On one line, and never after a comma.
 */
const STUDY_WORD = '(?:Study|Trial|Register|Survey|Committee|Programme|Program|Database|Endeavou?r|Report|Index|Score)\\b';
const ACRONYM = '\\([A-Z][^()\\s]{1,11}\\)';
const STUDY_TAIL = new RegExp(`^(?:[ \\t]+(${ACRONYM}))?[ \\t]+${STUDY_WORD}`);
const STUDY_LATER_TAIL = new RegExp(`^(?:[ \\t]+(?:[A-Z][a-z]+|and|of|in))?(?:[ \\t]+[A-Z][a-z]+){1,2}(?:[ \\t]+(${ACRONYM}))?[ \\t]+${STUDY_WORD}`);
const ACRONYM_NEXT = new RegExp(`^[ \\t]*${ACRONYM}`);

function inStudyName(text: string, start: number, after: string): boolean {
  const tail = STUDY_TAIL.exec(after) ?? STUDY_LATER_TAIL.exec(after);
  if (!tail) return false;
  if (tail[1] || ACRONYM_NEXT.test(after.slice(tail[0].length))) return true;
  // A capitalised word of the name just before the term, on the same line: "Swiss HIV Cohort Study", "Oswestry
  // Disability Index", "U.K. Diabetes Prospective Study"; not a headline's "New" or "The", nor a sentence's last word.
  const before = /(?:^|[^\p{L}.'-])([A-Z][\p{L}'-]*|(?:[A-Z]\.){2,})[ \t]+$/u.exec(text.slice(Math.max(0, start - 30), start));
  return !!before && !HEADLINE_WORDS.has(before[1]);
}
const HEADLINE_WORDS = new Set(['A', 'An', 'The', 'New', 'Latest', 'Recent', 'Major', 'Big', 'Large', 'Small', 'First', 'Second', 'Third', 'Why', 'How', 'What']);

/**
 * Whether a capitalised term stands in an institution's, a study's, a journal's or a questionnaire's name. Pages
 * break a name over lines and indent it ("Allergy,\n      Asthma and Immunology"): any white space joins its words.
 */
function inInstitution(text: string, start: number, end: number): boolean {
  // A comma may come first: "National Heart, Lung, and Blood Institute".
  const from = text.charCodeAt(end) === 0x2c ? end + 1 : end;
  let next = from;
  while (next < text.length && next - from < 40 && isSpace(text.charCodeAt(next))) next++;
  if (next > from && (isUpper(text.charCodeAt(next)) || text.charCodeAt(next) === 0x28 || /^(?:and|of|in) [A-Z]/.test(text.slice(next, next + 8)))) {
    const after = text.slice(from, next + 80);
    if (INSTITUTION_TAIL.test(after) || INSTRUMENT_TAIL.test(after) || INSTITUTION_LATER_TAIL.test(after)) return true;
    if (from === end && inStudyName(text, start, after)) return true;
  }
  // Back over the capitalised words before it ("Department of Clinical Medicine"), to the head.
  let at = start;
  for (let words = 0; words < 6; words++) {
    // Both patterns below end in white space: most terms follow none, or follow it after no head's last word.
    let wordEnd = at;
    while (wordEnd > 0 && at - wordEnd < 80 && isSpace(text.charCodeAt(wordEnd - 1))) wordEnd--;
    if (wordEnd === at) return false;
    const before = text.slice(Math.max(0, wordEnd - 40), wordEnd + 1);
    if (endsInHeadLink(text, wordEnd) && INSTITUTION_HEAD.test(before)) return true;
    // A comma between the name's words: "American Academy of Allergy, Asthma and Immunology".
    const word = /(?:^|\s)([A-Z][\p{L}'-]*,?|and|&|in)\s$/u.exec(before);
    if (!word) return false;
    at = wordEnd - word[1].length;
  }
  return false;
}

/**
 * Whether "of", "for", "on", "the" or "into" ends text[0, end), or a journal's "BMC" or "J": what INSTITUTION_HEAD's
 * last word is, tested before it runs.
 */
function endsInHeadLink(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  if (c === 0x43) return text.slice(end - 3, end) === 'BMC';
  if (c === 0x4a || (c === 0x2e && text.charCodeAt(end - 2) === 0x4a)) return true; // "J", "J."
  if (c === 0x6e) return text.charCodeAt(end - 2) === 0x6f; // "on"
  if (c === 0x66) return text.charCodeAt(end - 2) === 0x6f; // "of"
  if (c === 0x72) return text.charCodeAt(end - 2) === 0x6f && text.charCodeAt(end - 3) === 0x66; // "for"
  if (c === 0x6f) return text.slice(end - 4, end) === 'into';
  return c === 0x65 && text.charCodeAt(end - 2) === 0x68 && text.charCodeAt(end - 3) === 0x74; // "the"
}

/**
 * An author: one capitalised word followed by "et al", by initials in a list of authors ("Koibuchi N, Chin WW"),
 * or by a year closing a citation of several authors ("(Koibuchi and Chin 2000)"). Not "Insulin IV", "Asthma FAQ"
 * or "(Cancer 2020)": no list, no "and".
 */
function isAuthor(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (!isLower(text.charCodeAt(i))) return false;
  const after = text.slice(end, end + 12);
  if (/^,? et al\b/.test(after)) return true;
  const initials = /^ ([A-Z]{1,3})(?:[,.;:)]|$)/.exec(after)?.[1];
  if (initials) return !NOT_INITIALS.has(initials) && inAuthorList(text, start, end + 1 + initials.length);
  return /^,? (?:19|20)\d\d[a-z]?[);,]/.test(after) && /(?:\band|&) $/.test(text.slice(Math.max(0, start - 5), start));
}

/** Capitals after a drug or a page's heading that are no one's initials: routes, grades, "FAQ". */
const NOT_INITIALS = new Set(['IV', 'IM', 'SC', 'PO', 'SL', 'PR', 'ID', 'IP', 'IT', 'NG', 'OD', 'BD', 'TDS', 'QID', 'BID', 'TID', 'PRN', 'USP', 'BP', 'FAQ', 'ER', 'XR', 'SR', 'CR', 'DR', 'LA', 'HCL', 'OTC']);

/** A name with its initials among others: "Smith J, " before it, or ", Smith J" after it. */
function inAuthorList(text: string, start: number, end: number): boolean {
  return /[A-Z][\p{Ll}'-]+ [A-Z]{1,3}, $/u.test(text.slice(Math.max(0, start - 30), start)) ||
    /^, [A-Z][\p{Ll}'-]+ [A-Z]{1,3}\b/u.test(text.slice(end, end + 30));
}
