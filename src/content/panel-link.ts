import browser, { type Runtime } from '../platform/browser';
import { PANEL_PORT_PREFIX, parseToContent, type ToContent, type ToPanel } from '../messaging/protocol';

export interface PanelLink {
  send(message: ToPanel): void;
  close(): void;
}

/**
 * Waits for the notes panel that this frame placed to connect (it names `nonce` in its port), and
 * keeps one port to it. A port is accepted only from our own extension's panel page: the sender
 * fields are stamped by the browser, unlike anything inside a message.
 */
export function listenForPanel(
  nonce: string,
  onConnect: () => void,
  onMessage: (message: ToContent) => void,
): PanelLink {
  const panelPage = browser.runtime.getURL('src/pages/panel/index.html');
  let port: Runtime.Port | null = null;

  const accept = (incoming: Runtime.Port) => {
    if (incoming.name !== PANEL_PORT_PREFIX + nonce) return;
    const sender = incoming.sender;
    if (sender?.id !== browser.runtime.id || !sender.url?.startsWith(panelPage)) {
      incoming.disconnect();
      return;
    }
    port?.disconnect();
    port = incoming;
    incoming.onMessage.addListener((raw: unknown) => {
      const message = parseToContent(raw);
      if (message) onMessage(message);
    });
    incoming.onDisconnect.addListener(() => {
      if (port === incoming) port = null;
    });
    onConnect();
  };
  browser.runtime.onConnect.addListener(accept);

  return {
    send(message) {
      port?.postMessage(message);
    },
    close() {
      browser.runtime.onConnect.removeListener(accept);
      port?.disconnect();
      port = null;
    },
  };
}
