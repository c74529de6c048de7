// Small text helpers shared by the dataset build steps.
import { romanDigits } from '../../lib/match/roman.ts';

/** A key for joining names across sources: case, Unicode form, quotes, hyphens and spacing folded. */
export function joinKey(name: string): string {
  return subtypeNumbers(plainKey(name));
}

/** The same without the subtype numbers read alike: what a MedQuAD topic's concept id is made of (ids never change). */
export function plainKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[-\u2010-\u2015_/,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A subtype's number written the sources' two ways: GARD's "Glycogen storage disease type 4" is MeSH's "Glycogen
 * storage disease IV", the Disease Ontology's "Oculocutaneous albinism type II" GARD's "... type 2". A Roman numeral
 * after "type", or ending a name of more than one word, reads as its digits, and "type" before a number is dropped.
 */
function subtypeNumbers(key: string): string {
  const words = key.split(' ');
  for (let i = 1; i < words.length; i++) {
    const arabic = romanDigits(words[i]);
    if (arabic && (words[i - 1] === 'type' || i === words.length - 1)) words[i] = arabic;
  }
  return words.filter((w, i) => !(w === 'type' && i + 1 < words.length && /^\d+[a-z]?$/.test(words[i + 1]))).join(' ');
}

/** "breast cancer" → "Breast cancer": capitalise the first letter only. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Cut text to at most `max` characters at a sentence or paragraph end, so that a bundled answer stays
 * readable and small; the full text stays one click away at the source.
 */
export function trimToSentence(text: string, max: number): { text: string; truncated: boolean } {
  const clean = text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  if (clean.length <= max) return { text: clean, truncated: false };
  const head = clean.slice(0, max);
  // A stop after an abbreviation ends no sentence ("(i.e. the", "The U.S. Preventive…").
  let cut = head.lastIndexOf('\n');
  for (const m of head.matchAll(/\.(?=[ \n])/g)) if (m.index > cut && !ABBREVIATION_END.test(head.slice(0, m.index + 1))) cut = m.index;
  // A whole last sentence, even if that leaves the text short; where there is none, words and an ellipsis,
  // so that a cut never reads as the end ("talk to your health care team about").
  if (cut > 0) return { text: withoutLeadIn(clean.slice(0, cut + 1).trim()), truncated: true };
  return { text: `${clean.slice(0, head.lastIndexOf(' ')).trim()}…`, truncated: true };
}

// Not a lone capital: "cathepsin F.", "type I.", "vitamin D." end sentences.
const ABBREVIATION_END = /(?:\b(?:i\.e|e\.g|vs|Dr|Mr|Mrs|Ms|St|approx|Fig)|\b[A-Z]\.[A-Z](?:\.[A-Z])*)\.$/;

/**
 * A shortened answer does not end on a heading, nor on the sentence that leads into a list it no longer holds ("The
 * following tests may be done:"): that sentence goes, or the line, until what is left ends otherwise.
 */
function withoutLeadIn(text: string): string {
  let out = text;
  for (;;) {
    const lastLine = out.slice(out.lastIndexOf('\n') + 1);
    if (out.endsWith(':')) {
      // The sentence that leads into the list goes, or its line.
      const end = Math.max(out.lastIndexOf('\n'), lastSentenceEnd(out.slice(0, -1)) - 1);
      if (end <= 0) return out;
      out = out.slice(0, end + 1).trim();
    } else if (out.includes('\n') && !/^[•◦] |[.!?"'”’)]$/.test(lastLine)) {
      // A heading whose text the cut left out ("Outlook"), or a line cut off before its list ("…keep your kidneys
      // healthy by").
      out = out.slice(0, out.lastIndexOf('\n')).trim();
    } else return out;
  }
}

/** Where the last whole sentence of `text` ends (0 when none does before its last words). */
export function lastSentenceEnd(text: string): number {
  let end = 0;
  for (const m of text.matchAll(/[.!?]["'”’)]*(?=\s)/g)) end = m.index + m[0].length;
  return end;
}

/** NIH sites all serve https; links we show must too. */
export function httpsUrl(url: string): string {
  return url.replace(/^http:\/\//, 'https://');
}

/**
 * MedQuAD's questions as a reader would write them: its template "What is (are) Malaria ?" reads "What is
 * malaria?"-like, spaces before "?" go, a doubled "? ?" is one, and "Do you have information about A1C"
 * (MedlinePlus's "what is it" pages) asks "What is A1C?".
 */
export function tidyQuestion(question: string, type: string): string {
  let q = question.replace(/\s+/g, ' ').trim();
  const about = /^Do you have information about (.+?)\s*\??$/i.exec(q);
  if (about && type === 'information') q = `What is (are) ${about[1]} ?`;
  q = q.replace(/^What is \(are\) (.+?)\s*\?$/, (_, x: string) => `What ${looksPlural(x) ? 'are' : 'is'} ${x}?`);
  q = q.replace(/\s*\?(\s*\?)*$/, '?');
  return q.charAt(0).toUpperCase() + q.slice(1);
}

/**
 * "Varicose Veins", "Cataracts", "Medicines", "Allergies": a last word in -s that is not -ss, -is or -us
 * (sepsis, lupus), nor a disease named in the plural that reads as one (diabetes, herpes, measles).
 */
function looksPlural(name: string): boolean {
  const last = name.trim().split(/\s+/).pop()!.toLowerCase();
  if (/ and /i.test(name) || IRREGULAR_PLURALS.has(last)) return true; // "Medicines and Children"
  return /[^siu]s$/.test(last) && !SINGULAR_IN_S.has(last);
}

const IRREGULAR_PLURALS = new Set(['children', 'women', 'men', 'people', 'teeth', 'feet', 'mice', 'lice', 'geese']);

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '+': '⁺',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
};
const raise = (digits: string) => [...digits].map((c) => SUPERSCRIPT[c]).join('');
const lower = (digits: string) => [...digits].map((c) => SUBSCRIPT[c]).join('');

/**
 * PubMed's plain text writes a superscript or subscript in brackets glued to what it belongs to: "kg/m(2)",
 * "10(9)/l", "L(-1)", "chi(2)", "PaCO(2)", "FEV(1)", "CD8(+)". Put back the small digits a reader knows, and
 * only after the words and units that take them, so that "(2)" counting a list or a group stays as written.
 */
export function restoreScripts(text: string): string {
  return text
    // Areas and powers of ten: "kg/m(2)", "400 cm(2)", "10(9)/l", "10(-3)", "weight/height(2)"; "kg/m 2,".
    .replace(/(?<=\b(?:[mck]?m|µm|height))\(([23])\)(?![\w(])/g, (_, d: string) => raise(d))
    .replace(/(?<=[mk]g\/m) ([23])(?=[\s,;.)])/g, (_, d: string) => raise(d))
    .replace(/(?<=(?:^|[^\d.,])10)\((-?\d{1,2})\)(?![\d(])/g, (_, d: string) => raise(d))
    // Units per litre, kilogram, hour: "micromol L(-1)", "ml(-1)", "mg.kg(-1).h(-1)".
    .replace(/(?<=\b(?:[mµn]?[lL]|k?g|h|min|s))\((-[1-3])\)(?![\w(])/g, (_, d: string) => raise(d))
    // Squared statistics: "chi(2)", "χ(2)", "R(2)", "r(2)".
    .replace(/(?<![A-Za-z])(?:chi|χ)\(2\)(?![\w(])/g, 'χ²')
    .replace(/\b([Rr])\(2\)(?![\w(])/g, (_, r: string) => `${r}²`)
    // Gases and their pressures: "CO(2)", "PaO(2)", "EtCO(2)", "FIO(2)", "NaHCO(3)", "P(A-a)O(2)", "V˙O(2)", "Vo(2)".
    .replace(/(?<=(?:^|[^A-Za-z])(?:Pa|Sp|Sa|Et|Pet|Fi|FI|Pv|Sv|V˙|V|NaH|P\(A-a\))?(?:CO|O|HCO))\(([1-3])\)(?![\w(])/g, (_, d: string) => lower(d))
    .replace(/\bVo\(2\)/g, 'Vo₂')
    // Lung function, potency and vitamins: "FEV(1)", "PC(20)", "IC(50)", "B(12)".
    .replace(/\b(FEV|PC|PD|IC|EC|ED|LD|B)\((\d{1,2})\)(?![\w(])/g, (_, name: string, d: string) => name + lower(d))
    // Cell markers: "CD8(+)", "CD11c(+)", "Ph(+)".
    .replace(/\b(CD\d+[a-z]?|Ph)\(([+-])\)/g, (_, name: string, sign: string) => name + raise(sign));
}

const SINGULAR_IN_S = new Set([
  'diabetes', 'herpes', 'rabies', 'scabies', 'measles', 'mumps', 'shingles', 'rickets', 'caries', 'tetanus', 'aids',
  'feces', 'faeces', 'menses', 'ascites', 'series', 'species', 'news', 'stress', 'pertussis', 'mellitus', 'insipidus',
]);

/**
 * PubMedQA's abstracts lost their "≤", "≥" and "±" to ASCII ("patients with<or =5 lesions", ">/=33%", "25.9 +/-
 * 10.9"): put them back, spaced, and part a sign or a number run onto the word before or the unit after ("with>5",
 * "6months"). What PubMed's export left around them goes too: a space inside a bracket or before a stop, a sentence
 * run onto the one before ("hospice.The"), and a leading ":" or "[corrected]". Its flattened superscripts and
 * subscripts come back last ("kg/m(2)" → "kg/m²", `restoreScripts`).
 */
/**
 * A conclusion's tail that is no conclusion: a trial's registration ("… PCOS. Clinical Trials.gov: NCT01046032.",
 * "Trial Registration (ORIGIN ClinicalTrials.gov number NCT00069784).") goes with the study's methods; a pointer to a
 * video abstract is dropped. A registration inside the sentence ("[ZEUS]; NCT01385319).") is part of it and stays.
 */
export function conclusionApart(text: string): { conclusion: string; registration?: string } {
  const conclusion = text.replace(/\s*See Video Abstract at \S+$/i, '');
  const m = /\s*(?:Trial registration\s*\(([^()]*\bNCT\d{8})\)|(Clinical ?Trials\.gov:?\s*(?:number\s*)?NCT\d{8}))\.?$/i.exec(conclusion);
  if (!m || m.index === 0) return { conclusion };
  const registration = (m[1] ?? m[2]).replace(/Clinical ?Trials\.gov:?\s*/i, 'ClinicalTrials.gov ');
  return { conclusion: conclusion.slice(0, m.index), registration };
}

export function tidyResearchText(text: string): string {
  const tidy = text
    .replace(/\s*(?:<\s*or\s*=|<\/=|=<)\s*/g, ' ≤ ')
    .replace(/\s*(?:>\s*or\s*=|>\/=|=>)\s*/g, ' ≥ ')
    .replace(/\s*\+\/-\s*/g, ' ± ')
    // A "±" lost to "+" between two decimals written close ("56.8+16.9 years"); a spaced "0.337 + 1.070" adds.
    .replace(/(?<=\d\.\d+)\+(?=\d+\.\d)/g, ' ± ')
    // Not "P<0.001" or "pH>4": a symbol's own way of writing them.
    .replace(/([a-z]{2})([<>≤≥])(?=\s?\d)/g, '$1 $2')
    .replace(/(\d)(years?|months?|weeks?|days?|hours?)\b/g, '$1 $2')
    .replace(/([a-z]{2}|[)\]%]|\d)\.(?=[A-Z][a-z]|[A-Z]{2,}\b)/g, '$1. ')
    .replace(/^\s*(?::|•|\[corrected\])\s*/, '')
    .replace(/\(\s+/g, '(')
    .replace(/(?<=\S)\s+\)/g, ')')
    .replace(/(\S)\s+([.,;])(?=\s|$)/g, '$1$2')
    .replace(/\.(?:\s*\.)+(?=\s|$)/g, '.')
    .replace(/ {2,}/g, ' ')
    .trim();
  // After the spaces inside brackets are gone: "R(2\u2009)".
  return restoreScripts(tidy);
}
