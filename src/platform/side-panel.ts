import browser from './browser';
import { asError } from '../core/error-text';
import { t } from '../core/i18n';

interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/** The browser's own side panel API: Chrome's `sidePanel`, Firefox's `sidebarAction`, or neither. */
function sidePanelApi(): { chrome?: ChromeSidePanel; firefox?: FirefoxSidebarAction } {
  const api = globalThis as { chrome?: { sidePanel?: ChromeSidePanel }; browser?: { sidebarAction?: FirefoxSidebarAction } };
  return { chrome: api.chrome?.sidePanel, firefox: api.browser?.sidebarAction };
}

/** Whether this browser gives extensions a side panel. */
export function hasSidePanel(): boolean {
  const { chrome, firefox } = sidePanelApi();
  return Boolean(chrome ?? firefox);
}

/**
 * Opens the browser's side panel for `tabId`. Both browsers open it only in response to a user
 * action, so callers call this synchronously from the handler of one.
 */
export function openSidePanel(tabId: number): Promise<void> {
  const { chrome, firefox } = sidePanelApi();
  if (chrome) return chrome.open({ tabId });
  if (firefox) {
    try {
      return firefox.open();
    } catch (error) {
      // Firefox throws at once outside a user action (a content script's message is not one).
      return Promise.reject(asError(error));
    }
  }
  return Promise.reject(new Error(t('platform_noSidePanel')));
}

/**
 * Where this notes panel page is showing, from facts no web page can set:
 * - `frame`: inside another document (a page framed it: our content script, or anyone else, which
 *   the pairing then refuses);
 * - `side-panel`: a top-level document in no tab, which for this page is only the browser's side
 *   panel (Chrome `sidePanel`, Firefox `sidebar_action`);
 * - `tab`: opened as a tab of its own, where there is no video to pair with.
 * Never from the URL: its fragment is the framing page's to choose.
 */
export type PanelPlace = 'frame' | 'side-panel' | 'tab';

export async function panelPlace(): Promise<PanelPlace> {
  if (window.top !== window) return 'frame';
  return (await browser.tabs.getCurrent()) ? 'tab' : 'side-panel';
}
