// SHA-256 of a file, as the manifest lists it (lower-case hex). Web Crypto: browser and Node alike.

/** Of the file's bytes, as downloaded: hashing them directly spares re-encoding the text (285 MB: seconds). */
async function sha256OfBytes(bytes: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Of a file's text (its UTF-8 encoding). */
export function sha256Hex(text: string): Promise<string> {
  return sha256OfBytes(new TextEncoder().encode(text));
}

/** Text and digest of a file's bytes together (UTF-8; a byte order mark is dropped, as fetch's text() does). */
export async function textWithDigest(bytes: Uint8Array<ArrayBuffer>): Promise<{ text: string; sha256: string }> {
  return { text: new TextDecoder().decode(bytes), sha256: await sha256OfBytes(bytes) };
}
