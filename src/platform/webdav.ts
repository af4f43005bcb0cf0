/**
 * The few WebDAV requests sync needs (RFC 4918, conditional requests RFC 9110 §13), over `fetch`,
 * so one client runs in the service worker, an extension page and Node (the CLI):
 * GET (with the ETag), PUT only if the file is still what was read (`If-Match`) or still absent
 * (`If-None-Match: *`), MKCOL, DELETE. A precondition that fails is a value (`'changed'`), not
 * an error: the caller reads, merges and writes again.
 *
 * Apache marks a file's ETag weak in the second after it was written, and `If-Match` never
 * matches a weak ETag (RFC 9110 §13.1.1: strong comparison); for those the condition goes in
 * WebDAV's own `If` header (RFC 4918 §10.4), which servers compare weakly.
 */
import { t } from '../core/i18n';

/** The user's server: the folder's address (ending in `/` or not), user name and app password. */
export interface DavAccount {
  url: string;
  user: string;
  password: string;
}

/** What went wrong, in the terms the status shows: each kind has its own words (sync-status.ts). */
export type DavErrorKind = 'offline' | 'credentials' | 'forbidden' | 'full' | 'missing' | 'server';

export class DavError extends Error {
  constructor(
    readonly kind: DavErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DavError';
  }
}

export type GetResult = { state: 'found'; text: string; etag: string | undefined } | { state: 'absent' };
/** `If-Match` an ETag read before, or only if there is no such file yet. */
export type Precondition = { etag: string } | 'absent';

const TIMEOUT_MS = 30_000;

/** Basic auth of UTF-8 user and password (RFC 7617 with charset UTF-8, what servers expect today). */
function basic(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The folder address, ending in one `/`. Throws a DavError for an address that is not http(s). */
export function folderUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new DavError('missing', t('webdav_notAddress'));
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new DavError('missing', t('webdav_notHttp'));
  if (parsed.username || parsed.password) throw new DavError('missing', t('webdav_credentialsInAddress'));
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  parsed.hash = '';
  parsed.search = '';
  return parsed;
}

/** What a request did, for its failure's words. */
type Operation = 'read' | 'write' | 'mkcol' | 'delete';
const FORBIDDEN = { read: 'webdav_forbiddenRead', write: 'webdav_forbiddenWrite', mkcol: 'webdav_forbiddenMkcol', delete: 'webdav_forbiddenDelete' } as const;
const FAILED = { read: 'webdav_serverRead', write: 'webdav_serverWrite', mkcol: 'webdav_serverMkcol', delete: 'webdav_serverDelete' } as const;

function statusError(response: Response, what: Operation): DavError {
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  switch (response.status) {
    case 401:
      return new DavError('credentials', t('webdav_credentials'), 401);
    case 403:
      return new DavError('forbidden', t(FORBIDDEN[what], status), 403);
    case 404:
    case 409:
      return new DavError('missing', t('webdav_missing', status), response.status);
    case 507:
      return new DavError('full', t('webdav_full'), 507);
    default:
      return new DavError('server', t(FAILED[what], status), response.status);
  }
}

/** A client for one account; `fetchImpl` is `fetch` unless a test or the CLI gives another. */
export class DavClient {
  private readonly base: URL;
  private readonly auth: string;
  /** Requests sent: the bench and the tests count them. */
  requests = 0;

  constructor(account: DavAccount, private readonly fetchImpl: typeof fetch = (...args) => fetch(...args)) {
    this.base = folderUrl(account.url);
    this.auth = basic(account.user, account.password);
  }

  /** The address of `path` (relative, `/`-separated, each part already safe) under the folder. */
  urlOf(path: string): string {
    return new URL(path, this.base).href;
  }

  private async send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Response> {
    this.requests++;
    try {
      return await this.fetchImpl(this.urlOf(path), {
        method,
        headers: { Authorization: this.auth, ...headers },
        body,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new DavError('offline', timedOut ? t('webdav_timeout') : t('webdav_offline'));
    }
  }

  /** The file's text and ETag, or `absent` (404). */
  async get(path: string): Promise<GetResult> {
    const response = await this.send('GET', path);
    if (response.status === 404) return { state: 'absent' };
    if (!response.ok) throw statusError(response, 'read');
    return { state: 'found', text: await response.text(), etag: response.headers.get('ETag') ?? undefined };
  }

  /** Writes the file if `precondition` holds: `written`, or `changed` (412: someone wrote it since it was read). */
  async put(path: string, text: string, precondition: Precondition): Promise<'written' | 'changed'> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    if (precondition === 'absent') headers['If-None-Match'] = '*';
    else if (precondition.etag.startsWith('W/')) headers.If = `([${precondition.etag}])`;
    else headers['If-Match'] = precondition.etag;
    const response = await this.send('PUT', path, headers, text);
    if (response.status === 412) return 'changed';
    if (!response.ok) throw statusError(response, 'write');
    return 'written';
  }

  /** Makes a folder; one that is there already is fine (405, as RFC 4918 §9.3.1 says). */
  async mkcol(path: string): Promise<void> {
    const response = await this.send('MKCOL', path);
    if (response.ok || response.status === 405) return;
    throw statusError(response, 'mkcol');
  }

  /** The folder's own status, asked with PROPFIND depth 0 (nothing read or parsed): 207 when it is there and the account may see it. */
  async probe(): Promise<number> {
    const response = await this.send('PROPFIND', '', { Depth: '0' });
    return response.status;
  }

  /** Deletes a file; one that is gone already is fine. */
  async delete(path: string): Promise<void> {
    const response = await this.send('DELETE', path);
    if (response.ok || response.status === 404) return;
    throw statusError(response, 'delete');
  }
}

/** One line of what Test found: whether it holds, said in plain words. */
export interface CheckLine {
  ok: boolean;
  text: string;
}

/**
 * The settings page's Test, in order, stopping at the first that fails: the address, whether the
 * server answers, whether the user name and password work, and whether the folder takes a file
 * (a small file written into `webinar-notes/` and deleted again).
 */
export async function checkServer(account: DavAccount, fetchImpl?: typeof fetch): Promise<CheckLine[]> {
  let client: DavClient;
  try {
    client = new DavClient(account, fetchImpl);
  } catch (error) {
    return [{ ok: false, text: (error as Error).message }];
  }
  const lines: CheckLine[] = [];
  let status: number;
  try {
    status = await client.probe();
  } catch (error) {
    return [{ ok: false, text: t('webdav_checkNoAnswer', (error as Error).message) }];
  }
  lines.push({ ok: true, text: t('webdav_checkAnswers') });
  if (status === 401) return [...lines, { ok: false, text: t('webdav_checkCredentialsRefused') }];
  lines.push({ ok: true, text: t('webdav_checkCredentialsWork') });
  if (status === 404) return [...lines, { ok: false, text: t('webdav_checkNoFolder') }];
  if (status !== 207 && status !== 200) return [...lines, { ok: false, text: t('webdav_checkNotDav', String(status)) }];
  try {
    await client.mkcol('webinar-notes/');
    const probe = `webinar-notes/write-test-${crypto.randomUUID()}.txt`;
    await client.put(probe, 'Webinar Notes checks that it may write here; this file is deleted at once.', 'absent');
    await client.delete(probe);
  } catch (error) {
    return [...lines, { ok: false, text: t('webdav_checkNotWritable', (error as Error).message) }];
  }
  return [...lines, { ok: true, text: t('webdav_checkWritable') }];
}
