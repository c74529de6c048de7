import { describe, expect, test } from 'vitest';
import { parseRoute, routeSearch } from '../../../lib/views/address';

describe('popup addresses', () => {
  test.each([
    ['', { view: 'home' }],
    ['?tab=12', { view: 'home', tab: 12 }],
    ['?concept=MESH%3AD001943', { view: 'concept', id: 'MESH:D001943' }],
    ['?concept=MESH:D001943&tab=3', { view: 'concept', id: 'MESH:D001943', tab: 3 }],
    ['?summary=pmid%3A21645374', { view: 'summary', id: 'pmid:21645374' }],
    ['?tab=abc', { view: 'home' }],
    ['?view=saved&tab=5', { view: 'saved', tab: 5 }],
    ['?view=other', { view: 'home' }],
  ])('%s', (search, route) => {
    expect(parseRoute(search)).toEqual(route);
  });

  test('round trip', () => {
    for (const route of [{ view: 'home' as const }, { view: 'concept' as const, id: 'MESH:D001943', tab: 4 }, { view: 'summary' as const, id: 'medquad:1_CancerGov_QA/0000001_1' }, { view: 'saved' as const }]) {
      expect(parseRoute(routeSearch(route))).toEqual(route);
    }
    expect(routeSearch({ view: 'home' })).toBe('');
  });
});
