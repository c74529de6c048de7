// A plain-language answer as the dataset writes it: one paragraph a line, runs of "• item" lines as one list ("◦ "
// lines a list within the item before them), and a page's subheading (a short line that ends no sentence, with prose
// after it) as a heading (scripts/dataset/answers.ts tidyAnswer), and a last line "Written by <agency>" as the credit
// it is; the addresses it gives on cited sites as links (LinkedText). Text only: dataset content is never read as markup.
import { CREDIT_LINE } from '../lib/dataset/format';
import { LinkedText } from './LinkedText';

type Item = { text: string; sub: string[] };
type Block = { kind: 'p' | 'heading' | 'credit'; text: string } | { kind: 'list'; items: Item[] };

export function AnswerText({ text }: { text: string }) {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const last = blocks[blocks.length - 1];
    if (line.startsWith('◦ ') && last?.kind === 'list') last.items[last.items.length - 1].sub.push(line.slice(2));
    else if (/^[•◦] /.test(line)) {
      const item: Item = { text: line.slice(2), sub: [] };
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (i === lines.length - 1 && i > 0 && line.startsWith(CREDIT_LINE)) blocks.push({ kind: 'credit', text: line });
    else blocks.push({ kind: isSubheading(line, lines[i + 1]) ? 'heading' : 'p', text: line });
  });
  return (
    <>
      {blocks.map((b, i) =>
        b.kind === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <LinkedText text={item.text} />
                {item.sub.length > 0 && (
                  <ul>
                    {item.sub.map((sub, k) => (
                      <li key={k}>
                        <LinkedText text={sub} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        ) : b.kind === 'credit' ? (
          <p key={i} class="answer-credit">
            {b.text}
          </p>
        ) : b.kind === 'heading' ? (
          <h3 key={i} class="subhead">
            {b.text}
          </h3>
        ) : (
          <p key={i}>
            <LinkedText text={b.text} />
          </p>
        ),
      )}
    </>
  );
}

/**
 * "Common Symptoms" or "What Is Diabetes?" before a paragraph; not a list's lead-in ("Symptoms include"), a word
 * between two paragraphs ("Or"), nor the credit that ends a page.
 */
function isSubheading(line: string, next: string | undefined): boolean {
  if (next === undefined || next === '' || /^[•◦] /.test(next) || line.split(' ').length > 7) return false;
  return /^[A-Z]/.test(line) && /[A-Za-z]{4}/.test(line) && (!/[.!?:;,)]$/.test(line) || /^[A-Z][^.!?]*[A-Z][^.!?]*\?$/.test(line));
}
