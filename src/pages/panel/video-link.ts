import browser from '../../platform/browser';
import { PANEL_PORT_PREFIX, parseToPanel, type ToContent, type ToPanel } from '../../messaging/protocol';

export interface VideoLink {
  send(message: ToContent): void;
}

/**
 * Connects the panel to the content script that placed it: the tab is the one this frame is in,
 * and the nonce in our URL's fragment names the video among the tab's frames.
 */
export async function connectToVideo(onMessage: (message: ToPanel) => void, onLost: () => void): Promise<VideoLink> {
  const nonce = location.hash.slice(1);
  const tab = await browser.tabs.getCurrent();
  if (!nonce || tab?.id === undefined) throw new Error('The notes panel was opened outside a video page.');
  const port = browser.tabs.connect(tab.id, { name: PANEL_PORT_PREFIX + nonce });
  port.onMessage.addListener((raw: unknown) => {
    const message = parseToPanel(raw);
    if (message) onMessage(message);
  });
  port.onDisconnect.addListener(onLost);
  return { send: (message) => port.postMessage(message) };
}
