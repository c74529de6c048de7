// Which dataset generation readers see: `meta.active`, read once per open database and kept, since only an
// import's switch changes it (the background alone writes this database).
import type { ActiveDataset, Database } from './schema.ts';

/**
 * The active generation of each open database, kept after the first read: every query starts by asking for it,
 * and only an import's switch changes it (forgetActive).
 */
const activeByDb = new WeakMap<Database, Promise<ActiveDataset | undefined>>();

export function getActive(db: Database): Promise<ActiveDataset | undefined> {
  let active = activeByDb.get(db);
  if (!active) {
    active = db.get('meta', 'active') as Promise<ActiveDataset | undefined>;
    activeByDb.set(db, active);
    // A failed read is not remembered.
    active.catch(() => activeByDb.get(db) === active && activeByDb.delete(db));
  }
  return active;
}

/** After a switch (landed or not): the next reader reads `meta.active` again. */
export function forgetActive(db: Database): void {
  activeByDb.delete(db);
}
