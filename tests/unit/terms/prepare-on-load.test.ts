import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pausedSitesItem, updatePreferences } from '../../../lib/settings/preferences';
import { prepareMatcherOnPageLoad } from '../../../lib/terms/prepare-on-load';

beforeEach(() => fakeBrowser.reset());

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function loading(url: string, prepared = false) {
  const terms = { prepared, prepare: vi.fn() };
  prepareMatcherOnPageLoad(terms);
  await fakeBrowser.tabs.onUpdated.trigger(1, { status: 'loading' }, { url } as never);
  await settle();
  return terms.prepare;
}

test('a web page starting to load has the matcher prepared', async () => {
  expect(await loading('https://pubmed.ncbi.nlm.nih.gov/1/')).toHaveBeenCalledOnce();
});

test('not for pages the settings leave alone, browser pages, or a matcher already loaded', async () => {
  await pausedSitesItem.setValue(['example.org']);
  expect(await loading('https://news.example.org/a')).not.toHaveBeenCalled();
  expect(await loading('chrome://settings/')).not.toHaveBeenCalled();
  expect(await loading('https://pubmed.ncbi.nlm.nih.gov/1/', true)).not.toHaveBeenCalled();
  await updatePreferences({ highlight: { enabled: false } });
  expect(await loading('https://pubmed.ncbi.nlm.nih.gov/1/')).not.toHaveBeenCalled();
});
