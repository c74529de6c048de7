/** Node-only helper: a plain-English corpus for the throughput bench (MedQuAD answers, in file order). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MEDQUAD = join(import.meta.dirname, '..', '..', 'data', 'medquad', 'medquad.jsonl');

/** About `bytes` characters of answer text, paragraphs joined by blank lines. */
export function englishText(bytes = 8 << 20): string {
  const parts: string[] = [];
  let total = 0;
  for (const line of readFileSync(MEDQUAD, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { qa?: { answer?: string }[] };
    for (const qa of rec.qa ?? []) {
      if (!qa.answer) continue;
      parts.push(qa.answer);
      total += qa.answer.length + 2;
      if (total >= bytes) return parts.join('\n\n');
    }
  }
  return parts.join('\n\n');
}
