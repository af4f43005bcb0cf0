/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so an export gives the
 * same id to the same thing every time, with no clock and no randomness. Used for annotations of
 * records that have no UUID of their own (answers, pages of a collection).
 * The hashing is the `uuid` package's (synchronous in Node and in browsers, which the core needs).
 */
import { v5 } from 'uuid';

/** The RFC's URL namespace, for names that are URLs or URL-like strings. */
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` is a UUID in its 8-4-4-4-12 hex form, either case. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * The version-5 UUID of `name` (hashed as UTF-8) in `namespace` (a UUID), lower case.
 * Throws RangeError when `namespace` is not a UUID.
 */
export function uuidV5(namespace: string, name: string): string {
  if (!isUuid(namespace)) throw new RangeError(`Not a UUID: ${namespace}`);
  return v5(name, namespace);
}
