// Level of evidence beside the verdict: the study design and its level (1 strongest .. 5 weakest), with
// what decided the design in the tooltip so that a reader can check it.
import type { DesignInfo } from '../lib/dataset/types';
import { DESIGN_LABELS, levelOf } from '../lib/evidence/levels';
import { VisuallyHidden } from './VisuallyHidden';

export function EvidenceBadge({ design }: { design: DesignInfo | undefined }) {
  const kind = design?.design ?? 'unknown';
  const level = levelOf(kind);
  const how = design?.evidence ? `${design.source === 'mesh' ? 'From MeSH indexing' : 'From the abstract'}: ${design.evidence}` : undefined;
  return (
    <span class={`badge design level-${level ?? 'none'}`} title={how} data-testid="design-badge">
      {level !== undefined ? (
        <>
          <VisuallyHidden>Level of evidence </VisuallyHidden>
          <span aria-hidden="true">L</span>
          {level}
          <span aria-hidden="true"> · </span>
          <VisuallyHidden>, </VisuallyHidden>
        </>
      ) : null}
      {DESIGN_LABELS[kind]}
    </span>
  );
}
