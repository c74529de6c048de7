// A plain-language answer as the dataset writes it: one paragraph a line, runs of "• item" lines as one list, and a
// page's subheading (a short line that ends no sentence, with prose after it) as a heading (scripts/dataset/text.ts
// tidyAnswer). Text only: dataset content is never read as markup.

type Block = { kind: 'p' | 'heading'; text: string } | { kind: 'list'; items: string[] };

export function AnswerText({ text }: { text: string }) {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const last = blocks[blocks.length - 1];
    if (line.startsWith('• ')) {
      if (last?.kind === 'list') last.items.push(line.slice(2));
      else blocks.push({ kind: 'list', items: [line.slice(2)] });
    } else blocks.push({ kind: isSubheading(line, lines[i + 1]) ? 'heading' : 'p', text: line });
  });
  return (
    <>
      {blocks.map((b, i) =>
        b.kind === 'list' ? (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : b.kind === 'heading' ? (
          <h3 key={i} class="subhead">
            {b.text}
          </h3>
        ) : (
          <p key={i}>{b.text}</p>
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
  if (next === undefined || next === '' || next.startsWith('• ') || line.split(' ').length > 7) return false;
  return /^[A-Z]/.test(line) && /[A-Za-z]{4}/.test(line) && (!/[.!?:;,)]$/.test(line) || /^[A-Z][^.!?]*[A-Z][^.!?]*\?$/.test(line));
}
