import { expect, test } from 'vitest';
import { failureOutcome } from '../../../../entrypoints/options/outcome';
import { CANCELLED } from '../../../../lib/sync/errors';

test("a sync the reader cancelled is a calm status; a failure is an error; a stopped worker's update goes on", () => {
  expect(failureOutcome(new Error(CANCELLED))).toEqual({ kind: 'cancelled', text: 'The update was cancelled, so nothing was changed.' });
  expect(failureOutcome(new Error('The download of manifest.json failed: the server answered HTTP 404.'))).toEqual({
    kind: 'error',
    text: 'The download of manifest.json failed: the server answered HTTP 404.',
  });
  expect(failureOutcome(new Error('Could not establish connection. Receiving end does not exist.'))).toMatchObject({ kind: 'ok' });
});
