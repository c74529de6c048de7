// Evidence summaries: research summaries from PubMedQA, consumer summaries from MedQuAD.
import type { ConsumerSection, ConsumerSummary, ResearchSummary, Verdict } from '../../lib/dataset/types.ts';
import { isIndexingTag } from './mesh.ts';
import type { MedQuadTopic, PubMedQaArticle } from './sources.ts';
import { CREDIT_LINE } from '../../lib/dataset/format.ts';
import type { TopicLinks } from './concepts.ts';
import { tidyAnswer, tidyPhenotypeTable } from './answers.ts';
import { METHODS_AND_RESULTS, partMethods } from './findings.ts';
import { conclusionApart, httpsUrl, tidyQuestion, tidyResearchText, trimToSentence } from './text.ts';

const VERDICTS = new Set<Verdict>(['yes', 'no', 'maybe']);
/**
 * The abstract's sections a reader takes for its findings: results, a review's synthesis or body, a case report's
 * case ("SUMMARY OF BACKGROUND DATA" is no summary of findings).
 */
const FINDINGS_LABEL = /RESULT|FINDING|DATA SYNTHESIS|OBSERVATION|CASE (?:PRESENTATION|REPORT|DESCRIPTION)|^(?:PRESENTATION|DESCRIPTION|SUMMARY|MAIN BODY)$/;

/** Optional per-article enrichment (study design, sample size), plugged in by the build. */
export type AssessStudy = (a: PubMedQaArticle) => Pick<ResearchSummary, 'design' | 'sampleSize'>;

export function buildResearchSummaries(
  articles: PubMedQaArticle[],
  conceptsOf: (heading: string) => string[],
  assess?: AssessStudy,
): ResearchSummary[] {
  return articles.map((a) => {
    const conceptIds = [...new Set(a.MESHES.filter((m) => !isIndexingTag(m)).flatMap(conceptsOf))].sort();
    const findings: string[] = [];
    const context: string[] = [];
    sectionsOf(a).forEach(({ label, text }) => {
      if (!FINDINGS_LABEL.test(label)) context.push(withLabel(label, tidyResearchText(text)));
      else if (!METHODS_AND_RESULTS.test(label)) findings.push(tidyResearchText(text));
      else {
        const { methods, results } = partMethods(text);
        // "METHODS AND RESULTS" → "Methods: …"
        if (methods) context.push(withLabel(label.split(' AND ')[0], tidyResearchText(methods)));
        findings.push(tidyResearchText(results));
      }
    });
    const { conclusion, registration } = conclusionApart(tidyResearchText(a.LONG_ANSWER));
    if (registration) context.push(`Trial registration: ${registration}.`);
    const year = a.YEAR ? Number(a.YEAR) : undefined;
    const verdict = VERDICTS.has(a.final_decision as Verdict) ? (a.final_decision as Verdict) : undefined;
    const summary: ResearchSummary = {
      id: `pmid:${a.pmid}`,
      kind: 'research',
      conceptIds,
      question: tidyResearchText(a.QUESTION),
      ...(verdict ? { verdict } : {}),
      bottomLine: conclusion,
      findings,
      context,
      ...(year ? { year } : {}),
      citation: { pmid: a.pmid, ...(year ? { year } : {}), url: `https://pubmed.ncbi.nlm.nih.gov/${a.pmid}/` },
      ...(assess ? tidyAssessment(assess(a)) : {}),
    };
    return summary;
  });
}

/**
 * A section's name, or what PubMed's split at "X: " took for one inside a sentence (", FSAII" in "(ambient air,
 * FSAII: n=4", "ICU LOS" in "model [ICU LOS: 1-2 days"): a name's words are words of four letters or more, or
 * joining words.
 */
const isSectionName = (label: string) =>
  label.split(/,? /).every((w) => /^[A-Z]{4,}$/.test(w) || /^(?:AND|OR|OF|THE|AIM|KEY|END)$/.test(w));

/**
 * The abstract's sections, labels in capitals, with a false split sewn back onto the section it cut: "…in a
 * multivariate model [" and "ICU LOS" / "1-2 days, odds ratio…" read "…model [ICU LOS: 1-2 days, odds ratio…".
 */
function sectionsOf(a: PubMedQaArticle): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  a.CONTEXTS.forEach((text, i) => {
    const label = (a.LABELS[i] ?? '').toUpperCase();
    const last = out.at(-1);
    if (last && label && label !== 'UNLABELLED' && !isSectionName(label)) {
      const glued = label.startsWith(',') || /[[(]$/.test(last.text);
      last.text = `${last.text}${glued ? '' : ' '}${label}: ${text}`;
    } else out.push({ label, text });
  });
  return out;
}

/**
 * A context paragraph keeps its section's name, so that "Single community hospital." reads as the setting:
 * "Setting: Single community hospital." Not PubMedQA's "UNLABELLED".
 */
function withLabel(label: string, text: string): string {
  return label !== 'UNLABELLED' && isSectionName(label) ? `${label.charAt(0)}${label.slice(1).toLowerCase()}: ${text}` : text;
}

/** The sample size's source sentence, quoted to the reader, with its "≤" and "≥" back. */
function tidyAssessment(found: ReturnType<AssessStudy>): ReturnType<AssessStudy> {
  const sampleSize = found.sampleSize && { ...found.sampleSize, sentence: tidyResearchText(found.sampleSize.sentence) };
  return sampleSize ? { ...found, sampleSize } : found;
}

/** Human names of MedQuAD's sources, as the reader should see them credited. */
export const MEDQUAD_SOURCE_NAMES: Record<string, string> = {
  CancerGov: 'National Cancer Institute (cancer.gov)',
  GARD: 'Genetic and Rare Diseases Information Center (GARD)',
  GHR: 'Genetics Home Reference (NLM)',
  MPlusHealthTopics: 'MedlinePlus Health Topics (NLM)',
  NIDDK: 'National Institute of Diabetes and Digestive and Kidney Diseases',
  NINDS: 'National Institute of Neurological Disorders and Stroke',
  NIHSeniorHealth: 'NIHSeniorHealth',
  NHLBI: 'National Heart, Lung, and Blood Institute',
  CDC: 'Centers for Disease Control and Prevention',
};

/**
 * Question types bundled, in the order a patient reads them. "research" (out-of-date trial lists) and
 * "support groups" are left out, and every answer is cut at a sentence end after MAX_ANSWER characters:
 * this keeps the packaged extension well under 10 MB while every summary links to its full source.
 */
export const CONSUMER_QTYPES = [
  'information', 'symptoms', 'causes', 'exams and tests', 'treatment', 'prevention', 'outlook', 'complications',
  'stages', 'susceptibility', 'frequency', 'inheritance', 'genetic changes', 'considerations',
];
export const MAX_ANSWER = 1200;

/**
 * Cancer.gov has a page per aspect of a cancer, all titled by the cancer ("Breast Cancer" four times): the aspect,
 * from the page's address ("breast-screening-pdq"), tells them apart.
 */
function topicTitle(topic: Pick<MedQuadTopic, 'focus' | 'url' | 'source'>): string {
  const focus = topic.focus.trim();
  const slug = topic.source === 'CancerGov' ? (/\/([a-z0-9-]+)-pdq\/?$/.exec(topic.url ?? '')?.[1] ?? '') : '';
  const words = slug.split('-');
  const aspect = words.includes('screening')
    ? 'screening'
    : words.includes('prevention')
      ? 'prevention'
      : /^treat?ment$/.test(words.at(-1) ?? '')
        ? words.includes('pregnancy') ? 'treatment during pregnancy' : 'treatment'
        : '';
  return aspect ? `${focus}: ${aspect}` : focus;
}

const YES_NO = /^(?:Is|Are|Can|Could|Do|Does|Did|Should|Will|Has|Have)\b/;

export function buildConsumerSummaries(topics: MedQuadTopic[], links: TopicLinks): ConsumerSummary[] {
  const out: ConsumerSummary[] = [];
  for (const topic of topics) {
    const conceptId = links.get(topic.key);
    const sourceName = MEDQUAD_SOURCE_NAMES[topic.source];
    if (!conceptId || !sourceName) continue; // MedlinePlus encyclopedia subsets carry no answers
    const seen = new Set<string>();
    // A page asks some questions twice, each with part of the answer ("Who is at risk for prostate cancer?"):
    // one section, its parts in order.
    const byQuestion = new Map<string, { type: string; parts: string[] }>();
    for (const qa of topic.qa) {
      // GARD opens many answers with a question again ("What are the signs and symptoms of X?"): the
      // section's heading asks it already.
      const raw = qa.answer.replace(/^\s*(?:What|How|Is|Are|Who|Do|Does|Can|Which|When|Why)\b[^?\n]{0,250}\?\s+(?=\S)/, '');
      const question = tidyQuestion(qa.question, qa.qtype);
      // MedQuAD filed some answers to a page's yes-or-no question ("Is genetic testing available?") under another
      // ("How to diagnose…?"): their "Yes." answers nothing the reader sees asked.
      const unasked = YES_NO.test(question) ? raw : raw.replace(/^\s*Yes\.\s+/, '');
      const answer = tidyPhenotypeTable(tidyAnswer(unasked, { credited: topic.source === 'MPlusHealthTopics', runOnLists: topic.source === 'GARD', runInHeadings: topic.source === 'NIHSeniorHealth' }), undefined, topic.focus);
      // An answer of a word or two is a page's leftover ("Topics"), not an answer.
      if (!answer || answer.split(/\s+/).length < 3 || !CONSUMER_QTYPES.includes(qa.qtype) || seen.has(answer)) continue;
      seen.add(answer);
      const section = byQuestion.get(question);
      if (section) section.parts.push(answer);
      else byQuestion.set(question, { type: qa.qtype, parts: [answer] });
    }
    const sections: ConsumerSection[] = [...byQuestion].map(([question, { type, parts }]) => {
      // A MedlinePlus summary's credit (its last line) stays when the answer is shortened.
      const whole = parts.join('\n');
      const at = whole.lastIndexOf(`\n${CREDIT_LINE}`);
      const credit = at >= 0 && !whole.includes('\n', at + 1) ? whole.slice(at + 1) : '';
      const { text, truncated } = trimToSentence(credit ? whole.slice(0, at) : whole, MAX_ANSWER - credit.length);
      const answer = credit ? `${text}\n${credit}` : text;
      return { type, question, answer, ...(truncated ? { truncated } : {}) };
    });
    if (sections.length === 0) continue;
    sections.sort((a, b) => CONSUMER_QTYPES.indexOf(a.type) - CONSUMER_QTYPES.indexOf(b.type));
    out.push({
      id: `medquad:${topic.key}`,
      kind: 'consumer',
      conceptIds: [conceptId],
      topic: topicTitle(topic),
      sections,
      source: { name: sourceName, url: httpsUrl(topic.url) },
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
