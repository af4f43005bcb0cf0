/**
 * The WebDAV account sync uses (and the encryption passphrase, if any): kept only in the extension's local storage (`storage.local`), which
 * no backup, export or sync file reads, and never logged. Forgetting removes it.
 */
import type { DavAccount } from './webdav';
import browser from './browser';

const KEY = 'syncAccount';

/** The server's account, and the passphrase that encrypts the folder when the user chose one. */
export interface SyncAccount extends DavAccount {
  passphrase?: string;
  /** Set when the folder is a team folder (core/sync/team.ts): this person's name there. */
  teamName?: string;
}

export async function loadAccount(): Promise<SyncAccount | undefined> {
  const value = (await browser.storage.local.get(KEY))[KEY] as Partial<SyncAccount> | undefined;
  if (!value || typeof value.url !== 'string' || typeof value.user !== 'string' || typeof value.password !== 'string') return undefined;
  const passphrase = typeof value.passphrase === 'string' && value.passphrase !== '' ? { passphrase: value.passphrase } : {};
  const team = typeof value.teamName === 'string' && value.teamName.trim() !== '' ? { teamName: value.teamName } : {};
  return { url: value.url, user: value.user, password: value.password, ...passphrase, ...team };
}

export async function saveAccount(account: SyncAccount): Promise<void> {
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

/** This browser's name in a team folder, or undefined when its sync folder is not one (read by the summary). */
export async function loadTeamName(): Promise<string | undefined> {
  return (await loadAccount())?.teamName;
}
