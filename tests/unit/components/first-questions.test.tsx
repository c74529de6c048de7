// The popup's early script asks the first view's questions (first-questions.ts) before the main script
// loads; they are of use only if the main script asks exactly the same ones. Here the popup's preload (and
// the storage notice every view shows) runs for each route, and every question the early script would ask
// must be among those it asked, request for request.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { firstQuestions } from '../../../entrypoints/popup/first-questions';
import { likelyAudience } from '../../../entrypoints/popup/last-audience';
import type { Route } from '../../../lib/views/address';
import type { MessageType } from '../../../lib/messaging/protocol';

let asked: string[];
const key = (type: string, request: unknown) => `${type} ${JSON.stringify(request ?? null)}`;

beforeEach(() => {
  asked = [];
  // Every question the popup sends is recorded (and left unanswered: only the asking matters here).
  fakeBrowser.runtime.onMessage.addListener(((message: { type: MessageType; request: unknown }) => {
    asked.push(key(message.type, message.request));
    return new Promise(() => undefined);
  }) as never);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("the early script's questions are the popup's own", () => {
  const routes: Route[] = [
    { view: 'concept', id: 'MESH:D001' },
    { view: 'summary', id: 'pubmedqa:123' },
    { view: 'home', tab: 7 },
  ];
  for (const route of routes) {
    test(`${route.view}${route.tab ? ' of a tab' : ''}`, async () => {
      await fakeBrowser.tabs.create({ url: 'https://example.org/' });
      // A fresh popup: its answer cache and its one opening status question start empty.
      vi.resetModules();
      const { preload } = await import('../../../entrypoints/popup/preload');
      const { getOpeningStatus } = await import('../../../entrypoints/popup/data');
      preload(route);
      void getOpeningStatus();
      await settle();
      const early = firstQuestions(route, likelyAudience(), { depth: 0 }).map((q) => key(q.type, q.request));
      expect(early.length).toBeGreaterThan(1);
      for (const question of early) expect(asked).toContain(question);
    });
  }

  test('a reader who last chose newest first: the early first page is asked in that order, as the view asks it', async () => {
    localStorage.setItem('evidence-lens:last-order', 'newest');
    try {
      vi.resetModules();
      const { preload } = await import('../../../entrypoints/popup/preload');
      const { render } = await import('@testing-library/preact');
      const { ConceptPage } = await import('../../../entrypoints/popup/ConceptPage');
      const route: Route = { view: 'concept', id: 'MESH:D001' };
      const early = firstQuestions(route, likelyAudience(), { depth: 0 }).find((q) => q.type === 'summaries/for-concept')!;
      expect(early.request).toMatchObject({ filter: { order: 'newest' } });
      preload(route);
      render(<ConceptPage id="MESH:D001" audience={likelyAudience()} onAudienceChange={() => {}} onOpenSummary={() => {}} onOpenConcept={() => {}} />);
      await settle();
      // Asked by the preload and by the view itself, the same question the early script asks.
      expect(asked.filter((q) => q === key(early.type, early.request)).length).toBeGreaterThanOrEqual(1);
      expect(asked.filter((q) => q.startsWith('summaries/for-concept') && !q.includes('"order":"newest"'))).toEqual([]);
    } finally {
      localStorage.removeItem('evidence-lens:last-order');
    }
  });

  test('a concept view restored with filters asks for its own page of summaries: not asked early', () => {
    const questions = firstQuestions({ view: 'concept', id: 'MESH:D001' }, 'clinician', { depth: 0, filter: { designs: ['rct'] } });
    expect(questions.map((q) => q.type)).not.toContain('summaries/for-concept');
  });
});
