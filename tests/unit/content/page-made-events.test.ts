// Events a page makes up (isTrusted false) must not act for the reader: they would let any site open cards, read
// them (what the reader looks up) and click the card's "More" in a loop, each click a new tab. happy-dom's events
// are all made up, so these tests see only the refusals; the reader's own clicks and keys are the browser tests'.
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/content/index';
import { openCard } from '../../../entrypoints/content/card';
import { compileMatcher, vocabularyFromConcepts } from '../../../lib/match';
import { Router } from '../../../lib/messaging/router';
import { TermService } from '../../../lib/terms/service';
import { concept } from '../../helpers/memory-dataset';

let ctx: ContentScriptContext | undefined;
afterEach(() => {
  ctx?.abort();
  document.body.innerHTML = '';
  document.querySelectorAll('evidence-lens-status, evidence-lens-card').forEach((e) => e.remove());
});

const said = () => document.querySelector('evidence-lens-status')?.shadowRoot?.textContent ?? '';

test("a page's made-up shortcut, Enter and click move nowhere and open no card", async () => {
  document.body.innerHTML = '<p>Wilson disease is rare.</p>';
  // happy-dom has no layout: give ranges the box a browser would.
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 10, 80, 16));
  const router = new Router();
  const bytes = compileMatcher(vocabularyFromConcepts([concept('MESH:D006527', 'Wilson disease')]));
  new TermService({ loadBytes: async () => bytes }).register(router);
  router.on('page/findings', () => undefined);
  const asked = vi.fn(() => ({ ...concept('MESH:D006527', 'Wilson disease'), definition: 'A copper disorder.' }));
  router.on('concept/get', asked as never);
  router.on('summaries/for-concept', () => ({ items: [], total: 0 }) as never);
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  ctx = new ContentScriptContext('content');
  await contentScript.main(ctx);
  await vi.waitFor(() => expect(said()).toMatch(/1 medical term highlighted/), { timeout: 4000 });
  const before = said();

  const key = (init: KeyboardEventInit) => document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  const moved = key({ key: 'N', code: 'KeyN', altKey: true, shiftKey: true });
  key({ key: 'Enter', code: 'Enter' });
  document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, clientX: 20, clientY: 15 }));
  await new Promise((r) => setTimeout(r, 200));
  expect(moved).toBe(true); // the page keeps its own key: not taken, not answered
  expect(said()).toBe(before);
  expect(document.querySelector('evidence-lens-card')).toBeNull();
  expect(asked).not.toHaveBeenCalled();
});

test("the card's buttons answer no made-up click: no tab opened, no link followed", async () => {
  ctx = new ContentScriptContext('content');
  const onMore = vi.fn();
  const onOpenConcept = vi.fn();
  const bare = { ...concept('MESH:D008327', 'Mammary tumours'), broaderTerms: [{ id: 'MESH:D009369', name: 'Cancer', summaryCount: 1 }] };
  const card = await openCard(ctx, () => new DOMRect(10, 10, 80, 16), { term: 'mammary tumours', concept: bare, onMore, onOpenConcept }, () => {}, { focus: false });
  // The shadow root is open (as the issue asks): a page can reach every button in it.
  const root = card.element.shadowRoot!;
  const more = root.querySelector<HTMLElement>('[data-testid="card-more"]')!;
  const cancer = [...root.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === 'Cancer')!;
  for (let i = 0; i < 10; i++) {
    more.click();
    more.dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }));
    cancer.click();
  }
  root.querySelector<HTMLElement>('[data-testid="card-pin"], .pin')?.click();
  expect(onMore).not.toHaveBeenCalled();
  expect(onOpenConcept).not.toHaveBeenCalled();
  expect(card.pinned).toBe(false);
  // Nor is any address of the extension's in the card for a page to read.
  expect(root.innerHTML).not.toMatch(/extension:|popup\.html/);
  card.close();
});
