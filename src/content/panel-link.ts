import browser, { type Runtime } from '../platform/browser';
import { PANEL_PORT_PREFIX, parseToContent, type ToContent, type ToPanel } from '../messaging/protocol';

export interface PanelLink {
  /** Sends to every connected panel: the one beside the video and the one in the side panel. */
  send(message: ToPanel): void;
  readonly connected: boolean;
  close(): void;
}

/**
 * Waits for notes panels to connect for this video (they name `nonce` in the port: the panel
 * this frame placed, and the browser's side panel) and keeps a port to each. A port is accepted
 * only from our own extension's pages: the sender fields are stamped by the browser, unlike
 * anything inside a message.
 */
export function listenForPanel(
  nonce: string,
  onConnect: () => void,
  onMessage: (message: ToContent) => void,
): PanelLink {
  const extensionOrigin = browser.runtime.getURL('');
  const ports = new Set<Runtime.Port>();

  const accept = (incoming: Runtime.Port) => {
    if (incoming.name !== PANEL_PORT_PREFIX + nonce) return;
    const sender = incoming.sender;
    // Our panel page, or our background relaying for a panel frame that has no tabs API (Firefox).
    if (sender?.id !== browser.runtime.id || !sender.url?.startsWith(extensionOrigin)) {
      incoming.disconnect();
      return;
    }
    ports.add(incoming);
    incoming.onMessage.addListener((raw: unknown) => {
      const message = parseToContent(raw);
      if (message) onMessage(message);
    });
    incoming.onDisconnect.addListener(() => ports.delete(incoming));
    onConnect();
  };
  browser.runtime.onConnect.addListener(accept);

  return {
    send(message) {
      for (const port of ports) port.postMessage(message);
    },
    get connected() {
      return ports.size > 0;
    },
    close() {
      browser.runtime.onConnect.removeListener(accept);
      for (const port of ports) port.disconnect();
      ports.clear();
    },
  };
}
