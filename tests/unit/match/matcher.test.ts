import { describe, expect, it, vi } from 'vitest';
import { compileMatcher, loadMatcher, vocabularyFromConcepts } from '../../../lib/match/index';
import { FOLD_CACHE_MAX, foldCacheSize } from '../../../lib/match/normalise';
import { CONCEPTS, concept, found, matcherOf, testMatcher } from './helpers';

describe('word boundaries', () => {
  it('matches whole words only', () => {
    expect(found('hepatic copper accumulation, not coppersmith or copperish')).toEqual([
      'hepatic copper accumulation=D9',
    ]);
    expect(found('Copper and copper.')).toEqual(['Copper=C1', 'copper=C1']);
    expect(found('precancerous cancers')).toEqual(['cancers=D12']);
  });
  it('digits continue a word; hyphens and underscores do not', () => {
    expect(found('cancer2 2cancer cancer_x x-cancer')).toEqual(['cancer=D12', 'cancer=D12']);
  });
  it('a name ending in a number does not take the start of a share or a decimal ("Cataract 7.5%" is a cataract in 7.5% of people)', () => {
    const m = matcherOf([concept('D1', 'Cataract'), concept('D2', 'Cataract 7'), concept('D3', 'Focal segmental glomerulosclerosis'), concept('D4', 'Focal segmental glomerulosclerosis 5')]);
    expect(found('Cataract 7.5%; Cataract 7,5 %; Focal segmental glomerulosclerosis 5%', m)).toEqual([
      'Cataract=D1', 'Cataract=D1', 'Focal segmental glomerulosclerosis=D3',
    ]);
    // Nor a count ("Cataract 7 of 9 patients"), nor a list's next number on the next line ("Cataract\n7. Glaucoma").
    expect(found('Signs: Cataract\n7. Glaucoma; Cataract \r\n 7; Cataract 7 of 9 patients', m)).toEqual(['Cataract=D1', 'Cataract=D1', 'Cataract=D1']);
    // The number itself, and a number that ends a sentence, still name the type.
    expect(found('Cataract 7. Focal segmental glomerulosclerosis 5 (FSGS5); cataract 7, cataract 7.', m)).toEqual([
      'Cataract 7=D2', 'Focal segmental glomerulosclerosis 5=D4', 'FSGS5=D4', 'cataract 7=D2', 'cataract 7=D2',
    ]);
  });
});

describe('case rules', () => {
  it('matches ordinary forms in any case', () => {
    expect(found('BREAST CANCER, Breast Cancer, breast cancer')).toHaveLength(3);
  });
  it('matches short all-capital abbreviations case-sensitively', () => {
    expect(found('CT and ct and Ct and act and CTs')).toEqual(['CT=P1', 'CTs=P1']);
    expect(found('AIDS patients; hearing aids')).toEqual(['AIDS=D18']);
  });
});

describe('inflections and spelling', () => {
  it('matches plurals of singular forms and singulars of plural forms', () => {
    expect(found('breast cancers and a breast neoplasm')).toEqual(['breast cancers=D2', 'breast neoplasm=D2']);
    expect(found('metastases')).toEqual(['metastases=D14']);
    // The Latin plurals: testis, testes (an article's "the testes" was dark).
    const latin = matcherOf([concept('A1', 'Testis', { category: 'anatomy' }), concept('A2', 'Vertebra', { category: 'anatomy' })]);
    expect(found('the testes and a testis; two vertebrae', latin)).toEqual(['testes=A1', 'testis=A1', 'vertebrae=A2']);
  });
  it('ignores possessives', () => {
    expect(found("Crohn's disease, Crohn disease, Crohn’s disease, Alzheimer's disease")).toEqual([
      "Crohn's disease=D4",
      'Crohn disease=D4',
      'Crohn’s disease=D4',
      "Alzheimer's disease=D15",
    ]);
  });
  it('reads an eponym listed with its possessive as the disease only with it: "Parkinson\'s", not "Michael Parkinson"', () => {
    const m = matcherOf([
      concept('P1', "Parkinson's disease", { synonyms: ["Parkinson's"] }),
      concept('A1', "Alzheimer's disease", { synonyms: ["Alzheimer's", 'Alzheimer'] }),
    ]);
    expect(found("People with Parkinson's, Parkinson’s or Parkinsons; Michael Parkinson; Parkinson disease.", m)).toEqual([
      'Parkinson=P1', 'Parkinson=P1', 'Parkinsons=P1', 'Parkinson disease=P1',
    ]);
    // Listed without the possessive too, the name stands alone.
    expect(found('Alzheimer described it.', m)).toEqual(['Alzheimer=A1']);
    const v = vocabularyFromConcepts([concept('P1', 'Parkinson disease', { synonyms: ["Parkinson's", 'Lewy body disease'] })]);
    expect(v.filter((e) => e.possessive).map((e) => e.form)).toEqual(["Parkinson's"]);
  });
  it('treats hyphens, dashes and runs of spaces alike', () => {
    expect(found('non Hodgkin lymphoma; non–Hodgkin lymphomas; non-\nHodgkin  lymphoma')).toEqual([
      'non Hodgkin lymphoma=D5',
      'non–Hodgkin lymphomas=D5',
      'non-\nHodgkin  lymphoma=D5',
    ]);
  });
  it('folds Unicode: NFKC, accents, full-width letters', () => {
    expect(found('Sjogren syndrome, Sjögren syndrome, Sjo\u0308gren syndrome')).toHaveLength(3);
    expect(found('ＣＡＮＣＥＲ')).toEqual(['ＣＡＮＣＥＲ=D12']);
  });
  it('matches British spellings', () => {
    expect(found('oedemas and haemolysis')).toEqual(['oedemas=D21', 'haemolysis=D20']);
    const m = matcherOf([concept('S1', 'Sodium dodecyl sulfate', { category: 'drug' })]);
    expect(found('1% sodium dodecyl sulphate', m)).toEqual(['sodium dodecyl sulphate=S1']);
    const british = matcherOf([concept('B1', 'Obstructive sleep apnea'), concept('B2', 'Fetal distress'), concept('B3', 'Celiac disease')]);
    expect(found('obstructive sleep apnoea, foetal distress and coeliac disease', british)).toEqual([
      'obstructive sleep apnoea=B1',
      'foetal distress=B2',
      'coeliac disease=B3',
    ]);
  });
  it('matches British -ise, -aemia, -oe- and word spellings, and leaves look-alikes alone', () => {
    const british = matcherOf([
      concept('U1', 'International normalized ratio'),
      concept('U2', 'Immunization'),
      concept('U3', 'Septicemia'),
      concept('U4', 'Fecal incontinence'),
      concept('U5', 'Estradiol', { category: 'drug' }),
      concept('U6', 'Behavior therapy', { category: 'procedure' }),
      concept('U7', 'Dietary fiber', { category: 'drug' }),
      concept('U8', 'Valsalva maneuver', { category: 'procedure' }),
      concept('U9', 'Body size'),
      concept('U10', 'Colorectal neoplasms'),
      concept('U11', 'Systemic inflammatory response syndrome'),
    ]);
    const text =
      'the international normalised ratio, immunisations, septicaemia, faecal incontinence, oestradiol, ' +
      'behaviour therapy, dietary fibre, the Valsalva manoeuvre; body size, colorectal neoplasms, systemic inflammatory response syndrome';
    expect(found(text, british)).toEqual([
      'international normalised ratio=U1',
      'immunisations=U2',
      'septicaemia=U3',
      'faecal incontinence=U4',
      'oestradiol=U5',
      'behaviour therapy=U6',
      'dietary fibre=U7',
      'Valsalva manoeuvre=U8',
      'body size=U9',
      'colorectal neoplasms=U10',
      'systemic inflammatory response syndrome=U11',
    ]);
    // No made-up spellings: "size" keeps its z, "colorectal" is not "colourectal", "systemic" not "systaemic".
    expect(found('body sise, colourectal neoplasms, systaemic inflammatory response syndrome', british)).toEqual([]);
  });
  it('matches compounds written with a hyphen after a combining form, in either spelling', () => {
    const compounds = matcherOf([concept('G1', 'Gastroesophageal reflux disease'), concept('G2', 'Vesicoureteral reflux'), concept('G3', 'Cardiovascular diseases')]);
    expect(found('gastro-oesophageal reflux disease, gastro-esophageal reflux disease and vesico-ureteral reflux', compounds)).toEqual([
      'gastro-oesophageal reflux disease=G1',
      'gastro-esophageal reflux disease=G1',
      'vesico-ureteral reflux=G2',
    ]);
    // Only before a vowel, where writers hyphenate: "cardio vascular" is not made.
    expect(found('cardio vascular diseases', compounds)).toEqual([]);
  });
});

describe('longest match', () => {
  it('prefers the longest form, without overlaps', () => {
    expect(found('lung cancer')).toEqual(['lung cancer=D11']);
    expect(found('cancer lung cancer')).toEqual(['cancer=D12', 'lung cancer=D11']);
  });
  it('falls back to a shorter form when the longer one does not finish', () => {
    expect(found('hepatic copper level')).toEqual(['copper=C1']);
  });
});

describe('coordinated terms sharing their head', () => {
  const m = matcherOf([
    concept('C1', 'Breast cancer'),
    concept('C2', 'Lung cancer'),
    concept('C3', 'Colon cancer'),
    concept('C4', 'Breast', { category: 'anatomy' }),
    concept('C5', 'Radiotherapy', { category: 'procedure', synonyms: ['radiation therapy'] }),
    concept('C6', 'Radiation', { category: 'other' }),
    concept('C7', 'Diabetes'),
    concept('C8', 'Melanoma'),
  ]);
  it('reads each word of the coordination with the head of the term after it', () => {
    expect(found('Risk of breast and lung cancer.', m)).toEqual(['breast=C1', 'lung cancer=C2']);
    expect(found('Lung, breast, and colon cancers were studied.', m)).toEqual(['Lung=C2', 'breast=C1', 'colon cancers=C3']);
    expect(found('breast or colon cancer', m)).toEqual(['breast=C1', 'colon cancer=C3']);
    expect(found('breast and/or colon cancer', m)).toEqual(['breast=C1', 'colon cancer=C3']);
    expect(found('breast and\t colon cancer', m)).toEqual(['breast=C1', 'colon cancer=C3']);
  });
  it('goes on past a term of the same kind that stands in the list whole', () => {
    expect(found('Breast, lung, melanoma and colon cancers were studied.', m)).toEqual(['Breast=C1', 'lung=C2', 'melanoma=C8', 'colon cancers=C3']);
    expect(found('Breast, melanoma and colon cancer.', m)).toEqual(['Breast=C1', 'melanoma=C8', 'colon cancer=C3']);
    // Only terms: nothing to read with the head.
    expect(found('Diabetes, melanoma and breast.', m)).toEqual(['Diabetes=C7', 'melanoma=C8', 'breast=C4']);
  });
  it('reads a list with a count before each term ("1295 colon and 583 rectal cancers")', () => {
    expect(found('Of these, 1295 breast and 583 colon cancers; 1,204 lung or 12 colon cancers.', m)).toEqual([
      'breast=C1', 'colon cancers=C3', 'lung=C2', 'colon cancers=C3',
    ]);
    // A count alone is no list: "in 2010 colon cancers" has no "and".
    expect(found('The breast in 2010 colon cancers.', m)).toEqual(['breast=C4', 'colon cancers=C3']);
  });
  it('needs "and" or "or" as a whole word before the last term', () => {
    expect(found('breast band colon cancer', m)).toEqual(['breast=C4', 'colon cancer=C3']);
    expect(found('breast for colon cancer', m)).toEqual(['breast=C4', 'colon cancer=C3']);
  });
  it('leaves a word that makes no such term, and a list without "and" or "or", as they are', () => {
    expect(found('Patients with diabetes and lung cancer.', m)).toEqual(['diabetes=C7', 'lung cancer=C2']);
    expect(found('Atomic bomb radiation, radiation therapy and imaging.', m)).toEqual(['radiation=C6', 'radiation therapy=C5']);
    expect(found('The breast. Lung cancer.', m)).toEqual(['breast=C4', 'Lung cancer=C2']);
    // A noun of its own ("of the breast and breast cancer"), a comma that closes a phrase ("…the breast, and lung
    // cancer" is no list of three), a name's capitalised words ("Grants for Breast and Lung Cancer Research").
    expect(found('Sarcoma of the breast and breast cancer.', m)).toEqual(['breast=C4', 'breast cancer=C1']);
    expect(found('It spread to the breast, and lung cancer followed.', m)).toEqual(['breast=C4', 'lung cancer=C2']);
    expect(found('Grants for Breast and Lung Cancer Research.', m)).toEqual(['Breast=C4', 'Lung Cancer=C2']);
  });
});

describe('stop list', () => {
  it('keeps common words and ambiguous abbreviations dark without context', () => {
    expect(found('I caught a cold. ALL of us. MS Word.')).toEqual([]);
  });
  it('lights them up when the document names the concept', () => {
    expect(found('Common cold is frequent. A cold lasts a week.')).toEqual(['Common cold=D6', 'cold=D6']);
  });
  it('keep a verb, a lab buffer and the organism dark: "to smoke less", "a buffer zone", "lichen"', () => {
    const m = matcherOf([concept('W1', 'Smoke', { category: 'drug' }), concept('W2', 'Buffers', { category: 'drug' }), concept('W3', 'Lichens', { category: 'other' })]);
    expect(found('She decided to smoke less. A buffer zone; lichen on rocks.', m)).toEqual([]);
  });
  it('keep laboratory equipment and hollows in the ground dark: "capillary column", "split injection", "depressions"', () => {
    const m = matcherOf([
      concept('L1', 'Capillaries', { category: 'anatomy' }),
      concept('L2', 'Injections', { category: 'procedure' }),
      concept('L3', 'Depression', { category: 'disease' }),
    ]);
    expect(found('A capillary column in split injection mode. Mosquitoes breed in depressions.', m)).toEqual([]);
    expect(found('Capillary refill and an injection.', m)).toEqual(['Capillary=L1', 'injection=L2']);
  });
  it('keep drinking water dark: "drinking" is alcohol only where the page names it', () => {
    const m = matcherOf([concept('A1', 'Alcohol', { category: 'drug', synonyms: ['drinking'] })]);
    expect(found('Adults drinking fluoridated water.', m)).toEqual([]);
    expect(found('Alcohol use: heavy drinking.', m)).toEqual(['Alcohol=A1', 'drinking=A1']);
  });
  it('keep a body cavity dark unless the page is on tooth decay', () => {
    const m = matcherOf([concept('T1', 'Tooth decay', { synonyms: ['Cavities', 'Dental caries'] })]);
    expect(found('Injected into the peritoneal cavity, or a body cavity such as the abdomen.', m)).toEqual([]);
    expect(found('Tooth decay is common: children get cavities.', m)).toEqual(['Tooth decay=T1', 'cavities=T1']);
  });
  it('keep the field of medicine and medicines at large dark: they light only where the page names them otherwise', () => {
    const m = matcherOf([concept('M1', 'Medicines', { category: 'drug', synonyms: ['medicine', 'pharmaceutical preparations'] })]);
    expect(found('All modern medicine rests on it; internal medicine residents.', m)).toEqual([]);
    // A patient's page says "medicines" in every paragraph: a card on medicines at large each time was noise.
    expect(found('Take your medicine: the medicines and medications work.', m)).toEqual([]);
    expect(found('Pharmaceutical preparations. Take your medicine: the medicines work.', m)).toEqual([
      'Pharmaceutical preparations=M1', 'medicine=M1', 'medicines=M1',
    ]);
  });
  it('a metal that begins a salt the vocabulary lacks is no mention of the element', () => {
    const m = matcherOf([
      concept('S1', 'Sodium', { category: 'drug' }),
      concept('S2', 'Sodium chloride', { category: 'drug' }),
      concept('C1', 'Calcium', { category: 'drug' }),
    ]);
    expect(found('In sodium citrate buffer with sodium taurodeoxycholate and Calcium-pyrophosphate crystals.', m)).toEqual([]);
    expect(found('Sodium intake, sodium chloride and calcium supplements.', m)).toEqual(['Sodium=S1', 'sodium chloride=S2', 'calcium=C1']);
  });
  it("the salt half named after a drug is part of the drug's name, not table salt or a class of salts", () => {
    const m = matcherOf([
      concept('S1', 'Sodium', { category: 'drug' }),
      concept('W1', 'Warfarin', { category: 'drug' }),
      concept('M1', 'Metoprolol', { category: 'drug' }),
      concept('X1', 'Succinates', { category: 'drug' }),
      concept('L1', 'Lisinopril', { category: 'drug' }),
      concept('H1', 'Hydrochlorothiazide', { category: 'drug' }),
    ]);
    expect(found('Warfarin Sodium 5 mg and metoprolol succinate daily.', m)).toEqual(['Warfarin=W1', 'metoprolol=M1']);
    // Not after a drug, or not a salt's half: as before.
    expect(found('Sodium and succinate levels; lisinopril hydrochlorothiazide tablets.', m)).toEqual(['Sodium=S1', 'succinate=X1', 'lisinopril=L1', 'hydrochlorothiazide=H1']);
    expect(found('Warfarin, sodium restriction.', m)).toEqual(['Warfarin=W1', 'sodium=S1']);
  });
  it('flags stop forms in the vocabulary', () => {
    const v = vocabularyFromConcepts(CONCEPTS);
    expect(v.find((e) => e.form === 'cold')?.stop).toBe(true);
    expect(v.find((e) => e.form === 'MS')).toMatchObject({ stop: true, caseSensitive: true });
    expect(v.find((e) => e.form === 'CT')).toMatchObject({ caseSensitive: true });
    expect(v.find((e) => e.form === 'CT')?.stop).toBeUndefined();
  });
});

describe('one small letter before capitals', () => {
  const m = matcherOf([
    concept('G1', 'Glomerular filtration rate', { abbreviations: [['eGFR', false]], category: 'procedure' }),
    concept('G2', 'Epidermal growth factor receptor', { abbreviations: [['EGFR', false]], category: 'drug' }),
  ]);
  it('is an abbreviation whose case carries its meaning: eGFR is no EGFR', () => {
    expect(found('EGFR mutations; eGFR of 45; egfr.', m)).toEqual(['EGFR=G2', 'eGFR=G1']);
  });
});

describe('phrases that hold a term but are none (lib/match/not-terms.ts)', () => {
  const m = matcherOf([
    concept('S1', 'Stroke'),
    concept('S2', 'Depression'),
    concept('S3', 'Fever'),
  ]);
  it('stay dark, while the term elsewhere lights up', () => {
    expect(found('A stroke of luck during the Great Depression, and cabin fever. Then a stroke.', m)).toEqual(['stroke=S1']);
  });
  it('include slowed breathing and a lowered ECG segment: no mood disorder', () => {
    expect(found('Respiratory depression after opioids; ST depression and ST-segment depression on the ECG. Depression improved.', m)).toEqual(['Depression=S2']);
  });
  it('include chemistry\'s "molar": a molar excess is no tooth', () => {
    const teeth = matcherOf([concept('M1', 'Molar', { category: 'anatomy' })]);
    expect(found('A 10-fold molar excess and a molar ratio of 2. The third molar.', teeth)).toEqual(['molar=M1']);
  });
  it("include radiation therapy's high-energy x-rays: no X-ray picture is taken", () => {
    const xray = matcherOf([concept('X1', 'X-rays', { category: 'procedure' })]);
    expect(found('Radiation therapy uses high-energy x-rays or high energy X-rays. A chest X-ray.', xray)).toEqual(['X-ray=X1']);
  });
  it('include cells taking up water in a laboratory: no edema of the tissues', () => {
    const edema = matcherOf([concept('E1', 'Edema', { synonyms: ['swelling'] })]);
    expect(found('Hypotonic solution caused cell swelling and mitochondrial swelling. Swelling of the ankles.', edema)).toEqual(['Swelling=E1']);
  });
  it('include gum to chew and gums that thicken food: no gums of the mouth', () => {
    const gums = matcherOf([concept('G1', 'Gingiva', { category: 'anatomy', synonyms: ['gums'] })]);
    expect(found('Sugar-free gum with xanthan gum and guar gum. Bleeding gums; the gum line.', gums)).toEqual(['gums=G1', 'gum=G1']);
    // "gum" alone is a resin or a tree as often: it lights only where the page names the gums too.
    expect(found('Kauri gum, and soot mixed with gum.', gums)).toEqual([]);
  });
  it('include a protein\'s zinc fingers: no dietary zinc', () => {
    const zinc = matcherOf([concept('Z1', 'Zinc', { category: 'drug' })]);
    expect(found('A zinc-fingered transcription factor with two zinc fingers. Zinc in the diet.', zinc)).toEqual(['Zinc=Z1']);
  });
  it('include those that hold a short form in capitals ("DNA" in a supplier\'s name)', () => {
    const dna = matcherOf([concept('N1', 'DNA', { category: 'drug' })]);
    expect(found('Primers from Integrated DNA Technologies. The DNA was sequenced.', dna)).toEqual(['DNA=N1']);
  });
  it('stay dark with the term named, and give no meaning to a short form they define', () => {
    expect(found('Stroke and depression. A stroke of luck (SOL); SOL again. Fever pitch.', m)).toEqual(['Stroke=S1', 'depression=S2']);
  });
});

describe('chemical names joined by a locant (lib/match/compounds.ts)', () => {
  const m = matcherOf([
    concept('F1', 'Fructose', { category: 'drug' }),
    concept('G1', 'Glucose', { category: 'drug' }),
    concept('P1', 'Phosphates', { category: 'drug' }),
    concept('C1', 'Cyanoacrylates', { category: 'drug' }),
    concept('U1', 'Fluorouracil', { category: 'drug' }),
    concept('G6', 'Glucose-6-phosphate dehydrogenase deficiency'),
  ]);
  it('light no first part: fructose-1-phosphate is no fructose, but it is a phosphate', () => {
    expect(found('Fructose-1-phosphate aldolase and mannose-6-phosphate; glucose-1,6-bisphosphate.', m)).toEqual(['phosphate=P1', 'phosphate=P1']);
  });
  it('leave whole terms, names that start with a locant, and the parts elsewhere alone', () => {
    expect(found('Ethyl-2-cyanoacrylate glue; 5-fluorouracil; glucose-6-phosphate dehydrogenase deficiency; fructose and glucose.', m)).toEqual([
      'cyanoacrylate=C1',
      'fluorouracil=U1',
      'glucose-6-phosphate dehydrogenase deficiency=G6',
      'fructose=F1',
      'glucose=G1',
    ]);
  });
});

describe('pronunciation guides (lib/match/pronunciation.ts)', () => {
  const m = matcherOf([
    concept('S1', 'Streptococcal infections', { synonyms: ['strep'] }),
    concept('M1', 'Myocardial infarction', { abbreviations: [['MI', false]] }),
    concept('P1', 'Pulmonary embolism', { abbreviations: [['PE', false]] }),
    concept('R1', 'Reverse transcriptase polymerase chain reaction', { abbreviations: [['RT-PCR', false]], category: 'procedure' }),
    concept('T1', 'Tumor necrosis factor', { abbreviations: [['TNF', false]], category: 'drug' }),
  ]);
  it("light none of a guide's syllables: strep, MI and PE there are sounds", () => {
    expect(found('Streptococcus (strep-to-KOK-us); myocarditis (MI-o-kar-DI-tis); thrombocytopenia (THROM-bo-si-to-PE-ne-ah).', m)).toEqual([]);
  });
  it('leave brackets that are no guide alone, and the same words outside one', () => {
    expect(found('Tested by (RT-PCR), given (anti-TNF-alpha); strep throat (strep); an MI.', m)).toEqual(['RT-PCR=R1', 'TNF=T1', 'strep=S1', 'strep=S1', 'MI=M1']);
  });
});

describe('phrases that keep their last word for themselves (lib/match/shadowing.ts)', () => {
  const m = matcherOf([
    concept('S2', 'Depression', { synonyms: ['Clinical depression'] }),
    concept('K1', 'Capsules', { category: 'drug' }),
    concept('F1', 'Fingers', { category: 'anatomy' }),
  ]);
  /** Each text a new document; the blocks of one text one document. */
  const doc = (...blocks: string[]) => {
    const s = m.session();
    return blocks.flatMap((t) => s.match(t).map((x) => `${t.slice(x.start, x.end)}=${x.conceptId}`));
  };
  it('after "the Great Depression", the depression is the slump, in this block and the next', () => {
    expect(doc('Suffering through the Great Depression. The depression led to the election of the Labour government.', 'Wars, depression and a new government.')).toEqual([]);
    expect(doc('After the tropical depression formed, the depression moved north.')).toEqual([]);
  });
  it('other documents, and a word named before the phrase, still light', () => {
    expect(doc('Patients with depression often sleep badly.')).toEqual(['depression=S2']);
    expect(doc('Depression rose during the Great Depression; depression was common.', 'Depression again.')).toEqual([
      'Depression=S2',
      'depression=S2',
      'Depression=S2',
    ]);
  });
  it('another name for the concept lights, and gives the word back its meaning', () => {
    expect(doc('In the Great Depression, clinical depression was common. Depression was untreated.')).toEqual(['clinical depression=S2', 'Depression=S2']);
  });
  it('takes "capsule" after a fibrous capsule, and fingers after zinc fingers, in the plural too', () => {
    expect(doc('A tumour within a fibrous capsule. The capsule was intact; capsules of both nodules.')).toEqual([]);
    expect(doc('Take two capsules a day.')).toEqual(['capsules=K1']);
    expect(doc('Zinc finger proteins bind DNA; the fingers of the protein.')).toEqual([]);
    expect(doc('Three fingers were injured.')).toEqual(['fingers=F1']);
  });
  it('does not take "depression" after respiratory or ST depression: clinical papers mean low mood by it', () => {
    expect(doc('Respiratory depression after opioids. Depression after myocardial infarction.')).toEqual(['Depression=S2']);
  });
});

describe('"non-" before a term (lib/match/negation.ts)', () => {
  it('says the text means something else: "non-small cell carcinoma", "non-cancer", "non insulin dependent diabetes"', () => {
    const m = matcherOf([
      concept('N1', 'Small cell carcinoma'),
      concept('N2', 'Melanoma'),
      concept('N3', 'Skin cancer'),
      concept('N4', 'Insulin dependent diabetes'),
      concept('N5', 'Non-small cell lung cancer'),
      concept('N6', 'Cancer'),
    ]);
    expect(found('non-small cell carcinoma; non-melanoma skin cancer; non–cancer and NON CANCER controls; non insulin dependent diabetes', m)).toEqual([
      'skin cancer=N3',
    ]);
    // A term that begins with "non" is read whole; "non" must be a word of its own.
    expect(found('Non-small cell lung cancer. Canon cancer, anon-cancer.', m)).toEqual(['Non-small cell lung cancer=N5', 'cancer=N6', 'cancer=N6']);
  });
});

describe('terms in proper names (lib/match/proper-names.ts)', () => {
  const m = matcherOf([
    concept('P1', 'Medicine', { category: 'other' }),
    concept('P2', 'Stroke'),
    concept('P3', 'Cancer'),
    concept('P4', 'Chin', { category: 'anatomy' }),
    concept('P5', 'Jaw', { category: 'anatomy' }),
    concept('P6', 'Flushing'),
    concept('P7', 'Breast cancer'),
  ]);
  it('institutions and journals: "Department of Clinical Medicine", "Stroke Association", "British Journal of Cancer"', () => {
    expect(found('Department of Clinical Medicine. The Stroke Association and the American Cancer Society. British Journal of Cancer.', m)).toEqual([]);
    expect(found('Data came from the Eastern Cancer Registration and Information Centre and the Stroke Registry.', m)).toEqual([]);
    // Funders and journals as articles cite them: "BMC Cancer", "Br J Cancer", "J. Cancer".
    expect(found('Funded by Cancer Research UK and the International Agency for Research on Cancer (Br J Cancer 2001; BMC Cancer 8:11; J. Cancer 3).', m)).toEqual([]);
    expect(found('Research on cancer. Cancer research in the UK.', m)).toEqual(['cancer=P3', 'Cancer=P3']);
    // An outlet's name under a headline: "CNS News".
    expect(found('By Cancer News staff. Cancer news is rarely good.', m)).toEqual(['Cancer=P3']);
  });
  it('studies and questionnaires: "European Prospective Investigation into Cancer and Nutrition", "Oral Health Impact Profile"', () => {
    const more = matcherOf([concept('R1', 'Cancer'), concept('R2', 'Nutrition', { category: 'other' }), concept('R3', 'Oral health', { category: 'other' }), concept('R4', 'Depression')]);
    expect(found('The European Prospective Investigation into Cancer and Nutrition. The Oral Health Impact Profile and the Beck Depression Inventory.', more)).toEqual([]);
    const asthma = matcherOf([concept('R5', 'Asthma'), concept('R6', 'Brain', { category: 'anatomy' })]);
    expect(found('The American Academy of Allergy, Asthma and Immunology. The Zuckerman Mind Brain Behavior Institute.', asthma)).toEqual([]);
    expect(found('Allergy, Asthma and eczema. Brain Behavior in Mice.', asthma)).toEqual(['Asthma=R5', 'Brain=R6']);
    // A page breaks the name over lines and indents it (a patient's re-walk found "Asthma" lit so on WebMD).
    expect(found('the American Academy of Allergy,\n                 Asthma and Immunology. The Zuckerman Mind Brain\n   Behavior Institute.', asthma)).toEqual([]);
    // The same words in prose and in a heading stay lit.
    expect(found('Oral Health in Children. Cancer and Nutrition. An investigation into cancer and nutrition. Depression scale scores.', more)).toEqual([
      'Oral Health=R3', 'Cancer=R1', 'Nutrition=R2', 'cancer=R1', 'nutrition=R2', 'Depression=R4',
    ]);
  });
  it('authors: "Chin WW", "Coetzer JAW.", "Chin et al.", "(Koibuchi and Chin 2000)"; and places: "Flushing, NY 11367"', () => {
    expect(found('Koibuchi N, Chin WW. Swanepoel R, Coetzer JAW. Chin et al. found it (Koibuchi and Chin 2000). Queens College, Flushing, NY 11367.', m)).toEqual([]);
  });
  it('leave the same words in prose, and headings in title case, alone', () => {
    expect(found('Stroke and cancer of the chin. Treatment of Breast Cancer in Women. Flushing, sweating and a sore jaw.', m)).toEqual([
      'Stroke=P2', 'cancer=P3', 'chin=P4', 'Breast Cancer=P7', 'Flushing=P6', 'jaw=P5',
    ]);
  });
  it('need the context that tells a name from prose (a colleague\'s walk found each of these dark)', () => {
    const more = matcherOf([
      concept('Q1', 'Smoking'), concept('Q2', 'Lung cancer'), concept('Q3', 'Breast cancer'), concept('Q4', 'Insulin', { category: 'drug' }),
      concept('Q5', 'Asthma'), concept('Q6', 'Hypertension'), concept('Q7', 'Myocardial infarction', { abbreviations: [['MI', false]] }),
      concept('Q8', 'Cancer'),
    ]);
    expect(found('Association of Smoking With Lung Cancer Risk. Breast Cancer Awareness Month. Insulin IV, Insulin IM. Asthma FAQ.', more)).toEqual([
      'Smoking=Q1', 'Lung Cancer=Q2', 'Breast Cancer=Q3', 'Insulin=Q4', 'Insulin=Q4', 'Asthma=Q5',
    ]);
    expect(found('Comorbidities: Hypertension, MI. Patients with Asthma, MS. (Cancer 2020).', more)).toEqual([
      'Hypertension=Q6', 'MI=Q7', 'Asthma=Q5', 'Cancer=Q8',
    ]);
  });
});

describe('US states in addresses (lib/match/proper-names.ts)', () => {
  const m = matcherOf([
    concept('T1', 'Computed tomography', { abbreviations: [['CT', false]], category: 'procedure' }),
    concept('T2', 'Magnetic resonance imaging', { abbreviations: [['MRI', false]], category: 'procedure' }),
    concept('T3', 'Ultrasonography', { synonyms: ['Ultrasound'], category: 'procedure' }),
  ]);
  it('are no abbreviations: "Hartford, CT 06106" and a dateline stay dark', () => {
    expect(found('Hartford, CT 06106. NEW HAVEN, CT (AP) — A survey (New Haven, CT).', m)).toEqual([]);
  });
  it('stay dark in running prose after a place: "in New Haven, CT and", "from Ann Arbor, MI, were"', () => {
    const mi = matcherOf([
      concept('T1', 'Computed tomography', { abbreviations: [['CT', false]], category: 'procedure' }),
      concept('T4', 'Myocardial infarction', { abbreviations: [['MI', false]] }),
      concept('T5', 'Stroke'),
    ]);
    expect(found('Clinics in New Haven, CT and Boston were compared; patients from Ann Arbor, MI, were older.', mi)).toEqual([]);
    // A title's list of conditions, or a test after a capitalised word without a place before it, stays lit.
    expect(found('Outcomes in Stroke, MI, and Heart Failure. Imaging with Contrast, CT and more.', mi)).toEqual(['Stroke=T5', 'MI=T4', 'CT=T1']);
  });
  it('leave lists of tests alone', () => {
    expect(found('Patients had MRI, CT, and Ultrasound. Ultrasound, CT and MRI.', m)).toEqual([
      'MRI=T2', 'CT=T1', 'Ultrasound=T3', 'Ultrasound=T3', 'CT=T1', 'MRI=T2',
    ]);
  });
  it('give no meaning, even where the page defines CT', () => {
    expect(found('Computed tomography (CT) was done in Hartford, CT. Then CT again.', m)).toEqual(['Computed tomography=T1', 'CT=T1', 'CT=T1']);
  });
});

describe('everyday words (data/curated/everyday-words.json)', () => {
  const everyday = matcherOf([
    concept('X1', 'Cocaine', { synonyms: ['Snow', 'Blow'], category: 'drug' }),
    concept('X2', 'Crowns', { category: 'procedure' }), // its singular is the everyday word
    concept('X3', 'Indium', { category: 'drug' }),
    concept('X4', 'Bacterium', { category: 'other' }),
    concept('X5', 'Asthma'),
    concept('X6', 'Morphine', { category: 'drug' }),
  ]);
  it('stay dark without context, in any inflection, while medical words light up', () => {
    expect(found('Snow fell on the crown of the hill. A blow. Asthma and bacteria.', everyday)).toEqual(['Asthma=X5', 'bacteria=X4']);
  });
  it('light up once the document names their concept', () => {
    expect(found('Cocaine, also called snow, and dental crowns. A crown.', everyday)).toEqual(['Cocaine=X1', 'snow=X1', 'crowns=X2', 'crown=X2']);
  });
  it('words medical in every sense stay terms, however often films say them', () => {
    expect(found('Morphine was given. It snowed.', everyday)).toEqual(['Morphine=X6']);
  });
  it('a chemical element takes no Latin plural: India is a place, not indium', () => {
    expect(found('India and indium.', everyday)).toEqual(['indium=X3']);
  });
});

describe('concepts filed outside medicine (MeSH natural phenomena, health care, society)', () => {
  const m = matcherOf([
    concept('Q1', 'Earthquakes', { category: 'other', treeNumbers: ['G01.311.340.224', 'G01.595.340.224'] }),
    concept('Q2', 'Medicare', { category: 'other', treeNumbers: ['N03.219.521.346.506.564.663'] }),
    concept('Q3', 'X-rays', { category: 'other', treeNumbers: ['G01.358.500.505.970'] }), // radiation: physics, also imaging
    concept('Q4', 'Menopause', { treeNumbers: ['G08.686.157.500', 'N01.400.900'] }), // one branch in medicine is enough
  ]);
  it('stay dark on their own; radiation and conditions light up', () => {
    expect(found('After the earthquake, Medicare paid for chest X-rays. Menopause.', m)).toEqual(['X-rays=Q3', 'Menopause=Q4']);
  });
});

describe('abbreviations next to longer names', () => {
  const m = matcherOf([
    concept('R1', 'Coronary artery bypass', { category: 'procedure', abbreviations: [['CABG', false]] }),
    concept('R2', 'Severe acute respiratory syndrome', { abbreviations: [['SARS', false]] }),
    concept('R3', 'Neoplasms', { synonyms: ['tumor'] }),
  ]);
  it('a long form that is a term but for its last word defines the short form as that term', () => {
    expect(found('After coronary artery bypass grafting (CABG), CABG patients recovered.', m)).toEqual([
      'coronary artery bypass=R1',
      'CABG=R1',
      'CABG=R1',
    ]);
  });
  it('nor one whose last word makes it something else ("... gene (AKU)")', () => {
    expect(found('The coronary artery bypass gene (CABGE) maps to 3q. CABGE carriers.', m)).toEqual(['coronary artery bypass=R1']);
  });
  it('nor an enzyme, a part, a measure or the lack of the term, nor a disease of an organ or a chemical', () => {
    const n = matcherOf([
      concept('G1', 'Glucose-6-phosphate', { category: 'drug' }),
      concept('G2', 'Zinc', { category: 'drug' }),
      concept('G3', 'Fetal heart', { category: 'anatomy' }),
      concept('G4', 'Gallbladder', { category: 'anatomy' }),
      concept('G5', 'Lyme', { category: 'disease' }),
    ]);
    expect(found('Glucose-6-phosphate dehydrogenase (G6PD) is low. G6PD.', n)).toEqual(['Glucose-6-phosphate=G1']);
    // A zinc finger is no zinc at all (lib/match/not-terms.ts), and ZF names no zinc either.
    expect(found('A zinc finger (ZF) binds DNA. ZF.', n)).toEqual([]);
    expect(found('The fetal heart rate (FHR) fell. FHR.', n)).toEqual(['fetal heart=G3']);
    expect(found('Gallbladder disease (GBD) is common. GBD.', n)).toEqual(['Gallbladder=G4']);
    // A disease's name with its "disease" still names the disease; "disease" is no enzyme's "-ase".
    expect(found('Lyme disease (LD) spreads. LD.', n)).toEqual(['Lyme=G5', 'LD=G5', 'LD=G5']);
  });
  it('nor the enzyme whose lack a term names: "deficiency of aspartoacylase (ASPA)" leaves "the ASPA gene" dark', () => {
    const n = matcherOf([
      concept('C1', 'Canavan disease', { synonyms: ['deficiency of aspartoacylase', 'aspartoacylase deficiency'] }),
      concept('W1', 'Wilson disease', { synonyms: ['type 2 Wilson disease'] }),
    ]);
    expect(found('It is a deficiency of aspartoacylase (ASPA). The ASPA gene.', n)).toEqual(['deficiency of aspartoacylase=C1']);
    expect(found('A lack of the aspartoacylase (ASPA). ASPA.', matcherOf([concept('C1', 'Canavan disease', { synonyms: ['lack of the aspartoacylase'] })]))).toEqual([
      'lack of the aspartoacylase=C1',
    ]);
    // A term whose first words are plain modifiers still gives the short form its meaning.
    expect(found('type 2 Wilson disease (WD). WD.', n)).toEqual(['type 2 Wilson disease=W1', 'WD=W1', 'WD=W1']);
  });
  it('but a term that is only the start of the long form does not ("tumor" in tumor necrosis factor)', () => {
    expect(found('Neoplasms again. Tumor necrosis factor (TNF) rose. TNF fell.', m)).toEqual(['Neoplasms=R3', 'Tumor=R3']);
  });
  it("a long form's head noun is not its meaning, and a known short form keeps its own", () => {
    const n = matcherOf([
      concept('T1', 'X-ray computed tomography', { category: 'procedure', abbreviations: [['CT', false]] }),
      concept('T2', 'Tomography', { category: 'procedure' }),
      concept('T3', 'Enzymes', { category: 'drug' }),
      concept('T4', 'Cholesterol', { category: 'drug', abbreviations: [['LDL', true]], summaryCount: 9 }),
      concept('T5', 'LDL lipoproteins', { category: 'drug', abbreviations: [['LDL', false]] }),
    ]);
    // It was read as "Tomography" and "Enzymes", and later uses followed.
    expect(found('After computed tomography (CT), CT was repeated.', n)).toEqual(['tomography=T2', 'CT=T1', 'CT=T1']);
    // ("enzyme" alone needs context, as an everyday laboratory word: nothing is lit, ACE least of all.)
    expect(found('Angiotensin-converting enzyme (ACE) levels. ACE rose.', n)).toEqual([]);
    // An ambiguous short form of one concept does not take it from the concept it plainly names.
    expect(found('LDL and cholesterol.', n)).toEqual(['LDL=T5', 'cholesterol=T4']);
  });
  it('an abbreviation that begins a longer name ("SARS-CoV-2") is not that abbreviation', () => {
    expect(found('SARS-CoV-2 and MERS-CoV differ from SARS.', m)).toEqual(['SARS=R2']);
  });
});

describe('abbreviations defined in the text', () => {
  it('may leave out a digit the long form spells another way: "thyroxine (T4)"', () => {
    const m = matcherOf([concept('H1', 'Thyroxine', { category: 'drug' }), concept('H2', 'Triiodothyronine', { category: 'drug' })]);
    expect(found('Plasma thyroxine (T4) and triiodothyronine (T3). T4 fell; T3 rose. T5 and X4 stay dark.', m)).toEqual([
      'thyroxine=H1', 'T4=H1', 'triiodothyronine=H2', 'T3=H2', 'T4=H1', 'T3=H2',
    ]);
    // Not where the letters differ: "cortisol (F4)" is no definition of F4.
    expect(found('Plasma thyroxine (F4). F4 again.', m)).toEqual(['thyroxine=H1']);
  });

  it('gives a short form the term its letters are the initials of, inside a longer term: "metastatic castration-resistant prostate cancer (PC)"', () => {
    const m = matcherOf([
      concept('P1', 'Prostate cancer'),
      concept('P2', 'Castration-resistant prostate cancer', { synonyms: ['metastatic castration-resistant prostate cancer'] }),
      concept('T1', 'Thrombotic thrombocytopenic purpura'),
      concept('T2', 'Thrombocytopenic purpura'),
    ]);
    // The abstract's "clinically localized PC" is no castration-resistant cancer; the long form still opens its own.
    expect(found('Metastatic castration-resistant prostate cancer (PC). Clinically localized PC.', m)).toEqual([
      'Metastatic castration-resistant prostate cancer=P2', 'PC=P1', 'PC=P1',
    ]);
    // Letters aligned inside a word are no initials: TTP stays the whole term.
    expect(found('Thrombotic thrombocytopenic purpura (TTP). TTP relapsed.', m)).toEqual([
      'Thrombotic thrombocytopenic purpura=T1', 'TTP=T1', 'TTP=T1',
    ]);
  });
  it('lights a term that runs on after the parenthesis whole, and leaves the short form its own meaning', () => {
    const m = matcherOf([
      concept('E1', 'Angiotensin-converting enzyme', { category: 'drug' }),
      concept('E2', 'Angiotensin-converting enzyme inhibitors', { abbreviations: [['ACE inhibitors', false]], category: 'drug' }),
      concept('D1', 'Alpha-1 antitrypsin deficiency'),
      concept('P1', 'Alpha-1 antitrypsin', { category: 'drug' }),
    ]);
    expect(found('Angiotensin-converting enzyme (ACE) inhibitors were given. ACE levels rose; ACE inhibitors again.', m)).toEqual([
      'Angiotensin-converting enzyme (ACE) inhibitors=E2', 'ACE=E1', 'ACE inhibitors=E2',
    ]);
    expect(found('alpha-1 antitrypsin (AAT) deficiency; serum AAT', m)).toEqual(['alpha-1 antitrypsin (AAT) deficiency=D1', 'AAT=P1']);
    // Not where the words after the parenthesis make no term with it.
    expect(found('angiotensin-converting enzyme (ACE) activity', m)).toEqual(['angiotensin-converting enzyme=E1', 'ACE=E1']);
  });
  it('makes later uses of the short form match the long form concept', () => {
    expect(found('Wilson disease (WD) is rare. In WD, copper builds up.')).toEqual([
      'Wilson disease=D1',
      'WD=D1',
      'WD=D1',
      'copper=C1',
    ]);
  });
  it('leaves a longer term that holds the short form whole: "RT-PCR" where the page defined "PCR"', () => {
    const m = matcherOf([
      concept('P1', 'Polymerase chain reaction', { category: 'procedure' }),
      concept('R1', 'Reverse transcriptase polymerase chain reaction', { abbreviations: [['RT-PCR', false]], category: 'procedure' }),
    ]);
    expect(found('By polymerase chain reaction (PCR), then RT-PCR and PCR.', m)).toEqual([
      'polymerase chain reaction=P1',
      'PCR=P1',
      'RT-PCR=R1',
      'PCR=P1',
    ]);
  });
  it('does not match uses before the definition', () => {
    expect(found('WD is rare. Wilson disease (WD) is rare.')).toEqual(['Wilson disease=D1', 'WD=D1']);
  });
  it('remembers definitions across blocks of one session, not across sessions', () => {
    const m = testMatcher();
    const s = m.session();
    s.match('Multiple sclerosis (MS) is a disease.');
    expect(s.match('MS affects the nerves.').map((x) => x.conceptId)).toEqual(['D7']);
    expect(m.session().match('MS affects the nerves.')).toEqual([]);
  });
  it('leaves two short forms for a coordinated long form undefined: "estrogen and progesterone receptors (ER, PR)"', () => {
    const m = matcherOf([concept('R1', 'Progesterone receptors', { category: 'drug' }), concept('R2', 'Estrogen receptors', { category: 'drug' })]);
    // (Each receptor is read whole: the two share their head noun.)
    expect(found('We stained estrogen and progesterone receptors (ER, PR). ER was positive.', m)).toEqual(['estrogen=R2', 'progesterone receptors=R1']);
    // One short form with a note after it is still a definition.
    expect(found('We stained progesterone receptors (PR; n = 12). PR was positive.', m)).toEqual(['progesterone receptors=R1', 'PR=R1', 'PR=R1']);
  });
  it('accepts a known term whose letters do not align (Latin order)', () => {
    expect(found('myotonic dystrophy (DM). DM is inherited.')).toEqual([
      'myotonic dystrophy=D16',
      'DM=D16',
      'DM=D16',
    ]);
  });
  it('takes a term that runs on after the parenthesis', () => {
    expect(found('von Hippel-Lindau (VHL) disease. VHL disease is rare.')).toEqual([
      'von Hippel-Lindau (VHL) disease=D17',
      'VHL disease=D17',
    ]);
  });
  it('overrides the vocabulary where the text defines a short form otherwise', () => {
    expect(found('computed tomography (CT). CT again')).toEqual(['computed tomography=P1', 'CT=P1', 'CT=P1']);
    expect(found('cycle threshold (CT). CT again')).toEqual([]);
  });
  it('gives no short form to a term a procedure word follows: "carotid artery stenting (CAS)" is no artery', () => {
    const m = matcherOf([
      concept('A1', 'Carotid arteries', { category: 'anatomy' }),
      concept('P2', 'Coronary artery bypass', { category: 'procedure' }),
      concept('R3', 'Somatostatin receptors', { category: 'drug' }),
    ]);
    expect(found('carotid artery stenting (CAS). After CAS, somatostatin receptor scintigraphy (SRS); SRS was clear.', m)).toEqual([
      'carotid artery=A1',
      'somatostatin receptor=R3',
    ]);
    // A procedure's own name keeps it.
    expect(found('coronary artery bypass grafting (CABG). CABG again', m)).toEqual([
      'coronary artery bypass=P2',
      'CABG=P2',
      'CABG=P2',
    ]);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets across surrogate pairs and combining marks', () => {
    const text = '😀𝐀 cancer, Sjo\u0308gren syndrome 🧬 cancer';
    const ms = testMatcher().match(text);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['cancer', 'Sjo\u0308gren syndrome', 'cancer']);
    expect(ms[0].start).toBe(5);
  });
  it('include combining marks at the end of a word (accents fold away)', () => {
    expect(testMatcher().match('cancer\u0301 x')).toEqual([{ start: 0, end: 7, conceptId: 'D12', category: 'disease' }]);
    expect(found('Ede\u0300mas')).toEqual(['Ede\u0300mas=D21']);
  });
  it('a word after an astral letter is not a word start', () => {
    expect(found('𝐀cancer')).toEqual([]);
  });
  it('nor is a word after a combining mark that follows a space, even when a walk passes over it', () => {
    expect(found('lung \u0301Copper')).toEqual([]);
    expect(found('\u0301Copper and copper')).toEqual(['copper=C1']);
    expect(found('\u0301breast and lung cancer')).toEqual(['lung cancer=D11']);
  });
});

describe('hostile text', () => {
  it("keeps no more folded chars than its bound, however many distinct astral chars a page sends", () => {
    const m = testMatcher();
    // 300,000 distinct astral letters (CJK extensions B to H): each takes the slow path and was kept forever.
    const letters = Array.from({ length: 300_000 }, (_, k) => String.fromCodePoint(0x20000 + k)).join(' ');
    expect(m.match(letters)).toEqual([]);
    expect(foldCacheSize()).toBeLessThanOrEqual(FOLD_CACHE_MAX);
    // Nor does the matcher keep a cache of its own beside it.
    const maps = Object.values(m).filter((v): v is Map<unknown, unknown> => v instanceof Map);
    expect(maps.every((map) => map.size <= FOLD_CACHE_MAX)).toBe(true);
    // Folding still works once the cache has started again: mathematical bold letters read as plain ones.
    expect(found('\u{1d41c}\u{1d41a}\u{1d427}\u{1d41c}\u{1d41e}\u{1d42b} and cancer', m)).toEqual(['\u{1d41c}\u{1d41a}\u{1d427}\u{1d41c}\u{1d41e}\u{1d42b}=D12', 'cancer=D12']);
  });
});

describe('vocabulary', () => {
  it('gives a shared form to the concept with more summaries, then the smaller id', () => {
    const v = vocabularyFromConcepts([
      concept('B', 'Shared', { summaryCount: 1 }),
      concept('A', 'Shared', { summaryCount: 1 }),
      concept('C', 'shared', { summaryCount: 5 }),
    ]);
    expect(v.filter((e) => e.form.toLowerCase() === 'shared').map((e) => e.conceptId)).toEqual(['C']);
  });
  it('gives a form two concepts list to the one whose own name shares its words, before the one with more summaries', () => {
    const owner = (v: ReturnType<typeof vocabularyFromConcepts>, form: string) => v.find((e) => e.form.toLowerCase() === form)?.conceptId;
    const v = vocabularyFromConcepts([
      // A page that lists a neighbour's names, on the concept with the studies.
      concept('C', "Cushing's syndrome", { synonyms: ['primary hyperaldosteronism', 'pigmentary retinopathy'], summaryCount: 9 }),
      concept('H', 'Hyperaldosteronism', { synonyms: ['primary hyperaldosteronism'], summaryCount: 1 }),
      concept('R', 'Retinitis pigmentosa', { synonyms: ['pigmentary retinopathy'] }),
      // A numbered subtype never owns its family's unnumbered name, though it shares every word of it.
      concept('T3', 'Treacher Collins syndrome 3', { synonyms: ['Treacher Collins syndrome'], summaryCount: 4 }),
      concept('M', 'Mandibulofacial dysostosis', { synonyms: ['Treacher Collins syndrome'] }),
      // But a subtype's own other name is its own, whatever number its name ends in.
      concept('MPS1', 'Mucopolysaccharidosis I', { synonyms: ['Hurler syndrome'], summaryCount: 3 }),
      concept('MPS', 'Lysosomal storage diseases', { synonyms: ['Hurler syndrome'], summaryCount: 1 }),
      // No words shared either way ("syndrome", "cancer" and the like tell nothing): more summaries win.
      concept('S1', 'Sjogren syndrome', { synonyms: ['sicca syndrome'], summaryCount: 3 }),
      concept('S2', 'Dry eye', { synonyms: ['sicca syndrome'], summaryCount: 1 }),
    ]);
    expect(owner(v, 'primary hyperaldosteronism')).toBe('H');
    expect(owner(v, 'pigmentary retinopathy')).toBe('R');
    expect(owner(v, 'treacher collins syndrome')).toBe('M');
    expect(owner(v, 'hurler syndrome')).toBe('MPS1');
    expect(owner(v, 'sicca syndrome')).toBe('S1');
    expect(v.filter((e) => e.form.toLowerCase() === 'primary hyperaldosteronism')).toHaveLength(1);
  });
  it("gives a germ's names to the infection named after it, where the germ has no evidence of its own", () => {
    const m = matcherOf([
      concept('G1', 'Chlamydia', { category: 'other', treeNumbers: ['B03.440.190.190.190'] }),
      concept('I1', 'Chlamydia infections', { summaryCount: 1 }),
      concept('G2', 'Respiratory syncytial virus', { category: 'other', treeNumbers: ['B04.820.455.600.700'], abbreviations: [['RSV', false]] }),
      concept('I2', 'Respiratory syncytial virus infections', { summaryCount: 2 }),
      // A germ with evidence of its own keeps its names; so does one whose infection has none.
      concept('G3', 'Salmonella', { category: 'other', treeNumbers: ['B03.440.450.425.800'], summaryCount: 1 }),
      concept('I3', 'Salmonella infections', { summaryCount: 1 }),
      concept('G4', 'Listeria', { category: 'other', treeNumbers: ['B03.510.100.500'] }),
      concept('I4', 'Listeria infections'),
      // Not a germ: a drug named like an infection's head keeps its name.
      concept('D1', 'Zoster', { category: 'drug', treeNumbers: ['D20.215'] }),
      concept('I5', 'Zoster infections', { summaryCount: 1 }),
    ]);
    expect(found('Tested for chlamydia; RSV and respiratory syncytial virus; Salmonella; Listeria; Zoster.', m)).toEqual([
      'chlamydia=I1',
      'RSV=I2',
      'respiratory syncytial virus=I2',
      'Salmonella=G3',
      'Listeria=G4',
      'Zoster=D1',
    ]);
    expect(found('Chlamydia infections and chlamydia infection.', m)).toEqual(['Chlamydia infections=I1', 'chlamydia infection=I1']);
  });
  it('drops rotated inversions', () => {
    const v = vocabularyFromConcepts([concept('X', 'Epilepsy', { synonyms: ['of infancy severe Myoclonic epilepsy'] })]);
    expect(v.map((e) => e.form)).toEqual(['Epilepsy']);
  });
});

describe('serialisation', () => {
  it('is deterministic and round-trips', () => {
    const v = vocabularyFromConcepts(CONCEPTS);
    const a = compileMatcher(v);
    const b = compileMatcher(v);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const copy = new Uint8Array(a.byteLength + 1);
    copy.set(a, 1); // unaligned view
    const m = loadMatcher(copy.subarray(1));
    expect(m.match('breast cancer').map((x) => x.conceptId)).toEqual(['D2']);
    expect(loadMatcher(a.slice().buffer).match('Lung cancers')).toHaveLength(1);
  });
  it('rejects bytes that are not a matcher', () => {
    expect(() => loadMatcher(new Uint8Array(16))).toThrow(/not a matcher/);
  });
});

describe('a vocabulary spelled in more characters than a symbol can number', () => {
  it('keeps the characters most names use and the names spelled in them, rather than failing (a synced dataset in Chinese)', () => {
    // 1,400 names of three characters each: 4,200 distinct units, past the 4,094 a symbol can number.
    const cjk = Array.from({ length: 1400 }, (_, i) => concept(`Z${i}`, String.fromCharCode(0x4e00 + 3 * i, 0x4e01 + 3 * i, 0x4e02 + 3 * i)));
    // One character shared by many names is kept whatever its code.
    const shared = Array.from({ length: 20 }, (_, i) => concept(`S${i}`, String.fromCharCode(0x9fa0, 0x4e00 + 3 * i, 0x4e01 + 3 * i)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const m = loadMatcher(compileMatcher(vocabularyFromConcepts([...CONCEPTS, ...cjk, ...shared])));
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/names use characters past the matcher's 4094/));
    warn.mockRestore();
    const ids = (text: string) => m.match(text).map((x) => x.conceptId);
    expect(ids('Wilson disease and breast cancer')).toEqual(['D1', 'D2']);
    expect(ids(`${cjk[0].name} , ${shared[3].name}`)).toEqual(['Z0', 'S3']);
    // The last names' characters did not fit: not lit, and nothing else breaks.
    expect(ids(`${cjk[1399].name} , Wilson disease`)).toEqual(['D1']);
  });
});

describe("two clinicians' walks through PubMedQA (session 21)", () => {
  const m = matcherOf([
    concept('W1', 'Ovarian carcinoma'),
    concept('W2', 'Prostatectomy', { category: 'procedure' }),
    concept('W3', 'Adrenal cortex hormones', { category: 'drug', synonyms: ['corticosteroids'] }),
    concept('W4', 'Prolapse'),
    concept('W5', 'Dyspnea'),
    concept('W6', 'Reperfusion', { category: 'procedure' }),
    concept('W7', 'Glucose', { category: 'drug' }),
    concept('W8', 'Neonatal intensive care', { category: 'procedure' }),
    concept('W9', 'Pulmonary artery', { category: 'anatomy' }),
    concept('W10', 'Prostate-specific antigen', { category: 'drug', abbreviations: [['PSA', false]] }),
    concept('W11', 'CT scans', { category: 'procedure', synonyms: ['computed tomography'] }),
    concept('W12', 'Angiography', { category: 'procedure' }),
    concept('W13', 'Hepatocellular carcinoma', { abbreviations: [['HCC', false]] }),
    concept('W14', 'Chlorhexidine', { category: 'drug' }),
    concept('W15', 'Celiac disease'),
    concept('W16', 'Depression'),
    concept('W17', 'Knee', { category: 'anatomy' }),
    concept('W18', 'Stroke'),
    concept('W19', 'Glasgow coma scale', { category: 'procedure' }),
    concept('W20', 'Serum', { category: 'anatomy' }),
    concept('W21', 'Inhibins', { category: 'drug', synonyms: ['inhibin'] }),
    concept('W22', 'Pons', { category: 'anatomy' }),
    concept('W23', 'Chorionic gonadotropin', { category: 'drug' }),
    concept('W24', 'Dilatation', { category: 'procedure' }),
  ]);

  it('a short form of modifiers and a disease, a procedure or a medicine given some way means the term', () => {
    expect(found('epithelial ovarian carcinoma (EOC). EOC; radical prostatectomy (RP). RP; inhaled corticosteroids (ICSs). ICSs', m)).toEqual([
      'ovarian carcinoma=W1', 'EOC=W1', 'EOC=W1', 'prostatectomy=W2', 'RP=W2', 'RP=W2', 'corticosteroids=W3', 'ICSs=W3', 'ICSs=W3',
    ]);
  });

  it('but not where the letters, a phrase, another term or the medicine say otherwise', () => {
    // The AA is the anterior and apical compartment; PD the perception; IR the injury; IFG a finding, no sugar.
    expect(found('anterior/apical prolapse (AA) repair. MUS + AA', m)).toEqual(['prolapse=W4']);
    expect(found('perception of dyspnea (PD) was low. PD', m)).toEqual(['dyspnea=W5']);
    expect(found('impaired fasting glucose (IFG). IFG', m)).toEqual(['glucose=W7']);
  });

  it('a measure, a part of the body or a second term after the term makes its short form something else', () => {
    expect(found('pulmonary artery pressure (PAP) rose; PAP fell. PSA velocity (PSAV). PSAV', m)).toEqual(['pulmonary artery=W9', 'PSA=W10']);
    expect(found('acute computed tomography angiography (CTA). CTA', m)).toEqual(['computed tomography=W11', 'angiography=W12']);
  });

  it("a known short form keeps its own meaning only where the long form holds a term of its kind", () => {
    // An antiseptic's initials are no liver cancer.
    expect(found('hexamidine-chlorhexidine-chlorocresol (HCC) was applied. HCC reduced', m)).toEqual(['chlorhexidine=W14']);
    expect(found('HCC was staged.', m)).toEqual(['HCC=W13']);
  });

  it('a short form defined in the plural is used in the singular too', () => {
    expect(found('neonatal intensive care units (NICUs). The regional NICU database', m)).toEqual([
      'neonatal intensive care=W8', 'NICUs=W8', 'NICU=W8',
    ]);
  });

  it("a title's question and a line break end the long form", () => {
    expect(found('Gluten tolerance in celiac disease 20 years after diagnosis?\nCeliac disease (CD) is believed to be. CD patients', m)).toEqual([
      'celiac disease=W15', 'Celiac disease=W15', 'CD=W15', 'CD=W15',
    ]);
  });

  it("a study's, a register's or a committee's name holds no term; a scale's own name stays one", () => {
    expect(
      found(
        'the NIMH Collaborative Depression Study (CDS); the International Knee Documentation Committee; the International Stroke Thrombolysis Register; the Portuguese Association for Depression',
        m,
      ),
    ).toEqual([]);
    expect(found('The Glasgow Coma Scale after a stroke. Depression Study Group', m)).toEqual(['Glasgow Coma Scale=W19', 'stroke=W18']);
  });

  it('serum needs context before the analyte it is measured in', () => {
    expect(found('serum inhibin concentrations', m)).toEqual(['inhibin=W21']);
  });

  it('words of other sciences and of labour are no terms: stroke work, cervical dilatation', () => {
    expect(found('left-ventricular stroke work index rose; cervical dilatation of 3 cm; balloon dilatation', m)).toEqual(['dilatation=W24']);
  });

  it('"pons" has no singular "pon", and gonadotrophin is the British gonadotropin (not "atrophine")', () => {
    expect(found('paraoxonase 1 (PON 1) and PON 1 in the pons; human chorionic gonadotrophin', m)).toEqual([
      'pons=W22', 'chorionic gonadotrophin=W23',
    ]);
  });
});

describe("a patient's walk through MedlinePlus and NIH pages (session 21)", () => {
  const m = matcherOf([
    concept('P1', 'Kidney diseases'),
    concept('P2', 'Deafness'),
    concept('P3', 'Lung', { category: 'anatomy' }),
    concept('P4', 'Phenotype', { category: 'other' }),
    concept('P5', 'Mercury', { category: 'drug' }),
    concept('P6', 'Blood pressure', { category: 'procedure' }),
    concept('P7', 'Wounds and injuries', { synonyms: ['trauma'] }),
  ]);

  it("the names of NIH institutes, registers and ontologies that pages end with hold no term", () => {
    const text =
      'NIH: National Institute of Diabetes and Digestive and Kidney Diseases. NIH: National Institute on Deafness and ' +
      'Other Communication Disorders. Go to the National Heart, Lung, and Blood Institute website. The Human Phenotype Ontology lists.';
    expect(found(text, m)).toEqual([]);
    expect(found('Kidney diseases and deafness. The lung.', m)).toEqual(['Kidney diseases=P1', 'deafness=P2', 'lung=P3']);
  });

  it("a germ's species name apart from its genus is no disease: \"Streptococcus (strep-to-KOK-us) pneumoniae\"", () => {
    const g = matcherOf([concept('G1', 'Pneumonia'), concept('G2', 'Streptococcus pneumoniae', { category: 'other' })]);
    expect(found('Streptococcus (strep-to-KOK-us) pneumoniae causes pneumonia; Streptococcus pneumoniae', g)).toEqual([
      'pneumonia=G1', 'Streptococcus pneumoniae=G2',
    ]);
  });

  it('a unit of pressure and hurt feelings are no poisoning and no wound', () => {
    expect(found('A blood pressure of 120 millimeters of mercury after psychological trauma; mercury poisoning after trauma.', m)).toEqual([
      'blood pressure=P6', 'mercury=P5', 'trauma=P7',
    ]);
  });
});

describe("a review of session 21's rules: what they must not take", () => {
  const m = matcherOf([
    concept('R1', 'Hepatitis C'),
    concept('R2', 'Hepacivirus', { category: 'other', abbreviations: [['HCV', false]] }),
    concept('R3', 'Cancer'),
    concept('R4', 'Depression'),
    concept('R5', 'Obesity'),
    concept('R6', 'Asthma'),
    concept('R7', 'HIV infections', { abbreviations: [['HIV', false]] }),
    concept('R8', 'Brain injuries', { synonyms: ['brain injury'] }),
    concept('R9', 'Traumatic brain injury'),
    concept('R10', 'Prostate cancer'),
    concept('R11', 'Acetaminophen', { category: 'drug' }),
    concept('R12', 'Measles'),
    concept('R13', 'Disability', { category: 'other' }),
  ]);

  it('a known short form keeps its meaning where the long form names a disease of it ("hepatitis C virus (HCV)")', () => {
    expect(found('hepatitis C virus (HCV) infection. HCV RNA', m)).toEqual(['hepatitis C=R1', 'HCV=R2', 'HCV=R2']);
  });

  it("headlines in title case keep their terms; a study's name needs its short form or more of its name", () => {
    expect(found('Cancer Trial Results. Depression Study. Obesity Report. New Depression Study Finds. Asthma Index Rises.', m)).toEqual([
      'Cancer=R3', 'Depression=R4', 'Obesity=R5', 'Depression=R4', 'Asthma=R6',
    ]);
    expect(found('Patients with Depression, Study Finds. Cancer\nStudy design: cohort.', m)).toEqual(['Depression=R4', 'Cancer=R3']);
    expect(found('the Collaborative Depression Study (CDS); the Swiss HIV Cohort Study; the Oswestry Disability Index', m)).toEqual([]);
    expect(found('University of Michigan Study on Depression in Teens; Department of Health Warns on Measles', m)).toEqual([
      'Depression=R4', 'Measles=R12',
    ]);
  });

  it('after "non", a later word may still start a term', () => {
    expect(found('non-traumatic brain injury; non-metastatic prostate cancer; non\u2011cancer pain', m)).toEqual([
      'brain injury=R8', 'prostate cancer=R10',
    ]);
  });

  it("a medicine's chemical short form takes its letters from anywhere in its one-word name", () => {
    expect(found('acetaminophen (APAP). APAP', m)).toEqual(['acetaminophen=R11', 'APAP=R11', 'APAP=R11']);
  });
});
