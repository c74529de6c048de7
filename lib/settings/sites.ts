// The list of sites where highlighting is paused: host names, entered by the reader in any form.
import { withoutRootDot } from './paused-host.ts';
import { pausedSitesItem } from './preferences.ts';

/** storage.sync allows 8 KB an item: a few hundred host names. */
export const MAX_PAUSED_SITES = 300;

/** "https://www.Example.org/page" or "example.org" → "www.example.org"; undefined when it is not a host. */
export function siteHost(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let host: string;
  try {
    host = withoutRootDot(new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase());
  } catch {
    return undefined;
  }
  return /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host) && host.length <= 253 ? host : undefined;
}

export async function addPausedSite(input: string): Promise<string[]> {
  const host = siteHost(input);
  if (!host) throw new Error(`"${input}" is not a site name or address.`);
  const sites = await pausedSitesItem.getValue();
  if (sites.includes(host)) return sites;
  if (sites.length >= MAX_PAUSED_SITES) throw new Error(`At most ${MAX_PAUSED_SITES} sites can be paused.`);
  const next = [...sites, host].sort();
  await pausedSitesItem.setValue(next);
  return next;
}

export async function removePausedSite(host: string): Promise<string[]> {
  const next = (await pausedSitesItem.getValue()).filter((s) => s !== host);
  await pausedSitesItem.setValue(next);
  return next;
}
