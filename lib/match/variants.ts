/**
 * Inflection variants of a canonical form, generated at compile time so the matcher's walk stays a plain
 * trie lookup. Only the last word inflects ("breast cancer" -> "breast cancers"); both directions are made,
 * since sources hold plurals ("Breast Neoplasms") as often as singulars. A variant never replaces a real
 * form: the compiler drops variants whose key is already a form.
 */

const VOWEL = /[aeiou]/;

function pluralVariants(word: string): string[] {
  const out: string[] = [];
  const n = word.length;
  if (n < 3 || !/^[a-z]+$/.test(word)) return out;
  if (word.endsWith('sis') || word.endsWith('tis')) out.push(word.slice(0, -2) + 'es'); // metastasis -> metastases, testis -> testes
  else if (word.endsWith('y') && !VOWEL.test(word[n - 2])) out.push(word.slice(0, -1) + 'ies');
  else if (/(s|x|z|ch|sh)$/.test(word)) out.push(word + 'es');
  else out.push(word + 's');
  if (word.endsWith('us')) out.push(word.slice(0, -2) + 'i'); // bacillus -> bacilli
  if (word.endsWith('um')) out.push(word.slice(0, -2) + 'a'); // bacterium -> bacteria
  if (word.endsWith('oma')) out.push(word + 'ta'); // carcinomata
  if (word.endsWith('a') && !word.endsWith('oma')) out.push(word + 'e'); // vertebra -> vertebrae
  if (/(ex|ix)$/.test(word)) out.push(word.slice(0, -2) + 'ices'); // appendix -> appendices
  return out;
}

/** Words that end in "s" and are singular, whose "singular" would be another word ("pons" is no "pon", the PON1 gene). */
const SINGULAR_IN_S = new Set(['pons', 'lens', 'species', 'series']);

function singularVariants(word: string): string[] {
  const out: string[] = [];
  const n = word.length;
  if (n < 4 || !/^[a-z]+$/.test(word) || SINGULAR_IN_S.has(word)) return out;
  if (word.endsWith('ies')) out.push(word.slice(0, -3) + 'y');
  else if (word.endsWith('ses') && !word.endsWith('sses')) {
    out.push(word.slice(0, -2) + 'is'); // diagnoses -> diagnosis
    out.push(word.slice(0, -1)); // diseases -> disease
  } else if (/(sses|xes|zes|ches|shes)$/.test(word)) out.push(word.slice(0, -2));
  else if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) out.push(word.slice(0, -1));
  if (word.endsWith('ae')) out.push(word.slice(0, -1));
  return out;
}

/** Every inflection of a canonical form (last word only), its British spelling and its hyphenated compounds, not including the form itself. */
export function formVariants(canonical: string): string[] {
  const out: string[] = [];
  const split = compoundSplit(canonical);
  for (const base of split ? [canonical, split] : [canonical]) {
    if (base !== canonical) out.push(base);
    out.push(...inflections(base));
    // British spellings, and their inflections.
    const uk = britishVariant(base);
    if (uk) out.push(uk, ...inflections(uk));
  }
  return out;
}

/** The form with its last word in the other number (and the Latin plurals): "aneurysms" → "aneurysm". */
export function inflections(form: string): string[] {
  const sp = form.lastIndexOf(' ');
  const last = form.slice(sp + 1);
  return [...pluralVariants(last), ...singularVariants(last)].map((w) => form.slice(0, sp + 1) + w);
}

/**
 * Combining forms that writers join to a word starting with a vowel with a hyphen as often as without:
 * "gastro-oesophageal" beside "gastroesophageal", "vesico-ureteral", "gastro-intestinal". A hyphen reads as a
 * space (normalise.ts), so the split form is the variant.
 */
const COMBINING = /(^|\s)(gastro|tracheo|vesico|cyclo|cardio|cerebro|neuro|psycho|broncho|hepato|nephro|entero|esophago|oesophago|pharyngo|laryngo|osteo|immuno|chemo|radio|thyro|pancreatico|uretero|pyelo|colo|recto|ileo|utero|sacro|lumbo|thoraco|abdomino|naso|oro)([aeiou][a-z]{3,})/;

/** The form with its first such compound split at the combining form ("gastro esophageal reflux"), or null. */
function compoundSplit(canonical: string): string | null {
  const m = COMBINING.exec(canonical);
  return m ? canonical.slice(0, m.index) + m[1] + m[2] + ' ' + m[3] + canonical.slice(m.index + m[0].length) : null;
}

const BRITISH_WORDS: Record<string, string> = {
  color: 'colour',
  fiber: 'fibre',
  center: 'centre',
  maneuver: 'manoeuvre',
  gray: 'grey',
  aluminum: 'aluminium',
  cesium: 'caesium',
  aging: 'ageing',
};

/** American -> British spellings of medical words ("tumor" -> "tumour", "hemolysis" -> "haemolysis"). */
function britishVariant(canonical: string): string | null {
  let v = canonical;
  v = v.replace(/tumor/g, 'tumour');
  v = v.replace(/(^|[^a-z])hem(?=[a-z])/g, '$1haem');
  // Only these stems: "systemic", "epidemic" and "academic" end in -emic too.
  v = v.replace(
    /(an|isch|glyc|lip|lipid|leuk|ur|uric|bacter|vir|tox|calc|kal|natr|sept|septic|thalass|ox|cholesterol|cyth|hyper|vol|protein|albumin|globulin|bilirubin|insulin|magnes|phosphat|parasit|fung|candid|azot|ammon|prolactin|glycerid|cystein|acid)emi(a|c)/g,
    '$1aemi$2',
  );
  v = v.replace(/(^|[^a-z])(esophag|estrogen|estradiol|estriol|estrone|estrous|estrus|edema)/g, '$1o$2');
  v = v.replace(/diarrhea/g, 'diarrhoea');
  v = v.replace(/(apn|dyspn|hypopn|tachypn|orthopn)ea/g, '$1oea');
  v = v.replace(/(^|[^a-z])(fetus|fetal|celiac)/g, (_, pre: string, w: string) => pre + (w === 'celiac' ? 'coeliac' : 'foe' + w.slice(2)));
  v = v.replace(/(^|[^a-z])fec(al|es)(?![a-z])/g, '$1faec$2');
  v = v.replace(/pediatr/g, 'paediatr');
  v = v.replace(/orthoped/g, 'orthopaed');
  v = v.replace(/gynecolog/g, 'gynaecolog');
  v = v.replace(/anesthe/g, 'anaesthe');
  v = v.replace(/hemorrh/g, 'haemorrh');
  v = v.replace(/behavior/g, 'behaviour');
  v = v.replace(/homeopath/g, 'homoeopath');
  v = v.replace(/leukocyt/g, 'leucocyt');
  v = v.replace(/sulf/g, 'sulph');
  v = v.replace(/tropin(?=s?(?![a-z]))/g, 'trophin'); // gonadotrophin; not atropine
  // -ize, -ized, -ization ("immunization", "international normalized ratio"); three letters before it at least,
  // so that "size" and "prize" stay as they are.
  v = v.replace(/([a-z]{3})iz(e|ed|es|ing|ation|ations)(?![a-z])/g, '$1is$2');
  v = v.replace(/(^|[^a-z])(color|fiber|center|maneuver|gray|aluminum|cesium|aging)(?=s?(?![a-z]))/g, (_, pre: string, w: string) => pre + BRITISH_WORDS[w]);
  return v === canonical ? null : v;
}
