// A line of a plain-language answer with the addresses it gives made links ("see www.cdc.gov/vaccines/…"), where the
// address is on a site the dataset may cite (lib/dataset/links.ts): the text is untrusted, and a synced dataset
// must not make a link the importer would refuse as a record's link. Others stay text. Built as elements, never markup.
import { isAllowedLink } from '../lib/dataset/links';

/** An address as answers write them: with its scheme, or from "www.". */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;

export function LinkedText({ text }: { text: string }) {
  const parts: (string | { href: string; shown: string })[] = [];
  let from = 0;
  for (const m of text.matchAll(ADDRESS)) {
    const shown = trimEnd(m[0]);
    const href = httpsOf(shown);
    if (!href) continue;
    parts.push(text.slice(from, m.index), { href, shown });
    from = m.index + shown.length;
  }
  if (parts.length === 0) return <>{text}</>;
  parts.push(text.slice(from));
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <a key={i} class="answer-link" href={p.href} target="_blank" rel="noopener noreferrer">
            {p.shown}
          </a>
        ),
      )}
    </>
  );
}

/** The address without the sentence's punctuation after it ("…/rotavirus." "(www.cjdfoundation.org)"). */
function trimEnd(address: string): string {
  let end = address.length;
  for (;;) {
    const last = address[end - 1];
    if (/[.,;:!?'’]/.test(last)) end--;
    else if (last === ')' && count(address.slice(0, end), '(') < count(address.slice(0, end), ')')) end--;
    else return address.slice(0, end);
  }
}

const count = (s: string, c: string) => s.split(c).length - 1;

/** The https address a written one stands for, if the dataset may cite its site (these sites all serve https). */
function httpsOf(shown: string): string | undefined {
  const href = 'https://' + shown.replace(/^https?:\/\//i, '');
  return isAllowedLink(href) ? href : undefined;
}
