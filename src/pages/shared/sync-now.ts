import { errorText } from '../../core/error-text';
import { parseSyncRun, type PageRequest, type SyncRun } from '../../messaging/protocol';
import browser from '../../platform/browser';
import { t } from '../../core/i18n';

/** "Sync now", asked of the background (the settings page and the library may): what it did. */
export async function syncNow(): Promise<SyncRun> {
  const request: PageRequest = { type: 'sync-now' };
  try {
    return parseSyncRun(await browser.runtime.sendMessage(request)) ?? { outcome: 'failed', message: t('shared_syncNoAnswer') };
  } catch (error) {
    return { outcome: 'failed', message: errorText(error) };
  }
}
