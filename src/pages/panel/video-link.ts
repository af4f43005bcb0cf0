import { t } from '../../core/i18n';
import browser, { type Runtime } from '../../platform/browser';
import type { PanelPlace } from '../../platform/side-panel';
import {
  PANEL_PORT_PREFIX,
  parseToPanel,
  RELAY_PORT_PREFIX,
  SIDE_PANEL_PORT_PREFIX,
  parseVideoStatus,
  type TabMessage,
  type ToContent,
  type ToPanel,
} from '../../messaging/protocol';

export interface VideoLink {
  /** The tab the video plays in (-1 when the background relays and the panel never learns it). */
  tabId: number;
  send(message: ToContent): void;
}

/** Firefox: an extension frame in a page has no `tabs` API; the background relays the port. */
const framesHaveTabs = () => typeof (browser as { tabs?: unknown }).tabs === 'object';

/**
 * Beside the video: the tab is the one this frame is in, and the port names the nonce our content
 * script put in this frame's URL. A frame some page made has no such nonce, and the content script
 * refuses it.
 */
async function besideTheVideo(nonce: string): Promise<{ tabId: number; name: string }> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) throw new Error(t('panel_openedOutsideVideo'));
  return { tabId: tab.id, name: PANEL_PORT_PREFIX + nonce };
}

/** In the side panel: the active tab's video, which tells its side panel token when asked. */
async function activeTabVideo(): Promise<{ tabId: number; name: string }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(t('panel_noTab'));
  const ask: TabMessage = { type: 'status' };
  const status = parseVideoStatus(await browser.tabs.sendMessage(tab.id, ask).catch(() => undefined));
  if (!status) throw new Error(t('panel_noVideoInTab'));
  return { tabId: tab.id, name: SIDE_PANEL_PORT_PREFIX + status.sidePanelToken };
}

/**
 * Connects the panel to the content script of its video; `onLost` runs when that script refuses
 * the port or goes away. Nothing here is trusted by the other end: the content script decides
 * from the port's browser-stamped sender (src/messaging/panel-sender.ts).
 */
export async function connectToVideo(
  place: Exclude<PanelPlace, 'tab'>,
  onMessage: (message: ToPanel) => void,
  onLost: () => void,
): Promise<VideoLink> {
  const nonce = location.hash.slice(1);
  if (place === 'frame' && nonce === '') throw new Error(t('panel_notPlacedByUs'));
  let tabId = -1;
  let port: Runtime.Port;
  if (place === 'frame' && !framesHaveTabs()) {
    port = browser.runtime.connect({ name: RELAY_PORT_PREFIX + nonce });
  } else {
    const target = place === 'side-panel' ? await activeTabVideo() : await besideTheVideo(nonce);
    tabId = target.tabId;
    port = browser.tabs.connect(target.tabId, { name: target.name });
  }
  port.onMessage.addListener((raw: unknown) => {
    const message = parseToPanel(raw);
    if (message) onMessage(message);
  });
  port.onDisconnect.addListener(onLost);
  return { tabId, send: (message) => port.postMessage(message) };
}

/**
 * In the side panel, start over whenever the user moves to another tab of this window (each
 * window has its own side panel) or reloads the one it follows.
 */
export function followActiveTab(tabId: number | null): void {
  const restart = () => location.reload();
  void browser.windows.getCurrent().then((own) => {
    browser.tabs.onActivated.addListener((active) => {
      if (active.windowId === own.id) restart();
    });
  });
  browser.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId && change.status === 'complete') restart();
  });
}
