// Small text helpers shared by the dataset build steps.

/** A key for joining names across sources: case, Unicode form, quotes, hyphens and spacing folded. */
export function joinKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[-\u2010-\u2015_/,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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
  const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'), head.lastIndexOf('\n'));
  const end = cut > max * 0.4 ? cut + 1 : head.lastIndexOf(' ');
  return { text: clean.slice(0, end).trim(), truncated: true };
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

/** "Varicose Veins", "Cataracts": a last word in -s that is not -ss, -is, -us or -es (diabetes, herpes). */
function looksPlural(name: string): boolean {
  const last = name.trim().split(/\s+/).pop()!.toLowerCase();
  return /[^sieu]s$/.test(last);
}

/**
 * MedQuAD's answers keep their web pages' layout as spaces: list items run on after "    - ", a "Summary :"
 * label leads some. Each item goes on its own line ("• item"), runs of spaces become one.
 */
export function tidyAnswer(answer: string): string {
  return answer
    .replace(/^\s*Summary\s*:\s*/, '')
    .replace(/(^|\s{2,}|\n\s*)-\s+/g, (_, before: string) => (before === '' ? '• ' : '\n• '))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ *\n\s*/g, '\n')
    .trim();
}

const HPO_TABLE = 'Signs and Symptoms Approximate number of patients (when available)';
const HPO_INTRO = /\s*The Human Phenotype Ontology provides the following list of signs and symptoms for[\s\S]*$/;
const HPO_ABOUT = /\s*The Human Phenotype Ontology \(HPO\) has collected information[\s\S]*$/;

/**
 * GARD's symptom answers end with the Human Phenotype Ontology's table, flattened into one run of text
 * ("Malabsorption 90% Ataxia - Autosomal recessive inheritance - ") and two paragraphs about the table. Kept
 * as a list of the signs, with how often they occur where known; modes of inheritance are no symptoms.
 */
export function tidyPhenotypeTable(answer: string, max = 15): string {
  const intro = HPO_INTRO.exec(answer);
  if (!intro) return answer;
  const prose = answer.slice(0, intro.index).trim();
  const at = answer.indexOf(HPO_TABLE);
  const table = at < 0 ? '' : answer.slice(at + HPO_TABLE.length).replace(HPO_ABOUT, '');
  const signs: string[] = [];
  for (const m of table.matchAll(/\s*(.+?)\s+(\d+(?:\.\d+)?%|-)(?=\s|$)/g)) {
    const name = m[1].trim();
    if (/inheritance$/i.test(name)) continue;
    signs.push(m[2] === '-' ? name : `${name} (${m[2]})`);
  }
  if (signs.length === 0) return prose;
  const shown = signs.slice(0, max).map((s) => `• ${s}`);
  if (signs.length > max) shown.push(`• and ${signs.length - max} more at the source`);
  const list = ['Signs and symptoms the Human Phenotype Ontology lists (how often, where known):', ...shown].join('\n');
  return prose ? `${prose}\n${list}` : list;
}
