// navigator.locks as the pages of one extension share it (exclusive locks, each name taken once here).
export function fakeLocks(): LockManager {
  const held = new Set<string>();
  return {
    request: async (name: string, callback: (lock: Lock) => Promise<unknown>) => {
      held.add(name);
      try {
        return await callback({ name, mode: 'exclusive' } as Lock);
      } finally {
        held.delete(name);
      }
    },
    query: async () => ({ held: [...held].map((name) => ({ name, mode: 'exclusive', clientId: 'settings' })), pending: [] }),
  } as unknown as LockManager;
}
