import browser from '../../platform/browser';
import { inSidePanel } from '../../platform/side-panel';
import {
  PANEL_PORT_PREFIX,
  parseToPanel,
  RELAY_PORT_PREFIX,
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

/** Beside the video: the tab is the one this frame is in, the nonce is in our URL's fragment. */
async function besideTheVideo(): Promise<{ tabId: number; nonce: string }> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) throw new Error('The notes panel was opened outside a video page.');
  return { tabId: tab.id, nonce: location.hash.slice(1) };
}

/** Firefox: an extension frame in a page has no `tabs` API; the background relays the port. */
const framesHaveTabs = () => typeof (browser as { tabs?: unknown }).tabs === 'object';

/** In the side panel: the active tab's video, which tells its nonce when asked. */
async function activeTabVideo(): Promise<{ tabId: number; nonce: string }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('There is no tab to take notes in.');
  const ask: TabMessage = { type: 'status' };
  const status = parseVideoStatus(await browser.tabs.sendMessage(tab.id, ask).catch(() => undefined));
  if (!status) throw new Error('No video is being annotated in this tab. The notes follow the tab you are on.');
  return { tabId: tab.id, nonce: status.nonce };
}

/**
 * Connects the panel to the content script of its video. The nonce names the video among the
 * tab's frames; the content script checks that the port comes from our panel page.
 */
export async function connectToVideo(onMessage: (message: ToPanel) => void, onLost: () => void): Promise<VideoLink> {
  const relayed = !inSidePanel() && !framesHaveTabs();
  const { tabId, nonce } = inSidePanel()
    ? await activeTabVideo()
    : relayed
      ? { tabId: -1, nonce: location.hash.slice(1) }
      : await besideTheVideo();
  const port = relayed
    ? browser.runtime.connect({ name: RELAY_PORT_PREFIX + nonce })
    : browser.tabs.connect(tabId, { name: PANEL_PORT_PREFIX + nonce });
  port.onMessage.addListener((raw: unknown) => {
    const message = parseToPanel(raw);
    if (message) onMessage(message);
  });
  port.onDisconnect.addListener(onLost);
  return { tabId, send: (message) => port.postMessage(message) };
}

/** In the side panel, start over whenever the user moves to another tab or reloads this one. */
export function followActiveTab(tabId: number | null): void {
  const restart = () => location.reload();
  browser.tabs.onActivated.addListener(restart);
  browser.tabs.onUpdated.addListener((id, change) => {
    if (id === tabId && change.status === 'complete') restart();
  });
}
