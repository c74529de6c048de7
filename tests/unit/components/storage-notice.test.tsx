// The popup's storage notice: the evidence held in memory, or why there is none, in one sentence; and the
// status it is drawn from, asked again while the background does not answer.
import './cleanup';
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NO_ANSWER, StorageNotice } from '../../../components/StorageNotice';
import { DatasetStatusView } from '../../../components/DatasetStatusView';
import { useStorageStatus } from '../../../entrypoints/popup/storage-status';
import { IN_MEMORY } from '../../../lib/db/service';
import type { DatasetStatusReport } from '../../../lib/messaging/protocol';
import { Router } from '../../../lib/messaging/router';

const INSTALLED: DatasetStatusReport = {
  installed: { version: 'v1', created: '2026-01-01', counts: { concepts: 1, surfaceForms: 1, researchSummaries: 0, consumerSummaries: 0 }, sources: [], origin: 'bundled', installedAt: '2026-01-01' },
};
const IN_MEMORY_STATUS: DatasetStatusReport = { ...INSTALLED, storage: { kind: 'memory', reason: IN_MEMORY.unavailable } };

describe('storage notice', () => {
  test('in memory: a calm status line with the reason', () => {
    render(<StorageNotice status={IN_MEMORY_STATUS} />);
    expect(screen.getByRole('status').textContent).toBe(IN_MEMORY.unavailable);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('nothing installed, nothing importing, a failure: the failure, as an alert', () => {
    render(<StorageNotice status={{ lastError: 'The bundled dataset is missing concepts-0001.jsonl (HTTP 404).' }} />);
    expect(screen.getByRole('alert').textContent).toBe('The bundled dataset is missing concepts-0001.jsonl (HTTP 404).');
  });

  test('no answer from the background: what to do', () => {
    render(<StorageNotice unanswered />);
    expect(screen.getByRole('alert').textContent).toBe(NO_ANSWER);
  });

  test('IndexedDB working: nothing at all', () => {
    const { container } = render(<StorageNotice status={{ ...INSTALLED, lastError: 'An earlier sync failed.' }} />);
    expect(container.innerHTML).toBe('');
  });

  test('the settings page’s dataset view shows it too', () => {
    render(<DatasetStatusView status={IN_MEMORY_STATUS} />);
    expect(screen.getByTestId('storage-notice').textContent).toBe(IN_MEMORY.unavailable);
    expect(screen.getByTestId('dataset-version').textContent).toBe('v1');
  });
});

function Probe() {
  return <StorageNotice {...useStorageStatus()} />;
}

test('the popup asks the background; without an answer it says so, and shows the answer once it comes', async () => {
  render(<Probe />);
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(NO_ANSWER));
  const router = new Router().on('dataset/status', () => IN_MEMORY_STATUS);
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(IN_MEMORY.unavailable), { timeout: 4000 });
  expect(screen.queryByRole('alert')).toBeNull();
});
