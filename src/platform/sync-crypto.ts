/**
 * Optional end-to-end encryption of the sync folder (WebCrypto, in the worker, pages and Node): with
 * a passphrase, every file sync writes (the index, each recording's file and each picture's) is sealed with
 * AES-256-GCM (a random 96-bit IV a file) before it leaves, under a key derived from the
 * passphrase with PBKDF2-HMAC-SHA-256 (600,000 iterations, OWASP's 2023 figure) and a random salt.
 *
 * The salt and iteration count live in `webinar-notes/v1/encryption.json`, with a known text sealed
 * under the key: a passphrase that cannot open it is a wrong passphrase; a file that will not open
 * under a key that opens it is a damaged file. The server holds no note text, only sealed files.
 */
import { bytesToBase64 } from '../core/base64';
import { t } from '../core/i18n';
import { INDEX_PATH, SYNC_ROOT } from '../core/sync/layout';
import { ROSTER_PATH } from '../core/sync/team';
import { DavError, type DavClient } from './webdav';

export const KEY_PATH = `${SYNC_ROOT}encryption.json`;
const KEY_FORMAT = 'webinar-notes-sync-key';
const SEALED_FORMAT = 'webinar-notes-encrypted';
const ITERATIONS = 600_000;
const CHECK_TEXT = 'webinar-notes sync key check';

/** Turns a file's text into what is stored, and back; `decode` gives null for what will not open. */
export interface Codec {
  encode(text: string): Promise<string>;
  decode(text: string): Promise<string | null>;
}


/** The passphrase does not open the folder (or none was given for an encrypted folder): the user must act. */
export class SyncPassphraseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncPassphraseError';
  }
}

// In chunks (core/base64.ts): a sealed picture is far past the number of arguments a call may take.
const toBase64 = bytesToBase64;
function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function seal(key: CryptoKey, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
  return JSON.stringify({ format: SEALED_FORMAT, version: 1, iv: toBase64(iv), data: toBase64(data) });
}

async function unseal(key: CryptoKey, text: string): Promise<string | null> {
  let sealed: { format?: unknown; iv?: unknown; data?: unknown };
  try {
    sealed = JSON.parse(text) as typeof sealed;
  } catch {
    return null;
  }
  if (sealed?.format !== SEALED_FORMAT || typeof sealed.iv !== 'string' || typeof sealed.data !== 'string') return null;
  const iv = fromBase64(sealed.iv);
  const data = fromBase64(sealed.data);
  if (!iv || !data) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data));
  } catch {
    return null;
  }
}

/** No encryption. A sealed file stops the sync: written over in the clear, it would be lost to the devices that sealed it. */
export const PLAIN: Codec = {
  encode: async (text) => text,
  decode: async (text) => {
    if (text.startsWith(`{"format":"${SEALED_FORMAT}"`)) throw new SyncPassphraseError(t('sync_encryptedNeedsPassphrase'));
    return text;
  },
};

function sealedCodec(key: CryptoKey): Codec {
  return { encode: (text) => seal(key, text), decode: (text) => unseal(key, text) };
}

/**
 * The codec for this folder: PLAIN without a passphrase (asking nothing of the server); with one,
 * the folder's key (made, with a new salt, when the folder has none yet). Throws a
 * SyncPassphraseError for a wrong passphrase, and for a passphrase given to a folder that already
 * holds files in the clear.
 */
export async function codecFor(client: DavClient, passphrase: string | undefined): Promise<Codec> {
  if (!passphrase) return PLAIN;
  for (let attempt = 0; attempt < 3; attempt++) {
    const got = await client.get(KEY_PATH);
    if (got.state === 'absent') {
      // The single user's index, or a team folder's list of authors (core/sync/team.ts).
      if ((await client.get(INDEX_PATH)).state === 'found' || (await client.get(ROSTER_PATH)).state === 'found') {
        throw new SyncPassphraseError(t('sync_plainFolder'));
      }
      for (const folder of ['webinar-notes/', SYNC_ROOT]) await client.mkcol(folder);
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const key = await deriveKey(passphrase, salt, ITERATIONS);
      const file = { format: KEY_FORMAT, version: 1, kdf: 'PBKDF2-HMAC-SHA-256', iterations: ITERATIONS, salt: toBase64(salt), check: await seal(key, CHECK_TEXT) };
      if ((await client.put(KEY_PATH, `${JSON.stringify(file, null, 1)}\n`, 'absent')) === 'written') return sealedCodec(key);
      continue; // Another device made the key first: use its.
    }
    let file: { format?: unknown; iterations?: unknown; salt?: unknown; check?: unknown };
    try {
      file = JSON.parse(got.text) as typeof file;
    } catch {
      file = {};
    }
    const salt = typeof file.salt === 'string' ? fromBase64(file.salt) : null;
    if (file.format !== KEY_FORMAT || typeof file.iterations !== 'number' || file.iterations < 1 || file.iterations > 10_000_000 || !salt || typeof file.check !== 'string') {
      throw new DavError('server', t('sync_keyDamaged', KEY_PATH));
    }
    const key = await deriveKey(passphrase, salt, file.iterations);
    if ((await unseal(key, file.check)) !== CHECK_TEXT) throw new SyncPassphraseError(t('sync_wrongPassphrase'));
    return sealedCodec(key);
  }
  throw new DavError('server', t('sync_keptWriting', KEY_PATH));
}
