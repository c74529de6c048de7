// The bundled dataset, built from data/ exactly as `npm run dataset` builds it.
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDataset, MENTIONS_PER_CONCEPT, type BuiltDataset } from '../../../scripts/build-dataset';
import { INDEXING_TAGS, readableCase, uninvert } from '../../../scripts/dataset/mesh';
import { joinKey } from '../../../scripts/dataset/text';
import { validateManifest, validateRecord } from '../../../lib/dataset/validate';
import type { Concept, ResearchSummary } from '../../../lib/dataset/types';
import { compileMatcher, loadMatcher, type Matcher } from '../../../lib/match/index';
import { vocabularyFromConcepts } from '../../../lib/match/vocabulary';
import { formVariants } from '../../../lib/match/variants';
import conceptNotes from '../../../data/curated/concept-notes.json';

let built: BuiltDataset;
let byId: Map<string, Concept>;

beforeAll(async () => {
  built = await buildDataset();
  byId = new Map(built.concepts.map((c) => [c.id, c]));
}, 120_000);

/** The matcher the bundled dataset compiles to, built once for the tests that read text with it. */
let matcher: Matcher | undefined;
const bundledMatcher = () => (matcher ??= loadMatcher(compileMatcher(vocabularyFromConcepts(built.concepts))));
/** What a text lights, as "words=concept id" in text order. */
const opens = (text: string) => bundledMatcher().match(text).map((m) => `${text.slice(m.start, m.end)}=${m.conceptId}`);

describe('research summaries', () => {
  test('PMID 21645374 is present with its verdict, question, conclusion and PubMed link', () => {
    const s = built.summaries.find((x) => x.id === 'pmid:21645374') as ResearchSummary;
    expect(s).toBeDefined();
    expect(s.verdict).toBe('yes');
    expect(s.question).toMatch(/mitochondria/i);
    expect(s.bottomLine.length).toBeGreaterThan(50);
    expect(s.citation).toEqual({ pmid: '21645374', year: s.year, url: 'https://pubmed.ncbi.nlm.nih.gov/21645374/' });
    expect(s.findings.length).toBeGreaterThan(0);
  });

  test("the key findings are the abstract's results, a review's synthesis or a case report's case", () => {
    const finding = (id: string) => (built.summaries.find((x) => x.id === id) as ResearchSummary).findings.join(' ');
    expect(finding('pmid:10223070')).toMatch(/^Articles were assessed/); // DATA SYNTHESIS
    expect(finding('pmid:11570976')).toMatch(/^A severe systemic reaction to sulfasalazine/); // CASE PRESENTATION
    expect(finding('pmid:12612531')).toMatch(/^All patients had extremely fragile/); // OBSERVATIONS
    expect(finding('pmid:12765819')).toMatch(/^A 52-year-old woman underwent a craniotomy/); // CASE DESCRIPTION
    expect(finding('pmid:28177278')).toMatch(/^We describe the case of a 51-year-old woman/); // PRESENTATION
    expect(finding('pmid:21164063')).toMatch(/^Anticoagulation guidelines provide minimal direction/); // a review's SUMMARY
    expect(finding('pmid:28196511')).toMatch(/^The introduction and widespread use of ART/); // MAIN BODY
  });

  test('a section of methods and results gives its results as the key findings, its opening methods as context', () => {
    const study = (id: string) => built.summaries.find((x) => x.id === id) as ResearchSummary;
    // METHODS AND RESULTS
    expect(study('pmid:12407608').findings[0]).toMatch(/^Respiratory jugular venodilation was identified in 188 patients/);
    expect(study('pmid:12407608').context?.at(-1)).toBe('Measurements: Patients were randomly assigned to the ultrasound or landmark group.');
    // Each context paragraph keeps its section's name.
    expect(study('pmid:12407608').context?.slice(0, 2)).toEqual(['Objective: To investigate whether prepuncture ultrasound evaluation of vascular anatomy facilitates internal jugular vein cannulation compared with landmark-guided puncture.', 'Design: Prospective randomized study.']);
    // MEASUREMENTS AND MAIN RESULTS: three sentences of methods, then "elevated significantly".
    expect(study('pmid:12163782').findings[0]).toMatch(/^Neutrophil counts in the whole blood specimens/);
    // PubMed's split at "X: " inside a sentence is sewn back: the results are whole, not cut at "model [".
    expect(study('pmid:26606599').findings.join(' ')).toContain('in a multivariate model [ICU LOS: 1-2 days, odds ratio (OR) = 4.33');
    expect(study('pmid:20304513').context?.join(' ')).toContain('(ambient air, FSAII: n=4, SCCVII, n=5)');
    // Opening with a result, it stays whole: "The mean optimal CPAP was 9.5 ± 2.4 cm H2O."
    expect(study('pmid:16735905').findings[0]).toMatch(/^The mean optimal CPAP was 9\.5/);
  });

  test("a study's 'about' names the concepts its question names, among those it is indexed with", () => {
    const statins = built.summaries.find((s) => s.id === 'pmid:11340218') as ResearchSummary; // statins and outcome after stroke
    expect(statins.conceptIds).toContain('MESH:D003920'); // indexed with diabetes mellitus too
    expect(statins.about).toEqual(['MESH:D019161', 'MESH:D020521']); // statins, stroke
    const research = built.summaries.filter((s): s is ResearchSummary => s.kind === 'research');
    for (const s of research) for (const id of s.about ?? []) expect(s.conceptIds).toContain(id);
    expect(research.filter((s) => s.about).length).toBeGreaterThan(400);
    // A narrower concept counts: a question on non-small cell lung carcinoma is about lung cancer.
    const nsclc = built.summaries.find((s) => s.id === 'pmid:11888773') as ResearchSummary;
    // (and the lung, which it names inside the longer term)
    expect(nsclc.about).toEqual(['MESH:D002289', 'MESH:D008168', 'MESH:D008175']);
    // So does the class just above: "rates of depression in women" is about major depressive disorder, and
    // "thrombosis prophylaxis" about venous thrombosis (not the cancer it is also indexed with).
    expect((built.summaries.find((s) => s.id === 'pmid:15052394') as ResearchSummary).about).toEqual(['MESH:D003865']);
    expect((built.summaries.find((s) => s.id === 'pmid:10781708') as ResearchSummary).about).toEqual(['MESH:D020246']);
    // And a name inside a longer term, or an organ's adjective: "solitary kidney", "renal warm ischemia".
    for (const id of ['pmid:17445978', 'pmid:23517744']) {
      expect((built.summaries.find((s) => s.id === id) as ResearchSummary).about).toContain('MESH:D007668');
    }
  });

  test('every PubMedQA article becomes one summary, linked to concepts that exist', () => {
    const research = built.summaries.filter((s) => s.kind === 'research');
    expect(research.length).toBe(1000);
    const linked = research.filter((s) => s.conceptIds.length > 0).length;
    // The rest are indexed only with tags and health-care headings (e.g. "Attitude of Health Personnel").
    expect(linked / research.length).toBeGreaterThan(0.9);
    for (const s of built.summaries) for (const id of s.conceptIds) expect(byId.has(id), id).toBe(true);
  });

  test('headings renamed or added since MeSH 2015, or filed outside the highlighted branches, reach their concepts', () => {
    const concepts = (id: string) => (built.summaries.find((s) => s.id === id) as ResearchSummary).conceptIds;
    // "Infliximab" and "Etanercept" (headings since 2015) reach MedlinePlus's drug pages.
    expect(concepts('pmid:22411435')).toEqual(expect.arrayContaining(['MEDQUAD:infliximab', 'MEDQUAD:etanercept']));
    // "Biomarkers" was "Biological Markers"; "Hypoxia" is a name of MeSH 2015's Anoxia.
    expect(concepts('pmid:26079501')).toEqual(expect.arrayContaining(['MESH:D015415', 'MESH:D000860']));
    // "Anterior Cruciate Ligament Injuries": the ligament and knee injuries, as MeSH 2015 indexed it.
    expect(concepts('pmid:25043083')).toEqual(expect.arrayContaining(['MESH:D016118', 'MESH:D007718']));
    // "Smoking" (behaviour, outside the branches) reaches the page on smoking.
    expect(concepts('pmid:20363841')).toContain('MEDQUAD:smoking');
    // "Intensive Care Units" (a place in MeSH) reaches the concept "ICU" names on pages.
    expect(concepts('pmid:23774337')).toContain('MESH:D017055');
    // A join refused: art glass workers' "Glass" is not methamphetamine.
    expect(concepts('pmid:8738894')).not.toContain('MESH:D008694');
    const research = built.summaries.filter((s) => s.kind === 'research');
    expect(research.filter((s) => s.conceptIds.length === 0).length).toBeLessThanOrEqual(55);
  });
});

describe('concepts', () => {
  test('"breast cancer" leads to the MeSH concept Breast Neoplasms', () => {
    const hits = built.concepts.filter((c) => [c.name, ...c.synonyms].some((n) => joinKey(n) === 'breast cancer'));
    expect(hits.map((c) => c.id)).toEqual(['MESH:D001943']);
    expect(hits[0].category).toBe('disease');
    expect(hits[0].synonyms).toContain('Breast neoplasms');
  });

  test('no indexing tag became a concept', () => {
    const names = new Set(built.concepts.flatMap((c) => [c.name, ...c.synonyms].map((n) => n.toLowerCase())));
    for (const tag of ['humans', 'female', 'male', 'adult', 'middle aged', 'retrospective studies', 'treatment outcome', 'risk factors']) {
      expect(INDEXING_TAGS.has(tag)).toBe(true);
      expect(names.has(tag), tag).toBe(false);
    }
    // Humans (D006801), Retrospective Studies (D012189), Treatment Outcome (D016896)
    for (const id of ['MESH:D006801', 'MESH:D012189', 'MESH:D016896']) expect(byId.has(id), id).toBe(false);
  });

  test('categories come from the MeSH tree', () => {
    expect(byId.get('MESH:D014057')?.category).toBe('procedure'); // X-ray computed tomography
    expect(byId.get('MESH:D001241')?.category).toBe('drug'); // aspirin
    expect(byId.get('MESH:D001940')?.category).toBe('anatomy'); // breast
  });

  test('a consumer topic MeSH files outside medicine is no disease, and lights up only with context', () => {
    // MedQuAD labels "Earthquakes" a disease (injury or poisoning); MeSH files it under natural phenomena.
    const outside = ['MEDQUAD:earthquakes', 'MEDQUAD:medicare', 'MEDQUAD:tornadoes', 'MEDQUAD:safety'];
    for (const id of outside) expect(byId.get(id)?.category, id).toBe('other');
    const vocabulary = vocabularyFromConcepts(built.concepts);
    const entries = (id: string) => vocabulary.filter((e) => e.conceptId === id);
    for (const id of outside) expect(entries(id).length, id).toBeGreaterThan(0);
    for (const id of outside) expect(entries(id).every((e) => e.stop), id).toBe(true);
    // Topics MeSH files in medicine keep lighting up on their own.
    for (const id of ['MESH:D008593', 'MEDQUAD:suicide']) expect(entries(id).some((e) => !e.stop), id).toBe(true);
    // "Emergencies" is an attribute NLM indexes articles with, not a disease.
    expect(byId.has('MESH:D004630')).toBe(false);
  });

  test("Cancer.gov's pages on one cancer are told apart by their aspect", () => {
    const topics = built.summaries
      .filter((s) => s.kind === 'consumer' && s.conceptIds.includes('MESH:D001943') && s.source.url.includes('cancer.gov'))
      .map((s) => (s.kind === 'consumer' ? s.topic : ''))
      .sort();
    expect(topics).toEqual([
      'Breast Cancer: prevention',
      'Breast Cancer: screening',
      'Breast Cancer: treatment',
      'Breast Cancer: treatment during pregnancy',
    ]);
  });

  test("consumer questions and answers read without MedQuAD's templates and page layout", () => {
    const consumer = built.summaries.filter((s) => s.kind === 'consumer');
    const sections = consumer.flatMap((s) => s.sections);
    expect(sections.length).toBeGreaterThan(10_000);
    expect(sections.filter((s) => /\(are\)| \?|\?\s*\?/.test(s.question)).map((s) => s.question)).toEqual([]);
    expect(sections.filter((s) => /^Summary\s*:|\s{2,}-\s/.test(s.answer)).length).toBe(0);
    expect(sections.some((s) => s.answer.includes('\n• '))).toBe(true);
    expect(sections.filter((s) => /Human Phenotype Ontology \(HPO\) has collected|Approximate number of patients/.test(s.answer)).length).toBe(0);
    expect(sections.filter((s) => /^What are the signs and symptoms of/.test(s.answer)).length).toBe(0);
    // A question the page asks twice is one section; an answer of a word or two ("Topics") is none.
    expect(consumer.filter((s) => new Set(s.sections.map((x) => x.question)).size < s.sections.length).map((s) => s.id)).toEqual([]);
    expect(sections.filter((s) => s.answer.split(/\s+/).length < 3).map((s) => s.answer)).toEqual([]);
    // Definitions come from the same answers.
    expect(built.concepts.filter((c) => /^Summary\s*:|\s{2,}-\s/.test(c.definition ?? '')).map((c) => c.id)).toEqual([]);
    // What the page held besides its answer: videos and pointers to other pages, generic headings, doubled prefixes.
    const furniture = /click the brackets|\(Watch the video|, go to "|Gene Review: Gene Review:|^• Palliative Care$|\w : |Click here to view|click on the link to access|\[\d{3,5}\]/m;
    expect(sections.filter((s) => furniture.test(s.answer)).map((s) => s.answer.slice(0, 80))).toEqual([]);
    // The dashes MedQuAD lost are back (scripts/dataset/lost-dashes.ts), in answers and the definitions taken from them.
    expect(sections.some((s) => s.answer.includes('affects about 5\u201315 percent of Americans'))).toBe(true);
    // and the spaces NHLBI lost beside its links; a repeated join whose first half is common is split too.
    expect(sections.filter((s) => /\b(?:andheart|ofcoronary|theveins|metabolismthe|radiologista)\b/.test(s.answer)).map((s) => s.question)).toEqual([]);
    expect(sections.some((s) => s.answer.includes('regulate metabolism\u2014the way the body uses energy'))).toBe(true);
    // and where a number could be meant as written, by the curated corrections.
    expect(sections.some((s) => s.answer.includes('symptoms usually occur within 2\u20139 hours of exposure'))).toBe(true);
    expect(sections.filter((s) => /within 29 hours/.test(s.answer))).toEqual([]);
    expect(built.concepts.find((c) => c.id === 'MESH:D010411')?.definition).toContain('penis\u2014the male organ');
    // No name MedQuAD's crawl mangled is shown or matched (scripts/dataset/lost-letters.ts), and the two pages on
    // Menetrier's disease, one named without its letters, are one concept's.
    const mangled = /Sjgren|Mnire|Mntrier|Szary|Behet\b|Waldenstrm|Alstrm|Guillain-Barr\b/;
    expect(built.concepts.filter((c) => [c.name, ...(c.synonyms ?? [])].some((n) => mangled.test(n))).map((c) => c.name)).toEqual([]);
    const menetrier = consumer.filter((s) => /^Menetrier(?:'s)? disease$/i.test(s.topic));
    expect(menetrier.length).toBe(2);
    expect(new Set(menetrier.map((s) => s.conceptIds[0])).size).toBe(1);
    // A "Yes." answers only a question that asks yes or no.
    expect(sections.filter((s) => /^Yes\./.test(s.answer) && !/^(?:Is|Are|Can|Could|Do|Does|Did|Should|Will|Has|Have)\b/.test(s.question)).map((s) => s.question)).toEqual([]);
    // GARD's lists without marks between their items are lists (tularemia's symptoms had read "Fever Chills Headache").
    expect(sections.some((s) => s.answer.includes('Symptoms may include:\n• Fever\n• Chills\n• Headache\n'))).toBe(true);
    // A list's last item does not run on into the paragraph after it (MedlinePlus's allergy page).
    const allergy = consumer.find((s) => s.source.url.endsWith('/medlineplus/allergy.html'))!;
    expect(allergy.sections[0].answer).toContain('\n• Medicines\nNormally, your immune system');
    expect(allergy.sections[0].answer).toMatch(/\nWritten by NIH: National Institute of Allergy and Infectious Diseases$/);
    // Only MedlinePlus credits its writer ("Written by Heart Failure Signs and Symptoms" had ended an NHLBI answer),
    // and a summary shortened to fit keeps its credit (78 had lost it).
    const elsewhere = consumer.filter((s) => !s.id.startsWith('medquad:4_MPlus')).flatMap((s) => s.sections);
    expect(elsewhere.filter((x) => /(?:^|\n)Written by /.test(x.answer)).map((x) => x.answer.slice(-60))).toEqual([]);
    const shortened = consumer.find((s) => s.id === 'medquad:4_MPlus_Health_Topics_QA/0000009')!.sections[0];
    expect(shortened.truncated).toBe(true);
    expect(shortened.answer).toMatch(/\.\nWritten by NIH: National Cancer Institute$/);
  });

  test("consumer topics join the concept they name, and never rename or redefine another", () => {
    const forms = (id: string) => [byId.get(id)!.name, ...byId.get(id)!.synonyms].map((f) => f.toLowerCase());
    // A topic that makes a concept of its own names and defines it: it had done neither, so 1,000 consumer pages'
    // concepts had no definition and kept their titles' capitals.
    expect(byId.get('MEDQUAD:air-pollution')!.definition).toMatch(/^Air pollution is a mixture of solid particles and gases/);
    expect(byId.get('MEDQUAD:air-pollution')!.name).toBe('Air pollution');
    // Cancer.gov's patient summaries by age sit with the disease they are on, which keeps its own name.
    expect(byId.has('MEDQUAD:adult-acute-myeloid-leukemia')).toBe(false);
    const aml = built.summaries.find((x) => x.kind === 'consumer' && x.topic.startsWith('Adult Acute Myeloid Leukemia'))!;
    expect(aml.conceptIds).toEqual(['MESH:D015470']);
    expect(byId.get('MESH:D015470')!.name).toBe('Acute myeloid leukemia');
    // MedQuAD's automatic CUIs gave "Hearing Aids" the CUI of AIDS, and "Alzheimer's Caregiving" that of the disease.
    expect(byId.get('MESH:D000163')!.definition).not.toMatch(/hearing/i);
    expect(byId.get('MEDQUAD:hearing-aids')!.category).toBe('other'); // a device, which MedQuAD calls a disease
    expect(forms('MESH:D000163')).not.toContain('hearing aids');
    expect(byId.get('MESH:D000544')!.name).toBe("Alzheimer's disease");
    // A topic joined by its CUI sits near the concept: its evidence goes there, its names do not (GARD's
    // "Parsonage-Turner syndrome", acute brachial neuritis, shares a CUI and a word with Turner syndrome).
    expect(forms('MESH:D014424')).not.toContain('acute brachial neuritis');
    // Names made of the concept's own words stay ("Diabetes Type 2", joined by CUI, for type 2 diabetes mellitus).
    expect(forms('MESH:D003924')).toContain('type 2 diabetes');
    // A topic with several CUIs is a combination: Wolcott-Rallison syndrome is not diabetes.
    expect(forms('MESH:D003920')).not.toContain('wolcott rallison syndrome');
    // Upper classes of the Disease Ontology are no concepts ("disease", "syndrome").
    expect(byId.has('DOID:4')).toBe(false);
    expect(byId.has('DOID:225')).toBe(false);
    // By a synonym ("Diabetes" is also "Diabetes mellitus") or a known abbreviation ("COPD"): one concept each.
    expect(byId.has('MEDQUAD:diabetes')).toBe(false);
    expect(byId.has('MEDQUAD:copd')).toBe(false);
    expect(byId.get('MESH:D029424')!.abbreviations.map((a) => a.form)).toContain('COPD');
    // MedlinePlus titles that page "COPD": an abbreviation does not replace the name it stands for.
    expect(byId.get('MESH:D029424')!.name).toBe('Chronic obstructive pulmonary disease');
    expect(byId.get('MESH:D029424')!.synonyms).not.toContain('COPD'); // it is the abbreviation, shown once
  });

  test('a topic titled with brackets or a CDC heading joins the concept it names (the card of tuberculosis gets the CDC page)', () => {
    const pageOf = (title: string) => built.summaries.find((x) => x.kind === 'consumer' && x.topic === title)!;
    const names = (title: string) => pageOf(title).conceptIds.map((id) => byId.get(id)!.name);
    expect(names('Tuberculosis (TB)')).toEqual(['Tuberculosis']);
    expect(names('Chronic Fatigue Syndrome (CFS)')).toEqual(['Chronic fatigue syndrome']);
    expect(names('Parasites - Toxoplasmosis (Toxoplasma infection)')).toEqual(['Toxoplasmosis']);
    expect(names('Parasites - American Trypanosomiasis (also known as Chagas Disease)')).toEqual(['Chagas disease']);
    // Cancer.gov's liver cancer pages were filed under cancer at large, and opened every tumour's card.
    expect(names('Liver (Hepatocellular) Cancer: prevention')).toEqual(['Liver cancer']);
    // A short code in brackets is an abbreviation that needs the page to define it; other bracketed words name nothing.
    expect(byId.get('MEDQUAD:alkhurma-hemorrhagic-fever')!.abbreviations).toContainEqual({ form: 'AHF', ambiguous: true });
    expect(byId.get('MEDQUAD:water-safety')!.synonyms).not.toContain('Recreational');
    expect(byId.get('MEDQUAD:methylsulfonylmethane')!.abbreviations).toContainEqual({ form: 'MSM', ambiguous: true });
    expect(built.concepts.filter((c) => c.id.startsWith('MEDQUAD:') && /^Parasites - |^[^()]*\([^()]*\)[^()]*$/.test(c.name)).map((c) => c.name)).toEqual([]);
  });

  test('drugs are found by their international, British and brand names, and classes as readers write them', () => {
    const forms = (id: string) => [byId.get(id)!.name, ...byId.get(id)!.synonyms].map((f) => f.toLowerCase());
    expect(forms('MESH:D000082')).toEqual(expect.arrayContaining(['paracetamol', 'tylenol'])); // acetaminophen
    expect(forms('MESH:D000420')).toContain('salbutamol'); // albuterol
    // A pharmacist's names (session 20's walk): what MeSH 2015 files under another name.
    expect(forms('MESH:D014635')).toEqual(expect.arrayContaining(['sodium valproate', 'valproate'])); // valproic acid
    expect(forms('MESH:D005905')).toContain('glibenclamide'); // glyburide
    expect(forms('MESH:D005296')).toContain('ferrous sulfate'); // ferrous compounds, not sulfates
    expect(forms('MESH:D051437')).toContain('renal impairment');
    expect(forms('MESH:D014805')).toEqual(expect.arrayContaining(['vitamin b12', 'cobalamin']));
    expect(byId.get('MESH:D006495')!.abbreviations).toContainEqual({ form: 'LMWH', ambiguous: false });
    expect(byId.get('CURATED:vitamin-k-antagonists')!.abbreviations).toContainEqual({ form: 'VKA', ambiguous: false });
    // N-acetylcysteine, as readers write acetylcysteine; its NAC is also neoadjuvant chemotherapy, so it needs context.
    expect(forms('MESH:D000111')).toEqual(expect.arrayContaining(['n-acetylcysteine', 'mucomyst']));
    expect(byId.get('MESH:D000111')!.abbreviations).toContainEqual({ form: 'NAC', ambiguous: true });
    // Names the corpus writes that matched a part only (session 21): "angiotensin" and "enzyme", "gases", nothing.
    expect(byId.get('MESH:D007703')!.name).toBe('Angiotensin-converting enzyme'); // MeSH's Peptidyl-Dipeptidase A
    expect(forms('MESH:D001784')).toContain('arterial blood gas');
    expect(forms('MESH:D000927')).toEqual(expect.arrayContaining(['antiepileptic drugs', 'anti-seizure medications']));
    // The Disease Ontology links "placenta disease" to its heading and to all pregnancy complications: the heading only.
    expect(byId.get('MESH:D011248')!.synonyms).not.toContain('placenta disease');
    // Two clinicians' walks through PubMedQA (session 21): clinical names of concepts the sources name otherwise.
    expect(forms('MESH:D003865')).toContain('major depression'); // not Depression at large
    expect(forms('MESH:D009362')).toContain('metastasis');
    expect(forms('MESH:D001803')).toContain('transfusion');
    expect(byId.get('MESH:D017055')!.abbreviations).toContainEqual({ form: 'ICU', ambiguous: false });
    expect(byId.get('MESH:D000860')!.name).toBe('Hypoxia'); // MeSH 2015's Anoxia
    expect(byId.get('MESH:D009369')!.clinicalName).toBe('Neoplasms'); // "Cancer" to patients, benign tumours too
    expect(byId.get('MESH:D015430')!.category).toBe('other'); // weight gain is no disease
    expect(byId.get('MESH:D003866')!.synonyms).not.toContain('neurotic disorder');
    // Another concept's name in the other number is no synonym: "Hyperlipidemia" is MeSH's Hyperlipidemias, not cholesterol.
    expect(byId.get('MESH:D002784')!.synonyms).not.toContain('Hyperlipidemia');
    expect(byId.get('MESH:D009369')!.synonyms).not.toContain('carcinomas');
    // A patient's walk (session 21): the patient's word as the name, the clinician's as the clinical name.
    expect(byId.get('MESH:D004912')).toMatchObject({ name: 'Red blood cells', clinicalName: 'Erythrocytes' });
    expect(byId.get('MESH:D006987')).toMatchObject({ name: 'Numbness', clinicalName: 'Hypesthesia' });
    expect(forms('MESH:D003371')).toContain('coughing');
    for (const id of ['MESH:D001792', 'MESH:D009206', 'MESH:D059606', 'MESH:D015430']) expect(byId.get(id)!.definition, id).toBeTruthy();
    // Headings outside the highlighted branches that studies name most: gestational age, disease-free survival, stents.
    expect(byId.get('MESH:D018572')).toMatchObject({ name: 'Disease-free survival', category: 'other' });
    expect(byId.get('MESH:D015607')!.definition).toBeTruthy();
    // How abstracts write a disease (the NCBI corpus's marks) is matched but never shown as a name: the card's
    // "Also called" had "adrenocrotical insufficiency" and "G6PD; EC 1.1. 1. 49".
    expect(byId.get('MESH:D000224')!.synonyms).not.toContain('adrenocrotical insufficiency');
    expect(byId.get('MESH:D000224')!.writtenForms).toContain('adrenocrotical insufficiency');
    expect(vocabularyFromConcepts(built.concepts).some((e) => e.conceptId === 'MESH:D000224' && e.form === 'adrenocrotical insufficiency')).toBe(true);
    // A name a source gives a concept that is its parent's (data/curated/wrong-names.tsv): JIA is no one subtype.
    expect(byId.get('MEDQUAD:enthesitis-related-juvenile-idiopathic-arthritis')!.synonyms).not.toContain('Juvenile idiopathic arthritis');
    expect(byId.get('MESH:D001171')!.synonyms).toContain('Juvenile idiopathic arthritis');
    // MedQuAD's "Statins" page now joins the MeSH class instead of standing alone.
    expect(byId.has('MEDQUAD:statins')).toBe(false);
    expect(forms('MESH:D019161')).toContain('statins');
    // Brands of drugs only MedlinePlus names (our notes), and what readers and clinicians call things.
    expect(forms('MEDQUAD:atorvastatin')).toContain('lipitor');
    expect(forms('MEDQUAD:sildenafil')).toContain('viagra');
    expect(forms('MESH:D005759')).toContain('stomach bug'); // gastroenteritis, not stomach cancer
    expect(forms('MESH:D004232')).toContain('water pill');
    expect(byId.get('MESH:D000319')!.name).toBe('Beta blockers');
    expect(byId.get('MESH:D013129')!.name).toBe('Lumbar puncture');
    expect(byId.get('MESH:D014917')!.clinicalName).toBe('Pertussis');
    expect(byId.get('MESH:D054144')!.abbreviations).toContainEqual({ form: 'HFpEF', ambiguous: false });
    expect(byId.get('MESH:D019934')!.abbreviations).toContainEqual({ form: 'INR', ambiguous: true });
    // MedlinePlus files corticosteroids under Steroids; they are MeSH's Adrenal Cortex Hormones.
    expect(byId.get('MESH:D000305')!.name).toBe('Corticosteroids');
    expect(forms('MESH:D013256')).not.toContain('corticosteroids');
    // A consumer page joins the heading it is about, not a near one or a second concept of its own.
    expect(byId.get('MESH:D051436')!.name).toBe('Chronic kidney disease'); // not Kidney Failure, Chronic
    expect(byId.has('MEDQUAD:deep-vein-thrombosis')).toBe(false);
    expect(byId.has('MEDQUAD:coronary-artery-bypass-surgery')).toBe(false);
  });

  test('a concept named by its consumer page keeps the name clinicians use, from the curated list', () => {
    const heartAttack = byId.get('MESH:D009203')!;
    expect([heartAttack.name, heartAttack.clinicalName]).toEqual(['Heart attack', 'Myocardial infarction']);
    expect(heartAttack.synonyms).toContain('Myocardial infarction');
    expect([byId.get('MESH:D006973')!.name, byId.get('MESH:D006973')!.clinicalName]).toEqual(['High blood pressure', 'Hypertension']);
    // A clinical name is never the concept's own name or another concept's.
    const names = new Map(built.concepts.map((c) => [joinKey(c.name), c.id]));
    const withClinical = built.concepts.filter((c) => c.clinicalName);
    expect(withClinical.length).toBeGreaterThan(40);
    for (const c of withClinical) expect(names.get(joinKey(c.clinicalName!)) ?? c.id).toBe(c.id);
    for (const c of withClinical) expect(joinKey(c.clinicalName!)).not.toBe(joinKey(c.name));
    // Concepts the reader knows by one name have none: Breast cancer is what clinicians say too.
    expect(byId.get('MESH:D001943')!.clinicalName).toBeUndefined();
    // A page title that is no name for anyone gives way to a curated one ("Diabetes and pregnancy").
    expect(byId.get('MESH:D016640')!.name).toBe('Gestational diabetes');
    // What the most frequent forms open (session 22's review): white blood cells are Leukocytes, not "Blood cells";
    // the page on gas is not belching alone; cognitive impairment is not only its mild stage.
    expect([byId.get('MESH:D007962')!.name, byId.get('MESH:D007962')!.clinicalName]).toEqual(['White blood cells', 'Leukocytes']);
    expect(byId.get('MESH:D004884')!.name).toBe('Gas');
    expect(byId.get('MESH:D004884')!.clinicalName).toBeUndefined();
    expect(byId.get('MESH:D060825')).toMatchObject({ name: 'Cognitive impairment', abbreviations: [{ form: 'MCI', ambiguous: true }] });
    expect(byId.get('MESH:D060825')!.definition).toMatch(/^A decline in memory/);
    expect(byId.get('MESH:D018380')!.synonyms).toContain('stem cell transplant');
    expect(byId.get('MEDQUAD:bone-density')!.synonyms).toContain('bone mineral density');
    // "Vitamin B6" is the vitamin, not "Vitamins" with a B6 after it; MedlinePlus's page on vitamin B3 joins niacin.
    expect(byId.get('MESH:D025101')!.name).toBe('Vitamin B6');
    expect(byId.get('MESH:D009525')!.synonyms).toContain('vitamin B3');
    expect(byId.has('MEDQUAD:niacin-and-niacinamide')).toBe(false);
  });

  test("a concept is named by its own names, and another concept's name is no synonym", () => {
    // GARD calls nonalcoholic steatohepatitis also "non-alcoholic fatty liver disease": NIDDK's page on the
    // former joins MeSH's fatty liver disease, but does not rename it.
    expect(byId.get('MESH:D065626')!.name).toBe('Non-alcoholic fatty liver disease');
    expect(byId.get('MESH:D007638')!.name).toBe('Keratoconjunctivitis sicca'); // not "Sjögren's syndrome"
    // "Colitis" is MeSH's Colitis, not also a name of ulcerative colitis.
    expect(byId.get('MESH:D003092')!.name).toBe('Colitis');
    expect(byId.get('MESH:D003093')!.synonyms.map((s) => s.toLowerCase())).not.toContain('colitis');
    // Nor as the matcher reads it: GARD's "Wilms' tumor" for WAGR syndrome is Wilms tumor's name.
    expect(byId.get('MESH:D017624')!.synonyms).not.toContain("Wilms' tumor");
    expect(vocabularyFromConcepts(built.concepts).find((e) => e.form.toLowerCase() === 'wilms tumor')?.conceptId).toBe('MESH:D009396');
  });

  test("a disease named in the singular, or a cancer, is MeSH's plural or neoplasms heading, where its studies are indexed", () => {
    // The Disease Ontology's "lung cancer" and MedQuAD's "Rectal Cancer" link to no MeSH heading.
    // A name or its inflection: "Psychotic disorders" names "psychotic disorder" too, so the singular is not listed again.
    const names = (n: string) => [joinKey(n), ...formVariants(joinKey(n))];
    const named = (name: string) => built.concepts.filter((c) => [c.name, ...c.synonyms].some((n) => names(n).includes(name))).map((c) => c.id);
    expect(named('lung cancer')).toEqual(['MESH:D008175']);
    expect(byId.get('MESH:D008175')!.name).toBe('Lung cancer');
    expect(named('rectal cancer')).toEqual(['MESH:D012004']);
    expect(named('bladder cancer')).toEqual(['MESH:D001749']);
    expect(named('psychotic disorder')).toEqual(['MESH:D011618']); // MeSH: Psychotic Disorders
  });

  test('a tumour of a site is the MeSH heading of its neoplasms, named and defined by the consumer page', () => {
    // MedlinePlus's "Brain Tumors" shares only a CUI with MeSH's Brain Neoplasms; "tumors" is MeSH's "neoplasms".
    const brain = byId.get('MESH:D001932')!;
    expect(brain.name).toBe('Brain tumors');
    expect(brain.definition).toMatch(/^A brain tumor is a growth of abnormal cells/);
    // Every site heading is also "<site> tumor": "pituitary tumor" is Pituitary Neoplasms.
    const vocabulary = vocabularyFromConcepts(built.concepts);
    const holders = (form: string) =>
      vocabulary.filter((v) => [joinKey(v.form), ...formVariants(joinKey(v.form))].includes(form)).map((v) => v.conceptId);
    expect(holders('pituitary tumor')).toEqual(['MESH:D010911']);
    expect(holders('spinal cord tumor')).toEqual(['MESH:D013120']);
  });

  test('the organism is not renamed by a consumer page on its infections; antibody classes go by their abbreviations; the thyroid is a gland', () => {
    // MedlinePlus's "E. Coli Infections" lists "Escherichia coli" as a synonym: it joins the infections.
    expect(byId.get('MESH:D004926')!.name).toBe('Escherichia coli');
    expect(byId.get('MESH:D004927')!.name).toBe('E. coli infections');
    expect(byId.get('MESH:D007074')!.abbreviations.map((a) => a.form)).toEqual(['IgG']);
    // "thyroid" is the gland, not MedlinePlus's page on the medicine made from it (which the package leaves out).
    expect(byId.get('MESH:D013961')!.synonyms).toContain('Thyroid');
    expect(byId.has('MEDQUAD:thyroid')).toBe(false);
    // MedlinePlus's "Depression" is the depressive disorder (not dysthymia), and its "Antibiotics" the
    // anti-bacterial agents that the studies are indexed with, not a concept of their own.
    expect(byId.get('MESH:D003866')!.name).toBe('Depression');
    expect(byId.get('MESH:D019263')!.name).toBe('Dysthymic disorder');
    expect(byId.get('MESH:D000900')!.name).toBe('Antibiotics');
    // Our notes define what readers meet most and the sources leave bare, and file blood tests as tests.
    expect(byId.get('MESH:D003924')!.definition).toMatch(/^The most common form of diabetes/);
    expect(byId.get('MESH:D003924')!.definitionSource).toBeUndefined();
    expect(byId.get('MESH:D017430')!.category).toBe('procedure');
    expect(byId.get('MESH:D006442')!.category).toBe('procedure');
    expect(byId.has('MEDQUAD:antibiotics')).toBe(false);
    expect(byId.has('MEDQUAD:estrogen')).toBe(false); // MedlinePlus's estrogen is MeSH's Estrogens
  });

  test('a species goes by its genus initial too ("M. tuberculosis"), unless two organisms share that name', () => {
    expect(byId.get('MESH:D009169')!.synonyms).toContain('M. tuberculosis');
    expect(byId.get('MESH:D013211')!.synonyms).toContain('S. aureus');
    const holders = built.concepts.filter((c) => c.synonyms.includes('M. bovis'));
    expect(holders).toEqual([]); // Mycobacterium bovis and Mycoplasma bovis
    expect(built.concepts.filter((c) => c.synonyms.includes('H. adenoviruses'))).toEqual([]);
  });

  test('a consumer page named for medicines or vaccines is a drug, whatever MedQuAD files it under', () => {
    for (const id of ['MEDQUAD:blood-pressure-medicines', 'MEDQUAD:tetanus-diphtheria-and-pertussis-vaccines']) expect(byId.get(id)?.category, id).toBe('drug');
  });

  test("a drug leads on to no heading of chemical structure (amoxicillin is no 'Amides' to a pharmacist)", () => {
    const named = (name: string) => built.concepts.find((c) => c.name === name)!;
    for (const drug of ['Amoxicillin', 'Codeine', 'Tramadol', 'Amlodipine', 'Lactulose']) expect(named(drug).broader, drug).toBeUndefined();
    // Its classes by use stay: thyroid hormones lead to Hormones.
    expect(named('Thyroid hormones').broader).toEqual(['MESH:D006728']);
  });

  test('a concept without evidence leads to the nearest broader ones with some', () => {
    // Thyroid hormones (D06.472.931) has no study; Hormones (D06.472) has.
    expect(byId.get('MESH:D013963')!.broader).toEqual(['MESH:D006728']);
    for (const c of built.concepts) {
      if (!c.broader) continue;
      expect(c.summaryCount).toBe(0);
      expect(c.broader.length).toBeLessThanOrEqual(2);
      for (const b of c.broader) expect(byId.get(b)!.summaryCount).toBeGreaterThan(0);
    }
  });

  test('a disease with no place in MeSH and no evidence leads to the one its head words name', () => {
    expect(byId.get('DOID:9883')!.broader).toEqual(['MESH:D009136']); // Becker muscular dystrophy: muscular dystrophies
    expect(byId.get('DOID:8029')!.broader).toEqual(['MESH:D001943']); // sporadic breast cancer: breast cancer
    // "ankle" ends the name but is no kind of tenosynovitis; a head of another category never counts.
    expect(byId.get('DOID:312')!.broader).toBeUndefined();
    for (const c of built.concepts) {
      if (c.treeNumbers.length > 0 || !c.broader) continue;
      const head = byId.get(c.broader[0])!;
      expect(head.category).toBe(c.category);
    }
  });

  test('a concept leads to the narrower ones just under it that have evidence', () => {
    // Oral contraceptives has no study; hormonal oral contraceptives, just under it, has.
    expect(byId.get('MESH:D003276')!.narrower).toEqual(['MESH:D003278']);
    // Chronic kidney disease has studies, and more under chronic kidney failure (end-stage).
    expect(byId.get('MESH:D051436')!.narrower).toContain('MESH:D007676');
    let withNarrower = 0;
    for (const c of built.concepts) {
      if (!c.narrower) continue;
      withNarrower++;
      expect(c.narrower.length).toBeLessThanOrEqual(3);
      for (const n of c.narrower) {
        const child = byId.get(n)!;
        expect(child.summaryCount).toBeGreaterThan(0);
        expect(child.treeNumbers.some((t) => c.treeNumbers.some((p) => t.startsWith(`${p}.`) && !t.slice(p.length + 1).includes('.')))).toBe(true);
      }
    }
    expect(withNarrower).toBeGreaterThan(1000);
  });

  test('a concept without evidence is shown the summaries that mention it, at most twenty', () => {
    const perConcept = new Map<string, number>();
    for (const s of built.summaries) {
      for (const id of s.mentions ?? []) {
        expect(byId.get(id)!.summaryCount).toBe(0);
        expect(s.conceptIds).not.toContain(id);
        perConcept.set(id, (perConcept.get(id) ?? 0) + 1);
      }
    }
    expect(Math.max(...perConcept.values())).toBe(MENTIONS_PER_CONCEPT); // "Tissues" is in hundreds
    expect(perConcept.size).toBeGreaterThan(2000);
    // Rituximab has no summary of its own; lymphoma treatment pages name it.
    const rituximab = built.summaries.filter((s) => s.mentions?.includes('MEDQUAD:rituximab'));
    expect(rituximab.length).toBeGreaterThan(0);
    for (const s of rituximab) expect(JSON.stringify(s).toLowerCase()).toContain('rituximab');
  });

  test("a synonym that is only an inflection of the concept's name is not listed again", () => {
    const lower = (c: Concept) => c.synonyms.map((x) => x.toLowerCase());
    expect(lower(byId.get('MESH:D001932')!)).not.toContain('brain tumor'); // the name is "Brain tumors"
    expect(lower(byId.get('MESH:D001943')!)).toContain('breast tumor');
    expect(lower(byId.get('MESH:D001943')!)).not.toContain('breast tumour'); // the same, spelt the British way
    // Unless another concept holds it, where the listed form is what gives the matcher its owner.
    expect(lower(byId.get('MESH:D012871')!)).toContain('skin disease');
  });

  test('concepts of current literature the sources lack come from the curated list, with a definition', () => {
    expect(byId.get('CURATED:sars-cov-2')).toMatchObject({ name: 'SARS-CoV-2', category: 'other' });
    expect(byId.get('CURATED:semaglutide')!.synonyms).toContain('Ozempic');
    // Medicines that came after MeSH 2015 (session 21): the Alzheimer's antibodies, by name and brand.
    expect(byId.get('CURATED:lecanemab')).toMatchObject({ name: 'Lecanemab', category: 'drug', synonyms: ['Leqembi'] });
    expect(byId.get('CURATED:donanemab')!.synonyms).toContain('Kisunla');
    expect(byId.get('CURATED:trastuzumab-deruxtecan')!.abbreviations).toEqual([{ form: 'T-DXd', ambiguous: false }]);
    expect(byId.get('CURATED:long-covid')!.abbreviations).toEqual([{ form: 'PASC', ambiguous: false }]);
    expect(byId.get('CURATED:direct-oral-anticoagulants')!.abbreviations.map((a) => a.form)).toEqual(['DOAC', 'DOACs', 'NOAC', 'NOACs']);
    for (const c of built.concepts.filter((c) => c.id.startsWith('CURATED:'))) expect(c.definition, c.id).toMatch(/\.$/);
    // Post-2015 names of concepts MeSH 2015 has are other names of those: "MASLD" is fatty liver disease.
    expect(byId.get('MESH:D065626')!.abbreviations.map((a) => a.form)).toContain('MASLD');
  });

  test('our notes name and define concepts the sources leave bare or define by a narrower page', () => {
    expect(byId.get('DOID:0080600')!.synonyms).toContain('COVID');
    // "COVID" in capitals matches only in capitals; news pages write "covid" and "Covid" too.
    const covid = vocabularyFromConcepts(built.concepts).filter((e) => e.conceptId === 'DOID:0080600' && e.form.toLowerCase() === 'covid');
    expect(covid.map((e) => [e.form, !!e.caseSensitive]).sort()).toEqual([['COVID', true], ['covid', false]]);
    expect(byId.get('DOID:0080600')!.definition).toMatch(/SARS-CoV-2/);
    // The concepts the corpus and PubMedQA name most that had no definition (session 21): IVF, angiography, the GCS.
    for (const id of ['MESH:D005307', 'MESH:D000792', 'MESH:D015600', 'MESH:D014150']) expect(byId.get(id)!.definition, id).toBeTruthy();
    // NAFLD was defined by NIDDK's page on NASH, a form of it.
    expect(byId.get('MESH:D065626')!.definition).toMatch(/^Fat building up in the liver/);
    expect(byId.get('MESH:D065626')!.definitionSource).toBeUndefined();
    expect(byId.get('MEDQUAD:pembrolizumab')!.synonyms).toContain('Keytruda');
    // Where MeSH's name is jargon, the name readers use: "PD-L1", not "CD274 antigens".
    expect(byId.get('MESH:D060890')!.name).toBe('PD-L1');
    expect(byId.get('MESH:D018719')!.abbreviations).toEqual([]); // "HER2" is its name, not shown twice
    // Radiation therapy is MeSH's Radiotherapy, not its Brachytherapy.
    expect(byId.get('MESH:D011878')!.name).toBe('Radiation therapy');
    expect(byId.get('MESH:D001918')!.name).toBe('Brachytherapy');
    // The talking treatments patients' pages offer (session 22), outside MeSH's highlighted branches, and wheezing.
    expect(byId.get('MESH:D011613')).toMatchObject({ name: 'Psychotherapy', category: 'procedure', synonyms: ['talk therapy', 'talking therapy'] });
    expect(byId.get('MESH:D015928')).toMatchObject({ name: 'Cognitive behavioral therapy', category: 'procedure', abbreviations: [{ form: 'CBT', ambiguous: true }] });
    for (const id of ['MESH:D011613', 'MESH:D015928']) expect(byId.get(id)!.definition, id).toMatch(/therap/);
    expect(byId.get('MESH:D012135')!.synonyms).toEqual(expect.arrayContaining(['wheezing', 'wheeze']));
  });

  test("MedlinePlus drug pages give the drug's name, not the product's", () => {
    // "Pembrolizumab Injection" and "Adalimumab Injection": readers write the drug.
    expect(byId.get('MEDQUAD:pembrolizumab')?.name).toBe('Pembrolizumab');
    expect(byId.get('MEDQUAD:adalimumab')?.category).toBe('drug');
    expect(built.concepts.filter((c) => / Injection$/.test(c.name)).map((c) => c.name)).toEqual([]);
    // A product of a drug MeSH has joins it: "Acetaminophen Injection" is acetaminophen.
    expect(byId.has('MEDQUAD:acetaminophen-injection')).toBe(false);
    // One concept for a drug's several products ("Fluticasone Nasal Spray", "Fluticasone Oral Inhalation", ...).
    expect(built.concepts.filter((c) => c.name.toLowerCase() === 'fluticasone').length).toBe(1);
  });

  test('one concept per disease: a Disease Ontology label a MeSH concept bears, or an everyday name, joins it', () => {
    const named = (name: string) => built.concepts.filter((c) => c.name.toLowerCase() === name || c.synonyms.some((s) => s.toLowerCase() === name));
    expect(named('dementia').map((c) => c.id)).toEqual(['MESH:D003704']);
    expect(named('high blood pressure').map((c) => c.id)).toEqual(['MESH:D006973']);
    // A label several MeSH concepts share names none of them; a longer label does not replace a shorter name.
    expect(built.concepts.filter((c) => c.name === 'Coronary artery disease').length).toBe(1);
    expect(byId.get('MESH:D015658')!.name).toBe('HIV infections');
  });

  test("a Disease Ontology link to another disease names no heading: each disease keeps its own name and text", () => {
    const vocabulary = vocabularyFromConcepts(built.concepts);
    const owner = (form: string) => vocabulary.find((e) => e.form.toLowerCase() === form)?.conceptId;
    // Its label is another heading's own name: Chancre had become "Syphilis", Corynebacterium Infections "Diphtheria".
    expect(owner('syphilis')).toBe('MESH:D013587');
    expect(byId.get('MESH:D002601')!.name).toBe('Chancre');
    expect(byId.get('MESH:D003354')!.name).toBe('Corynebacterium infections');
    expect(byId.get('MESH:D014375')!.name).toBe('Tuberculoma');
    // Links corrected in data/curated/disease-ontology-links.tsv: placental abruption is no threatened abortion.
    expect(owner('placental abruption')).toBe('MESH:D000037');
    expect(byId.get('MESH:D000037')!.name).toBe('Placental abruption');
    expect(byId.get('MESH:D000033')!.name).toBe('Threatened abortion');
    expect(owner('pertussis')).toBe('MESH:D014917');
    expect(owner('delusional disorder')).toBe('MESH:D010259');
    // So no two concepts bear one name (search listed two "Syphilis" and two "Diphtheria").
    const names = new Map<string, string[]>();
    for (const c of built.concepts) names.set(c.name.toLowerCase(), [...(names.get(c.name.toLowerCase()) ?? []), c.id]);
    expect([...names].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  test("a consumer page that lists narrower things among its names does not take their terms: bleeding is no hematoma", () => {
    const vocabulary = vocabularyFromConcepts(built.concepts);
    const owner = (form: string) => vocabulary.find((e) => e.form.toLowerCase() === form.toLowerCase())?.conceptId;
    // MedlinePlus's Bleeding page also names hematoma, Head Injuries skull fractures, Antidepressants SSRIs.
    expect(owner('bleeding')).toBe('MESH:D006470');
    expect(owner('head injuries')).toBe('MESH:D006259');
    expect(owner('antidepressants')).toBe('MESH:D000928');
    expect(owner('SSRIs')).toBe('MESH:D017367');
    expect(owner('selective serotonin reuptake inhibitors')).toBe('MESH:D017367');
    // The Disease Ontology's "sickle cell disease" is hemoglobin SC disease; readers mean sickle cell anemia.
    expect(owner('sickle cell disease')).toBe('MESH:D000755');
    // A malignant tumour is cancer, not the rare malignant mixed tumour whose names include it.
    expect(owner('malignant tumor')).toBe('MESH:D009369');
    // Breast milk is human milk, not the breast (a research reader's walk); ADHD as DSM spells it.
    expect(owner('breast milk')).toBe('MESH:D008895');
    expect(owner('attention-deficit/hyperactivity disorder')).toBe('MESH:D001289');
    expect(byId.get('MESH:D000437')!.name).toBe('Alcohol use disorder');
    expect(['MESH:D008593', 'MEDQUAD:smoking'].map((id) => byId.get(id)!.category)).toEqual(['other', 'other']);
    expect([byId.get('MESH:D006406')!.name, byId.get('MESH:D012887')!.name, byId.get('MESH:D006450')!.name]).toEqual(['Hematoma', 'Skull fractures', 'Hemoglobin SC disease']);
  });

  test('a consumer page joins the concept it names in the other number, or by a name readers use, not a second concept', () => {
    const consumerOf = (topic: string) => built.summaries.find((s) => s.kind === 'consumer' && s.topic === topic);
    // "Aneurysms" is MeSH's Aneurysm; "Dystonias" its Dystonia.
    expect(consumerOf('Aneurysms')?.conceptIds).toContain('MESH:D000783');
    expect(consumerOf('Dystonias')?.conceptIds).toContain('MESH:D004421');
    // Only by a concept's own name: NINDS's Inflammatory Myopathies is not inclusion body myositis, though a
    // source lists the one among the other's names.
    expect(consumerOf('Inflammatory Myopathies')?.conceptIds).not.toContain('MESH:D018979');
    // One concept each for cirrhosis and knee replacement, where MedlinePlus's pages had stood apart from MeSH's.
    expect(byId.has('MEDQUAD:cirrhosis')).toBe(false);
    expect(byId.get('MESH:D008103')!.name).toBe('Cirrhosis');
    expect(byId.has('MEDQUAD:knee-replacement')).toBe(false);
    expect(byId.get('MESH:D019645')!.synonyms).toContain('total knee arthroplasty');
    // MedlinePlus's CT Scans page is the plain-language page of X-ray computed tomography, not a concept of its own.
    expect(consumerOf('CT Scans')?.conceptIds).toContain('MESH:D014057');
    // Session 23: about 75 patients' pages had stood apart from the heading they are about, so "gastrointestinal
    // bleeding" opened the consumer page and "gastrointestinal hemorrhage" the studies. Now one concept each, named as
    // patients name it, with the heading's name for clinicians.
    const joined: [string, string, string, string][] = [
      ['Gastrointestinal Bleeding', 'MESH:D006471', 'Gastrointestinal bleeding', 'Gastrointestinal hemorrhage'],
      ['Swallowing Disorders', 'MESH:D003680', 'Swallowing disorders', 'Dysphagia'],
      ['Bruises', 'MESH:D003288', 'Bruises', 'Contusions'],
      ['Collapsed Lung', 'MESH:D011030', 'Collapsed lung', 'Pneumothorax'],
      ['Cold Sores', 'MESH:D006560', 'Cold sores', 'Herpes labialis'],
      ['Heart Surgery', 'MESH:D006348', 'Heart surgery', 'Cardiac surgery'],
    ];
    for (const [topic, id, name, clinicalName] of joined) {
      expect(consumerOf(topic)?.conceptIds, topic).toContain(id);
      expect(byId.get(id), topic).toMatchObject({ name, clinicalName });
      expect(byId.has(`MEDQUAD:${topic.toLowerCase().replace(/ /g, '-')}`), topic).toBe(false);
    }
    // The heading keeps its own studies beside the page: heart surgery has both.
    expect(built.summaries.filter((s) => s.kind === 'research' && s.conceptIds.includes('MESH:D006348')).length).toBeGreaterThan(3);
    // A page that is not the heading's subject stays apart: MedlinePlus's "Abortion" is not only induced abortion.
    expect(byId.has('MEDQUAD:abortion')).toBe(true);
  });

  test("the symptoms patients' pages name in everyday words open the clinical concept", () => {
    const opensForm = (form: string) => {
      const text = `She had ${form} for two days.`;
      const found = bundledMatcher().match(text).filter((m) => m.start === 8);
      return found.length === 1 && found[0].end === 8 + form.length ? found[0].conceptId : found.map((m) => text.slice(m.start, m.end)).join('|');
    };
    const everyday: [string, string][] = [
      ['nosebleed', 'MESH:D004844'], ['coughing up blood', 'MESH:D006469'], ['blood in the urine', 'MESH:D006417'],
      ['blood in the stool', 'MESH:D006471'], ['trouble breathing', 'MESH:D004417'], ['swelling', 'MESH:D004487'],
      ['swollen ankles', 'MESH:D004487'], ['loss of appetite', 'MESH:D000855'], ['memory loss', 'MESH:D008569'],
      ['difficulty swallowing', 'MESH:D003680'], ['stuffy nose', 'MESH:D015508'], ['itchy skin', 'MESH:D011537'],
      ['pins and needles', 'MESH:D010292'], ['stomach ache', 'MESH:D015746'], ['muscle pain', 'MESH:D063806'],
      ['throwing up', 'MESH:D014839'], ['trouble sleeping', 'MESH:D007319'],
      ['palpitations', 'MEDQUAD:heart-palpitations'], ['bruising', 'MESH:D003288'],
    ];
    for (const [form, id] of everyday) expect(opensForm(form), form).toBe(id);
    // A symptom named in the patients' word shows that name to patients, the clinical one to clinicians, and says
    // what it is.
    for (const [id, name, clinicalName] of [
      ['MESH:D004844', 'Nosebleed', 'Epistaxis'],
      ['MESH:D006469', 'Coughing up blood', 'Hemoptysis'],
      ['MESH:D015508', 'Stuffy nose', 'Nasal obstruction'],
      ['MESH:D063806', 'Muscle pain', 'Myalgia'],
      // "Anorexia" alone reads as the eating disorder to a patient; the heading is the loss of appetite.
      ['MESH:D000855', 'Loss of appetite', 'Anorexia'],
      ['MESH:D013610', 'Fast heartbeat', 'Tachycardia'],
    ]) {
      expect(byId.get(id), id).toMatchObject({ name, clinicalName });
      expect(byId.get(id)!.definition, id).toMatch(/\.$/);
    }
    // The heading of excessive sleepiness is no longer named by the Disease Ontology's recurrent hypersomnia, which
    // is Kleine-Levin syndrome.
    expect(byId.get('MESH:D006970')!.name).toBe('Hypersomnia');
    expect(byId.get('MESH:D017593')!.synonyms.map((s) => s.toLowerCase())).toContain('recurrent hypersomnia');
  });

  test('tests, treatments and medicines in everyday words open their concepts', () => {
    // Not "a blood test": the only card for it counts blood cells, and most blood tests on a page (glucose, lipids,
    // liver enzymes) count none.
    expect(opens('A blood test, a physical exam and a genetic test.')).toEqual(['physical exam=MESH:D010808', 'genetic test=MESH:D005820']);
    expect(opens('After a kidney transplant, physiotherapy and painkillers.')).toEqual(['kidney transplant=MESH:D016030', 'physiotherapy=MESH:D026741', 'painkillers=MESH:D000700']);
    // Brand names readers meet on drug pages and in the news, for MeSH's drugs (other-names.tsv) and MedlinePlus's (notes).
    expect(opens('OxyContin, Zyprexa, Remicade and Fosamax.')).toEqual([
      'OxyContin=MESH:D010098', 'Zyprexa=MEDQUAD:olanzapine', 'Remicade=MEDQUAD:infliximab', 'Fosamax=MESH:D019386',
    ]);
    expect(opens('Antihistamines, eye drops, cough syrup and a feeding tube.')).toEqual([
      'Antihistamines=MESH:D006634', 'eye drops=MESH:D009883', 'cough syrup=MESH:D000996', 'feeding tube=MESH:D004750',
    ]);
  });

  test("the body, and conditions, in patients' and British words; an eponym with its possessive alone", () => {
    expect(opens('The womb, the windpipe and the collarbone.')).toEqual(['womb=MESH:D014599', 'windpipe=MESH:D014132', 'collarbone=MESH:D002968']);
    expect(opens("People with Alzheimer's or Parkinson's; Michael Parkinson.")).toEqual(['Alzheimer=MESH:D000544', 'Parkinson=MESH:D010300']);
    expect(opens('A slipped disc, an underactive thyroid, glue ear and cot death.')).toEqual([
      'slipped disc=MESH:D007405', 'underactive thyroid=MESH:D007037', 'glue ear=MESH:D010034', 'cot death=MESH:D013398',
    ]);
    // What the news calls them: myeloma, H5N1, POTS (in capitals only), superbugs, vaping.
    expect(opens('Myeloma, H5N1, POTS and pots; superbugs and vaping.')).toEqual([
      'Myeloma=MESH:D009101', 'H5N1=MESH:D005585', 'POTS=MESH:D054972', 'superbugs=MEDQUAD:antibiotic-resistance', 'vaping=MEDQUAD:e-cigarettes',
    ]);
    // "Reflux" alone is as often urine's or a vein's as the stomach's: only "acid reflux" is GERD.
    expect(opens('Urine refluxes into the ureters; acid reflux.')).toEqual(['Urine=MESH:D014556', 'ureters=MESH:D014513', 'acid reflux=MESH:D005764']);
  });

  test("a concept's clinical name is never dropped as a weak form, and clinical genetics' signs have their concepts", () => {
    // NCBI's curators mark hearing loss mostly inside longer mentions, which put it on the weak list (weak-forms.ts).
    expect(opens('Hearing loss after meningitis.')).toEqual(['Hearing loss=MESH:D034381', 'meningitis=MESH:D008581']);
    expect(opens('Hypersensitivity to penicillin; dentin hypersensitivity.')).toEqual(['Hypersensitivity=MESH:D006967', 'penicillin=MESH:D010406', 'dentin hypersensitivity=MESH:D003807']);
    expect(opens('Nystagmus, pectus excavatum, macrocephaly and flat feet.')).toEqual([
      'Nystagmus=MESH:D009759', 'pectus excavatum=MESH:D005660', 'macrocephaly=MESH:D058627', 'flat feet=MESH:D005413',
    ]);
    expect(opens('Bradykinesia, hyperreflexia and telangiectasias.')).toEqual(['Bradykinesia=MESH:D018476', 'hyperreflexia=MESH:D012021', 'telangiectasias=MESH:D013684']);
  });

  test("a clinical name is the concept's, not a synonym free for another: pneumothorax is the collapsed lung", () => {
    // MedlinePlus's page on primary spontaneous pneumothorax lists "pneumothorax" among its names; once MeSH's
    // Pneumothorax was named "Collapsed lung", that name was free and the subtype took it.
    expect(byId.get('DOID:0080218')!.synonyms.map((s) => s.toLowerCase())).not.toContain('pneumothorax');
    expect(vocabularyFromConcepts(built.concepts).find((e) => e.form.toLowerCase() === 'pneumothorax')?.conceptId).toBe('MESH:D011030');
  });

  test('what the NCBI training set showed: names readers meet whole, and forms that named the wrong thing', () => {
    // Lit whole, where only a part was ("Epstein-Barr" with "virus" dark; "protein deficiency" inside CETP's name).
    expect(opens('Infection with Epstein-Barr virus (EBV) is common.')).toEqual(['Epstein-Barr virus=MESH:D020031', 'EBV=MESH:D020031']);
    expect(opens('cholesteryl ester transfer protein deficiency')).toEqual(['cholesteryl ester transfer protein deficiency=DOID:0111369']);
    expect(opens('C7 deficiency, complement C3 deficiency and non-syndromic hearing loss')).toEqual([
      'C7 deficiency=DOID:0060300',
      'complement C3 deficiency=DOID:8354',
      'non-syndromic hearing loss=DOID:0050563',
    ]);
    // X-linked adrenoleukodystrophy is MeSH's Adrenoleukodystrophy, not the Leukodystrophies GARD filed it under.
    expect(opens('X-linked adrenoleukodystrophy (X-ALD) and later X-ALD, adrenomyeloneuropathy')).toEqual([
      'X-linked adrenoleukodystrophy=MESH:D000326',
      'X-ALD=MESH:D000326',
      'X-ALD=MESH:D000326',
      'adrenomyeloneuropathy=MESH:D000326',
    ]);
    // Not the deficiency, not a genetic disease, not surgical scars, not an allergy.
    expect(opens('alpha-1 receptors; 60 molecular lesions in the PAH gene; cell adhesion; platelet adhesion')).toEqual([]);
    expect(opens('hypersensitivity to ionizing radiation')).toEqual([]);
    expect(opens('alpha-1 antitrypsin deficiency and adhesions after surgery')).toEqual(['alpha-1 antitrypsin deficiency=MESH:D019896', 'adhesions=MEDQUAD:adhesions']);
  });

  test('what a review of the curated names corrected: the infection for a virus short form, the class readers mean', () => {
    // As HIV: text that says HCV, HBV or HSV means the infection, where the definition and the studies are (the
    // genus cards were bare).
    expect(opens('HCV, HBV and HSV')).toEqual(['HCV=MESH:D006526', 'HBV=MESH:D006509', 'HSV=MESH:D006561']);
    // ARBs are the AT1 blockers; antihistamines the H1 blockers; glycoprotein IIb/IIIa inhibitors are drugs, not the
    // receptor; MeSH 2015 files radiofrequency ablation under catheter ablation.
    expect(opens('ARBs, antihistamines, glycoprotein IIb/IIIa inhibitors and radiofrequency ablation')).toEqual([
      'ARBs=MESH:D047228',
      'antihistamines=MESH:D006634',
      'glycoprotein IIb/IIIa inhibitors=MESH:D010975',
      'radiofrequency ablation=MESH:D017115',
    ]);
    expect(byId.get('MESH:D047228')!.name).toBe('Angiotensin receptor blockers');
    expect(byId.get('MESH:D006634')!.name).toBe('Antihistamines');
    // Thrush is any candidiasis (in British use mostly genital); oral thrush is the mouth's. Drowsiness on a drug's
    // label is a side effect, not hypersomnia.
    expect(opens('thrush, oral thrush; may cause drowsiness or sleepiness')).toEqual(['thrush=MESH:D002177', 'oral thrush=MESH:D002180']);
    // The Disease Ontology's autism spectrum disorder and acute lymphoblastic leukemia are the MeSH 2015 headings
    // that hold them, one concept each (the headings' own cards were bare).
    expect(byId.get('MESH:D002659')).toMatchObject({ name: 'Autism spectrum disorder' });
    expect(byId.get('MESH:D054198')).toMatchObject({ name: 'Acute lymphocytic leukemia' });
    expect(byId.has('DOID:0060041') || byId.has('DOID:9952')).toBe(false);
    // Systemic sclerosis is no localized scleroderma (MedlinePlus's page on both sits on the localized heading), and
    // the CSF in G-CSF is no cerebrospinal fluid.
    expect(opens('systemic sclerosis and morphea')).toEqual(['systemic sclerosis=MESH:D012595', 'morphea=MESH:D012594']);
    expect(opens('G-CSF (filgrastim), GM-CSF and CSF')).toEqual(['G-CSF=MESH:D016179', 'filgrastim=MESH:D016179', 'GM-CSF=MESH:D016178', 'CSF=MESH:D002555']);
  });

  test('a name two concepts hold goes to the one it names: juvenile rheumatoid arthritis, primary hyperaldosteronism', () => {
    expect(opens('primary hyperaldosteronism, juvenile dermatomyositis, pigmentary retinopathy, sudden cardiac death')).toEqual([
      'primary hyperaldosteronism=MESH:D006929',
      'juvenile dermatomyositis=MESH:D003882',
      'pigmentary retinopathy=MESH:D012174',
      'sudden cardiac death=MESH:D016757',
    ]);
    // A subtype's page listed its family's names; the family's own page joined the subtype and brought more. Now
    // juvenile rheumatoid arthritis is juvenile arthritis, not the enthesitis-related kind nor adult RA.
    expect(opens('juvenile rheumatoid arthritis and juvenile chronic arthritis')).toEqual([
      'juvenile rheumatoid arthritis=MESH:D001171',
      'juvenile chronic arthritis=MESH:D001171',
    ]);
    // Schwartz-Jampel syndrome is no myotonic dystrophy (a GARD name both listed had joined its pages to it).
    expect(opens('Schwartz-Jampel syndrome and myotonic dystrophy')).toEqual(['Schwartz-Jampel syndrome=DOID:0090005', 'myotonic dystrophy=MESH:D009223']);
    expect(opens('dysmorphic features; sicca syndrome; Treacher Collins syndrome')).toEqual([
      'dysmorphic features=MESH:D000013',
      'sicca syndrome=MESH:D012859',
      'Treacher Collins syndrome=MESH:D008342',
    ]);
  });

  test("GARD's groups: a name several of its pages list neither joins a member's page nor names the member", () => {
    // Palmoplantar keratoderma, listed among the names of ten GARD pages, had joined Haim-Munk syndrome's; and muscular
    // dystrophies' UMLS code, which GARD gives its members, joined the limb-girdle type 2E page to them.
    expect(opens('Haim-Munk syndrome; limb-girdle muscular dystrophy type 2E')).toEqual([
      'Haim-Munk syndrome=MEDQUAD:haim-munk-syndrome',
      'limb-girdle muscular dystrophy type 2E=MEDQUAD:limb-girdle-muscular-dystrophy-type-2e',
    ]);
    const pageOn = (topic: string) => built.summaries.find((s) => s.kind === 'consumer' && s.topic === topic)?.conceptIds;
    expect(pageOn('Papillon Lefevre syndrome')).toEqual(['MESH:D010214']); // by its own other name, not the group's
    // A group's own page lists its members: they are not the group's names (urea cycle disorder was "citrullinemia").
    expect(byId.get('MESH:D056806')!.synonyms).not.toContain('Citrullinemia type I');
    // Names made of the group's own words still are ("hemiplegic migraine"; "congenital myopathy", curated).
    expect(opens('hemiplegic migraine; congenital myopathy')).toEqual(['hemiplegic migraine=DOID:0060178', 'congenital myopathy=MESH:D020914']);
    // Nor does a member's page define the group.
    expect(byId.get('MESH:D015616')!.definition ?? '').not.toMatch(/^Reticulohistiocytoma/);
  });

  test('what reading 160 abstracts, 8 articles and 8 news pages found: names clinicians write, and the right heading', () => {
    // Names MeSH 2015 files under another (no entry terms are bundled): cortisol is hydrocortisone, T cells the
    // T lymphocytes, oophorectomy ovariectomy, aortic regurgitation aortic valve insufficiency.
    expect(opens('cortisol, T cells, oophorectomy, aortic regurgitation, bisphosphonates and thyroid-stimulating hormone')).toEqual([
      'cortisol=MESH:D006854',
      'T cells=MESH:D013601',
      'oophorectomy=MESH:D010052',
      'aortic regurgitation=MESH:D001022',
      'bisphosphonates=MESH:D004164',
      'thyroid-stimulating hormone=MESH:D013972',
    ]);
    // A facial palsy after surgery is no Bell's palsy (the kind with no known cause); anal incontinence no urinary one.
    expect(opens("facial palsy after the operation; Bell's palsy; anal incontinence")).toEqual([
      'facial palsy=MESH:D005158',
      "Bell's palsy=MESH:D020330",
      'anal incontinence=MESH:D005242',
    ]);
    // MedlinePlus's page on non-small cell lung cancer joins the heading NSCLC opens (it stood beside it, with 1 page).
    expect(opens('non-small cell lung cancer (NSCLC) and ductal carcinoma in situ (DCIS)')).toEqual([
      'non-small cell lung cancer=MESH:D002289',
      'NSCLC=MESH:D002289',
      'ductal carcinoma in situ=MESH:D002285',
      'DCIS=MESH:D002285',
    ]);
    expect(byId.has('MEDQUAD:non-small-cell-lung-cancer')).toBe(false);
    expect(byId.get('MESH:D005242')).toMatchObject({ name: 'Bowel incontinence', clinicalName: 'Fecal incontinence' });
    // Decompression in a clinical text is surgery (MeSH's Decompression is lowering the air pressure on divers); an
    // ovarian cystectomy removes no bladder, a holmium laser is no medicine.
    expect(opens('decompression of the cord; ovarian cystectomy and radical cystectomy; holmium laser lithotripsy')).toEqual([
      'decompression=MESH:D019299',
      'cystectomy=MESH:D015653',
      'lithotripsy=MESH:D008096',
    ]);
    expect(opens('local recurrence after root canal treatment; emboli; cardiac troponin I (cTnI); intrauterine insemination')).toEqual([
      'local recurrence=MESH:D009364',
      'root canal treatment=MESH:D012390',
      'emboli=MESH:D004617',
      'cardiac troponin I=MESH:D019210',
      'cTnI=MESH:D019210',
      'intrauterine insemination=MESH:D007315',
    ]);
    // A tumour may be benign: the card on cancer opens only where the page names cancer (or a neoplasm) too.
    expect(opens('An ACTH-secreting adenoma: the tumour was removed.')).toEqual(['ACTH=MESH:D000324', 'adenoma=MESH:D000236']);
    expect(opens('Cancer is common. The tumour grew.')).toEqual(['Cancer=MESH:D009369', 'tumour=MESH:D009369']);
    // And news pages: a modified flu virus is the virus, not the illness; early puberty is precocious puberty.
    expect(opens('a modified flu virus; early puberty; on life support; a CSF fistula')).toEqual([
      'flu virus=MESH:D009975',
      'early puberty=MESH:D011629',
      'life support=MESH:D008020',
      'CSF fistula=MESH:D065634',
    ]);
    expect(opens('tetrahydrolipstatin; Belviq; over-the-counter medications')).toEqual([
      'tetrahydrolipstatin=MEDQUAD:orlistat',
      'Belviq=MEDQUAD:lorcaserin',
      'over-the-counter medications=MEDQUAD:over-the-counter-medicines',
    ]);
  });

  test("what a second reading found (160 more abstracts, 68 patients' pages): names, and words that name nothing", () => {
    expect(opens('H pylori; acid-fast bacilli; extra-pulmonary tuberculosis; febrile convulsions; mitral regurgitation; acute renal failure')).toEqual([
      'H pylori=MESH:D016480',
      'acid-fast bacilli=MESH:D009161',
      'extra-pulmonary tuberculosis=MESH:D014376',
      'febrile convulsions=MESH:D003294',
      'mitral regurgitation=MESH:D008944',
      'acute renal failure=MESH:D058186',
    ]);
    // Monotherapy, a patient's adhesion to a protocol, any blood test, a symptom of poor sleep: no mononucleosis,
    // no scar tissue, no blood count, no hypersomnia. Low antibodies of any cause are not the X-linked kind.
    expect(opens('mono or dual therapy; adhesion to the protocol; a blood test; daytime sleepiness; in bulk; hypogammaglobulinemia')).toEqual([
      'hypogammaglobulinemia=MESH:D000361',
    ]);
    // MeSH files premature infants among persons and child abuse among social problems, yet clinicians treat and screen
    // for them: they light without context, as Medicare does not.
    expect(opens('preterm infants; child abuse; Medicare')).toEqual(['preterm infants=MESH:D007234', 'child abuse=MEDQUAD:child-abuse']);
  });

  test("what a third reading found (150 more abstracts, 88 patients' pages) and last session's leftovers", () => {
    // Names a clinician writes that MeSH 2015 files elsewhere, or that split into parts that opened the wrong cards.
    expect(opens('fine-needle aspiration; lymph node dissection; heart defects; NASH; a torn rotator cuff; hypermetropia')).toEqual([
      'fine-needle aspiration=MESH:D044963',
      'lymph node dissection=MESH:D008197',
      'heart defects=MESH:D006330',
      'NASH=MESH:D065626',
      'torn rotator cuff=MEDQUAD:rotator-cuff-injuries',
      'hypermetropia=MESH:D006956',
    ]);
    // An invasive cancer has not spread; a coronary dissection is a tear in the artery, not the anatomy lab's cutting;
    // draining the stomach by a tube is no operation; Cushing's disease is the pituitary kind.
    expect(opens("invasive cancer; coronary dissection; nasogastric decompression; Cushing's disease")).toEqual([
      'invasive cancer=MESH:D009361',
      'coronary dissection=MESH:D000784',
      'nasogastric decompression=MESH:D007441',
      "Cushing's disease=MESH:D047748",
    ]);
    // A sign is no genetic disease at large, neurological diseases are not only the inherited ones, and a
    // questionnaire, a device, flu-like illness and the kidneys' wastes name no card.
    expect(opens('Telecanthus; neurological diseases; the Hospital Anxiety and Depression Scale; a copper T380A IUD; influenza-like illness; waste products')).toEqual([
      'neurological diseases=MESH:D009422',
    ]);
    // A second reading: cytokines with Greek letters, infections caught in hospital, a fetus that grows too little.
    expect(opens('interferon-γ and IL-1β; nosocomial infection; intrauterine growth restriction (IUGR); transurethral resection of the prostate')).toEqual([
      'interferon-γ=MESH:D007371',
      'IL-1β=MESH:D053583',
      'nosocomial infection=MESH:D003428',
      'intrauterine growth restriction=MESH:D005317',
      'IUGR=MESH:D005317',
      'transurethral resection of the prostate=MESH:D020728',
    ]);
    // A third reading: patients' words, and a short form that means another thing where the page defines it.
    expect(opens('double vision; nearsightedness; beta cells; bile duct stones; in vitro fertilization (IVF); BMI')).toEqual([
      'double vision=MESH:D004172',
      'nearsightedness=MESH:D009216',
      'beta cells=MESH:D050417',
      'bile duct stones=MESH:D042883',
      'in vitro fertilization=MESH:D005307',
      'IVF=MESH:D005307',
      'BMI=MESH:D015992',
    ]);
    expect(opens('The adenoma detection rate (ADR) rose; the ADR was 26%.')).toEqual(['adenoma=MESH:D000236']);
    // MONA's and the PCDH19 epilepsy's pages no longer open the diseases whose names their sources share.
    const pageOn = (topic: string) => built.summaries.find((s) => s.kind === 'consumer' && s.topic === topic)?.conceptIds ?? [];
    expect(pageOn('PCDH19-related female-limited epilepsy')).not.toContain('DOID:0050709');
    expect(pageOn('multicentric osteolysis, nodulosis, and arthropathy').concat(pageOn('Multicentric osteolysis, nodulosis, and arthropathy'))).not.toContain('DOID:0080696');
  });

  test('what a medical review of our own definitions corrected, where a patient could act on them', () => {
    const definition = (id: string) => byId.get(id)!.definition ?? '';
    // Hepatitis A never becomes chronic; daily aspirin is no longer advised to prevent a first heart attack, nor
    // given to children; pregnancy can follow sex in the days before ovulation.
    expect(definition('MESH:D006521')).toMatch(/lasts more than six months/);
    expect(definition('MESH:D006521')).toMatch(/Hepatitis A does not become chronic/);
    expect(definition('MESH:D001241')).toMatch(/no longer advised/);
    expect(definition('MESH:D001241')).toMatch(/not given to children/);
    expect(definition('MESH:D010060')).toMatch(/five or so days before ovulation/);
    // A definition says what its own heading is: dissection is the cutting, not the tear in an artery.
    expect(definition('MESH:D004210')).toMatch(/^Cutting apart/);
    expect(definition('MESH:D004210')).toMatch(/separate condition/);
  });

  test("a subtype's number reads the same in Roman and Arabic digits: GARD's type 4 page is MeSH's type IV", () => {
    expect(joinKey('Glycogen storage disease type 4')).toBe(joinKey('Glycogen Storage Disease IV'));
    expect(joinKey('Oculocutaneous albinism type II')).toBe('oculocutaneous albinism 2');
    // Not a word that is no number, nor a Roman numeral inside a name ("Factor VIII deficiency" keeps its VIII).
    expect(joinKey('I cell disease')).toBe('i cell disease');
    expect(joinKey('Factor VIII deficiency')).toBe('factor viii deficiency');
    // Pages that stood apart from the heading they are about now join it, ids unchanged for the rest.
    for (const [page, concept] of [
      ['MEDQUAD:glycogen-storage-disease-type-4', 'MESH:D006011'],
      ['MEDQUAD:oculocutaneous-albinism-type-2', 'DOID:0070096'],
      ['MEDQUAD:trichorhinophalangeal-syndrome-type-1', 'DOID:14743'],
    ]) {
      expect(byId.has(page), page).toBe(false);
      expect(byId.get(concept)!.summaryCount, concept).toBeGreaterThan(0);
    }
    expect(byId.has('MEDQUAD:atelosteogenesis-type-2')).toBe(true);
    expect(opens('dominant optic atrophy (DOA), then DOA')).toEqual(['dominant optic atrophy=MESH:D029241', 'DOA=MESH:D029241', 'DOA=MESH:D029241']);
  });

  test("a patients' page joins the disease it is about, not one its other names or UMLS codes happen to share", () => {
    // The pages each concept's consumer summaries come from, by their titles.
    const pagesOf = (id: string) => built.summaries.flatMap((s) => (s.kind === 'consumer' && s.conceptIds.includes(id) ? [s.topic] : []));
    const anyPage = (id: string, title: RegExp) => pagesOf(id).some((t) => title.test(t));
    // Sjogren's syndrome is no dry eye alone; triple X no tetrasomy X; Parsonage-Turner (neuralgic amyotrophy, by a
    // wrong UMLS code) no Turner syndrome; the MYH7 skeletal myopathies no hypertrophic cardiomyopathy.
    expect(anyPage('MESH:D007638', /sj.?gren/i)).toBe(false);
    expect(anyPage('MESH:D012859', /sj.?gren/i)).toBe(true);
    expect(anyPage('MEDQUAD:tetrasomy-x', /triple x|47 xxx/i)).toBe(false);
    expect(anyPage('MESH:D014424', /parsonage/i)).toBe(false);
    expect(anyPage('MESH:D024741', /laing|scapuloperoneal/i)).toBe(false);
    // A rare subtype's page no longer defines its whole family.
    for (const id of ['MESH:D012509', 'MESH:D001254', 'MESH:D002311']) expect(byId.get(id)!.definitionSource?.name ?? '', id).not.toMatch(/GARD|Genetic/);
    expect(opens('dengue fever, triple X syndrome, Laing distal myopathy')).toEqual([
      'dengue fever=MESH:D003715',
      'triple X syndrome=MEDQUAD:47-xxx-syndrome',
      'Laing distal myopathy=MEDQUAD:laing-distal-myopathy',
    ]);
  });

  test('curated abbreviations are attached, ambiguous ones flagged', () => {
    expect(byId.get('MESH:D014057')?.abbreviations).toContainEqual({ form: 'CT', ambiguous: false });
    expect(byId.get('MESH:D009103')?.abbreviations).toContainEqual({ form: 'MS', ambiguous: true });
  });

  test('"HIV" in a text is the infection, where the studies are, and so is the virus named in full', () => {
    const vocab = vocabularyFromConcepts(built.concepts);
    const holders = (form: string) => [...new Set(vocab.filter((e) => e.form.toLowerCase() === form).map((e) => e.conceptId))];
    expect(holders('hiv')).toEqual(['MESH:D015658']);
    // "human immunodeficiency virus (HIV)" defines HIV on a page: both must lead to the same concept.
    expect(holders('human immunodeficiency virus')).toContain('MESH:D015658');
    expect(byId.get('MESH:D015658')!.summaryCount).toBeGreaterThan(byId.get('MESH:D006678')!.summaryCount);
    expect(byId.get('MESH:D006678')!.name).toBe('HIV virus');
  });

  test('MeSH names are un-inverted into the words readers write', () => {
    expect(uninvert('Tomography, X-Ray Computed')).toBe('X-Ray Computed Tomography');
    expect(uninvert('Leukemia, Myeloid, Acute')).toBe('Acute Myeloid Leukemia');
    expect(uninvert('1,2-Dihydroxybenzene')).toBe('1,2-Dihydroxybenzene');
    // A list is left as written (it was "congenital alopecia T-cell immunodeficiency and nail dystrophy").
    expect(uninvert('T-cell immunodeficiency, congenital alopecia, and nail dystrophy')).toBe('T-cell immunodeficiency, congenital alopecia, and nail dystrophy');
    expect(readableCase('Postoperative Pain')).toBe('Postoperative pain');
    expect(readableCase(uninvert('Amino Acids, Peptides, and Proteins'))).toBe('Amino acids, peptides, and proteins');
    expect(readableCase(uninvert('Lipid Metabolism, Inborn Errors'))).toBe('Inborn errors of lipid metabolism');
    expect(readableCase(uninvert('Neoplasms, Ductal, Lobular, and Medullary'))).toBe('Ductal, lobular, and medullary neoplasms');
    expect(readableCase('Glucagon-Like Peptide 1')).toBe('Glucagon-like peptide 1');
    expect(readableCase('Adams-Stokes Syndrome')).toBe('Adams-Stokes syndrome'); // names keep their capitals
    expect(readableCase('Adult Non-Hodgkin Lymphoma')).toBe('Adult non-Hodgkin lymphoma'); // each part of a hyphenated word
    expect(readableCase('African American Health')).toBe('African American health'); // peoples keep theirs
    expect(readableCase('Crimean-Congo Hemorrhagic Fever')).toBe('Crimean-Congo hemorrhagic fever');
    expect(readableCase(uninvert('Factor Xa Inhibitors'))).toBe('Factor Xa inhibitors'); // an activated clotting factor
    expect(readableCase('Factor Va')).toBe('Factor Va');
    expect(readableCase('Aldehyde-Lyases')).toBe('Aldehyde-lyases');
    expect(readableCase('Methicillin-Resistant Staphylococcus aureus')).toBe('Methicillin-resistant Staphylococcus aureus'); // a genus
    expect(readableCase('Estrogen Receptor alpha')).toBe('Estrogen receptor alpha'); // a Greek letter is no species
    expect(byId.get('MESH:D010149')?.name).toBe('Postoperative pain');
  });

  test("a consumer page's title reads in sentence case; names already in it keep their eponyms", () => {
    const named = (name: string) => built.concepts.filter((c) => c.name === name).map((c) => c.id);
    expect(named('Insulin glargine')).toEqual(['MEDQUAD:insulin-glargine']); // MedlinePlus: "Insulin Glargine"
    expect(named('Hay fever').length).toBe(1);
    expect(named('Bacillus Calmette-Guerin vaccine').length).toBe(1);
    expect(named('Jung Wolff Back Stahl syndrome').length).toBe(1); // GARD's, as written
    // A name written head first is put in the order readers write it ("Aganglionosis, total intestinal").
    expect(named('Total intestinal aganglionosis').length).toBe(1);
    expect(named('Nodular sclerosis Hodgkin\'s lymphoma').length).toBe(1);
    expect(built.concepts.some((c) => c.name === 'Aganglionosis, total intestinal')).toBe(false);
  });

  test('plain-language definitions carry their source', () => {
    // Those of data/curated (new-concepts.json, concept-notes.json) are written for Evidence Lens and name none.
    const ours = new Set(Object.entries(conceptNotes.notes).flatMap(([id, note]) => ('definition' in note ? [id] : [])));
    const theirs = built.concepts.filter((c) => c.definition && !c.id.startsWith('CURATED:') && !ours.has(c.id));
    expect(theirs.length).toBeGreaterThan(1000);
    for (const c of theirs) expect(c.definitionSource?.url, c.id).toMatch(/^https:\/\//);
    for (const id of ours) expect(byId.get(id)?.definitionSource, id).toBeUndefined();
  });

  test('a definition says what the concept is: a page that does comes before a more patient-oriented lead-in', () => {
    // MedlinePlus opens "You're working at your desk, trying to ignore the tingling…"; NINDS says what it is.
    expect(byId.get('MESH:D002349')!.definition).toMatch(/^Carpal tunnel syndrome \(CTS\) occurs when/);
    // A page on a narrower condition joined by its name does not define the broader one.
    expect(byId.get('MESH:D008850')!.definition).toMatch(/^Microphthalmia is/); // not Lenz microphthalmia syndrome
    // Where no page says what the concept is, the most patient-oriented one stays.
    expect(byId.get('MESH:D003117')!.definitionSource?.name).toBe('MedlinePlus Health Topics (NLM)'); // color blindness
    // Within a page, from the sentence that says what it is, after a lead-in about the organ.
    expect(byId.get('MESH:D010195')!.definition).toMatch(/^Pancreatitis is inflammation of the pancreas/); // not "The pancreas is…"
    expect(byId.get('MESH:D002921')!.definition).toMatch(/^A scar is/); // the name in the singular defines too
    // Ours stand: chemotherapy's, written for Evidence Lens, is not replaced by a page's lead-in.
    expect(byId.get('CURATED:chemotherapy')!.definition).toMatch(/^Treatment of cancer with medicines/);
    // A tuberculosis paper's "chemotherapy" opens this card too: it says what the word means there.
    expect(byId.get('CURATED:chemotherapy')!.definition).toMatch(/tuberculosis, parasites\) use the word/);
    // NHLBI's pages open with their language link alone: the definition is the paragraph after it.
    expect(byId.get('MESH:D009203')!.definition).toMatch(/^A heart attack happens when/);
    expect(byId.get('MESH:D000787')!.definition).toMatch(/^Angina .*is chest pain/);
  });

  test("no definition is a page's heading or question (CDC's pages open with 'Frequently Asked Questions (FAQs)')", () => {
    const headings = built.concepts.filter((c) => /^Frequently Asked|^[^.!]*\?$|^The "/.test(c.definition ?? '')).map((c) => c.id);
    expect(headings).toEqual([]);
    expect(byId.get('MESH:D004443')!.definition).toMatch(/^Cystic echinococcosis/);
  });

  test('the concepts with the most evidence each say what they are', () => {
    // A reader who opens "laparoscopy" or "body mass index" in an abstract should not meet a blank: the study
    // headings PubMedQA indexes by most have no consumer page, so concept-notes.json defines them.
    const bare = built.concepts.filter((c) => (c.summaryCount ?? 0) >= 10 && !c.definition).map((c) => c.name);
    expect(bare).toEqual([]);
    // So do the terms pages name most often (the body's parts, germs), most of which no consumer page defines.
    const often = ['MESH:D000005', 'MESH:D014680', 'MESH:D001808', 'MESH:D001419', 'MESH:D017934', 'MESH:D014612', 'MESH:D007249'];
    expect(often.filter((id) => !byId.get(id)!.definition)).toEqual([]);
    // And the terms lit most on the bundled abstracts and pages that had none (session 26): nystagmus, the bladder,
    // physical therapy, neutropenia, liver failure, stem cell transplants, dilated cardiomyopathy.
    const lit = ['MESH:D009759', 'MESH:D001743', 'MESH:D026741', 'MESH:D009503', 'MESH:D017093', 'MESH:D018380', 'MESH:D002311'];
    expect(lit.filter((id) => !byId.get(id)!.definition)).toEqual([]);
  });
});

describe('the published files', () => {
  test('every record passes the same validation a synced dataset must pass', () => {
    for (const c of built.concepts) validateRecord('concepts', c, c.id);
    for (const s of built.summaries) validateRecord('summaries', s, s.id);
    expect(validateManifest(built.manifest).counts.concepts).toBe(built.concepts.length);
  });

  test("the sources' licence texts go into the package; where they lie there is no part of the manifest", () => {
    expect(built.licences.map((l) => l.path)).toContain('dataset/licences/medquad.txt');
    expect(built.licences.find((l) => l.path === 'dataset/licences/pubmedqa.txt')?.text).toMatch(/^MIT License/);
    expect(built.licences.map((l) => l.path)).toContain('dataset/licences/mesh.txt');
    expect(built.licences.find((l) => l.path === 'dataset/licences/disease-ontology.txt')?.text).toContain('CC0 1.0');
    expect(built.manifest.sources.every((s) => !('licenceFile' in s))).toBe(true);
  });

  test("a record's broader terms are bounded, and names a file might carry for them are refused (the line is stored)", () => {
    const c = byId.get('MESH:D013963')!;
    expect(() => validateRecord('concepts', { ...c, broader: ['A', 'B', 'C', 'D'] }, c.id)).toThrow();
    expect(() => validateRecord('concepts', { ...c, broaderTerms: [{ id: 'X', name: '<b>hostile</b>', summaryCount: 1 }] }, c.id)).toThrow(
      `${c.id} is not valid (broaderTerms: filled in by the extension, not allowed in a dataset file).`,
    );
  });

  test('records are sorted by id without repeats, as the importer requires', () => {
    for (const list of [built.concepts, built.summaries]) {
      for (let i = 1; i < list.length; i++) expect(list[i - 1].id < list[i].id, list[i].id).toBe(true);
    }
  });

  test('the manifest lists every file with its records, bytes and checksum', () => {
    const m = built.manifest;
    expect(m.files.reduce((n, f) => n + f.records, 0)).toBe(built.concepts.length + built.summaries.length);
    for (const f of m.files) expect(f.bytes).toBeLessThan(1_100_000);
    expect(m.counts.researchSummaries + m.counts.consumerSummaries).toBe(built.summaries.length);
  });

  test("the files hold no character above U+00FF, as written, and read back to the same records", () => {
    // Such characters are escaped: browsers then hold each file, and every line the import stores, at one byte a
    // character (one en dash made a whole file's lines two bytes a character in IndexedDB).
    for (const f of built.files) expect(/[^\u0000-\u00ff]/.test(f.text), f.path).toBe(false);
    const read = built.files.flatMap((f) => f.text.split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    expect(read).toEqual([...built.concepts, ...built.summaries]);
    // The bundled text does hold such characters ("–", "’", Greek letters).
    expect(JSON.stringify(built.summaries)).toMatch(/[^\u0000-\u00ff]/);
  });

  test('the build is deterministic', async () => {
    const again = await buildDataset();
    expect(again.manifest).toEqual(built.manifest);
  }, 120_000);
});
