/**
 * A capture of a panel's tab, for a frame the video will not let a canvas read (a cross-origin
 * video without CORS) or gives black. `tabs.captureVisibleTab` needs `activeTab` on that tab (the
 * frame shortcut grants it; Firefox from 126) or the `<all_urls>` host permission (optional: the
 * panel asks for it from a click, saying why); a narrower host permission is not enough
 * (Chromium's PermissionsData::CanCaptureVisiblePage). It captures whatever tab its window shows,
 * so the capture is kept only when the panel's tab was the one shown before and after it.
 */
import { errorText } from '../core/error-text';
import { t } from '../core/i18n';
import { parsePanelRequest, type TabCapture } from '../messaging/protocol';
import browser, { type Runtime } from '../platform/browser';
import { PANEL_PAGE } from '../platform/pages';

/** Whether the browser refused the capture for want of a permission (Chrome and Firefox word it differently). */
const isPermissionError = (error: unknown) => /<all_urls>|activeTab|permission/i.test(errorText(error));

/** Captures tab `tabId` as a PNG data URL, or says why not. */
export async function captureTab(tabId: number): Promise<TabCapture> {
  const shown = async () => {
    const tab = await browser.tabs.get(tabId);
    const [active] = await browser.tabs.query({ active: true, windowId: tab.windowId });
    return active?.id === tabId ? tab.windowId : null;
  };
  try {
    const windowId = await shown();
    if (windowId === null || windowId === undefined) return { ok: false, reason: 'not-active' };
    // PNG: the crop is encoded once, by the panel, not twice.
    const image = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
    if ((await shown()) !== windowId) return { ok: false, reason: 'not-active' };
    return { ok: true, image };
  } catch (error) {
    return isPermissionError(error) ? { ok: false, reason: 'needs-permission', detail: errorText(error) } : { ok: false, reason: 'failed', detail: errorText(error) };
  }
}

/**
 * Answers `capture-tab` from our own notes panel only (its page, as the browser stamps the
 * sender), for the tab it is in when the browser says so, else (the side panel, in no tab) for the
 * tab it names.
 */
export function listenForTabCaptures(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<TabCapture> | undefined => {
    const request = parsePanelRequest(raw);
    if (!request || sender.id !== browser.runtime.id || !isPanelPage(sender.url)) return undefined;
    const tabId = sender.tab?.id ?? request.tabId;
    return tabId === undefined ? Promise.resolve({ ok: false, reason: 'failed', detail: t('background_panelTabUnknown') }) : captureTab(tabId);
  });
}

/** The panel page by its path: Chrome gives the frame beside a video a per-session address (`use_dynamic_url`), not runtime.getURL's. */
function isPanelPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).pathname === `/${PANEL_PAGE}`;
  } catch {
    return false;
  }
}
