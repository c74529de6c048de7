// Just after install the bundled dataset is still being imported when a reader may already click a term.
// Lookups then wait for that first import instead of answering "not in the dataset"; the status does not
// wait (it shows the import's progress); and once a dataset is installed, lookups during an update answer
// at once from it.
import { describe, expect, test } from 'vitest';
import { EvidenceStore } from '../../../lib/db/service';
import { Router } from '../../../lib/messaging/router';
import type { MessageType, Reply, RequestOf } from '../../../lib/messaging/protocol';
import { concept, memoryDataset, research } from '../../helpers/memory-dataset';

const CONCEPTS = [concept('C:1', 'Wilson disease', { summaryCount: 1 }), concept('C:2', 'Asthma')];
const SUMMARIES = [research('1', ['C:1'], 2012)];

/** A dataset whose files arrive one every `delayMs`, with a hook that says when its first file was asked for. */
function slowDataset(version: string, delayMs: number, origin = 'bundled', concepts = CONCEPTS) {
  const source = memoryDataset(version, concepts, SUMMARIES, { origin, target: 1 });
  let started!: () => void;
  const firstRead = new Promise<void>((resolve) => (started = resolve));
  const readFile = source.readFile.bind(source);
  source.readFile = async (path: string) => {
    started();
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return readFile(path);
  };
  return { source, firstRead };
}

function storeWith(bundled: ReturnType<typeof slowDataset>) {
  const store = new EvidenceStore({ bundled: () => Promise.resolve(bundled.source) });
  const router = new Router();
  store.register(router);
  const ask = async <T extends MessageType>(type: T, request?: RequestOf<T>) => {
    const reply = (await router.listener({ type, request }, {})) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return { store, ask };
}

describe('lookups during the first import', () => {
  test('wait for it and answer from the new dataset; the status answers at once, with the progress', async () => {
    const bundled = slowDataset('b1', 40);
    const { store, ask } = storeWith(bundled);
    const install = store.ensureBundled();
    await bundled.firstRead;
    const order: string[] = [];
    const status = ask('dataset/status').then((s) => (order.push('status'), s));
    const concept = ask('concept/get', { id: 'C:1' }).then((c) => (order.push('concept'), c));
    const page = ask('summaries/for-concept', { conceptId: 'C:1' });
    void install.then(() => order.push('installed'));
    expect((await status).installed).toBeUndefined();
    expect((await status).importing?.version).toBe('b1');
    expect((await concept)?.name).toBe('Wilson disease');
    expect((await page).items.map((s) => s.id)).toEqual(['pmid:1']);
    await install;
    expect(order).toEqual(['status', 'installed', 'concept']);
  });

  test('once a dataset is installed, lookups during an update answer at once from it', async () => {
    const first = slowDataset('b1', 0);
    const { store, ask } = storeWith(first);
    await store.ensureBundled();
    // Every file differs from the installed ones, so every one is read (unchanged files would be copied).
    const update = slowDataset('b2', 50, 'https://example.org', [concept('C:1', 'Wilson disease (new)', { summaryCount: 1 }), concept('C:2', 'Asthma (new)')]);
    const importing = store.import(update.source);
    await update.firstRead;
    let updated = false;
    void importing.then(() => (updated = true));
    expect((await ask('concept/get', { id: 'C:1' }))?.name).toBe('Wilson disease');
    expect(updated).toBe(false); // answered from b1, not held until the update's files had arrived
    expect((await ask('dataset/status')).installed?.version).toBe('b1');
    await importing;
    expect((await ask('concept/get', { id: 'C:1' }))?.name).toBe('Wilson disease (new)');
  });
});
