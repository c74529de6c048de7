/**
 * The matcher's byte format: a header, then typed arrays stored raw (little-endian, 4-byte aligned) so that
 * loading is a handful of views over the buffer, plus two newline-joined string lists (no JSON to parse).
 *
 *   "ELM1" u32 version u32 sectionCount, then sectionCount x u32 byteLength, then the sections in order,
 *   each padded to 4 bytes.
 */

export const MAGIC = 0x314d4c45; // "ELM1" read as a little-endian u32
export const FORMAT_VERSION = 4;

/** Entry flags. */
export const F_CASE = 1;
export const F_STOP = 2;
export const F_VARIANT = 4;
/** Matches only when "'s" follows (see VocabularyEntry.possessive). */
export const F_POSSESSIVE = 8;

export interface MatcherData {
  /** Per BMP code unit: class << 12 | symbol (see normalise.ts). */
  table: Uint16Array;
  /** symbol -> folded code unit (index 0 is the terminal symbol). */
  alphabet: Uint16Array;
  /** The double-array trie, [base, check] interleaved (see double-array.ts). */
  nodes: Int32Array;
  /** Bitset of hashed first words of all keys (see first-words.ts). */
  firstWords: Uint32Array;
  /** Bitset of what may follow a first word (see first-words.ts). */
  nextWords: Uint32Array;
  /** Output lists: entries of list k are outEntries[outOffsets[k] .. outOffsets[k + 1]). */
  outOffsets: Uint32Array;
  outEntries: Uint32Array;
  entryConcept: Uint32Array;
  /**
   * The case-sensitive entries, ascending; csForms[i] is the form of csEntries[i]. (A form index for every entry
   * took 257 KB for some 2,000 such entries, against a memory target the matcher is 0.2 MB under.)
   */
  csEntries: Uint32Array;
  entryFlags: Uint8Array;
  entryCategory: Uint8Array;
  concepts: string[];
  csForms: string[];
}

const ARRAY_FIELDS = [
  'table',
  'alphabet',
  'nodes',
  'firstWords',
  'nextWords',
  'outOffsets',
  'outEntries',
  'entryConcept',
  'csEntries',
  'entryFlags',
  'entryCategory',
] as const;

// Every platform we run on (x86, ARM in browsers and Node) is little-endian; refuse to load otherwise.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const pad4 = (n: number) => (n + 3) & ~3;

export function serialise(d: MatcherData): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = ARRAY_FIELDS.map((k) => {
    const a = d[k];
    return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  });
  parts.push(enc.encode(d.concepts.join('\n')));
  parts.push(enc.encode(d.csForms.join('\n')));
  const headerBytes = 12 + 4 * parts.length;
  let total = headerBytes;
  for (const p of parts) total += pad4(p.byteLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, parts.length, true);
  let off = headerBytes;
  parts.forEach((p, i) => {
    view.setUint32(12 + 4 * i, p.byteLength, true);
    out.set(p, off);
    off += pad4(p.byteLength);
  });
  return out;
}

export function deserialise(input: Uint8Array | ArrayBuffer): MatcherData {
  if (!LITTLE_ENDIAN) throw new Error('matcher: big-endian platforms are not supported');
  let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  // Typed-array views need aligned offsets: copy once if the caller's slice is not 4-byte aligned.
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('matcher: not a matcher file');
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new Error(`matcher: unsupported format version ${version}`);
  const count = view.getUint32(8, true);
  if (count !== ARRAY_FIELDS.length + 2) throw new Error('matcher: bad section count');
  let off = 12 + 4 * count;
  const sections: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const len = view.getUint32(12 + 4 * i, true);
    if (off + len > bytes.byteLength) throw new Error('matcher: truncated file');
    sections.push(bytes.subarray(off, off + len));
    off += pad4(len);
  }
  const buf = bytes.buffer;
  const at = (i: number) => sections[i].byteOffset;
  const len = (i: number) => sections[i].byteLength;
  const dec = new TextDecoder();
  const list = (s: Uint8Array) => (s.byteLength === 0 ? [] : dec.decode(s).split('\n'));
  return {
    table: new Uint16Array(buf, at(0), len(0) / 2),
    alphabet: new Uint16Array(buf, at(1), len(1) / 2),
    nodes: new Int32Array(buf, at(2), len(2) / 4),
    firstWords: new Uint32Array(buf, at(3), len(3) / 4),
    nextWords: new Uint32Array(buf, at(4), len(4) / 4),
    outOffsets: new Uint32Array(buf, at(5), len(5) / 4),
    outEntries: new Uint32Array(buf, at(6), len(6) / 4),
    entryConcept: new Uint32Array(buf, at(7), len(7) / 4),
    csEntries: new Uint32Array(buf, at(8), len(8) / 4),
    entryFlags: new Uint8Array(buf, at(9), len(9)),
    entryCategory: new Uint8Array(buf, at(10), len(10)),
    concepts: list(sections[11]),
    csForms: list(sections[12]),
  };
}
