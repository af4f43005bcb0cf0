/**
 * When sync runs: an alarm every minute syncs when something changed here since the last sync, and
 * every 15 minutes otherwise (changes made on other devices); at browser start; and on "Sync now"
 * from the settings page or the library. It runs here, in the background: a page may close in the
 * middle. The worker itself may be stopped in the middle too; a sync is all-or-nothing here
 * (db/sync.ts), so that is a failed sync that the next one makes good.
 *
 * Runs are one at a time in this worker, and across the extension's contexts by a Web Lock.
 */
import { errorText } from '../core/error-text';
import { t } from '../core/i18n';
import { CHECK_EVERY_MINUTES, outcomeSummary, syncDue, type SyncFailureKind, type SyncStatus } from '../core/sync/status';
import { authorOf } from '../core/sync/team';
import { db } from '../db/schema';
import { syncOnce, SyncFileError } from '../db/sync';
import { changedSinceSync, loadSyncStatus, saveSyncStatus } from '../db/sync-status';
import { parsePageRequest, type SyncRun } from '../messaging/protocol';
import browser, { type Runtime } from '../platform/browser';
import { LIBRARY_PAGE, OPTIONS_PAGE } from '../platform/pages';
import { loadAccount, originPattern } from '../platform/sync-account';
import { SyncPassphraseError } from '../platform/sync-crypto';
import { DavClient, DavError } from '../platform/webdav';

const ALARM = 'sync';
const LOCK = 'webinar-notes-sync';

let queue: Promise<unknown> = Promise.resolve();

/** One sync now (`manual`: whatever the schedule says), after any running one; what it did, for the user. */
export function runSync(manual: boolean): Promise<SyncRun> {
  const run = queue.then(async () => {
    let result: SyncRun | undefined;
    await navigator.locks.request(LOCK, async () => {
      result = await syncIfDue(manual);
    });
    return result!;
  });
  queue = run.catch(() => undefined);
  return run;
}

async function syncIfDue(manual: boolean): Promise<SyncRun> {
  const account = await loadAccount();
  if (!account) return { outcome: 'skipped', reason: t('background_syncNotSetUp') };
  const status = await loadSyncStatus();
  const now = Date.now();
  if (!manual && !syncDue(status, now, await changedSinceSync())) return { outcome: 'skipped', reason: t('background_syncNotDue') };
  const fail = async (kind: SyncFailureKind, message: string): Promise<SyncRun> => {
    const count = (status.failure?.count ?? 0) + 1;
    const next: SyncStatus = { ...status, tried: now, failure: { at: now, kind, message, count } };
    await saveSyncStatus(next);
    return { outcome: 'failed', message };
  };
  try {
    if (!(await browser.permissions.contains({ origins: [originPattern(account.url)] }))) {
      return await fail('permission', t('background_syncNoPermission'));
    }
    const team = account.teamName === undefined ? {} : { team: await authorOf(account.teamName) };
    const outcome = await syncOnce(db(), new DavClient(account), account.user, { passphrase: account.passphrase, ...team });
    const summary = outcomeSummary(outcome);
    // The counts too: the settings and the library say them in whatever language is shown later.
    const counts = { sent: outcome.sent, changedHere: outcome.changedHere, imagesSent: outcome.imagesSent, imagesWaiting: outcome.imagesWaiting, repaired: outcome.repaired };
    await saveSyncStatus({ last: { at: now, summary, counts }, tried: now });
    return { outcome: 'synced', summary };
  } catch (error) {
    if (error instanceof DavError) return fail(error.kind, error.message);
    if (error instanceof SyncFileError) return fail('file', error.message);
    if (error instanceof SyncPassphraseError) return fail('passphrase', error.message);
    // Not the server's doing: the database (quota, a blocked upgrade); nothing was changed here.
    return fail('local', t('background_syncLocalFailure', errorText(error)));
  }
}

const reportError = (error: unknown) => console.error('Webinar Notes could not sync', error instanceof Error ? error.name : 'error');

export function scheduleSync(): void {
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) browser.alarms.create(ALARM, { delayInMinutes: CHECK_EVERY_MINUTES, periodInMinutes: CHECK_EVERY_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) runSync(false).catch(reportError);
  });
  browser.runtime.onStartup.addListener(() => {
    runSync(false).catch(reportError);
  });
  // "Sync now", from the settings page and the library only.
  const pages = [OPTIONS_PAGE, LIBRARY_PAGE].map((page) => browser.runtime.getURL(page));
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<SyncRun> | undefined => {
    if (sender.id !== browser.runtime.id || !pages.some((page) => sender.url?.startsWith(page)) || parsePageRequest(raw)?.type !== 'sync-now') return undefined;
    return runSync(true);
  });
}
