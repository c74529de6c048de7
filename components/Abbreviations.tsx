// A research summary's abbreviations (lib/summaries/abbreviations.ts): each use in its text marked with what it
// stands for, and the list of them under the findings, for readers who cannot hover (keyboard, touch, screen
// readers). The text is dataset text: it is rendered as text, never as HTML.
import type { Abbreviation, AbbreviationFinder } from '../lib/summaries/abbreviations';

/** `text`, with each abbreviation the finder knows marked up as <abbr title="its long form">. */
export function AbbreviatedText({ text, finder }: { text: string; finder: AbbreviationFinder }) {
  const uses = finder.uses(text);
  if (uses.length === 0) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const use of uses) {
    parts.push(text.slice(at, use.start));
    parts.push(
      <abbr key={use.start} title={use.abbreviation.longForm}>
        {text.slice(use.start, use.end)}
      </abbr>,
    );
    at = use.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function AbbreviationList({ abbreviations }: { abbreviations: readonly Abbreviation[] }) {
  if (abbreviations.length === 0) return null;
  return (
    <section aria-labelledby="abbreviations-heading" class="abbreviations" data-testid="abbreviations">
      <h2 id="abbreviations-heading">Abbreviations</h2>
      <dl>
        {abbreviations.map((a) => (
          <div key={a.shortForm}>
            <dt>{a.shortForm}</dt>
            <dd>{a.longForm}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
