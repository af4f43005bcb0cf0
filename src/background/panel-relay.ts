import browser, { type Runtime } from '../platform/browser';
import { PANEL_PORT_PREFIX, RELAY_PORT_PREFIX } from '../messaging/protocol';
import { PANEL_PAGE } from '../platform/pages';

/**
 * Firefox gives an extension frame inside a web page only the APIs of a content script (no
 * `tabs`), so the panel beside a video cannot reach its content script itself. It connects here
 * instead; we open the port to the tab it sits in (the browser says which, in `sender.tab`) and
 * pass messages both ways. The nonce it names must be the fragment of its own URL, as the browser
 * stamps it: a page that framed the panel page chose that URL but cannot know the nonce the
 * content script gave its own frame, and the content script accepts no other. Messages are
 * checked by the two ends, not here.
 */
export function relayPanelPorts(): void {
  const panelPage = browser.runtime.getURL(PANEL_PAGE);
  browser.runtime.onConnect.addListener((panel: Runtime.Port) => {
    if (!panel.name.startsWith(RELAY_PORT_PREFIX)) return;
    const sender = panel.sender;
    const tabId = sender?.tab?.id;
    const nonce = panel.name.slice(RELAY_PORT_PREFIX.length);
    if (sender?.id !== browser.runtime.id || nonce === '' || sender.url !== `${panelPage}#${nonce}` || tabId === undefined) {
      panel.disconnect();
      return;
    }
    const video = browser.tabs.connect(tabId, { name: PANEL_PORT_PREFIX + nonce });
    panel.onMessage.addListener((message: unknown) => video.postMessage(message));
    video.onMessage.addListener((message: unknown) => panel.postMessage(message));
    panel.onDisconnect.addListener(() => video.disconnect());
    video.onDisconnect.addListener(() => panel.disconnect());
  });
}
