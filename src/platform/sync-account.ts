/**
 * The WebDAV account sync uses: kept only in the extension's local storage (`storage.local`), which
 * no backup, export or sync file reads, and never logged. Forgetting removes it.
 */
import type { DavAccount } from './webdav';
import browser from './browser';

const KEY = 'syncAccount';

export async function loadAccount(): Promise<DavAccount | undefined> {
  const value = (await browser.storage.local.get(KEY))[KEY] as Partial<DavAccount> | undefined;
  if (!value || typeof value.url !== 'string' || typeof value.user !== 'string' || typeof value.password !== 'string') return undefined;
  return { url: value.url, user: value.user, password: value.password };
}

export async function saveAccount(account: DavAccount): Promise<void> {
  await browser.storage.local.set({ [KEY]: account });
}

export async function forgetAccount(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

/**
 * The host permission pattern for the server, asked for only by Test: `https://host/*` (match
 * patterns name no port; Firefox refuses one, and Chrome's covers every port).
 */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
