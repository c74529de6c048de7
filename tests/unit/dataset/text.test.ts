// MedQuAD's questions and answers, tidied for reading (scripts/dataset/text.ts).
import { describe, expect, test } from 'vitest';
import { definitionFrom, tidyAnswer, tidyPhenotypeTable } from '../../../scripts/dataset/answers';
import { conclusionApart, tidyQuestion, tidyResearchText, trimToSentence } from '../../../scripts/dataset/text';

describe('questions', () => {
  test.each([
    ['What is (are) Malaria ?', 'information', 'What is Malaria?'],
    ['What is (are) Varicose Veins ?', 'information', 'What are Varicose Veins?'],
    ['What is (are) Diabetes ?', 'information', 'What is Diabetes?'],
    ['What is (are) Medicines ?', 'information', 'What are Medicines?'],
    ['What is (are) Learning Disabilities ?', 'information', 'What are Learning Disabilities?'],
    ['What is (are) Measles ?', 'information', 'What is Measles?'],
    ['What is (are) Medicines and Children ?', 'information', 'What are Medicines and Children?'],
    ['What is (are) Sepsis ?', 'information', 'What is Sepsis?'],
    ['Who is at risk for Stroke? ?', 'susceptibility', 'Who is at risk for Stroke?'],
    ['Do you have information about A1C', 'information', 'What is A1C?'],
    ['What are the symptoms of  Malaria ?', 'symptoms', 'What are the symptoms of Malaria?'],
  ])('%s', (question, type, tidy) => {
    expect(tidyQuestion(question, type)).toBe(tidy);
  });
});

test.each([
  ['its "≤" and "≥"', 'patients with<or =5 lesions delivered at>or = 34 weeks', 'patients with ≤ 5 lesions delivered at ≥ 34 weeks'],
  [
    'its "≥", "≤" and "±" in their other ASCII forms',
    'a NTDR of>/=33%, minimal pneumothorax (</= 10%), 25.9 +/- 10.9 seconds and 20.8+/-13.3',
    'a NTDR of ≥ 33%, minimal pneumothorax (≤ 10%), 25.9 ± 10.9 seconds and 20.8 ± 13.3',
  ],
  [
    'a "±" lost to a "+" between decimals, not a sum',
    'aged 56.8+16.9 years (0.606+0.095 vs 0.562+0.101 μmol/L); dose = 0.337 + 1.070 × ratio, 2+2 design',
    'aged 56.8 ± 16.9 years (0.606 ± 0.095 vs 0.562 ± 0.101 μmol/L); dose = 0.337 + 1.070 × ratio, 2+2 design',
  ],
  // A symbol's own way of writing it ("P<0.001", "pH>4") stays.
  ['a sign or a unit parted from the word before', 'patients with>5 lesions (P<0.001, pH>4) aged 17-29years, 6months later', 'patients with >5 lesions (P<0.001, pH>4) aged 17-29 years, 6 months later'],
  [
    "PubMed's leftovers gone: a leading colon, stray spaces and stops",
    ': Prophylactic fixation helps.  It was not enrolled in hospice.The rate fell ( r: 0.5) . .',
    'Prophylactic fixation helps. It was not enrolled in hospice. The rate fell (r: 0.5).',
  ],
  ['a "[corrected]" mark gone', '[corrected] This observation is rare.', 'This observation is rare.'],
  ['a space before a closing bracket gone', 'BMI of 26.5 kg/m(2) (23.9-30.1 kg/m(2) ), respectively', 'BMI of 26.5 kg/m² (23.9-30.1 kg/m²), respectively'],
  // PubMed writes a superscript or subscript as a bracket glued to its word.
  [
    'areas, powers of ten and units to a power in small digits',
    '12 mg/m(2), 400 cm(2), 16.5\u2009mm(2), BMI 34 kg/m 2, weight/height(2); <150 x 10(9)/l, (0.97)x10(-3)mm(2)/s; 4.88 micromol L(-1), 1 mg.kg(-1).h(-1), 0.08 ng ml(-1)',
    '12 mg/m², 400 cm², 16.5\u2009mm², BMI 34 kg/m², weight/height²; <150 x 10⁹/l, (0.97)x10⁻³mm²/s; 4.88 micromol L⁻¹, 1 mg.kg⁻¹.h⁻¹, 0.08 ng ml⁻¹',
  ],
  [
    'gases, statistics, lung function and cell markers',
    'PaCO(2), PaO(2)/FIO(2), P(A-a)O(2), EtCO(2), 5% O(2), NaHCO(3), SpO(2)<90%, Vo(2)peak; chi(2) = 5.5, χ(2) test, r(2)=0.79, (R(2\u2009)=\u20090.5); FEV(1), PC(20), IC(50), vitamin B(12); CD8(+) and CD11c(+) cells, Ph(+)',
    'PaCO₂, PaO₂/FIO₂, P(A-a)O₂, EtCO₂, 5% O₂, NaHCO₃, SpO₂<90%, Vo₂peak; χ² = 5.5, χ² test, r²=0.79, (R²=\u20090.5); FEV₁, PC₂₀, IC₅₀, vitamin B₁₂; CD8⁺ and CD11c⁺ cells, Ph⁺',
  ],
  // A bracket that counts or groups is no superscript; TNM stages stay as PubMed wrote them.
  ['a bracketed number that is no superscript kept', 'grade (2) in 10 (2%) of 33 (2) patients, group B (12) and T(1-3)N(0)M(0)', 'grade (2) in 10 (2%) of 33 (2) patients, group B (12) and T(1-3)N(0)M(0)'],
  // "pmol.L-1" stays.
  [
    'a sentence or an inline label run onto a bracket, a number or a capital parted',
    'with liver disease.AIM: To see (LMICs).This was P<0.001.Multivariate at 2 pmol.L-1.',
    'with liver disease. AIM: To see (LMICs). This was P<0.001. Multivariate at 2 pmol.L-1.',
  ],
])('research text: %s', (_what, text, tidy) => {
  expect(tidyResearchText(text)).toBe(tidy);
});

test('a definition is the prose before the first list, without the sentence leading into it', () => {
  const answer = 'Chickenpox is an itchy rash. It spreads to the body. Other symptoms include    - Fever    - Headache\n\nMore.';
  expect(definitionFrom(answer, 500)).toBe('Chickenpox is an itchy rash. It spreads to the body.');
  // NIDDK's list is the next paragraph.
  expect(definitionFrom('This kidney is called a solitary kidney. The three main causes of a solitary kidney are\n\n- birth defects\n- removal', 500)).toBe(
    'This kidney is called a solitary kidney.',
  );
  // Cancer.gov's key points are sentences: they define.
  expect(definitionFrom('Key Points    - Leukemia is a cancer of the blood.    - Signs include fever.', 500)).toBe(
    'Leukemia is a cancer of the blood. Signs include fever.',
  );
  expect(definitionFrom('Symptoms include    - Fever    - Headache', 500)).toBe('');
  // A page that opens by listing what its topic is defines it by the prose after the list.
  expect(definitionFrom('Summary : The B vitamins are       - B1 (thiamine)    - Folic acid       These vitamins help make energy.', 500)).toBe(
    'These vitamins help make energy.',
  );
  expect(definitionFrom('Dumping syndrome is common. It has two types, based on when symptoms occur:', 500)).toBe('Dumping syndrome is common.');
  // NHLBI's pages open with their language link on its own ("Español", its ñ lost): the definition is what follows.
  expect(definitionFrom('Espaol\n                \nA heart attack happens when blood flow to the heart is blocked.\n    \nOverview', 500)).toBe(
    'A heart attack happens when blood flow to the heart is blocked.',
  );
  // CDC's pages open with a heading or a question on its own: the definition is the first paragraph of prose.
  expect(definitionFrom('Frequently Asked Questions (FAQs)\n    \nCystic echinococcosis is an infection with a tapeworm.', 500)).toBe(
    'Cystic echinococcosis is an infection with a tapeworm.',
  );
  expect(definitionFrom('What is diabetes?\n   \nDiabetes means your blood glucose is too high.', 500)).toBe('Diabetes means your blood glucose is too high.');
  expect(definitionFrom('Frequently Asked Queestions (FAQs)', 500)).toBe('');
  // A sentence that ends inside quotes is whole: only the list's lead-in goes.
  expect(definitionFrom('Melanoma is a skin cancer. It may look "ugly." Watch for:    - Asymmetry    - Border', 500)).toBe(
    'Melanoma is a skin cancer. It may look "ugly."',
  );
});

describe('answers', () => {
  test('list items on lines of their own, a "Summary :" label and runs of spaces gone', () => {
    expect(tidyAnswer('Summary : A1C is a test.    - A normal level.    -  Another one.\n\nNext  para.')).toBe(
      'A1C is a test.\n• A normal level.\n• Another one.\nNext para.',
    );
    expect(tidyAnswer('Key Points\n       - Adult ALL is a cancer.    - It may affect cells.')).toBe('Key points:\n• Adult ALL is a cancer.\n• It may affect cells.');
  });
  test("a list's last item ends where a wider run of spaces leads on to the next paragraph", () => {
    // MedlinePlus's allergy page: the list ends with seven spaces, its items are four apart.
    expect(tidyAnswer('Substances that often cause reactions are       - Pollen    - Medicines       Normally, your immune system fights germs.')).toBe(
      'Substances that often cause reactions are\n• Pollen\n• Medicines\nNormally, your immune system fights germs.',
    );
    // Two spaces within an item are no paragraph break.
    expect(tidyAnswer('Grades:    - Grade I (low-grade)  The cells look normal.')).toBe('Grades:\n• Grade I (low-grade) The cells look normal.');
  });
  test("a page's furniture goes, and the agency that wrote a summary stands on its own line, as its source", () => {
    const credited = { credited: true };
    expect(tidyAnswer('Pesticides can help.    Environmental Protection Agency', credited)).toBe('Pesticides can help.\nWritten by Environmental Protection Agency');
    expect(tidyAnswer('It is common.    Doctors use skin tests.    NIH: National Institute of Allergy and Infectious Diseases', credited)).toBe(
      'It is common. Doctors use skin tests.\nWritten by NIH: National Institute of Allergy and Infectious Diseases',
    );
    // A definition taken from such an answer ends with the answer, not with its credit (it had: "Molds ... Centers for
    // Disease Control and Prevention").
    expect(definitionFrom('Molds are fungi. Mold exposure may irritate your eyes.    Centers for Disease Control and Prevention', 400)).toBe(
      'Molds are fungi. Mold exposure may irritate your eyes.',
    );
    // Only a site that credits its writer (MedlinePlus) ends with a credit: elsewhere title-case words at the end are
    // the page's own ("Written by Heart Failure Signs and Symptoms" was shown on an NHLBI page).
    expect(tidyAnswer('Symptoms vary.    Heart Failure Signs and Symptoms')).not.toContain('Written by');
    // A last sentence without its stop is no credit.
    expect(tidyAnswer('Avoid these.    Quinine, which is found in tonic water', credited)).toBe('Avoid these. Quinine, which is found in tonic water');
    expect(tidyAnswer('Wash your hands.    More on: Handwashing')).toBe('Wash your hands.');
    expect(tidyAnswer('Eat well.       Top')).toBe('Eat well.');
    const ghr =
      'These resources address the management of Williams syndrome:  - Gene Review: Williams Syndrome      These resources from MedlinePlus offer information about the diagnosis and management of various health conditions:  - Diagnostic Tests  - Drug Therapy  - Surgery and Rehabilitation  - Genetic Counseling   - Palliative Care';
    expect(tidyAnswer(ghr)).toBe('These resources address the management of Williams syndrome:\n• Gene Review: Williams Syndrome');
  });
  test("NHLBI's items that name themselves and then explain at length are items too, while each does", () => {
    const xray = 'Chest x ray. A chest x ray creates a picture of the structures inside the chest, such as the heart and lungs, and can show whether the lungs are damaged or whether fluid has built up in them.';
    const blood = 'Blood tests. Blood tests are used to see whether an infant has enough oxygen in his or her blood, and they also can show whether an infection is causing the problems seen.';
    const prose = 'Many factors affect your cholesterol levels. For example, after menopause the levels tend to rise.';
    expect(tidyAnswer(`The tests include:\n${xray}\n${blood}\n${prose}`).split('\n')).toEqual(['The tests include:', `• ${xray}`, `• ${blood}`, prose]);
  });

  test("Cancer.gov's sub-items that are sentences nest under their lead-in, up to the list's next item of its shape", () => {
    expect(
      tidyAnswer('Tests are used:    - Complete blood count (CBC): A procedure in which blood is checked for the following:    - The number of red blood cells.    - The amount of hemoglobin in the red blood cells.    - Blood chemistry studies: A procedure in which a blood sample is checked.'),
    ).toBe(
      'Tests are used:\n• Complete blood count (CBC): A procedure in which blood is checked for the following:\n◦ The number of red blood cells.\n◦ The amount of hemoglobin in the red blood cells.\n• Blood chemistry studies: A procedure in which a blood sample is checked.',
    );
    // Jobs ending in "-ing" are no risk of the list's kind ("Being …"): they stay nested.
    expect(tidyAnswer('Risk factors include:    - Being exposed to chemicals in these jobs:    - Furniture-making.    - Woodworking (carpentry).    - Being infected with HPV.')).toBe(
      'Risk factors include:\n• Being exposed to chemicals in these jobs:\n◦ Furniture-making.\n◦ Woodworking (carpentry).\n• Being infected with HPV.',
    );
    // A sub-item may explain itself in brackets at any length.
    expect(
      tidyAnswer('Risk factors include:    - Having certain genetic conditions, such as:    - Down syndrome.    - Constitutional mismatch repair deficiency (mutations in certain genes that stop DNA from repairing itself, which leads to the growth of cancers at an early age).    - Having certain changes in the genes.'),
    ).toBe(
      'Risk factors include:\n• Having certain genetic conditions, such as:\n◦ Down syndrome.\n◦ Constitutional mismatch repair deficiency (mutations in certain genes that stop DNA from repairing itself, which leads to the growth of cancers at an early age).\n• Having certain changes in the genes.',
    );
    // A run that does not come back to the list's kind of item is not known to be nested.
    const unsure = 'Risk factors include:    - Having certain conditions:    - Down syndrome.    - Many other things may also raise the risk of this cancer in some people who have other conditions of many kinds.';
    expect(tidyAnswer(unsure)).not.toContain('◦');
  });

  test("NIHSeniorHealth's subheadings, run into every next sentence, are set apart; names that end a run stay whole", () => {
    const senior = { runInHeadings: true };
    expect(tidyAnswer('Actual Cause Is Unknown Scientists believe that it results from many factors.', senior)).toBe(
      'Actual Cause Is Unknown\nScientists believe that it results from many factors.',
    );
    expect(tidyAnswer('Medications Are Available The Food and Drug Administration has approved several medications.', senior)).toBe(
      'Medications Are Available\nThe Food and Drug Administration has approved several medications.',
    );
    for (const text of ['The United States Preventive Service Task Force recommends screening.', "The National Eye Institute's Age-Related Eye Disease Study found that vitamins help."]) {
      expect(tidyAnswer(text, senior)).toBe(text);
    }
    // A heading said again as the sentence's first word is set apart as on every site.
    expect(tidyAnswer('It occurs rarely. Polyps Polyps are benign growths.', senior)).toBe('It occurs rarely.\nPolyps\nPolyps are benign growths.');
    // A verb or commas inside the heading; a sentence that opens with a comma after its first word, or with "A".
    const headings: [string, string][] = [
      ['Why Saliva is Important', 'Saliva does more than keep your mouth wet.'],
      ['Relief is Possible', 'Although there is no treatment for presbyosmia, relief is possible.'],
      ['Burning, Itching, Tingling, Then a Rash', 'An outbreak of shingles usually begins with a burning sensation.'],
      ["Learning About Alzheimer's", "Sometimes, you may feel that you don't know how to care for the person."],
      ['Injuries and Birth Defects', 'A few people develop vision loss after eye injuries.'],
      ['Genes Play a Role', 'No one knows what causes T cells to go wrong.'],
    ];
    for (const [heading, sentence] of headings) expect(tidyAnswer(`${heading} ${sentence}`, senior)).toBe(`${heading}\n${sentence}`);
    // A verb with no capital after it is the sentence's, and "A" before a verb is a name's letter.
    expect(tidyAnswer('Surgery Surgery is the most common treatment.', senior)).toBe('Surgery\nSurgery is the most common treatment.');
    for (const text of ['Medicare Part A is hospital insurance.', 'Check Your Medications Often, a medication is the cause.']) {
      expect(tidyAnswer(text, senior)).not.toMatch(/^(?:Medicare Part|Check Your)\n/);
    }
    // Elsewhere only a word that opens sentences does ("Scientists" is no such word).
    expect(tidyAnswer('Actual Cause Is Unknown Scientists believe that it results from many factors.')).toBe('Actual Cause Is Unknown Scientists believe that it results from many factors.');
  });

  test('spaces the crawl moved around punctuation are put back; brackets inside words and mnemonics stay', () => {
    expect(tidyAnswer('It starts at 60 years . Signs include achalasia,gastroparesis and hypotonia ; Klippel-Feil syndrome (KFS)are rare.')).toBe(
      'It starts at 60 years. Signs include achalasia, gastroparesis and hypotonia; Klippel-Feil syndrome (KFS) are rare.',
    );
    const kept = 'MELAS stands for (MU)scle, (LI)ver and the sarco(endo)plasmic reticulum; 2,4-D is a herbicide.';
    expect(tidyAnswer(kept)).toBe(kept);
  });

  test("GARD's lists that lost every mark between their items are lists again, up to the sentence after them", () => {
    const gard = { runOnLists: true };
    expect(tidyAnswer('Risk factors include: Hypertension Smoking Hypercholesterolemia Heart disease Diabetes mellitus', gard)).toBe(
      'Risk factors include:\n• Hypertension\n• Smoking\n• Hypercholesterolemia\n• Heart disease\n• Diabetes mellitus',
    );
    expect(
      tidyAnswer('Options include: Antibiotics to control infections Corticosteroids to control inflammation Surgery Treatment for the eye may include artificial tears, antibiotics, or corticosteroids.', gard),
    ).toBe('Options include:\n• Antibiotics to control infections\n• Corticosteroids to control inflammation\n• Surgery\nTreatment for the eye may include artificial tears, antibiotics, or corticosteroids.');
    // The last item may keep its stop; a sentence after the list that starts with a name keeps its first words.
    expect(tidyAnswer('Other drugs include: Colchicine Methotrexate Calcitonin Etanercept.', gard)).toBe('Other drugs include:\n• Colchicine\n• Methotrexate\n• Calcitonin\n• Etanercept');
    expect(tidyAnswer('It is a Klebsiella infection. Signs include: High fevers Chills Cough Other common Klebsiella infections include meningitis and wound infections of several kinds.', gard)).toBe(
      'It is a Klebsiella infection. Signs include:\n• High fevers\n• Chills\n• Cough\nOther common Klebsiella infections include meningitis and wound infections of several kinds.',
    );
    // Not a list: a name in title case, too few items, a sentence, or another site's page.
    for (const text of ['Other names include: Ehlers-Danlos Syndrome Type Four and Vascular Type.', 'Causes include: Smoking Drinking', 'It is rare. Causes include: Smoking. It is bad.']) {
      expect(tidyAnswer(text, gard)).toBe(text);
    }
    expect(tidyAnswer('Risk factors include: Hypertension Smoking Hypercholesterolemia')).toBe('Risk factors include: Hypertension Smoking Hypercholesterolemia');
    // Any colon may lead in; after a list, the text is read again for the next one.
    expect(tidyAnswer('ATL may cause: Fatigue Thirst Frequent infections Roughly 2% develop HAM/TSP, a disease of the nerves. Its signs may include: Stiff muscles Backache \'Weak\' bladder', gard)).toBe(
      "ATL may cause:\n• Fatigue\n• Thirst\n• Frequent infections\nRoughly 2% develop HAM/TSP, a disease of the nerves. Its signs may include:\n• Stiff muscles\n• Backache\n• 'Weak' bladder",
    );
  });
  test("GARD's run-on lists: items are found whole, and what follows a list is no item", () => {
    const gard = { runOnLists: true };
    // [lead-in, items, the text after the list]: run together, then apart.
    const lists: [string, string[], string][] = [
      // "i.e." ends no item.
      ['Features include:', ['Hirsutism (excess hair growth)', 'Genital abnormalities (i.e. cryptorchidism)', 'Seizures'], ''],
      // A name's last word, and a test's words in title case, are no items of their own.
      ['There are three types:', ['Dystrophic epidermolysis bullosa', 'Junctional epidermolysis bullosa', 'Kindler Syndrome'], ''],
      ['Tests may confirm it:', ['Ultrasound', 'Magnetic Resonance Imaging (MRI scan)', 'Computed Tomography (CT scan)'], ''],
      // An article alone opens the sentence after the list.
      ['Options include:', ['Chemotherapy', 'Surgery', 'Watchful waiting'], 'The National Cancer Institute offers information.'],
      // A piece that leads into something of its own is prose.
      ['The forms are:', ['Hemochromatosis type 2', 'Hemochromatosis type 3', 'Hemochromatosis type 4'], 'There is also a neonatal form: Neonatal hemochromatosis'],
      // Items of several words each, up to seven on average.
      ['Other symptoms include:', ['Immediate and severe pain when moving from sitting to standing', 'Pain during bowel movements', 'Pain during sex', 'Deep ache in the region of the tailbone'], ''],
      // One lone adjective may be an item.
      ['Causes include:', ['Surgical', 'Trauma', 'Malignancies', 'Strokes'], ''],
    ];
    for (const [lead, items, after] of lists) {
      expect(tidyAnswer([lead, ...items, after].join(' ').trim(), gard)).toBe([lead, ...items.map((item) => `• ${item}`), ...(after ? [after] : [])].join('\n'));
    }
    // Two lone adjectives in a row start a name.
    const name = 'It is subdivided in: Diffuse cutaneous systemic sclerosis Limited cutaneous systemic sclerosis Limited Systemic Sclerosis (or sine scleroderma). It is rare.';
    expect(tidyAnswer(name, gard)).toBe(name);
    // The phenotype table's introduction run onto the last item ("… Heart failure Shock The Human Phenotype…").
    const table =
      ' The Human Phenotype Ontology provides the following list of signs and symptoms for X. Signs and Symptoms Approximate number of patients (when available) Arthralgia 90% The Human Phenotype Ontology (HPO) has collected information on how often a sign occurs.';
    expect(tidyPhenotypeTable(tidyAnswer('Other signs may include: Painful fingers and toes Dark urine Heart failure Shock' + table, gard))).toBe(
      'Other signs may include:\n• Painful fingers and toes\n• Dark urine\n• Heart failure\n• Shock\nSigns and symptoms (with how often they occur, where known):\n• Arthralgia (90%)',
    );
  });
  test('pointers to what the bundled answer cannot show go: videos, other sections, other pages', () => {
    expect(
      tidyAnswer(
        'Treatment helps. (Watch the video to learn more about glaucoma. To enlarge the video, click the brackets in the lower right-hand corner. To reduce the video, press the Escape (Esc) button on your keyboard.) Most people recover.',
      ),
    ).toBe('Treatment helps. Most people recover.');
    expect(tidyAnswer('It spreads. (See the General Information section.) It is rare.')).toBe('It spreads. It is rare.');
    expect(tidyAnswer('Stop smoking. For more information, go to "How Is Asthma Treated?"    Rest helps.')).toBe('Stop smoking. Rest helps.');
    // Links the answer does not have: to click, to read more at, to see below; GARD's reference marks; figures.
    expect(tidyAnswer('The fovea is central. Click here to view a diagram of the eye. It sharpens vision.')).toBe('The fovea is central. It sharpens vision.');
    expect(tidyAnswer('GTR lists tests. Please click on the link to access this resource.')).toBe('GTR lists tests.');
    expect(tidyAnswer('NIDDK has more. Click the link to view these resources.')).toBe('NIDDK has more.');
    expect(tidyAnswer('It is studied. CLICK HERE to learn more about this study. Click on "Testing" next to each type. Click the "start" button to play the animation. It helps.')).toBe(
      'It is studied. It helps.',
    );
    expect(tidyAnswer('Medscape has more. You may have to register to view the article, but registration is free. Rest helps.')).toBe('Medscape has more. Rest helps.');
    // A source named "at the following link" keeps its name when the link is lost, and what GARD says of the link goes.
    expect(
      tidyAnswer('Medscape provides information on its treatment at the following link. You may need to register to view the article, but registration is free. Rest helps.'),
    ).toBe('Medscape provides information on its treatment. Rest helps.');
    expect(tidyAnswer('The Dupuytren Society provides more at the following link: http://www.dupuytren-online.info.')).toBe(
      'The Dupuytren Society provides more at the following link: http://www.dupuytren-online.info.',
    );
    expect(tidyAnswer('Defects vary. Click here to visit MayoClinic.com and view an image of this heart defect. Surgery helps.')).toBe('Defects vary. Surgery helps.');
    expect(tidyAnswer('It is common. Read more about coronary heart disease risk factors. Rest helps.')).toBe('It is common. Rest helps.');
    expect(tidyAnswer('Acetate is nontoxic.[9184] Diet helps.[1] [2] Cases fell (Figure 1). Lists exist (click here to see them).')).toBe(
      'Acetate is nontoxic. Diet helps. Cases fell. Lists exist.',
    );
    // A pointer that leads into the links' titles runs on into the next sentence: left whole rather than cut there.
    const titles = 'To learn more, click on the disease names below: Hemochromatosis type 1 Hemochromatosis type 2 There is also a neonatal form.';
    expect(tidyAnswer(titles)).toBe(titles);
    // So is a list run into a pointer: the list is the answer.
    const runOn = 'Signs include: Poor growth Seizures Dementia The foundation lists more; click here.';
    expect(tidyAnswer(runOn)).toBe(runOn);
    expect(tidyAnswer('Read more about DASH at www.nhlbi.nih.gov/health.')).toBe('Read more about DASH at www.nhlbi.nih.gov/health.');
    // A pointer to a site the reader can visit stays.
    expect(tidyAnswer('For more information about the flu vaccine, visit www.flu.gov.')).toBe('For more information about the flu vaccine, visit www.flu.gov.');
  });
  test("a term set apart from its explanation, GHR's doubled GeneReviews, and owners' apostrophes", () => {
    expect(tidyAnswer('Physical exam and history : An exam of the body.')).toBe('Physical exam and history: An exam of the body.');
    expect(tidyAnswer('Resources:    - Gene Review: Gene Review: MERRF')).toBe('Resources:\n• GeneReviews: MERRF');
    expect(tidyAnswer('A history of the patients health habits; your childs doctor; the patients were seen; Peyronies disease.')).toBe(
      "A history of the patient's health habits; your child's doctor; the patients were seen; Peyronie's disease.",
    );
  });
  test("NIHSeniorHealth's lists are said once: the copy of their words after the last item, or each item's after itself, goes", () => {
    expect(tidyAnswer('The stages are    - mild retinopathy  - severe retinopathy. mild retinopathy severe retinopathy. The first stage is mild.')).toBe(
      'The stages are\n• mild retinopathy\n• severe retinopathy.\nThe first stage is mild.',
    );
    expect(tidyAnswer('Tests include    - The RF test. It finds an antibody.  The RF test. It finds an antibody.  - Anti-CCP. It is newer.  Anti-CCP. It is newer. Ask.')).toBe(
      'Tests include\n• The RF test. It finds an antibody.\n• Anti-CCP. It is newer.\nAsk.',
    );
    // A list whose items are not said again keeps every word.
    expect(tidyAnswer('Signs are    - fever  - a fever that lasts')).toBe('Signs are\n• fever\n• a fever that lasts');
  });
  test("a page's subheading run into the sentence after it goes on a line of its own", () => {
    expect(tidyAnswer('Common Symptoms The most common symptoms are pain. Surgery Surgery to remove it works.')).toBe(
      'Common Symptoms\nThe most common symptoms are pain.\nSurgery\nSurgery to remove it works.',
    );
    expect(tidyAnswer('Symptoms of Dry Eye Dry eye symptoms may include stinging.')).toBe('Symptoms of Dry Eye\nDry eye symptoms may include stinging.');
    expect(tidyAnswer('Some UTIs Lead to Severe Problems Most UTIs are mild.')).toBe('Some UTIs Lead to Severe Problems\nMost UTIs are mild.');
    expect(tidyAnswer('Report any pain. Diagnosis To make a diagnosis, the doctor asks.')).toBe('Report any pain.\nDiagnosis\nTo make a diagnosis, the doctor asks.');
    // A name that ends in a capital letter, or a proper name, is no heading.
    expect(tidyAnswer('Vitamin A is good. Hemophilia A and B. The Little People of America helps.')).toBe(
      'Vitamin A is good. Hemophilia A and B. The Little People of America helps.',
    );
  });
  test("NHLBI's lists without bullets: the lines after a lead-in are items, up to a paragraph or the next part's heading", () => {
    expect(tidyAnswer('Your risk is higher if you:\nHave been exposed to toxins\nSmoke\nPhysical Exam\nYour doctor will listen to your lungs.')).toBe(
      'Your risk is higher if you:\n• Have been exposed to toxins\n• Smoke\nPhysical Exam\nYour doctor will listen to your lungs.',
    );
    // A question in sentence case is an item; one in title case, the next part's heading.
    expect(tidyAnswer('Your doctor may ask:\nWhere is the pain?\nWhen did it begin?\nWhat Is Diabetes?\nIt is high blood sugar.')).toBe(
      'Your doctor may ask:\n• Where is the pain?\n• When did it begin?\nWhat Is Diabetes?\nIt is high blood sugar.',
    );
  });
  test("a page's link lines, footnote numbers and ASCII dashes go; brackets, toll-free numbers and eponyms are mended", () => {
    expect(tidyAnswer('Cook meat well.\n    \nMore on: Handwashing\n    \nWash fruit.\n*See Pronounciation Guide for tips.')).toBe('Cook meat well.\nWash fruit.');
    // Spelt right, on 17 of NIDDK's pages.
    expect(tidyAnswer('The ileum is affected.\n*See the Pronunciation Guide for tips on how to say the words in bold type.\nIt is one.')).toBe('The ileum is affected.\nIt is one.');
    expect(tidyAnswer('Smoking raises the risk of cancers of the3\n- mouth\n- stomach\n3\n,\n4')).toBe('Smoking raises the risk of cancers of the\n• mouth\n• stomach');
    expect(tidyAnswer('Stroke -- A Serious Event. It makes ( ATP) and (T3 ), e.g. , skin; leukemia.. Call 18003182596.')).toBe(
      'Stroke \u2014 A Serious Event. It makes (ATP) and (T3), e.g., skin; leukemia. Call 1-800-318-2596.',
    );
    expect(tidyAnswer("Graves disease; a Schirmers test; Leighs disease; the arterys walls; Donts.")).toBe(
      "Graves' disease; a Schirmer's test; Leigh's disease; the artery's walls; Don'ts.",
    );
  });
  test("Cancer.gov's lists within a key point are its own: the short items after an item that leads into a list", () => {
    expect(tidyAnswer('Key Points\n- Four types of standard treatment are used:  - Surgery  - Chemotherapy  - Patients may want to join a trial.')).toBe(
      'Key points:\n• Four types of standard treatment are used:\n◦ Surgery\n◦ Chemotherapy\n• Patients may want to join a trial.',
    );
    // NIDDK's lead in without a colon; a sibling that leads into its own list is no item of the one before.
    expect(tidyAnswer('Problems:    - Problems in men include  - erectile dysfunction  - Problems in women include  - low desire')).toBe(
      'Problems:\n• Problems in men include\n◦ erectile dysfunction\n• Problems in women include\n◦ low desire',
    );
  });
  test('a line that says again what a line above it said goes; a list item stays', () => {
    const paragraph = 'See a doctor if the cough lasts more than three weeks, or if you cough up blood, lose weight without trying, or have night sweats and a fever.';
    expect(tidyAnswer(`Signs include:\nChronic cough\nHearing loss\nChronic cough\n${paragraph}\n${paragraph}`)).toBe(
      `Signs include:\n• Chronic cough\n• Hearing loss\n${paragraph}`,
    );
    expect(tidyAnswer('Early stage:\n- Surgery  - Rest\nLate stage:\n- Surgery  - Chemotherapy')).toBe('Early stage:\n• Surgery\n• Rest\nLate stage:\n• Surgery\n• Chemotherapy');
  });
  test('a word typed twice is said once, after a list said again as run-on text is found; "that that" and "had had" stay', () => {
    expect(tidyAnswer('Hairy tongue is a condition in which the the central top is black. H-ABC is is caused by a mutation.')).toBe(
      'Hairy tongue is a condition in which the central top is black. H-ABC is caused by a mutation.',
    );
    expect(tidyAnswer('Research found that that prompt treatment helps. It had had no effect. Loa loa is a worm.')).toBe(
      'Research found that that prompt treatment helps. It had had no effect. Loa loa is a worm.',
    );
    // NIHSeniorHealth's list, then its items again as one run of words ("red skin skin inflammation").
    expect(
      tidyAnswer('Symptoms The most common symptoms are  - patches of thick, red skin   - skin inflammation  - itching  - pain. patches of thick, red skin skin inflammation itching pain. Psoriasis affects the elbows.', {
        runInHeadings: true,
      }),
    ).toBe('Symptoms\nThe most common symptoms are\n• patches of thick, red skin\n• skin inflammation\n• itching\n• pain.\nPsoriasis affects the elbows.');
  });
  test('two ASCII hyphens between words are an em dash', () => {
    expect(tidyAnswer('Almost any drug--but most particularly sulfa drugs--can cause it. Doses of 5 -- 10 mg.')).toBe(
      'Almost any drug\u2014but most particularly sulfa drugs\u2014can cause it. Doses of 5 \u2014 10 mg.',
    );
  });
  test('a dash within a sentence stays', () => {
    expect(tidyAnswer('Doses of 5 - 10 mg - rarely more.')).toBe('Doses of 5 - 10 mg - rarely more.');
  });
});

describe('text MedQuAD garbled', () => {
  test('apostrophes it lost come back where a word is never right without one', () => {
    expect(tidyAnswer("If you dont know, Dont worry: youre fine. Its skin looks like peau dorange; a childs doctors.")).toBe(
      "If you don't know, Don't worry: you're fine. Its skin looks like peau d'orange; a child's doctors.",
    );
    expect(tidyAnswer('Give it IM or IV.')).toBe('Give it IM or IV.');
    expect(tidyAnswer('It meets the bodys needs, as in Hashimotos disease.')).toBe("It meets the body's needs, as in Hashimoto's disease.");
    // After "a" or "each" a person's noun owns what follows; after "the" it may be a plural.
    expect(tidyAnswer('It checks a persons vision, each patients risk and a familys history; the patients were seen.')).toBe(
      "It checks a person's vision, each patient's risk and a family's history; the patients were seen.",
    );
  });
  test("NIDDK's footnote numbers go from the sentences they end; other numbers stay", () => {
    expect(tidyAnswer('About 4.6 percent has hypothyroidism.1 About 1 in 8 women.2')).toBe('About 4.6 percent has hypothyroidism. About 1 in 8 women.');
    expect(tidyAnswer('They rarely produce excess GH.2 Rates increase.3,6 Type 2 diabetes is common.')).toBe('They rarely produce excess GH. Rates increase. Type 2 diabetes is common.');
    // And the marks on the words its pronunciation note pointed at.
    expect(tidyAnswer('Cirrhosis* is scarring. Too much glucose*, also called sugar, harms. 5*3 = 15.')).toBe('Cirrhosis is scarring. Too much glucose, also called sugar, harms. 5*3 = 15.');
  });
  test("Cancer.gov's key points are said once, in their list, not again as the headings of the text below", () => {
    expect(tidyAnswer('Key Points\n    - ALL is a cancer of the blood.    - It may affect platelets.\n   \n   ALL is a cancer of the blood.\n   ALL is also called acute lymphocytic leukemia.')).toBe(
      'Key points:\n• ALL is a cancer of the blood.\n• It may affect platelets.\nALL is also called acute lymphocytic leukemia.',
    );
  });
  test("a lost language link goes, and sentences run together are parted", () => {
    expect(tidyAnswer('Espaol\n                \nAsthma (AZ-ma) is a disease.It affects airways. See www.cdc.gov.')).toBe(
      'Asthma (AZ-ma) is a disease. It affects airways. See www.cdc.gov.',
    );
    // Also after an abbreviation, a bracket or a number.
    expect(tidyAnswer('It causes vision problems.FEVR has forms (changes).The genes act at age 1.Onset is slow.')).toBe(
      'It causes vision problems. FEVR has forms (changes). The genes act at age 1. Onset is slow.',
    );
  });
});

describe("GARD's Human Phenotype Ontology tables", () => {
  const intro =
    ' The Human Phenotype Ontology provides the following list of signs and symptoms for X. If the information is available, the table below includes how often the symptom is seen in people with this condition. Signs and Symptoms Approximate number of patients (when available) ';
  const about = ' The Human Phenotype Ontology (HPO) has collected information on how often a sign or symptom occurs in a condition. Much of it comes from Orphanet.';
  test('become a list of signs with how often they occur; the boilerplate and modes of inheritance go', () => {
    expect(tidyPhenotypeTable('Symptoms appear early.' + intro + 'Malabsorption 90% Visual impairment 7.5% Ataxia - Autosomal recessive inheritance -' + about)).toBe(
      'Symptoms appear early.\nSigns and symptoms (with how often they occur, where known):\n• Malabsorption (90%)\n• Visual impairment (7.5%)\n• Ataxia',
    );
  });
  test('a sign counted among those examined says how many of how many', () => {
    expect(tidyPhenotypeTable(intro.trim() + 'Areflexia 10/10 Cerebellar atrophy 8/8 Ataxia 90% Autosomal recessive inheritance -' + about)).toBe(
      'Signs and symptoms (with how often they occur, where known):\n• Areflexia (10 of 10)\n• Cerebellar atrophy (8 of 8)\n• Ataxia (90%)',
    );
  });
  test("the Ontology's words for onset and course are no signs", () => {
    expect(tidyPhenotypeTable(intro.trim() + 'Ataxia 50% Infantile onset - Progressive - Incomplete penetrance - Sporadic - Progressive visual loss -' + about)).toBe(
      'Signs and symptoms (with how often they occur, where known):\n• Ataxia (50%)\n• Progressive visual loss',
    );
  });
  test('a table with nothing but a mode of inheritance leaves nothing (the section is dropped)', () => {
    expect(tidyPhenotypeTable(intro.trim() + 'Autosomal recessive inheritance -' + about)).toBe('');
  });
  test('a long table is cut, saying how many more the source has', () => {
    const signs = Array.from({ length: 20 }, (_, i) => `Sign${i} 50%`).join(' ');
    const out = tidyPhenotypeTable(intro.trim() + signs + about, 15);
    expect(out.split('\n').length).toBe(17);
    expect(out.endsWith('• and 5 more at the source')).toBe(true);
  });
  test('a condition is no sign of itself: a table naming only the condition leaves nothing', () => {
    expect(tidyPhenotypeTable(intro.trim() + 'Asthma -' + about, 15, 'Asthma')).toBe('');
  });
  test('an answer without a table is left alone', () => {
    expect(tidyPhenotypeTable('Fever and chills.')).toBe('Fever and chills.');
  });
});

describe('shortened answers', () => {
  test('end at a sentence or a line; with neither, at a word, with an ellipsis', () => {
    expect(trimToSentence('One two. Three four five six.', 20)).toEqual({ text: 'One two.', truncated: true });
    expect(trimToSentence('Causes:\n• smoking\n• a family history of it', 22)).toEqual({ text: 'Causes:\n• smoking', truncated: true });
    expect(trimToSentence('talk to your health care team about it', 30)).toEqual({ text: 'talk to your health care team…', truncated: true });
    expect(trimToSentence('Short.', 30)).toEqual({ text: 'Short.', truncated: false });
  });
  test('do not end after an abbreviation, nor on a line cut off before its list', () => {
    expect(trimToSentence('The fatality rate is low. It is about 1% (i.e. one in a hundred people who are infected).', 40)).toEqual({
      text: 'The fatality rate is low.',
      truncated: true,
    });
    expect(trimToSentence('Men should talk with their doctor. The U.S. Preventive Services Task Force advises it.', 50)).toEqual({
      text: 'Men should talk with their doctor.',
      truncated: true,
    });
    // A sentence may end in a letter.
    expect(trimToSentence('It makes cathepsin F. The gene is on chromosome 11 near the other ones.', 40)).toEqual({ text: 'It makes cathepsin F.', truncated: true });
    expect(trimToSentence('Treat it early.\nKeep your kidneys healthy by\n• taking your medicines\n• eating less salt every single day', 75)).toEqual({
      text: 'Treat it early.\nKeep your kidneys healthy by\n• taking your medicines',
      truncated: true,
    });
    expect(trimToSentence('Treat it early.\nKeep your kidneys healthy by\n• taking your medicines every single day of the week', 60)).toEqual({
      text: 'Treat it early.',
      truncated: true,
    });
  });
  test('do not end on the lead-in of a list they no longer hold', () => {
    const answer = 'Tests find it.\nA biopsy may be done. The following tests may be done:\n• A CT scan of the chest and the abdomen';
    expect(trimToSentence(answer, 70)).toEqual({ text: 'Tests find it.\nA biopsy may be done.', truncated: true });
    expect(trimToSentence('Tests find it.\nThese are the types:\nThey include:\n• A CT scan of the chest', 50)).toEqual({ text: 'Tests find it.', truncated: true });
    expect(trimToSentence('Tests find it.\nLong-Term Outlook\nMost people recover fully within weeks.', 40)).toEqual({ text: 'Tests find it.', truncated: true });
  });
});

describe('conclusionApart', () => {
  test("a trial's registration at the end of a conclusion goes apart, named as ClinicalTrials.gov names itself", () => {
    expect(conclusionApart('There seems to be no benefit of metformin in women with PCO. Clinical Trials.gov: NCT01046032.')).toEqual({
      conclusion: 'There seems to be no benefit of metformin in women with PCO.',
      registration: 'ClinicalTrials.gov NCT01046032',
    });
    expect(conclusionApart('Severe hypoglycaemia was lower with insulin glargine. Trial Registration (ORIGIN ClinicalTrials.gov number NCT00069784).')).toEqual({
      conclusion: 'Severe hypoglycaemia was lower with insulin glargine.',
      registration: 'ORIGIN ClinicalTrials.gov number NCT00069784',
    });
  });

  test('a registration inside the sentence stays, and a video abstract pointer is dropped', () => {
    const inside = 'The stent was safe (Zotarolimus-Eluting Endeavor Sprint Stent in Uncertain DES Candidates [ZEUS]; NCT01385319).';
    expect(conclusionApart(inside)).toEqual({ conclusion: inside });
    expect(conclusionApart('They also had improved 5-year survival. See Video Abstract at http://links.lww.com/DCR/A446.')).toEqual({
      conclusion: 'They also had improved 5-year survival.',
    });
    // A conclusion that is only a registration is left as it is: there would be nothing else to show.
    expect(conclusionApart('ClinicalTrials.gov: NCT01046032.')).toEqual({ conclusion: 'ClinicalTrials.gov: NCT01046032.' });
  });
});
