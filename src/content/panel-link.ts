import browser, { type Runtime } from '../platform/browser';
import { parseToContent, type ToContent, type ToPanel } from '../messaging/protocol';
import { panelPortKind } from '../messaging/panel-sender';

export interface PanelLink {
  /** Sends to every connected panel: the one beside the video and the one in the side panel. */
  send(message: ToPanel): void;
  readonly connected: boolean;
  close(): void;
}

/**
 * Waits for notes panels to connect for this video and keeps a port to each: the frame this
 * content script placed (its URL carries `nonce`) and the browser's side panel (it names
 * `sidePanelToken`). Which is which, and whether to accept at all, is decided from the sender the
 * browser stamps on the port (panel-sender.ts), unlike anything inside a message.
 */
export function listenForPanel(
  ids: { nonce: string; sidePanelToken: string },
  onConnect: () => void,
  onMessage: (message: ToContent) => void,
): PanelLink {
  const ports = new Set<Runtime.Port>();
  const facts = { extensionId: browser.runtime.id, ...ids };

  const accept = (incoming: Runtime.Port) => {
    // Every frame of the tab hears every port: a name that is not ours is another video's.
    if (!panelPortKind(incoming.name, incoming.sender, facts)) return;
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
