// A concept's research at a glance: how many studies of each design, over which years. Deliberately no
// pooled verdict: each summary answers its own question, so their verdicts do not add up.
import type { ConceptOverview } from '../lib/summaries/filter';
import { DESIGN_ORDER, designCount, plural } from './format';

/** "9 studies: 1 randomised trial, 3 prospective cohorts, 5 retrospective cohorts" */
export function overviewSentence(overview: ConceptOverview): string {
  return `${plural(overview.research, 'study', 'studies')}${designParts(overview)}`;
}

const designParts = (overview: ConceptOverview) => {
  const parts = DESIGN_ORDER.filter((d) => overview.byDesign[d]).map((d) => designCount(d, overview.byDesign[d]!));
  return parts.length ? `: ${parts.join(', ')}` : '';
};

/** "2 of them were done in animals, not people." */
function inAnimalsSentence(animals: number, research: number): string {
  const who = animals === research ? (research === 1 ? 'It was' : 'All were') : `${animals} of them ${animals === 1 ? 'was' : 'were'}`;
  return `${who} done in animals, not people.`;
}

export function EvidenceOverview({ overview }: { overview: ConceptOverview | undefined }) {
  // The box keeps its height while the overview arrives, so the list below does not jump.
  if (!overview) return <div class="overview placeholder" aria-busy="true" />;
  if (overview.research === 0 && overview.consumer === 0) {
    return (
      <div class="overview" data-testid="overview">
        <p>No evidence summaries for this term in the dataset.</p>
        {overview.mentions ? <p data-testid="overview-mentions">{plural(overview.mentions, 'summary', 'summaries')} about other things {overview.mentions === 1 ? 'mentions' : 'mention'} it.</p> : null}
      </div>
    );
  }
  const { years } = overview;
  return (
    <div class="overview" data-testid="overview">
      {overview.research > 0 && (
        <p>
          <span data-testid="overview-designs">
            <strong>{plural(overview.research, 'study', 'studies')}</strong>
            {designParts(overview)}
          </span>
          {years && <span>, {years.from === years.to ? years.from : `${years.from}–${years.to}`}</span>}.
        </p>
      )}
      {overview.inAnimals ? <p data-testid="overview-animals">{inAnimalsSentence(overview.inAnimals, overview.research)}</p> : null}
      {overview.consumer > 0 && <p>{plural(overview.consumer, 'plain-language explanation')}.</p>}
      {overview.research > 1 && <p class="note">Each study answers its own question, so their verdicts are not pooled.</p>}
    </div>
  );
}
