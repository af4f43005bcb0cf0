/**
 * Automatic backup files. An alarm checks every hour (and the worker checks at browser start);
 * when the chosen period has passed since the last file and something changed, the full backup
 * is written to Downloads/Webinar Notes backups/. The options page's "Back up now" asks for one
 * through a message. What happened is kept in the database for the options page to show.
 */
import { backupDecision, backupFilePath, downloadFailureText, fileNameOf, type BackupDecision } from '../core/auto-backup';
import { loadAutoBackupState, dataSummary, saveAutoBackupState } from '../db/auto-backup';
import { backupFileBlob } from '../db/backup';
import { loadSettings } from '../db/settings';
import { parsePageRequest, type BackupRun } from '../messaging/protocol';
import { backupFileUrl } from '../platform/blob-url';
import browser, { type Runtime } from '../platform/browser';
import { OPTIONS_PAGE } from '../platform/pages';
import { errorText } from '../core/error-text';
import { t, type MessageKey } from '../core/i18n';

const ALARM = 'auto-backup';
const CHECK_EVERY_MINUTES = 60;
/** A local file of a few megabytes is written in well under a second; this is for a stuck one. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Why no file was written; the sentence is made in the chosen language when the run ends. */
const SKIPPED: Record<Exclude<BackupDecision, { write: true }>['reason'], MessageKey> = {
  off: 'background_backupOff',
  'not-due': 'background_backupNotDue',
  empty: 'background_backupEmpty',
  unchanged: 'background_backupUnchanged',
};

/** The latest run: the next one starts after it, so two never write at once. */
let queue: Promise<unknown> = Promise.resolve();
/** A scheduled check not yet finished: another (alarm and browser start at once) joins it. */
let scheduled: Promise<BackupRun> | null = null;

/**
 * The scheduled check (`manual` false) or "Back up now" (`manual` true). Runs one at a time; "Back
 * up now" during a scheduled check waits for it, then makes its own decision, so the user's click
 * never gets the scheduled "not due yet".
 */
export function runBackup(options: { manual: boolean }): Promise<BackupRun> {
  if (!options.manual && scheduled) return scheduled;
  const run = queue.then(() => backUp(options.manual));
  queue = run.catch(() => undefined);
  if (!options.manual) {
    scheduled = run;
    const done = () => {
      if (scheduled === run) scheduled = null;
    };
    run.then(done, done);
  }
  return run;
}

async function backUp(manual: boolean): Promise<BackupRun> {
  const [settings, state, data] = await Promise.all([loadSettings(), loadAutoBackupState(), dataSummary()]);
  // Taken before the file is read: a note saved while it is written counts as a change.
  const now = Date.now();
  const decision = backupDecision({ frequency: settings.autoBackup, state, data, now, manual });
  if (!decision.write) return { outcome: 'skipped', reason: t(SKIPPED[decision.reason]) };
  try {
    const file = await writeFile(backupFilePath(new Date(now)));
    await saveAutoBackupState({ last: { at: now, file, records: data.records } });
    return { outcome: 'written', file };
  } catch (error) {
    const message = errorText(error);
    await saveAutoBackupState({ ...state, failure: { at: now, message } });
    return { outcome: 'failed', message };
  }
}

/** Downloads the backup as `path` under Downloads and waits for the file; its name as written. */
async function writeFile(path: string): Promise<string> {
  let file;
  try {
    file = await backupFileUrl(backupFileBlob);
  } catch (error) {
    throw new Error(t('background_backupNotMade', errorText(error)));
  }
  try {
    let id: number;
    try {
      id = await browser.downloads.download({ url: file.url, filename: path, conflictAction: 'uniquify', saveAs: false });
    } catch (error) {
      throw new Error(t('background_backupRefused', errorText(error)));
    }
    return fileNameOf(await downloadFinished(id));
  } finally {
    await file.release();
  }
}

/** The full path once download `id` is complete; an error that says why when it is not. */
function downloadFinished(id: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      browser.downloads.onChanged.removeListener(listener);
      outcome();
    };
    const check = async () => {
      const [item] = await browser.downloads.search({ id });
      if (!item) settle(() => reject(new Error(t('background_backupDownloadGone'))));
      else if (item.state === 'complete') settle(() => resolve(item.filename));
      else if (item.state === 'interrupted') settle(() => reject(new Error(downloadFailureText(item.error))));
    };
    const listener = (delta: { id: number; state?: unknown; error?: unknown }) => {
      if (delta.id === id && (delta.state || delta.error)) void check();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(t('background_backupDownloadTimeout')))),
      DOWNLOAD_TIMEOUT_MS,
    );
    browser.downloads.onChanged.addListener(listener);
    // It may have finished before the listener was added.
    void check();
  });
}

const reportError = (error: unknown) => console.error('Webinar Notes could not check for a backup', error);

/** The scheduled check: what the alarm, browser start and the e2e seam run. */
export function scheduledBackupCheck(): Promise<BackupRun> {
  return runBackup({ manual: false });
}

export function scheduleAutoBackups(): void {
  // Creating an alarm that exists would restart its period on every wake of the worker.
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: CHECK_EVERY_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) scheduledBackupCheck().catch(reportError);
  });
  browser.runtime.onStartup.addListener(() => {
    scheduledBackupCheck().catch(reportError);
  });
  // "Back up now", from the options page only.
  const optionsPage = browser.runtime.getURL(OPTIONS_PAGE);
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<BackupRun> | undefined => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(optionsPage) || parsePageRequest(raw)?.type !== 'back-up-now') return undefined;
    return runBackup({ manual: true });
  });
}
