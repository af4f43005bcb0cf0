/**
 * A blob: URL of a file the background hands to `downloads.download`. Firefox runs the background
 * as an event page, where `URL.createObjectURL` works. Chrome's service worker has none (and data:
 * URLs fail above about 2 MB), so there an offscreen document (reason BLOBS) reads the database
 * and makes the URL. A blob URL lives as long as the document that made it: `release` ends it
 * once the download has read the file.
 */
import { parseBackupFileUrl, type OffscreenRequest } from '../messaging/protocol';
import { uiLanguage } from '../core/i18n';
import browser from './browser';
import { OFFSCREEN_PAGE } from './pages';
import { t } from '../core/i18n';

export interface FileUrl {
  url: string;
  release(): Promise<void>;
}

interface ChromeOffscreen {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface ChromeRuntimeContexts {
  getContexts(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

/**
 * The full backup file as a blob: URL. `makeHere` builds it where this context can make blob URLs;
 * Chrome's offscreen document builds the same file itself (it is the extension's origin, so it
 * opens the same database).
 */
export async function backupFileUrl(makeHere: () => Promise<Blob>): Promise<FileUrl> {
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(await makeHere());
    return { url, release: async () => URL.revokeObjectURL(url) };
  }
  const chromeApi = (globalThis as { chrome?: { offscreen?: ChromeOffscreen; runtime?: Partial<ChromeRuntimeContexts> } }).chrome;
  const offscreen = chromeApi?.offscreen;
  if (!offscreen) throw new Error(t('platform_noOffscreen'));
  // One offscreen document an extension at a time; one left by a worker that was stopped is ours.
  const open = (await chromeApi.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] })) ?? [];
  if (open.length === 0) {
    await offscreen.createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['BLOBS'],
      justification: 'Makes the automatic backup file, which the service worker cannot (it has no URL.createObjectURL).',
    });
  }
  const close = () => offscreen.closeDocument().catch(() => undefined);
  try {
    const request: OffscreenRequest = { type: 'backup-file-url', lang: uiLanguage() };
    const reply = parseBackupFileUrl(await browser.runtime.sendMessage(request));
    if (!reply) throw new Error(t('platform_offscreenNoFile'));
    if (!reply.ok) throw new Error(reply.message);
    return { url: reply.url, release: close };
  } catch (error) {
    await close();
    throw error;
  }
}
