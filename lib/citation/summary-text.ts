// "Copy summary": a summary as plain text to paste into notes, a message to a colleague or teaching slides: the
// question, the answer with its design and size, the bottom line and findings (or a page's answers), its numbered
// reference, and where it came from. Plain text only: it is pasted where no markup is wanted.
import type { Summary } from '../dataset/types.ts';
import { DESIGN_LABELS, evidenceLevel } from '../evidence/levels.ts';
import { amaCitation } from './ama.ts';

const VERDICTS = { yes: 'Yes', no: 'No', maybe: 'Maybe' } as const;

/** `origin`: the dataset's (its version), named so that the text says what it was summarised from. */
export function summaryText(summary: Summary, accessed: Date, dataset?: { version: string; origin: string }): string {
  const from = dataset
    ? `Summarised from ${dataset.origin === 'bundled' ? 'the Evidence Lens dataset' : `the dataset at ${dataset.origin}`}, version ${dataset.version}. For education; not medical advice.`
    : 'For education; not medical advice.';
  if (summary.kind === 'consumer') {
    const sections = summary.sections.map((s) => `${s.question}\n${s.answer.trim()}`);
    return [summary.topic, ...sections, `Source: [1] ${amaCitation(summary, accessed)}`, from].join('\n\n');
  }
  const level = evidenceLevel(summary.design);
  const design = summary.design && summary.design.design !== 'unknown' ? DESIGN_LABELS[summary.design.design] : '';
  const facts = [
    summary.verdict ? `Answer: ${VERDICTS[summary.verdict]}` : '',
    design ? `${design}${level !== undefined ? ` (level ${level} evidence)` : ''}` : '',
    summary.design?.subjects === 'animals' ? 'in animals' : '',
    summary.year ? String(summary.year) : '',
    summary.sampleSize ? `n = ${summary.sampleSize.n.toLocaleString('en-US')} ${summary.sampleSize.unit}` : '',
  ].filter(Boolean);
  return [
    summary.question,
    facts.join(' · '),
    `Bottom line: ${summary.bottomLine} [1]`,
    ...(summary.findings.length ? [`Key findings: ${summary.findings.join(' ')}`] : []),
    `Reference: [1] ${amaCitation(summary, accessed)}`,
    from,
  ]
    .filter(Boolean)
    .join('\n\n');
}
