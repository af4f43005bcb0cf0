/** Ids for records (notes, questions, speakers, drafts) and for one-time names (panel nonces). */

/**
 * A random (version 4) UUID. Not `crypto.randomUUID`: it exists only in secure contexts, and the
 * panel is not one when it sits in a plain-http page a user enabled (a frame is secure only if
 * every page around it is). `getRandomValues` works everywhere.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
