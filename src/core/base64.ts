/**
 * Bytes as base64 text and back (RFC 4648 §4: the standard alphabet, `=` padding), for the pictures
 * a backup file carries and the `data:` URLs of the handout. Pure; `btoa` and `atob` are in every
 * browser and in Node.
 */

/** Characters of a chunk handed to `String.fromCharCode` at once: well under every engine's argument limit. */
const CHUNK = 0x8000;

/** `bytes` as base64 with padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

const NOT_BASE64 = /[^A-Za-z0-9+/=]/;

/**
 * The bytes of `text`, which must be base64 as `bytesToBase64` writes it: the standard alphabet,
 * padded, no white space. Null for anything else (`atob` would forgive white space and missing
 * padding; a backup's picture is ours, so anything but our own form means the file was damaged).
 */
export function base64ToBytes(text: string): Uint8Array | null {
  // Checked without a pattern over the whole text: a backtracking one would hold a stack as long as it.
  const padding = text.indexOf('=');
  const badPadding = padding !== -1 && (padding < text.length - 2 || text.slice(padding) !== '='.repeat(text.length - padding));
  if (text.length % 4 !== 0 || NOT_BASE64.test(text) || badPadding) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How many characters of base64 `bytes` bytes take (with padding). */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);
