/**
 * Forms that name a concept but are far more often something else: they match only with context (the same
 * concept named unambiguously, or defined as an abbreviation, earlier in the document).
 *
 * Lower-case words apply to case-insensitive forms ("cold", "lead"); capitalised abbreviations apply to
 * that exact case-sensitive form ("ALL", "MS"), so "AIDS" in capitals still matches while "aids" does not.
 */

import everyday from '../../data/curated/everyday-words.json';

const WORDS = [
  // everyday words that are also terms
  'cold', 'colds', 'lead', 'aids', 'aid', 'all', 'arm', 'arms', 'back', 'bed', 'bones', 'can', 'cast', 'cells',
  'chest', 'cut', 'cuts', 'drug', 'drugs', 'ear', 'face', 'fall', 'falls', 'fat', 'fit', 'fits', 'foot', 'gas',
  'hand', 'head', 'heart', 'hip', 'iron', 'joint', 'leg', 'legs', 'lip', 'lips', 'may', 'mass', 'mole', 'moles',
  'nail', 'neck', 'nose', 'pain', 'patients', 'plaque', 'rest', 'ring', 'salt', 'seal', 'sex', 'shock',
  'sight', 'skin', 'spine', 'stress', 'sugar', 'tar', 'tear', 'tears', 'tissue', 'tone', 'water',
  'will', 'wound', 'humans', 'human', 'male', 'female', 'men', 'women', 'child', 'children', 'adult', 'aged',
  'time', 'methods', 'research', 'role', 'control', 'weight', 'light', 'sleep', 'eating', 'exercise',
  'growth', 'memory', 'pressure', 'temperature', 'speech', 'taste', 'touch', 'hearing', 'vision', 'crying',
  'walking', 'running', 'swimming', 'reading', 'writing', 'work', 'play', 'diet', 'food', 'blood',
  // what a level is measured in, and the molecule after a gene's name ("serum inhibin", "p53 protein"): the reader wants
  // the inhibin or the gene, not a card on serum or on proteins at large (a clinician's walk, session 21)
  'serum', 'sera', 'protein', 'proteins', 'enzyme', 'enzymes', 'ligand', 'ligands', 'paraffin', 'nucleic acid', 'nucleic acids',
  // medicine at large, and the stuff of everyday things, on patients' pages (a patient's walk, session 21)
  'medicines', 'medication', 'medications', 'soil', 'nylon', 'nylons', 'alloy', 'alloys', 'ceramic', 'ceramics',
  // what research articles mean by them is seldom the term (PMC articles: "Appendix S1", a plot's axis and
  // radius, a buffer solution, the elements of a set, "some confusion")
  'appendix', 'axis', 'radius', 'solution', 'solutions', 'elements', 'confusion', 'acid', 'acids',
  // physics, and a name: the particle, and the astronaut far more often than the insecticide
  'proton', 'protons', 'aldrin',
  // what news pages mean by them (a reader's walk through the corpus: "deaths" as a disease, "plastic" as a
  // drug, "milk" and "transplants" as anatomy, school "pupils")
  'death', 'deaths', 'plastic', 'plastics', 'milk', 'transplant', 'transplants', 'pupil', 'pupils',
  // a verb, a lab buffer or a "buffer zone", and the organism where pages mean the skin rash (session 9's walk)
  'smoke', 'buffer', 'buffers', 'lichen', 'lichens',
  // the field far more often than a drug ("all modern medicine", "internal medicine"; a reader's walk, session 11)
  'medicine',
  // a body cavity (oral, peritoneal, "an organ or a body cavity"): tooth decay only where the page says so
  'cavity', 'cavities',
  // drinking water as often as drinking alcohol (PubMedQA: "adults drinking fluoridated water")
  'drinking',
  // a resin, a tree or the chewing kind as often as the gums of the mouth ("kauri gum", "gum trees"; session 23)
  'gum',
  // hollows in the ground, an edge of a region, being immersed in a language: not what the medical sense means
  'depressions', 'extremity', 'immersion',
  // a tumour may be benign ("a corticotroph pituitary tumour"): the card on cancer only where the page names it
  'tumor', 'tumors', 'tumour', 'tumours',
  // single-drug treatment ("mono or dual therapy") far more often than mononucleosis; a molecule's or a patient's
  // adhesion (to a treatment), where the scar tissue is "adhesions"
  'mono', 'adhesion',
  // a dietary fibre's other name, and everyday English's "in bulk"
  'bulk',
  // a "cosmetic result" of surgery is no make-up; a narrowing ("constriction of the pupils", constriction bands) is
  // no surgical tying-off, MeSH's Constriction (session 26's reading of patients' pages)
  'cosmetic', 'constriction', 'constrictions',
  // what the kidneys filter from the blood, and stool ("solid waste"), on patients' pages; MeSH's are refuse and sewage
  'waste products', 'waste product', 'solid waste',
  // a medicine taken by mouth, far more often than the dental specialty MeSH names so
  'oral medicine',
  // generic heads that are MeSH concepts but name nothing specific on their own
  'disease', 'diseases', 'syndrome', 'syndromes', 'disorder', 'disorders', 'illness', 'condition',
  'conditions', 'lesion', 'lesions', 'abnormalities', 'signs and symptoms', 'therapy', 'therapeutics',
  'drug therapy', 'surgery', 'diagnosis', 'risk', 'infection', 'infections', 'pathology', 'imaging',
  // two-letter and short words
  'am', 'an', 'as', 'at', 'be', 'do', 'go', 'he', 'hi', 'in', 'is', 'it', 'me', 'my', 'no', 'of', 'on', 'or',
  'so', 'to', 'up', 'us', 'we', 'was', 'ad', 'ed', 'pe', 'ra', 'ms', 'pd', 'cp', 'mr', 'ii', 'iii', 'iv',
];

const ABBREVIATIONS = [
  'ALL', 'MS', 'PE', 'RA', 'AD', 'PD', 'ED', 'CP', 'MR', 'AS', 'OR', 'IT', 'US', 'IS', 'ON', 'NO', 'IN', 'AM',
  'PM', 'CAT', 'DOG', 'MAP', 'CAD', 'PAD', 'ARM', 'TOP', 'SAD', 'MAD', 'HR', 'BP', 'DM', 'MD', 'PT',
  'OT', 'DR', 'ST', 'CF', 'GA', 'VS', 'II', 'III', 'IV', 'SD', 'SE', 'CI', 'OD', 'ID',
];

const WORD_SET = new Set(WORDS);
/**
 * And every word everyday English uses at least as often as medical text (data/curated/everyday-words.json,
 * from film-subtitle word counts: "snow", "crown", "operation", "California"): on a page they are almost never
 * the concept that shares their spelling (cocaine's street names, dental crowns, californium).
 */
let EVERYDAY: Set<string> | undefined; // made on first use: only a matcher compile asks
/**
 * Films say these often too, but they mean one thing wherever they are written: frequency cannot tell them
 * from "snow" or "crown", so they are listed here and stay terms without context.
 */
const MEDICAL_IN_EVERY_SENSE = new Set([
  'adrenaline', 'amnesia', 'autopsy', 'heroin', 'hypnosis', 'hysteria', 'meth', 'morphine', 'narcotics', 'opium', 'suicide',
  'valium',
]);
const ABBREVIATION_SET = new Set(ABBREVIATIONS);

/** Whether a vocabulary form needs context before it matches. */
export function isStopForm(form: string, caseSensitive: boolean): boolean {
  if (caseSensitive) return ABBREVIATION_SET.has(form);
  const word = form.toLowerCase().replace(/[\u2018\u2019']/g, "'").trim();
  if (WORD_SET.has(word)) return true;
  return !MEDICAL_IN_EVERY_SENSE.has(word) && (EVERYDAY ??= new Set(everyday.words.split(' '))).has(word);
}

/**
 * MeSH branches of things that are not medical terms: natural disasters (G01.311, G01.595), the environment
 * (G16), society, technology and food, the humanities, information, groups of people, health care and its
 * services, publication types, places (I, J, K, L, M, N, V, Z). A consumer health topic filed only there
 * ("Earthquakes", "Medicare", "Safety") is found by search, and lights up on a page only with context.
 */
const OUTSIDE_MEDICINE = ['G01.311', 'G01.595', 'G16', 'I', 'J', 'K', 'L', 'M', 'N', 'V', 'Z'];

/** Whether every MeSH tree number given lies outside medicine (none given: no). */
export function filedOutsideMedicine(treeNumbers: readonly string[]): boolean {
  return treeNumbers.length > 0 && treeNumbers.every((t) => OUTSIDE_MEDICINE.some((b) => t === b || t.startsWith(b.length === 1 ? b : b + '.')));
}

/**
 * What MeSH files among people, society, food or health care but clinicians treat, screen for or prescribe: premature
 * infants, child, elder and partner abuse, dietary supplements and fibre, infection control, patient safety, advance
 * directives. A page's "preterm infants" is lit without context, as "Medicare" or "floods" are not.
 */
const CLINICAL_ALL_THE_SAME = [
  'M01.060.703.520.520', 'I01.198.240.856.350', 'J02.500.456', 'J02.500.400', 'N06.850.780.200.450',
  'N06.850.135.060.075.399', 'I01.880.604.583.020',
];

/** Whether a concept filed so needs context to light (filedOutsideMedicine, but for CLINICAL_ALL_THE_SAME). */
export function litOnlyWithContext(treeNumbers: readonly string[]): boolean {
  return filedOutsideMedicine(treeNumbers) && !treeNumbers.some((t) => CLINICAL_ALL_THE_SAME.some((b) => t === b || t.startsWith(b + '.')));
}
