// An in-memory stand-in for the evidence database, used for the rest of a worker's life when IndexedDB
// cannot be opened or is full (service.ts). It implements exactly the part of idb's API that lib/db and
// lib/terms use, with IndexedDB's meaning:
// - two stores, 'buckets' and 'meta', with string keys kept sorted (code-unit order, as IndexedDB sorts
//   strings); a query is a key or an IDBKeyRange (lower/upper, open or closed);
// - values are structured clones on the way in and out, as IndexedDB stores them;
// - a transaction commits once the task that created it and every promise chained on its requests have run
//   (a timer, like IndexedDB's auto-commit); abort() before that undoes its writes and rejects `done`;
// - openCursor gives the first position only ({ key, value } or null): no caller steps a cursor.
// Writes apply at once and are undone on abort; nothing here runs two writing transactions on the same keys
// at once (imports are serialised by the store), so the undo log need not isolate transactions.
import type { Database } from './schema.ts';

type StoreName = 'buckets' | 'meta';
type Query = string | IDBKeyRange | null | undefined;
type Mode = 'readonly' | 'readwrite' | 'versionchange';

/** One store: sorted keys and their values. */
class Table {
  readonly keys: string[] = [];
  readonly values = new Map<string, unknown>();

  /** The first position whose key is not below `key` (or, `after`, above it). */
  private position(key: string, after: boolean): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < key || (after && this.keys[mid] === key)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The positions [from, to) of the keys the query selects. */
  span(query: Query): [number, number] {
    if (query === null || query === undefined) return [0, this.keys.length];
    if (typeof query === 'string') {
      const at = this.position(query, false);
      return [at, this.keys[at] === query ? at + 1 : at];
    }
    const from = query.lower === undefined ? 0 : this.position(String(query.lower), query.lowerOpen);
    const to = query.upper === undefined ? this.keys.length : this.position(String(query.upper), !query.upperOpen);
    return [from, Math.max(from, to)];
  }

  set(key: string, value: unknown): void {
    if (!this.values.has(key)) this.keys.splice(this.position(key, false), 0, key);
    this.values.set(key, value);
  }

  remove(key: string): void {
    if (!this.values.delete(key)) return;
    this.keys.splice(this.position(key, false), 1);
  }
}

const inactive = () => new DOMException('The transaction has finished.', 'TransactionInactiveError');

class MemoryTransaction {
  readonly done: Promise<void>;
  /** The store, when the transaction was opened on one. */
  readonly store?: MemoryObjectStore;
  private state: 'active' | 'committed' | 'aborted' = 'active';
  /** What each write replaced, to undo on abort. */
  private undo: { table: Table; key: string; had: boolean; value: unknown }[] = [];
  private settle!: { resolve(): void; reject(error: unknown): void };
  private timer: ReturnType<typeof setTimeout>;

  constructor(
    private tables: Record<StoreName, Table>,
    private names: StoreName[],
    readonly mode: Mode,
  ) {
    this.done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.done.catch(() => undefined); // an aborted transaction nobody awaits is not an unhandled rejection
    if (names.length === 1) this.store = this.objectStore(names[0]);
    this.timer = setTimeout(() => this.commit(), 0);
  }

  objectStore(name: StoreName): MemoryObjectStore {
    if (!this.names.includes(name)) throw new DOMException(`"${name}" is not in this transaction's scope.`, 'NotFoundError');
    return new MemoryObjectStore(this.tables[name], this);
  }

  abort(): void {
    if (this.state !== 'active') throw new DOMException('The transaction has finished.', 'InvalidStateError');
    clearTimeout(this.timer);
    for (const { table, key, had, value } of this.undo.reverse()) {
      if (had) table.set(key, value);
      else table.remove(key);
    }
    this.undo = [];
    this.state = 'aborted';
    this.settle.reject(new DOMException('The transaction was aborted.', 'AbortError'));
  }

  private commit(): void {
    if (this.state !== 'active') return;
    this.state = 'committed';
    this.undo = [];
    this.settle.resolve();
  }

  /** Every request checks that the transaction still accepts requests (and writes, for a write). */
  check(write: boolean): void {
    if (this.state !== 'active') throw inactive();
    if (write && this.mode === 'readonly') throw new DOMException('The transaction is read-only.', 'ReadOnlyError');
  }

  wrote(table: Table, key: string): void {
    this.undo.push({ table, key, had: table.values.has(key), value: table.values.get(key) });
  }
}

class MemoryObjectStore {
  constructor(
    private table: Table,
    private tx: MemoryTransaction,
  ) {}

  private keysIn(query: Query, count?: number): string[] {
    const [from, to] = this.table.span(query);
    return this.table.keys.slice(from, count ? Math.min(to, from + count) : to);
  }

  async get(query: Query): Promise<unknown> {
    this.tx.check(false);
    const [key] = this.keysIn(query, 1);
    return key === undefined ? undefined : structuredClone(this.table.values.get(key));
  }

  async getAll(query?: Query, count?: number): Promise<unknown[]> {
    this.tx.check(false);
    return this.keysIn(query, count).map((key) => structuredClone(this.table.values.get(key)));
  }

  async getAllKeys(query?: Query, count?: number): Promise<string[]> {
    this.tx.check(false);
    return this.keysIn(query, count);
  }

  async openCursor(query?: Query, direction: 'next' | 'prev' = 'next'): Promise<{ key: string; value: unknown } | null> {
    this.tx.check(false);
    const [from, to] = this.table.span(query);
    if (from === to) return null;
    const key = this.table.keys[direction === 'prev' ? to - 1 : from];
    return { key, value: structuredClone(this.table.values.get(key)) };
  }

  // put and delete take effect (and fail, e.g. on a value that cannot be cloned) when called, as in IndexedDB.
  put(value: unknown, key: string): Promise<string> {
    this.tx.check(true);
    const copy = structuredClone(value);
    this.tx.wrote(this.table, key);
    this.table.set(key, copy);
    return Promise.resolve(key);
  }

  delete(query: Query): Promise<void> {
    this.tx.check(true);
    for (const key of this.keysIn(query)) {
      this.tx.wrote(this.table, key);
      this.table.remove(key);
    }
    return Promise.resolve();
  }
}

class MemoryDatabase {
  private tables: Record<StoreName, Table> = { buckets: new Table(), meta: new Table() };

  transaction(names: StoreName | StoreName[], mode: Mode = 'readonly', _options?: IDBTransactionOptions): MemoryTransaction {
    return new MemoryTransaction(this.tables, typeof names === 'string' ? [names] : [...names], mode);
  }

  // The shortcuts, as idb defines them: one request in its own transaction; a write waits for the commit.
  get(store: StoreName, query: Query) {
    return this.transaction(store).store!.get(query);
  }
  getAll(store: StoreName, query?: Query, count?: number) {
    return this.transaction(store).store!.getAll(query, count);
  }
  getAllKeys(store: StoreName, query?: Query, count?: number) {
    return this.transaction(store).store!.getAllKeys(query, count);
  }
  async put(store: StoreName, value: unknown, key: string): Promise<string> {
    const tx = this.transaction(store, 'readwrite');
    const [written] = await Promise.all([tx.store!.put(value, key), tx.done]);
    return written;
  }
  async delete(store: StoreName, query: Query): Promise<void> {
    const tx = this.transaction(store, 'readwrite');
    await Promise.all([tx.store!.delete(query), tx.done]);
  }

  close(): void {}
}

/**
 * A new, empty memory database. idb's types describe the whole of IndexedDB; this implements the part that
 * `Database` (schema.ts) picks, with the same meaning, hence the one cast here. tests/unit/db/memory.test.ts
 * runs the import and query suites against it and compares it with IndexedDB on random keys and ranges.
 */
export function memoryDatabase(): Database {
  return new MemoryDatabase() as unknown as Database;
}
