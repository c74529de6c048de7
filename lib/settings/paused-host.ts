// Whether a page's host is paused. A paused site covers its subdomains: a reader who pauses "example.org" means
// www.example.org and news.example.org as well. Never the other way: pausing "www.example.org" leaves example.org
// and news.example.org highlighted (the reader named one part of the site). An IP address covers only itself.

const IP_ADDRESS = /^[\d.]+$|^\[/;

/** "example.org." (a fully qualified name) is the same site as "example.org". */
export const withoutRootDot = (host: string) => (host.endsWith('.') ? host.slice(0, -1) : host);

/** The paused sites that cover `hostname`: the host itself and any site it is a subdomain of. */
export function pausedEntriesFor(pausedSites: readonly string[], hostname: string): string[] {
  const host = withoutRootDot(hostname.toLowerCase());
  return pausedSites.filter((entry) => {
    const site = withoutRootDot(entry); // one stored by an earlier version as typed, "example.org."
    return site === host || (!IP_ADDRESS.test(host) && host.endsWith(`.${site}`));
  });
}

export function isPausedHost(pausedSites: readonly string[], hostname: string): boolean {
  return pausedEntriesFor(pausedSites, hostname).length > 0;
}
