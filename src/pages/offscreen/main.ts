/**
 * Chrome's offscreen document for backup files (reason BLOBS): the service worker has no
 * `URL.createObjectURL`, this page has. It reads the database itself (it is the extension's
 * origin) and answers with a blob: URL, which lives until the worker closes this document after
 * the download. Only `runtime` reaches an offscreen document, so the request comes as a message.
 */
import { backupFileBlob } from '../../db/backup';
import { parseOffscreenRequest, type BackupFileUrl } from '../../messaging/protocol';
import browser, { type Runtime } from '../../platform/browser';
import { errorText } from '../../core/error-text';
import { setUiLanguage, t } from '../../core/i18n';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<BackupFileUrl> | undefined => {
  // From our own extension only (the worker); a tab's content script would carry `sender.tab`.
  const request = parseOffscreenRequest(raw);
  if (sender.id !== browser.runtime.id || sender.tab || !request) return undefined;
  // Only `runtime` reaches an offscreen document (no storage): the worker says which language.
  setUiLanguage(request.lang);
  return backupFileBlob().then(
    (blob): BackupFileUrl => ({ ok: true, url: URL.createObjectURL(blob) }),
    (error: unknown): BackupFileUrl => ({ ok: false, message: t('offscreen_backupUnreadable', errorText(error)) }),
  );
});
