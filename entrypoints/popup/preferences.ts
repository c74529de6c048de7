// The reader's audience and paused sites, read from settings and kept in step when they change elsewhere.
import { useLayoutEffect, useState } from 'preact/hooks';
import { pausedEntriesFor } from '../../lib/settings/paused-host';
import { DEFAULT_PREFERENCES, getPreferences, pausedSitesItem, preferencesItem, updatePreferences, type Audience } from '../../lib/settings/preferences';
import { likelyAudience, rememberAudience } from './last-audience';

let audienceRead: Promise<Audience> | undefined;

/** The stored audience, read once per popup. */
export function getAudience(): Promise<Audience> {
  audienceRead ??= getPreferences().then(
    (p) => {
      rememberAudience(p.audience);
      return p.audience;
    },
    () => DEFAULT_PREFERENCES.audience,
  );
  return audienceRead;
}

export function useAudience(): [Audience, (audience: Audience) => void] {
  const [audience, setAudience] = useState<Audience>(likelyAudience);
  useLayoutEffect(() => {
    let live = true;
    void getAudience().then((a) => live && setAudience(a));
    const unwatch = preferencesItem.watch((p) => {
      if (!p) return;
      rememberAudience(p.audience);
      setAudience(p.audience);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const change = (next: Audience) => {
    setAudience(next);
    rememberAudience(next);
    void updatePreferences({ audience: next });
  };
  return [audience, change];
}

/** Pause or resume `site`; resuming it also resumes the site it belongs to, if that was paused (the switch must follow). */
export async function setPaused(site: string, paused: boolean): Promise<void> {
  const stored = await pausedSitesItem.getValue();
  const covering = pausedEntriesFor(stored, site);
  await pausedSitesItem.setValue(paused ? [...stored.filter((s) => s !== site), site] : stored.filter((s) => !covering.includes(s)));
}
