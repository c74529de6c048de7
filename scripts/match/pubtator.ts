/** PubTator format: `PMID|t|title`, `PMID|a|abstract`, then `PMID\tstart\tend\ttext\ttype\tid` mention lines. */

export interface PubtatorMention {
  start: number;
  end: number;
  text: string;
  type: string;
  id: string;
}

export interface PubtatorDoc {
  pmid: string;
  title: string;
  abstract: string;
  mentions: PubtatorMention[];
}

/** The text that PubTator offsets point into. */
export const docText = (d: PubtatorDoc) => `${d.title} ${d.abstract}`;

export function parsePubtator(src: string): PubtatorDoc[] {
  const docs: PubtatorDoc[] = [];
  let cur: PubtatorDoc | null = null;
  for (const line of src.split(/\r?\n/)) {
    if (!line.trim()) {
      cur = null;
      continue;
    }
    const m = /^([^|\t]+)\|([ta])\|(.*)$/.exec(line);
    if (m) {
      if (!cur || cur.pmid !== m[1]) {
        cur = { pmid: m[1], title: '', abstract: '', mentions: [] };
        docs.push(cur);
      }
      if (m[2] === 't') cur.title = m[3];
      else cur.abstract = m[3];
      continue;
    }
    const f = line.split('\t');
    if (cur && f.length >= 5 && f[0] === cur.pmid) {
      cur.mentions.push({ start: +f[1], end: +f[2], text: f[3], type: f[4], id: f[5] ?? '' });
    }
  }
  return docs;
}
