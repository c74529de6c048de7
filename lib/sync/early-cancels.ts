// Cancels that reach the background before the update they name. The settings page names its sync (or file import)
// and may send a Cancel for it before the background has the request (still on its way, or waiting for the worker to
// start): there is nothing to stop yet, so the id is remembered, and the request, when it comes, is refused as
// cancelled.
//
// Kept in storage.session besides memory: the worker that handled the Cancel may be stopped before the request
// arrives (it starts a new one, whose memory is empty). storage.session lives as long as the browser's session, is
// not readable by content scripts, and holds only this short list: the last MAX_IDS ids, each for TTL_MS (any of the
// extension's pages may send a Cancel, and a buggy one must not grow it).
import { storage } from '@wxt-dev/storage';

/** Far more than the updates a reader starts at once. */
const MAX_IDS = 32;
/** A request comes milliseconds after its page named it, seconds if the worker had to start. */
const TTL_MS = 2 * 60_000;
/** The pages' ids are UUIDs (36 characters); a longer one names nothing of theirs. */
const MAX_ID_LENGTH = 64;

interface EarlyCancel {
  id: string;
  /** When the Cancel came (ms since the epoch). */
  at: number;
}

const earlyCancelsItem = storage.defineItem<EarlyCancel[]>('session:earlyCancels', { fallback: [] });

export class EarlyCancels {
  /** The list, read from storage.session once (a stopped worker's Cancels), then kept here and written back. */
  private list?: EarlyCancel[];
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private now: () => number = Date.now) {}

  /** Remember a Cancel of an update the background does not know (yet). */
  remember(id: unknown): Promise<void> {
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return this.written();
    return this.change((list) => [...list.filter((c) => c.id !== id), { id, at: this.now() }].slice(-MAX_IDS));
  }

  /** Whether the update `id` was cancelled before it was asked for; forgets it (an id names one update). */
  async take(id: string): Promise<boolean> {
    let found = false;
    await this.change((list) => {
      found = list.some((c) => c.id === id);
      return found ? list.filter((c) => c.id !== id) : list;
    });
    return found;
  }

  /** Settles once what was remembered so far is stored (the worker may stop after it answers the Cancel). */
  written(): Promise<void> {
    return this.writes.then(() => undefined);
  }

  /** Changes run one after another, each on the list the last left, without the ids past their time. */
  private change(edit: (list: EarlyCancel[]) => EarlyCancel[]): Promise<void> {
    const write = this.writes.then(async () => {
      const stored = this.list ?? (await earlyCancelsItem.getValue().catch(() => []));
      const now = this.now();
      const live = stored.filter((c) => c.at <= now && now - c.at < TTL_MS);
      const next = edit(live);
      this.list = next;
      // Storage failing leaves this worker's memory: the Cancel still holds while it runs.
      if (next.length !== stored.length || next.some((c, i) => c !== stored[i])) await earlyCancelsItem.setValue(next).catch(() => undefined);
    });
    this.writes = write.catch(() => undefined);
    return write;
  }
}
