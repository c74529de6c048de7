// Search as you type: a combobox whose options are the concepts found. The text box keeps focus; Up and
// Down move through the results, Enter opens one, Escape clears the box.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConceptHit } from '../lib/search/rank';
import type { Audience } from '../lib/settings/preferences-model';
import { nameFor, plural } from './format';
import { SearchElsewhere } from './LiteratureLinks';

export interface SearchPanelProps {
  query: string;
  /** undefined while the first answer for this query is on its way. */
  results: ConceptHit[] | undefined;
  /** The query the results answer (they may lag what is typed by one keystroke). */
  resultsFor?: string;
  /** The background did not answer this query (the results are empty): said so, not "Nothing found". */
  failed?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Names are shown in the reader's wording (components/format.ts nameFor). */
  audience?: Audience;
  /** The result the reader opened before coming back: selected again once the results are back. */
  reselect?: string;
  onQueryChange(query: string): void;
  onOpenConcept(id: string): void;
  /** Enter with no result to open: what the words name otherwise (a study by its PubMed id), if anything. */
  onEnter?(): void;
}

export function SearchPanel({ query, results, resultsFor, failed, disabled, autoFocus, audience = 'clinician', reselect, onQueryChange, onOpenConcept, onEnter }: SearchPanelProps) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // The result chosen with the arrows, by id and the query it answers: a second answer to the same query (the
  // worker's after the popup's own, ranked anew) keeps it chosen wherever it now stands, and results for another
  // query start unselected.
  const [chosen, setChosen] = useState<{ query?: string; id: string }>();
  const indexIn = (list: ConceptHit[], pick: typeof chosen) => (pick && pick.query === resultsFor ? list.findIndex((hit) => hit.id === pick.id) : -1);
  const active = results ? indexIn(results, chosen) : -1;
  const reselected = useRef(false);
  useEffect(() => {
    // The first results after Back: the result opened is selected again.
    if (!results || reselected.current) return;
    reselected.current = true;
    if (reselect !== undefined && results.some((hit) => hit.id === reselect)) setChosen({ query: resultsFor, id: reselect });
  }, [results]);
  const step = (delta: 1 | -1, list: ConceptHit[]) =>
    setChosen((pick) => {
      const at = indexIn(list, pick);
      const next = at < 0 ? (delta === 1 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
      return { query: resultsFor, id: list[next].id };
    });
  // The selected result stays in sight as the arrows move through a list longer than the popup.
  useEffect(() => {
    if (active >= 0) list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const open = query.trim() !== '' && results !== undefined;
  const guesses = open && results!.length > 0 && results!.every((hit) => hit.spelledAlike);
  const inPhrase = open && results!.length > 0 && results!.every((hit) => hit.inPhrase);
  const onKeyDown = (event: KeyboardEvent) => {
    const n = results?.length ?? 0;
    if (event.key === 'ArrowDown' && n) {
      event.preventDefault();
      step(1, results!);
    } else if (event.key === 'ArrowUp' && n) {
      event.preventDefault();
      step(-1, results!);
    } else if (event.key === 'Enter' && results?.length) {
      event.preventDefault();
      onOpenConcept(results[Math.max(0, active)].id);
    } else if (event.key === 'Enter' && onEnter) {
      event.preventDefault();
      onEnter();
    } else if (event.key === 'Escape' && query) {
      // Clearing comes first; a second Escape is the popup's (back or close).
      event.preventDefault();
      event.stopPropagation();
      onQueryChange('');
    }
  };

  return (
    <div class="search" role="search">
      <label for="search-input" class="visually-hidden">
        Search medical terms
      </label>
      <input
        id="search-input"
        ref={input}
        type="search"
        role="combobox"
        aria-expanded={open && results!.length > 0}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `search-result-${active}` : undefined}
        placeholder="Search a term, synonym or abbreviation"
        autocomplete="off"
        spellcheck={false}
        value={query}
        disabled={disabled}
        onInput={(e) => onQueryChange((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {guesses && (
        // Said before the list, so that "Polydactyly" for "superbug" reads as a guess at a spelling, not as its answer.
        <p class="muted" id="search-spelling" data-testid="search-spelling">
          No name starts with “{query.trim()}”. Names spelled alike:
        </p>
      )}
      {inPhrase && (
        // A question or a phrase no name starts with: the terms it names, each a way on.
        <p class="muted" id="search-phrase" data-testid="search-phrase">
          No name starts with “{query.trim()}”. Terms in it:
        </p>
      )}
      <ul ref={list} id="search-results" role="listbox" aria-label="Search results" class="search-results" hidden={!open} data-query={resultsFor} data-testid="search-results">
        {results?.map((hit, i) => (
          <li
            key={hit.id}
            id={`search-result-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'row active' : 'row'}
            onClick={() => onOpenConcept(hit.id)}
          >
            <span class="row-main">{nameFor(hit, audience)}</span>
            <span class="row-meta">
              {hit.matched !== nameFor(hit, audience) && <>“{hit.matched}” · </>}
              {hit.category} · {plural(hit.summaryCount, 'summary', 'summaries')}
            </span>
          </li>
        ))}
      </ul>
      <p class="visually-hidden" role="status" aria-live="polite">
        {open ? (results!.length ? `${guesses ? 'Spelled alike: ' : inPhrase ? 'Terms in it: ' : ''}${plural(results!.length, 'result')}` : failed ? 'The search did not answer' : 'No results') : ''}
      </p>
      {open && results!.length === 0 && !failed && (
        <p class="empty" data-testid="search-empty">
          Nothing found for “{query}” in this dataset. <SearchElsewhere research={query.trim()} testId="search-empty" />
        </p>
      )}
      {open && results!.length === 0 && failed && (
        <p class="empty" data-testid="search-failed">
          The search did not answer. Asking again…
        </p>
      )}
    </div>
  );
}
