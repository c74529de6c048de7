// About: the extension's version, the data sources with their licences, and what stays private.
import type { SourceCredit } from '../../lib/dataset/types';
import { licenceHref, type BundledCredit } from '../../lib/dataset/licences';

export interface AboutSectionProps {
  version: string;
  /** The sources of the dataset built into the extension: always credited, whatever dataset is installed. */
  builtIn: BundledCredit[];
  /** A synced dataset's own sources (its manifest's `sources`, untrusted); undefined while the bundled one is in use. */
  sources?: SourceCredit[];
}

/** Links from a dataset are shown as links only when they are https; otherwise as text. */
const safeLink = (url: string) => {
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
};

function SourceList({ sources, testId }: { sources: BundledCredit[]; testId: string }) {
  return (
    <ul class="sources" data-testid={testId}>
      {sources.map((s, i) => {
        const href = safeLink(s.url);
        return (
          <li key={`${i}|${s.name}`}>
            <strong>{href ? <a href={href} target="_blank" rel="noopener noreferrer">{s.name}</a> : s.name}</strong>
            {' — '}
            {/* Only the bundled credits name one: a synced manifest's credits keep only the format's fields (validate.ts). */}
            {s.licenceFile ? (
              <a href={licenceHref(s.licenceFile)} target="_blank" rel="noopener noreferrer">
                {s.licence}
              </a>
            ) : (
              s.licence
            )}
            . {s.attribution}
          </li>
        );
      })}
    </ul>
  );
}

export function AboutSection({ version, builtIn, sources }: AboutSectionProps) {
  // A synced dataset's credits come after ours, and cannot take them away: the bundled data stays in the extension
  // (its word lists are in the matcher whatever is installed).
  const theirs = sources?.filter((s) => !builtIn.some((b) => b.name === s.name && b.licence === s.licence));
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">About</h2>
      <p>
        Evidence Lens <span data-testid="extension-version">{version}</span>. For education and reading support; it is not a
        substitute for clinical judgement.
      </p>
      <h3>Data sources</h3>
      <SourceList sources={builtIn} testId="sources" />
      {sources && (
        <>
          <p>The dataset installed by a sync credits {theirs!.length > 0 ? 'also:' : 'no other sources.'}</p>
          {theirs!.length > 0 && <SourceList sources={theirs!} testId="synced-sources" />}
        </>
      )}
      <p class="muted" data-testid="own-writing">
        The bundled dataset also holds lists written for Evidence Lens (CC0): abbreviations, other names of drugs and conditions,
        concepts newer than the sources, and definitions of concepts the sources leave undefined. A concept's view
        marks a definition of ours as "Written for Evidence Lens".
      </p>
      <h3>Privacy</h3>
      <p data-testid="privacy">
        Nothing you read or look up leaves your browser: terms are found and evidence is looked up on your computer, from the
        dataset stored in the extension. Only a link you follow (a study on PubMed, a search of PubMed or MedlinePlus, a
        source's page) takes you, and what it names, to that site. A dataset sync only downloads files from the address you
        give; it sends nothing about you or the pages you view. Your settings are kept in your browser's synced storage, so
        they follow you to your other browsers if you use browser sync; the terms you opened lately ("Recently opened") stay
        in this browser only, and none from private windows; so do the summaries you save. Note that scripts on a page can see which words on it are
        highlighted.
      </p>
    </section>
  );
}
