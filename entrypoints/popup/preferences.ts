// The reader's audience and paused sites, read from settings and kept in step when they change elsewhere.
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PREFERENCES, getPreferences, pausedSitesItem, preferencesItem, updatePreferences, type Audience } from '../../lib/settings/preferences';

export function useAudience(): [Audience | undefined, (audience: Audience) => void] {
  const [audience, setAudience] = useState<Audience>();
  useEffect(() => {
    let live = true;
    getPreferences().then(
      (p) => live && setAudience(p.audience),
      () => live && setAudience(DEFAULT_PREFERENCES.audience),
    );
    const unwatch = preferencesItem.watch((p) => p && setAudience(p.audience));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const change = (next: Audience) => {
    setAudience(next);
    void updatePreferences({ audience: next });
  };
  return [audience, change];
}

export async function isPaused(site: string): Promise<boolean> {
  return (await pausedSitesItem.getValue()).includes(site);
}

export async function setPaused(site: string, paused: boolean): Promise<void> {
  const sites = (await pausedSitesItem.getValue()).filter((s) => s !== site);
  await pausedSitesItem.setValue(paused ? [...sites, site] : sites);
}
