// Merge MeSH, the Human Disease Ontology, MedQuAD topics and the curated abbreviations into concepts:
// one record per thing a reader may meet, with every name they may meet it under.
import type { Category, Concept } from '../../lib/dataset/types.ts';
import { categoryOf, isIndexingTag, readableCase, uninvert } from './mesh.ts';
import { filedOutsideMedicine } from '../../lib/match/stoplist.ts';
import type { ConceptNotes, CuratedAbbreviation, CuratedConcept, DiseaseOntologyTerm, MedQuadTopic, MeshDescriptor } from './sources.ts';
import { canonicalForm } from '../../lib/match/index.ts';
import { formVariants, inflections } from '../../lib/match/variants.ts';
import { isShortAllCaps } from '../../lib/match/vocabulary.ts';
import { MEDQUAD_SOURCE_NAMES } from './summaries.ts';
import { definitionFrom } from './answers.ts';
import { capitalise, httpsUrl, joinKey, plainKey } from './text.ts';

/** Where each MedQuAD topic landed, for the consumer summaries. */
export type TopicLinks = Map<string, string>; // MedQuAD topic key → concept id

interface Draft {
  concept: Concept;
  /** Names from sources ranked for choosing the display name. */
  consumerTitle?: string;
  consumerTitleSource?: string;
  /** The consumer pages' definitions, each with its source's rank (DEFINITION_SOURCES); chosen once the concept is named. */
  definitions?: { rank: number; text: string; source: { name: string; url: string } }[];
  /** Ours (new-concepts.json, concept-notes.json): no source's replaces it. */
  ownDefinition?: boolean;
  /** The name the concept came with from its source (MeSH's heading, un-inverted), before any renaming. */
  sourceName: string;
  /** The name readers use where MeSH's is jargon ("PD-L1" for "Antigens, CD274"): other-names.tsv's "preferred name". */
  preferredName?: string;
  /** The name clinicians use where the display name is the patients' word ("Myocardial infarction" for "Heart attack"). */
  clinicalName?: string;
  doLabels: string[];
  forms: Set<string>;
  /** How abstracts write it (the NCBI disease corpus): matched, not shown (Concept.writtenForms). */
  written: Set<string>;
}

const MEDQUAD_CATEGORY: Record<string, Category> = {
  Disease: 'disease',
  Drug: 'drug',
  Disorders: 'disease',
  'Chemicals & Drugs': 'drug',
  Procedures: 'procedure',
  Anatomy: 'anatomy',
};

/** A MedQuAD topic named for medicines or vaccines, whatever category MedQuAD gives it. */
const MEDICINES_TOPIC = /\b(?:medicines|medications|vaccines?)$/i;

// Sources of definitions, the most patient-oriented first.
const DEFINITION_SOURCES = ['MPlusHealthTopics', 'NIHSeniorHealth', 'NIDDK', 'NINDS', 'NHLBI', 'CancerGov', 'CDC', 'GHR', 'GARD'];

// Sources whose topic titles read well as concept names, best first.
const TITLE_SOURCES = ['MPlusHealthTopics', 'NIHSeniorHealth', 'NIDDK', 'NINDS', 'NHLBI', 'CancerGov', 'CDC'];

export function buildConcepts(
  mesh: MeshDescriptor[],
  diseaseOntology: DiseaseOntologyTerm[],
  medquad: MedQuadTopic[],
  abbreviations: CuratedAbbreviation[],
  ncbiMentions: { text: string; meshId: string }[] = [],
  weakForms: Set<string> = new Set(),
  otherNames: { form: string; meshId: string; kind?: string }[] = [],
  curated: CuratedConcept[] = [],
  notes: ConceptNotes = {},
  moreHeadings: Map<string, Category> = new Map(),
  wrongNames: { conceptId: string; form: string }[] = [],
): { concepts: Concept[]; topicLinks: TopicLinks; meshByName: Map<string, string> } {
  const drafts = new Map<string, Draft>();
  const byKey = new Map<string, string>(); // joinKey(form) → concept id (first claim wins: MeSH before DO before MedQuAD)
  const meshByName = new Map<string, string>(); // lower-cased MeSH name → concept id
  // A name wrong-names.tsv says is not the concept's joins no page to it either ("progressive muscular dystrophy",
  // a GARD name of myotonic dystrophy, had brought Schwartz-Jampel syndrome's pages).
  const notJoining = new Set(wrongNames.map(({ conceptId, form }) => `${conceptId}\t${joinKey(form)}`));
  const joinsRefused = new Set<string>();

  const addForm = (draft: Draft, form: string) => {
    // Sources also write names inverted ("breast cancer, familial"); readers meet the natural order.
    const trimmed = uninvert(form.trim());
    if (trimmed.length < 2 || trimmed.length > 120) return;
    draft.forms.add(trimmed);
    // Keyed as written too, so that a topic titled the same way joins ("Spondyloepimetaphyseal dysplasia,
    // Strudwick type", which un-inverts badly).
    for (const key of [joinKey(trimmed), joinKey(form.trim())]) {
      const refused = notJoining.has(`${draft.concept.id}\t${key}`);
      if (refused) joinsRefused.add(`${draft.concept.id}\t${key}`);
      else if (!byKey.has(key)) byKey.set(key, draft.concept.id);
    }
  };
  const newDraft = (id: string, name: string, category: Category, treeNumbers: string[] = []): Draft => {
    const draft: Draft = {
      concept: { id, name, category, synonyms: [], abbreviations: [], treeNumbers, summaryCount: 0 },
      doLabels: [],
      forms: new Set(),
      written: new Set(),
      sourceName: name,
    };
    drafts.set(id, draft);
    return draft;
  };

  // Every MeSH descriptor's tree numbers by its name, concept or not: a consumer topic of the same name
  // that MeSH files outside medicine ("Earthquakes": natural phenomena) takes that place.
  const meshTrees = new Map(mesh.map((d) => [d.name.toLowerCase(), [...d.treeNumbers].sort()]));

  // 1. MeSH descriptors in the branches readers care about, and the few elsewhere they look up (more-headings.tsv).
  for (const d of mesh) {
    const category = categoryOf(d) ?? moreHeadings.get(d.id);
    if (!category) continue;
    const draft = newDraft(`MESH:${d.id}`, readableCase(uninvert(d.name)), category, [...d.treeNumbers].sort());
    meshByName.set(d.name.toLowerCase(), draft.concept.id);
    addForm(draft, draft.concept.name);
    const tumour = siteTumour(draft.concept.name, d.treeNumbers);
    if (tumour) addForm(draft, tumour);
  }

  // Articles name a species by its genus's initial after the first use ("M. tuberculosis", "S. aureus"): each MeSH
  // organism named "Genus species" is also named so, where no other organism shares that short name ("M. bovis").
  const shortSpecies = new Map<string, Draft[]>();
  for (const draft of drafts.values()) {
    const short = abbreviatedSpecies(draft.concept.name, draft.concept.treeNumbers);
    if (short) shortSpecies.set(short, [...(shortSpecies.get(short) ?? []), draft]);
  }
  for (const [short, owners] of shortSpecies) if (owners.length === 1) addForm(owners[0], short);

  // Other names readers meet (data/curated/other-names.tsv): international, British and brand names of drugs,
  // and everyday names of conditions ("high blood pressure"). Before the Disease Ontology and MedQuAD, so that
  // their "high blood pressure" and "Statins" join these concepts instead of standing alone.
  for (const d of otherNames) {
    const draft = drafts.get(`MESH:${d.meshId}`);
    if (!draft) throw new Error(`data/curated/other-names.tsv: ${d.form} names ${d.meshId}, which is not a concept`);
    addForm(draft, d.form);
    if (d.kind === 'preferred name') draft.preferredName = d.form;
    if (d.kind === 'clinical name') draft.clinicalName = d.form;
  }

  // Concepts the sources lack (data/curated/new-concepts.json: SARS-CoV-2, semaglutide), with our definitions.
  // Each name must be new: one that a source already has belongs in other-names.tsv.
  for (const c of curated) {
    for (const form of [c.name, ...c.synonyms]) {
      const owner = byKey.get(joinKey(form));
      if (owner) throw new Error(`data/curated/new-concepts.json: ${form} already names ${owner}`);
    }
    const draft = newDraft(c.id, c.name, c.category);
    for (const form of [c.name, ...c.synonyms]) addForm(draft, form);
    for (const form of c.abbreviations ?? []) draft.concept.abbreviations.push({ form, ambiguous: false });
    draft.concept.definition = c.definition;
    draft.ownDefinition = true;
  }

  // 2. Disease Ontology: plain disease names for MeSH concepts, and concepts of their own where MeSH has none.
  const byCui = new Map<string, string[]>();
  for (const term of diseaseOntology) {
    // Its upper classes ("disease", "syndrome", "disease of metabolism") name no disease: as concepts they
    // drew every topic MedQuAD annotated with the generic CUI, and took one of their names.
    if (isIndexingTag(term.label) || /^(disease|disorder|syndrome)s? (of|by) /i.test(term.label)) continue;
    let linked = term.meshIds.map((m) => drafts.get(`MESH:${m}`)).filter((d) => d !== undefined);
    // No MeSH link, but a label a MeSH concept already bears ("dementia"): the same concept, not a second one.
    // MeSH names classes in the plural ("Psychotic Disorders", "Porphyrias") and files cancers as neoplasms: the
    // Disease Ontology's "psychotic disorder" and "lung cancer", linked to no MeSH heading, are those headings,
    // where the studies are indexed.
    // A label that is another heading's own name is that heading, whatever the link says: the Disease Ontology
    // links "syphilis" to Chancre, "diphtheria" to Corynebacterium Infections and "basal cell carcinoma" to
    // Neoplasms, Basal Cell, which then took the name and the reader's searches from Syphilis, Diphtheria and
    // Basal Cell Carcinoma.
    const label = joinKey(term.label);
    const named = byKey.get(label) ?? byKey.get(`${label}s`) ?? byKey.get(asNeoplasms(label));
    if (named?.startsWith('MESH:') && !linked.some((d) => d.concept.id === named)) linked = [drafts.get(named)!];
    const targets = linked.length > 0 ? linked : [newDraft(term.id, capitalise(term.label), 'disease')];
    for (const draft of targets) {
      // A label shared by several MeSH concepts names none of them ("coronary artery disease" for three).
      if (targets.length === 1) draft.doLabels.push(term.label);
      addForm(draft, term.label);
      for (const cui of term.cuis) byCui.set(cui, [...(byCui.get(cui) ?? []), draft.concept.id]);
    }
  }

  // 3. MedQuAD topics: consumer names and synonyms, joined by name first (the topic's own, then its
  // synonyms': "Diabetes" is also "Diabetes mellitus"), then by UMLS CUI. Well-known abbreviations join
  // too ("COPD").
  for (const a of abbreviations) {
    const key = joinKey(a.form);
    if (!a.ambiguous && drafts.has(`MESH:${a.meshId}`) && !byKey.has(key)) byKey.set(key, `MESH:${a.meshId}`);
  }
  const topicLinks: TopicLinks = new Map();
  const shortForms: [Draft, string][] = [];
  // Names concepts have from MeSH, the Disease Ontology and the curated lists: a topic joined by one of these
  // names the concept, while one joined by a name another topic brought only sits near it (GARD calls
  // "nonalcoholic steatohepatitis" also "non-alcoholic fatty liver disease": NIDDK's NASH page must not
  // rename fatty liver disease).
  const ownNames = new Set(byKey.keys());
  const sourceNames = new Map([...drafts.values()].map((d) => [joinKey(d.sourceName), d.concept.id]));
  // GARD lists the groups a disease belongs to among its other names ("Palmoplantar keratoderma" on Haim-Munk
  // syndrome's page): a name that several of its pages list is a group, which neither joins a member's page nor
  // becomes the member's name.
  const gard = medquad.filter((t) => t.source === 'GARD');
  const groupNames = listedBy(gard, (t) => t.synonyms.map(joinKey), GROUP_PAGES);
  // And they give a member the group's UMLS code ("Limb-girdle muscular dystrophy type 2E" that of muscular dystrophies).
  const groupCuis = listedBy(gard, (t) => t.cuis, GROUP_PAGES);
  for (const topic of medquad) {
    // NIDDK titles its pages "What I need to know about Crohn's Disease": the topic is Crohn's disease.
    // MedlinePlus files drugs by product ("Adalimumab Injection", "Fluticasone Nasal Spray"): readers write the drug.
    // `named.raw` keeps the brackets: their words may be the ones a CUI's concept shares (below).
    const named = topicName(topic.focus.trim().replace(/^What I need to know about /i, ''));
    const title = named.name;
    const focus = topic.source === 'MPlusDrugs' ? drugName(title) : title;
    // "Metaphyseal chondrodysplasia, others" names a group the page is in, not the page's disease.
    // A group's own page lists its members among its names ("Myopathy congenital": cap myopathy, ...): only names made
    // of its own words join or name it ("Congenital myopathy").
    const isGroup = topic.source === 'GARD' && groupNames.has(joinKey(focus));
    const synonyms = [
      ...topic.synonyms.filter((s) => !/, others$/i.test(s) && !(topic.source === 'GARD' && groupNames.has(joinKey(s)))),
      ...named.aliases,
      ...named.shortForms,
    ];
    // The MedlinePlus encyclopedia subset (ADAM) has no answers, and its "topics" and "synonyms" are page
    // titles ("How to take statins", "Breast cancer-male"): as vocabulary they would mislabel terms.
    if (!focus || topic.source === 'ADAM') continue;
    let joinedBy = joinKey(focus);
    let id = byKey.get(joinedBy);
    if (!id && byKey.has(joinKey(uninvert(focus)))) {
      joinedBy = joinKey(uninvert(focus)); // "Hepatocellular carcinoma, childhood": the Disease Ontology's childhood hepatocellular carcinoma
      id = byKey.get(joinedBy);
    }
    if (!id && byKey.has(asNeoplasms(joinedBy))) {
      joinedBy = asNeoplasms(joinedBy); // "Rectal Cancer": MeSH's Rectal Neoplasms
      id = byKey.get(joinedBy);
    }
    // A concept's own name in the other number: "Aneurysms" is MeSH's Aneurysm, "Carcinoid Tumors" its Carcinoid
    // Tumor. Not another of its names: a synonym that only a source's list gave ("inflammatory myopathies" for
    // inclusion body myositis) would join a page to a narrower concept. Nor a concept of another kind: the
    // digestive "Gas" page is no chemistry's Gases.
    const kind = MEDQUAD_CATEGORY[topic.category ?? ''] ?? MEDQUAD_CATEGORY[topic.semanticGroup ?? ''];
    for (const key of id ? [] : inflections(joinedBy)) {
      const owner = sourceNames.get(key);
      if (!owner || (kind && drafts.get(owner)!.concept.category !== kind)) continue;
      joinedBy = key;
      id = owner;
      break;
    }
    for (const s of synonyms) {
      if (id || isShortCode(s) || (isGroup && !wordsWithin(s, focus))) continue;
      joinedBy = joinKey(s);
      id = byKey.get(joinedBy);
    }
    // A bracketed gloss ("Islet Cell Tumors", "Blood in the Urine") may say which concept the page is on: it sits
    // near that concept, and names nothing.
    let byGloss: string | undefined;
    for (const gloss of id ? [] : named.joinOnly) {
      const key = joinKey(gloss);
      byGloss ??= byKey.get(key) ?? byKey.get(asNeoplasms(key)) ?? inflections(key).map((k) => sourceNames.get(k)).find((x) => x);
    }
    // Cancer.gov writes its patient summaries by age ("Adult Acute Myeloid Leukemia", "Childhood Brain Tumors"):
    // each sits near the concept it is on, so that a reader of acute myeloid leukemia finds it. Near, not named:
    // the age is no other name of the disease.
    let byAge: string | undefined;
    if (!id && topic.source === 'CancerGov') {
      const rest = /^(?:adult|childhood) (?:primary )?(.+)$/.exec(joinKey(focus))?.[1];
      if (rest) byAge = byKey.get(rest) ?? byKey.get(asNeoplasms(rest)) ?? inflections(rest).map((k) => byKey.get(k)).find((x) => x);
    }
    // A CUI join is MedQuAD's automatic annotation, and often wrong: "Hearing Aids" was given the CUI of AIDS,
    // and a topic with several CUIs is a combination ("... with early-onset diabetes mellitus"), none of them
    // the topic itself. So only one CUI, a concept sharing a word with the topic, and no naming. A topic that makes
    // its own concept below names it too.
    let byName = id !== undefined;
    if (!id && byAge) id = byAge;
    if (!id && byGloss) id = byGloss;
    // A member's page carries its group's CUI ("Limb-girdle muscular dystrophy type 2E" that of muscular dystrophies).
    if (!id && topic.cuis.length === 1 && !(topic.source === 'GARD' && groupCuis.has(topic.cuis[0]))) {
      const viaCui = byCui.get(topic.cuis[0]) ?? [];
      if (viaCui.length === 1 && sharesWord(named.raw, drafts.get(viaCui[0])!)) id = viaCui[0];
    }
    // Joined by CUI, the topic sits near the concept: its evidence goes with it, but of its names only those made
    // of the concept's own words ("Diabetes Type 2" for type 2 diabetes mellitus), not others ("acute brachial
    // neuritis", GARD's Parsonage-Turner page, for Turner syndrome).
    const nearOnly = id !== undefined && !byName;
    if (!id) {
      // Kept only where it takes the topic out of medicine: elsewhere a shared name may be a coincidence
      // (MeSH's "Moles" are the animals).
      const sameName = meshTrees.get(focus.toLowerCase()) ?? [];
      const outside = filedOutsideMedicine(sameName);
      const trees = outside ? sameName : [];
      // MedQuAD labels some topics outside medicine as diseases ("Earthquakes", T037 injury or poisoning), and
      // devices too ("Hearing Aids": MeSH files them under equipment and supplies).
      const device = sameName.length > 0 && sameName.every((t) => t.startsWith('E07'));
      // And medicines as diseases ("High blood pressure medicines", "Tetanus, diphtheria, and pertussis vaccines"):
      // a page named for medicines or vaccines is about them.
      const medicine = MEDICINES_TOPIC.test(focus);
      const category = outside || device
        ? 'other'
        : medicine
          ? 'drug'
          : (MEDQUAD_CATEGORY[topic.category ?? ''] ?? MEDQUAD_CATEGORY[topic.semanticGroup ?? ''] ?? 'other');
      id = `MEDQUAD:${plainKey(focus).replace(/[^a-z0-9]+/g, '-')}`;
      if (!drafts.has(id)) newDraft(id, focus, category, trees);
      byName = true;
      ownNames.add(joinKey(focus)); // the concept this topic makes is named by it
      sourceNames.set(joinKey(focus), id);
    }
    const draft = drafts.get(id)!;
    topicLinks.set(topic.key, id);
    const ownWords = nearOnly ? conceptWords(draft) : undefined;
    const mayName = (name: string) => {
      if (!ownWords) return true;
      const words = contentWords(name);
      return words.length > 0 && words.every((w) => ownWords.has(w));
    };
    if (mayName(focus)) {
      addForm(draft, focus);
      // GARD titles its pages head first ("Cardiac valvular dysplasia, X-linked") and its answers repeat the title.
      if (uninvert(focus) !== focus && /^[^,]+, [^,]+$/.test(focus)) draft.forms.add(focus);
    }
    for (const s of synonyms) {
      // Short codes ("KC", "GSD10", "PDB") mean many things: keep them as abbreviations that match only
      // where the page defines them.
      if (isShortCode(s)) {
        if (!nearOnly) shortForms.push([draft, s]);
      } else if (mayName(s) && (!isGroup || wordsWithin(s, focus))) addForm(draft, s);
    }
    // A plain-language definition: the first paragraph of the "what is it" answer, from the most
    // patient-oriented source that has one.
    const information = topic.qa.find((q) => q.qtype === 'information' && q.answer.trim())?.answer;
    const definition = information ? definitionFrom(information, 500) : '';
    const sourceName = MEDQUAD_SOURCE_NAMES[topic.source];
    // A topic joined only by CUI may be about something next to the concept ("Alzheimer's Caregiving"):
    // it does not name or define it.
    if (definition && sourceName && byName) {
      (draft.definitions ??= []).push({ rank: DEFINITION_SOURCES.indexOf(topic.source), text: definition, source: { name: sourceName, url: httpsUrl(topic.url) } });
    }
    // A title that is only an abbreviation ("COPD", "ARDS") does not replace the name it stands for.
    if (TITLE_SOURCES.includes(topic.source) && byName && ownNames.has(joinedBy) && !isShortCode(focus)) {
      const rank = TITLE_SOURCES.indexOf(topic.source);
      const current = draft.consumerTitle ? TITLE_SOURCES.indexOf(draft.consumerTitleSource!) : Infinity;
      if (rank < current) {
        draft.consumerTitle = focus;
        draft.consumerTitleSource = topic.source;
      }
    }
  }

  // 4. Disease names as NLM curators marked them in the NCBI disease corpus's training abstracts (the words
  // authors really write: "skin tumour", "colon cancers"). Its development set stays unseen, for measuring.
  for (const m of ncbiMentions) {
    const draft = drafts.get(`MESH:${m.meshId}`);
    // Matched, not shown: the card's "Also called" had "adrenocrotical insufficiency" and "G6PD; EC 1.1. 1. 49".
    const form = uninvert(m.text.trim());
    if (draft && !/^[A-Z0-9-]{2,6}$/.test(form) && form.length >= 2 && form.length <= 120) draft.written.add(form);
  }

  // 5. Curated abbreviations.
  for (const a of abbreviations) {
    const draft = drafts.get(`MESH:${a.meshId}`);
    if (!draft) throw new Error(`data/curated/abbreviations.tsv: ${a.form} names ${a.meshId}, which is not a concept`);
    draft.concept.abbreviations.push({ form: a.form, ambiguous: a.ambiguous });
  }

  for (const [draft, form] of shortForms) {
    if (!draft.concept.abbreviations.some((a) => a.form === form)) draft.concept.abbreviations.push({ form, ambiguous: true });
  }

  // Our notes on concepts the sources leave bare (COVID-19) or define by a narrower page (NAFLD by NASH's).
  for (const [id, note] of Object.entries(notes)) {
    const draft = drafts.get(id);
    if (!draft) throw new Error(`data/curated/concept-notes.json: ${id} is not a concept`);
    for (const form of note.synonyms ?? []) addForm(draft, form);
    if (note.category) draft.concept.category = note.category;
    if (note.definition) {
      draft.concept.definition = note.definition;
      draft.ownDefinition = true;
    }
  }

  // Forms real abstracts show to be mostly something else (gene symbols like ATM, words like "death") are
  // dropped as synonyms and abbreviations; a concept's own name always stays.
  const weak = (form: string) => weakForms.has(canonicalForm(form));

  for (const draft of drafts.values()) {
    const c = draft.concept;
    let natural: string | undefined;
    // Readers know "Breast cancer" better than "Breast neoplasms": prefer a curated name, a consumer title, then a
    // lone DO label.
    if (draft.preferredName) c.name = draft.preferredName;
    else if (draft.consumerTitle) c.name = readableCase(capitalise(draft.consumerTitle));
    else if (draft.doLabels.length === 1 && c.id.startsWith('MESH:') && words(draft.doLabels[0]) <= words(c.name)) {
      // Not when it is longer: "Human immunodeficiency virus infectious disease" for "HIV infections".
      c.name = capitalise(draft.doLabels[0]);
    } else if (!c.id.startsWith('MESH:') && (natural = invertedName(c.name))) {
      // "Aganglionosis, total intestinal" as readers say it: "Total intestinal aganglionosis". GARD's pages write
      // it the other way: that stays a form, as written.
      draft.forms.add(c.name);
      c.name = natural;
    } else if (c.id.startsWith('MEDQUAD:') && inTitleCase(c.name)) {
      // MedlinePlus titles its pages ("Insulin Glargine", "Hay Fever"); GARD's names are already in sentence
      // case, their capitals eponyms ("Jung Wolff Back Stahl syndrome"), and stay as they are.
      c.name = readableCase(c.name);
    }
  }
  // Another concept's name is no synonym: "colitis" is MeSH's Colitis, not also a name of ulcerative colitis.
  // So is a short form another concept bears without ambiguity: MedlinePlus lists "SSRIs" among the names of its
  // antidepressants page, but SSRIs are one class of them.
  const nameOwners = new Map<string, string>();
  for (const { concept } of drafts.values()) if (!nameOwners.has(canonicalForm(concept.name))) nameOwners.set(canonicalForm(concept.name), concept.id);
  // The name clinicians use counts too: a consumer page that names a heading in the patients' word ("Collapsed lung")
  // leaves "pneumothorax" its clinical name, not a synonym free for a subtype's page to take.
  for (const { concept, clinicalName } of drafts.values()) {
    if (clinicalName && !nameOwners.has(canonicalForm(clinicalName))) nameOwners.set(canonicalForm(clinicalName), concept.id);
  }
  for (const { concept } of drafts.values()) {
    for (const a of concept.abbreviations) if (!a.ambiguous && !nameOwners.has(canonicalForm(a.form))) nameOwners.set(canonicalForm(a.form), concept.id);
  }
  // And so is a name in the other number, or spelt the British way, which the matcher makes of it: MedlinePlus lists
  // "Hyperlipidemia" among the names of its cholesterol page, but it is MeSH's Hyperlipidemias (a synonym, a real
  // form, would beat the made-up inflection and open the cholesterol card).
  for (const { concept } of drafts.values()) {
    for (const v of formVariants(canonicalForm(concept.name))) if (!nameOwners.has(v)) nameOwners.set(v, concept.id);
  }
  // A clinical name is shown to clinicians instead of an everyday one; a stale row (the name it was written for
  // has changed) or one that names another concept would mislead.
  for (const { concept, clinicalName } of drafts.values()) {
    if (!clinicalName) continue;
    const owner = nameOwners.get(canonicalForm(clinicalName));
    if (joinKey(clinicalName) === joinKey(concept.name) || (owner && owner !== concept.id)) {
      throw new Error(`data/curated/other-names.tsv: the clinical name ${clinicalName} is ${owner === concept.id ? 'already the name' : `the name of ${owner}`}`);
    }
    concept.clinicalName = clinicalName;
  }

  // The definition: from the most patient-oriented source, unless a less patient-oriented one says what the
  // concept is and it does not. MedlinePlus often leads in ("Each year over a million people in the U.S. have a
  // heart attack.") where NHLBI's page opens "A heart attack happens when…". Said of the concept by one of its
  // own names: a page on a narrower condition joined by its name ("Achromatopsia is…" for color blindness) does
  // not count.
  for (const draft of drafts.values()) {
    if (draft.ownDefinition || !draft.definitions) continue;
    const c = draft.concept;
    const names = [c.name, c.clinicalName, draft.sourceName].filter((n) => n !== undefined);
    let best: { rank: number; text: string; source: { name: string; url: string } } | undefined;
    let bestRank = Infinity;
    for (const d of draft.definitions) {
      const rank = d.rank + (names.some((n) => saysWhatItIs(d.text, n)) ? 0 : DEFINITION_SOURCES.length);
      if (rank < bestRank) [best, bestRank] = [d, rank];
    }
    c.definition = fromWhatItIs(best!.text, names);
    c.definitionSource = best!.source;
  }

  // How many concepts hold each form: an inflection of a shown name is shown too where another concept holds it,
  // as it then decides which concept the matcher gives the form to (a real form before a made-up inflection).
  const formHolders = new Map<string, number>();
  for (const draft of drafts.values()) {
    for (const k of new Set([...draft.forms, ...draft.written].map(canonicalForm))) formHolders.set(k, (formHolders.get(k) ?? 0) + 1);
  }

  // Names a source gives a concept that are another's (data/curated/wrong-names.tsv); a row that names nothing the
  // concept holds is stale, and said so.
  const wrong = new Map<string, Set<string>>();
  for (const { conceptId, form } of wrongNames) {
    const draft = drafts.get(conceptId);
    // A row whose name the concept never held, and that kept no page from joining it, is stale.
    const held = draft && [...draft.forms, ...draft.written].some((f) => joinKey(f) === joinKey(form));
    if (!held && !joinsRefused.has(`${conceptId}\t${joinKey(form)}`)) {
      throw new Error(`data/curated/wrong-names.tsv: ${conceptId} has no name "${form}"`);
    }
    if (!wrong.has(conceptId)) wrong.set(conceptId, new Set());
    wrong.get(conceptId)!.add(joinKey(form));
  }

  const concepts = [...drafts.values()].map((draft) => {
    const c = draft.concept;
    const notIts = wrong.get(c.id);
    // The clinicians' name is the concept's own too, never weak: NCBI's curators marked "hearing loss" mostly inside
    // longer mentions ("sensorineural hearing loss"), and dropping it left hearing loss dark on every page.
    const own = c.clinicalName && joinKey(c.clinicalName);
    draft.forms = new Set([...draft.forms].filter((f) => (!weak(f) || joinKey(f) === own) && !notIts?.has(joinKey(f))));
    c.abbreviations = c.abbreviations.filter((a) => !weak(a.form));
    // A synonym that is one of its abbreviations is shown once, as the abbreviation ("Also called: COPD, COPD").
    // Names are told apart as the matcher tells them apart: "nirmatrelvir/ritonavir" is not "nirmatrelvir-ritonavir",
    // but "Brain tumor" is "Brain tumors" and "breast tumour" "breast tumor" (the matcher makes those variants).
    // A short form in capitals matches only in capitals, so "covid" beside "COVID" is a name of its own.
    const matchKey = (f: string) => (isShortAllCaps(f) ? `cs:${f}` : canonicalForm(f));
    // The keys a form is shown under: a case-sensitive one has no variants.
    const shownAs = (k: string) => (k.startsWith('cs:') ? [k] : [k, ...formVariants(k)]);
    const seen = new Set([c.name, ...c.abbreviations.filter((a) => !a.ambiguous).map((a) => a.form)].map(matchKey));
    const shown = new Set([...seen].flatMap(shownAs));
    const keep = (f: string) => {
      const k = matchKey(f);
      if (seen.has(k) || (shown.has(k) && formHolders.get(k) === 1) || (nameOwners.get(canonicalForm(f)) ?? c.id) !== c.id) return false;
      seen.add(k);
      for (const v of shownAs(k)) shown.add(v);
      return true;
    };
    for (const f of [...draft.forms].sort()) if (keep(f)) c.synonyms.push(f);
    const written = [...draft.written].filter((f) => !weak(f) && !notIts?.has(joinKey(f))).sort().filter(keep);
    if (written.length > 0) c.writtenForms = written;
    // An abbreviation that is the name itself ("HER2") is shown once, as the name.
    c.abbreviations = c.abbreviations.filter((a) => a.form !== c.name).sort((a, b) => a.form.localeCompare(b.form));
    return c;
  });
  concepts.sort((a, b) => a.id.localeCompare(b.id));
  return { concepts, topicLinks, meshByName };
}

/** "Mycobacterium tuberculosis" → "M. tuberculosis", for an organism (MeSH B) named genus and species. */
function abbreviatedSpecies(name: string, treeNumbers: readonly string[]): string | undefined {
  if (!treeNumbers.some((t) => t.startsWith('B'))) return undefined;
  const m = /^([A-Z])[a-z]+ ([a-z]{3,})$/.exec(name);
  if (!m || /(?:virus|viruses|bacteria|phages?)$/.test(m[2]) || NOT_A_GENUS.test(name)) return undefined;
  return `${m[1]}. ${m[2]}`;
}

// First words of organism names that are no genus ("Human adenoviruses", "Anaerobic bacteria").
const NOT_A_GENUS = /^(?:Human|Simian|Avian|Bovine|Porcine|Murine|Feline|Canine|Equine|Ovine|Aerobic|Anaerobic) /;

/**
 * A name written head first with a qualifier of one or two plain words after a comma ("Hepatocellular carcinoma,
 * childhood"), in the order readers write it; undefined for any other name (lists, "X, type 2", "Y, with Z").
 */
function invertedName(name: string): string | undefined {
  const m = /^([^,]+), ([a-z][a-z-]*(?: [a-z][a-z-]*)?)$/.exec(name);
  if (!m || / and /.test(m[1]) || /\b(?:and|or|with|of|type|variant|form|group|not)\b/.test(m[2])) return undefined;
  // Its first word loses its capital unless a name's ("Hodgkin's lymphoma", "Wolff-Parkinson-White").
  const head = /^[A-Z][a-z]+(?:-[a-z]+)*(?![\w'-])/.test(m[1]) ? m[1][0].toLowerCase() + m[1].slice(1) : m[1];
  return capitalise(`${m[2]} ${head}`);
}

/** Every word but the small ones starts with a capital (or is no word): a title, not a name in sentence case. */
function inTitleCase(name: string): boolean {
  return name.split(/[\s,/]+/).every((w) => w === '' || SMALL_WORD.test(w) || !/^\p{L}/u.test(w) || /^\p{Lu}/u.test(w));
}
const SMALL_WORD = /^(?:a|an|and|or|of|in|on|at|to|by|for|from|with|without|the|as|via|per|vs)$/;

/** The drug a MedlinePlus drug page is about, without its dosage form: "Pembrolizumab Injection" → "Pembrolizumab". */
function drugName(title: string): string {
  return title.replace(DOSAGE_FORM, '') || title;
}

// Trailing dosage forms as MedlinePlus writes them, with an optional brand or use in brackets ("Injection (Sylatron)").
const DOSAGE_FORM =
  / (?:(?:Subcutaneous )?Injection(?: and Nasal Spray)?|Oral(?: Inhalation)?|Topical|Ophthalmic|Otic|Nasal(?: Spray| Inhalation| Solution| Gel)?|(?:Oral )?Inhalation|Rectal|Transdermal Patch|Vaginal(?: Cream| Ring)?(?:, Vaginal Suppositories)?|Implant|Spray|Sublingual(?: Spray| and Buccal)?|Buccal)(?: \([^()]*\))?$/;

const isShortCode = (s: string) => /^[A-Z0-9-]{2,6}$/.test(s) && /[A-Z]/.test(s);

/**
 * A MedQuAD topic's title as names: CDC writes "Parasites - Enterobiasis (also known as Pinworm Infection)" and
 * "Tuberculosis (TB)", Cancer.gov "Liver (Hepatocellular) Cancer". The name is the title without the brackets;
 * "also known as" gives another name, a short code an abbreviation, and other bracketed words ("Blood in the
 * Urine", "Recreational", "Including Multiple Myeloma") only a way to join a concept, never a name of it.
 */
export function topicName(title: string): TopicNames & { raw: string } {
  return { raw: title, ...namesOf(title) };
}

interface TopicNames {
  name: string;
  aliases: string[];
  shortForms: string[];
  joinOnly: string[];
}

function namesOf(title: string): TopicNames {
  // "Parasites - Lice - Head Lice": the last part names the page.
  const parts = title.replace(/^Parasites - /, '').trim().split(' - ');
  const plain = parts.length === 2 && parts[1].toLowerCase().includes(parts[0].toLowerCase()) ? parts[1] : parts.join(' - ');
  const known = /^(.+?)\s*\(also known as ([^()]+)\)$/i.exec(plain);
  if (known) return { name: known[1], aliases: [known[2]], shortForms: [], joinOnly: [] };
  const bracket = /^([^()]+?)\s*\(([^()]+)\)\s*([^()]*)$/.exec(plain);
  if (!bracket) return { name: plain, aliases: [], shortForms: [], joinOnly: [] };
  const [, before, inner, after] = bracket;
  // "... (GAE); Keratitis": no space before punctuation.
  const name = !after ? before : /^[\p{L}\p{N}]/u.test(after) ? `${before} ${after}` : `${before}${after}`;
  if (isShortCode(inner)) return { name, aliases: [], shortForms: [inner], joinOnly: [] };
  // "MSM (Methylsulfonylmethane)": the short code first, its name in brackets.
  if (!after && isShortCode(before)) return { name: inner, aliases: [], shortForms: [before], joinOnly: [] };
  // "Liver (Hepatocellular) Cancer" is also "Hepatocellular Cancer"; "Hematuria (Blood in the Urine)" may join by its gloss.
  return { name, aliases: [], shortForms: [], joinOnly: [after ? `${inner} ${after}` : inner] };
}

/** Words of a name that say what it is (not "disease", "syndrome", "of"), lower-cased. */
function contentWords(name: string): string[] {
  return joinKey(name)
    .split(' ')
    .filter((w) => w.length > 2 && !GENERIC_WORDS.has(w));
}

const GENERIC_WORDS = new Set(['disease', 'diseases', 'disorder', 'disorders', 'syndrome', 'syndromes', 'the', 'and', 'with', 'for', 'type']);

/** A join key with MeSH's word for cancers and tumours: "lung cancer", "brain tumors" → "lung neoplasms", "brain neoplasms". */
const asNeoplasms = (key: string) => key.replace(/ (cancers?|tumou?rs?)$/, ' neoplasms');

/**
 * The name readers give a tumour of a site ("brain tumor") where MeSH files it by site ("Brain Neoplasms",
 * under C04.588, neoplasms by site): none for longer or inverted headings, whose site is no plain word or two.
 */
function siteTumour(name: string, treeNumbers: readonly string[]): string | undefined {
  if (!treeNumbers.some((t) => t.startsWith('C04.588.'))) return undefined;
  const site = /^([a-z]+(?: [a-z]+)?) neoplasms$/i.exec(name)?.[1];
  return site ? `${site} tumor` : undefined;
}

/** The words of a concept's names that say what it is (abbreviations aside: "AIDS" and "aids"). */
function conceptWords(draft: Draft): Set<string> {
  return new Set([...draft.forms].filter((f) => !/^[A-Z0-9-]+$/.test(f)).flatMap(contentWords));
}

/** Whether a topic's name shares a word with one of the concept's names. */
function sharesWord(focus: string, draft: Draft): boolean {
  const words = conceptWords(draft);
  return contentWords(focus).some((w) => words.has(w));
}

/**
 * Whether a definition opens by saying what `name` is ("A heart attack happens when…", "Crohn's disease is…",
 * "Atrial fibrillation (…), or AF, is…"), rather than leading in ("Each year over a million people…") or opening
 * with a page's heading ("Blood Flow to the Heart Is Blocked").
 */
function saysWhatItIs(definition: string, name: string, strictly = false): boolean {
  const opening = joinKey(definition.slice(0, name.length + 80)).replace(/^(a|an|the) /, '');
  // The name in either number: "A scar is…" defines Scars, "A congenital heart defect is…" the defects.
  const key = [joinKey(name), ...inflections(joinKey(name))].find((k) => opening.startsWith(k));
  if (key === undefined) return false;
  return (strictly ? DEFINES_STRICTLY : DEFINES).test(opening.slice(key.length));
}

// After the name: an abbreviation or other name in brackets or commas, then a verb that says what it is.
const AFTER_NAME = String.raw`^(?: \([^)]*\))?(?: or [a-z0-9 ]+)?,?(?: also (?:called|known as) [^,]+,)? `;
const DEFINES = new RegExp(String.raw`${AFTER_NAME}(?:is|are|happens|occurs|refers to|means)\b`);
const DEFINES_STRICTLY = new RegExp(String.raw`${AFTER_NAME}(?:(?:is|are) (?:a|an|the|one|inflammation|damage)\b|(?:happens|occurs) when\b|refers to\b|means\b)`);

/**
 * A definition from the sentence that says what the concept is, where one after a lead-in does ("The cervix is the
 * lower part of the uterus… Cervical cancer is…"): the card shows the definition's start.
 */
function fromWhatItIs(definition: string, names: string[]): string {
  if (names.some((n) => saysWhatItIs(definition, n))) return definition;
  const sentences = definition.split(/(?<=[.!?])\s+(?=[A-Z])/);
  for (let i = 1; i < Math.min(sentences.length, 4); i++) {
    const rest = sentences.slice(i).join(' ');
    // Only a sentence that stands alone and defines: not "Chronic pain is different.", "…is caused by damage to
    // those nerves", "Scoliosis is most common in late childhood".
    const opening = sentences[i].split(' ').slice(0, 10).join(' ');
    if (/\b(?:these|those|this|that|such|different|common)\b/i.test(opening)) continue;
    if (rest.length >= 60 && names.some((n) => saysWhatItIs(rest, n, true))) return rest;
  }
  return definition;
}

const words = (name: string) => name.trim().split(/\s+/).length;

/**
 * How many GARD pages list a name for it to be a group's: at 3, 78 names, each a group; at 2, real other names too
 * (Chiari malformation left its MeSH heading).
 */
const GROUP_PAGES = 3;

/** What at least `pages` of `topics` list. */
function listedBy(topics: MedQuadTopic[], list: (t: MedQuadTopic) => string[], pages: number): Set<string> {
  const count = new Map<string, number>();
  for (const t of topics) for (const key of new Set(list(t))) count.set(key, (count.get(key) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n >= pages).map(([key]) => key));
}

/** Every content word of `name` is one of `of`'s ("Hemiplegic migraine" of "Familial hemiplegic migraine"). */
function wordsWithin(name: string, of: string): boolean {
  const words = new Set(contentWords(of));
  return contentWords(name).every((w) => words.has(w));
}
