// Level of evidence beside the verdict: the study design and its level (1 strongest .. 5 weakest), with
// what decided the design in the tooltip so that a reader can check it. A study in animals says so first, and has
// no level.
import type { DesignInfo } from '../lib/dataset/types';
import { DESIGN_LABELS, evidenceLevel } from '../lib/evidence/levels';
import { VisuallyHidden } from './VisuallyHidden';

export function EvidenceBadge({ design }: { design: DesignInfo | undefined }) {
  const kind = design?.design ?? 'unknown';
  const level = evidenceLevel(design);
  const animals = design?.subjects === 'animals';
  const how = [
    design?.evidence ? `${design.source === 'mesh' ? 'From MeSH indexing' : 'From the abstract'}: ${design.evidence}` : '',
    animals ? 'Indexed in MeSH as a study in animals, not in people' : '',
  ]
    .filter(Boolean)
    .join('. ');
  return (
    <span class={`badge design level-${level ?? 'none'}${animals ? ' animals' : ''}`} title={how || undefined} data-testid="design-badge">
      {animals ? `Animal study${kind === 'unknown' ? '' : ' · '}` : null}
      {level !== undefined ? (
        <>
          <VisuallyHidden>Level of evidence </VisuallyHidden>
          <span aria-hidden="true">L</span>
          {level}
          <span aria-hidden="true"> · </span>
          <VisuallyHidden>, </VisuallyHidden>
        </>
      ) : null}
      {animals && kind === 'unknown' ? null : DESIGN_LABELS[kind]}
    </span>
  );
}
