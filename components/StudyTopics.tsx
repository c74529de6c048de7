// What a summary is about: its concepts (a study's MeSH headings, a page's topic), each a way on to that term's own
// view, in the reader's wording. Those its question names come first.
import type { Category } from '../lib/dataset/types';
import type { Audience } from '../lib/settings/preferences-model';
import { nameFor } from './format';
import { onListFocusIn, onListKeyDown, rove } from './listKeys';

export interface Topic {
  id: string;
  name: string;
  clinicalName?: string;
  category: Category;
}

export function StudyTopics({ topics, audience, onOpen }: { topics: Topic[]; audience: Audience; onOpen(id: string): void }) {
  if (topics.length === 0) return null;
  return (
    <section aria-labelledby="topics-heading" class="topics" data-testid="topics">
      <h2 id="topics-heading">Topics</h2>
      <ul ref={(list) => rove(list)} onKeyDown={onListKeyDown} onFocusIn={onListFocusIn} aria-label="Topics of this summary">
        {topics.map((t) => (
          <li key={t.id}>
            <button type="button" class="topic" data-list-item onClick={() => onOpen(t.id)} data-focus-key={`topic:${t.id}`}>
              {nameFor(t, audience)}
              <span class="visually-hidden">, {t.category}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
