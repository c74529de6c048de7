/**
 * Phrases that hold a term but are not one: "a stroke of luck", "the Great Depression". They enter the
 * vocabulary under NOT_A_TERM as stop forms that no concept can give context to, so the longest match takes
 * the whole phrase and nothing is lit.
 */
export const NOT_A_TERM = 'not-a-term';
export const NOT_TERMS = [
  'stroke of luck', 'stroke of genius', 'stroke of midnight', 'stroke of the pen', 'stroke of a pen',
  'broad strokes', 'brush stroke', 'breast stroke', 'back stroke',
  'great depression', 'economic depression', 'tropical depression', 'tropic of cancer',
  // slowed breathing or a lowered ECG segment: no mood disorder
  'respiratory depression', 'ST depression', 'ST-segment depression', 'ST segment depression', 'CNS depression',
  'cabin fever', 'spring fever', 'fever pitch', 'brain drain', 'brain trust', 'smoking gun',
  // chemistry's "molar" (per mole), in laboratory methods: no tooth
  'molar excess', 'molar ratio', 'molar ratios', 'molar concentration', 'molar concentrations', 'molar mass',
  'molar extinction coefficient', 'molar absorptivity', 'molar equivalent', 'molar equivalents', 'molar amount',
  // laboratory equipment and settings, in methods sections: no blood vessel, injection or perfusion of a patient
  'capillary column', 'capillary columns', 'split injection', 'splitless injection', 'perfusion chamber',
  'brain gain',
  // mass spectrometry settings and a supplier's name, in methods sections: no ion in the body, no DNA test
  'positive ion mode', 'negative ion mode', 'ion mode', 'Integrated DNA Technologies',
  // a protein's shape and a complex of two molecules, in molecular biology: no dietary zinc, no drug class
  'zinc finger', 'zinc fingers', 'zinc-fingered', 'zinc finger protein', 'zinc finger proteins',
  'enzyme-inhibitor complex', 'enzyme-inhibitor adduct',
  // buffers in laboratory methods: no phosphate or bicarbonate in the body
  'phosphate buffered saline', 'phosphate-buffered saline', 'phosphate buffer saline', 'phosphate buffer',
  'phosphate buffers',
  'carbonate-bicarbonate buffer', 'carbonate buffer', 'bicarbonate buffer',
  // the profession, not breastfeeding (MedQuAD's other name for it)
  'nursing staff', 'nursing student', 'nursing students', 'nursing care', 'nursing school', 'nursing practice',
  'nursing education', 'nursing research', 'nursing assistant', 'nursing assistants', 'nursing intervention',
  'nursing interventions', 'nursing facility', 'nursing facilities', 'nursing profession', 'nursing workforce',
  // the heart's work per beat, a labour's progress, a hydatidiform mole's tissue, a receptor, a radiograph's line,
  // where the eyes look: no brain stroke, no dilating procedure, no tooth, no sugar, no joint, no eye disease
  'stroke work', 'stroke work index', 'stroke index', 'cervical dilatation', 'cervical dilation', 'molar tissue',
  'mannose receptor', 'mannose receptors', 'joint line', 'joint lines', 'eye tracking', 'eye-tracking',
  // a tumour's wrapping, in pathology: no drug capsule
  'fibrous capsule', 'tumor capsule', 'tumour capsule',
  // a unit of pressure, hurt feelings, a pill taken by mouth, a rinse, social work, a joint's support (a patient's walk,
  // session 21): no poisoning by mercury, no wound, no dental specialty, no skin flushing, no insurance, no dental braces
  'millimeters of mercury', 'millimetres of mercury', 'mm of mercury', 'psychological trauma', 'emotional trauma',
  'oral medicine', 'oral medicines', 'oral medication', 'oral medications', 'flushing liquid', 'case-managed care',
  'case managed care', 'splints or braces', 'braces or splints', 'knee brace', 'knee braces', 'back brace',
  'back braces',
  'wrist brace', 'wrist braces',
  // a germ's species name standing apart from its genus ("Streptococcus (strep-to-KOK-us) pneumoniae"): no pneumonia
  'pneumoniae', 'influenzae',
  // the US drug regulator ("Administration" ends no other name: "Opioid Administration" is a title's words)
  'Food and Drug Administration',
  // the beams of radiation therapy, which cancer pages describe (session 22's review): no X-ray picture is taken
  'high-energy x-rays', 'high energy x-rays', 'high-energy x-ray', 'high energy x-ray',
  // cells and organelles taking up water, in laboratory studies: no edema of a patient's tissues
  'cell swelling', 'cellular swelling', 'mitochondrial swelling',
  // gum to chew (MeSH's Chewing gum is a term of its own) and gums that thicken food: no gums of the mouth
  'sugarless gum', 'sugar-free gum', 'bubble gum', 'gum arabic', 'xanthan gum', 'guar gum',
  // cells and platelets sticking together, not the scar tissue of surgical adhesions
  'cell adhesion', 'platelet adhesion',
  // cells' sensitivity to radiation, not an immune reaction
  'hypersensitivity to ionizing radiation', 'hypersensitivity to radiation',
  // a cyst cut out of the ovary, not the bladder removed (MeSH's Cystectomy); a laser's element, not a medicine;
  // a syndrome whose last names are another's (Miller syndrome)
  'ovarian cystectomy', 'ovarian cystectomies', 'holmium laser', 'holmium lasers', 'Say-Barber-Miller syndrome',
  // questionnaires and a device named for what they measure or are made of: no anxiety, androgen, bladder or copper card
  'Hospital Anxiety and Depression Scale', 'Androgen Deficiency of Aging Men', 'Androgen Deficiency in Aging Males',
  'OAB-q', 'copper T380A', 'copper T 380A',
  // a child's check-ups, day care for adults, and a game of strangling oneself: no child care or choking card
  'well child care', 'well-child care', 'adult day care', 'choking game', 'choking games',
  // a foot turned up and out: the opposite of a clubfoot
  'talipes calcaneovalgus',
  // laboratory reagents, settings and media in methods sections (session 25's readings, triaged in session 26): no hormone,
  // chemical or organism card
  'thyroid response element', 'thyroid response elements', 'recombinant protein G', 'ammonium bicarbonate',
  'oleic-albumin-dextrose-catalase', 'oleic acid-albumin-dextrose-catalase', 'minimal salts', 'minimal salts medium',
  'minimal salts media', 'holmium:YAG', 'holmium:YAG laser', 'membrane potential', 'membrane potentials',
  'bisindolyl maleimide', 'inductively coupled plasma',
  // a flu-like illness is no flu; a baby's size for its age, a gene variant and a trial register are no terms
  'influenza-like illness', 'influenza-like illnesses', 'small for gestational age', 'single nucleotide polymorphism',
  'single nucleotide polymorphisms', 'Clinical Trials.gov', 'appropriate for gestational age',
  'large for gestational age',
  // plumbing, a laboratory's reflex testing, scales named for what they grade, and the cook's tartar
  'drainage system', 'flushing away', 'flushing out', 'reflex range', 'Thrombolysis in Brain Ischemia',
  'cream of tartar', 'tartar sauce', 'reflex testing', 'Thrombolysis in Myocardial Infarction',
  // a stain for tissue sections, not the chemicals
  'toluidine blue',
  // studies, tests, equations and scores named for what they measure; enzymes named for what they act on; a
  // patient's rating of their own health (session 26's second reading of abstracts)
  'Stroke Action Test', 'Diabetes Prevention Trial', 'National Infarct Angioplasty Project', 'Osteoarthritis Policy Model',
  'CKD-EPI', 'histidine triad nucleotide-binding protein', 'arginine:glycine amidinotransferase', 'global health status',
  'blood oxygen level dependent', 'blood oxygen level-dependent',
  // a target's pattern (a Lyme disease rash "may look like a bull's eye"): no eye
  "bull's eye", "bull's-eye", 'bullseye',
  // questionnaires, scales and trial groups named for what they measure; a stain's and a lamp's colour; an attack;
  // a marrow finding on MRI that is no bruise of the skin
  'Asthma Control Test', 'Asthma Control Questionnaire', 'Spinal Cord Independence Measure',
  'Kiddie Schedule for Affective Disorders and Schizophrenia', 'Radiation Therapy Oncology Group', 'cobalt blue',
  'suicide bombing', 'suicide bombings', 'suicide bomber', 'suicide bombers', 'bone bruise', 'bone bruises',
  // mesalamine, a bowel drug the vocabulary lacks: not para-aminosalicylic acid, a tuberculosis drug
  '5-aminosalicylic acid',
  // outside the abdomen: no abdominal tumour ("extra-abdominal desmoid tumors")
  'extra-abdominal',
];
