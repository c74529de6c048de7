import { expect, test } from 'vitest';
import { isPausedHost, pausedEntriesFor } from '../../../lib/settings/paused-host';
import { siteHost } from '../../../lib/settings/sites';
import { DEFAULT_PREFERENCES, highlightsWanted } from '../../../lib/settings/preferences';

test('a paused site covers its subdomains, www first of all', () => {
  const paused = ['example.org'];
  expect(isPausedHost(paused, 'example.org')).toBe(true);
  expect(isPausedHost(paused, 'www.example.org')).toBe(true);
  expect(isPausedHost(paused, 'news.example.org')).toBe(true);
  expect(isPausedHost(paused, 'a.b.example.org')).toBe(true);
  expect(isPausedHost(paused, 'WWW.Example.org.')).toBe(true);
  // Only whole labels: another site whose name ends the same way stays highlighted.
  expect(isPausedHost(paused, 'badexample.org')).toBe(false);
  expect(isPausedHost(paused, 'example.org.evil.com')).toBe(false);
  // The page's highlighting follows the same rule.
  expect(highlightsWanted(DEFAULT_PREFERENCES, paused, 'www.example.org')).toBe(false);
  expect(highlightsWanted(DEFAULT_PREFERENCES, paused, 'example.com')).toBe(true);
});

test('a paused subdomain covers neither its parent nor its siblings; an address covers only itself', () => {
  const paused = ['www.example.org', '10.0.0.1'];
  expect(isPausedHost(paused, 'www.example.org')).toBe(true);
  expect(isPausedHost(paused, 'example.org')).toBe(false);
  expect(isPausedHost(paused, 'news.example.org')).toBe(false);
  expect(isPausedHost(paused, '10.0.0.1')).toBe(true);
  expect(isPausedHost(['0.0.1'], '10.0.0.1')).toBe(false);
  expect(pausedEntriesFor(['example.org', 'news.example.org', 'other.org'], 'news.example.org')).toEqual(['example.org', 'news.example.org']);
});

test('a site typed with its root dot ("example.org.") is the same site, stored without it; one stored with it still pauses', () => {
  expect(siteHost('example.org.')).toBe('example.org');
  expect(siteHost('https://www.example.org./a')).toBe('www.example.org');
  expect(isPausedHost(['example.org.'], 'example.org')).toBe(true);
  expect(isPausedHost(['example.org.'], 'news.example.org.')).toBe(true);
  expect(isPausedHost(['example.org'], 'example.org.')).toBe(true);
});
