import browser, { type Runtime } from '../platform/content-browser';
import { parseToContent, type ToContent, type ToPanel } from '../messaging/protocol';
import { panelPortKind, type PanelKind } from '../messaging/panel-sender';

/** One panel's connection, for what is kept per panel (a frame that reloads connects anew). */
export type PanelPort = object;

export interface PanelLink {
  /** Sends to every connected panel (the one beside the video, the one in the side panel), or to one kind. */
  send(message: ToPanel, to?: PanelKind): void;
  /** Answers the one panel a request came from, if it is still connected. */
  reply(panel: PanelPort, message: ToPanel): void;
  /** Whether a panel of that kind (any, without) is connected. */
  connected(kind?: PanelKind): boolean;
  close(): void;
}

/**
 * Waits for notes panels to connect for this video and keeps a port to each: the frame this
 * content script placed (its URL carries `nonce`) and the browser's side panel (it names
 * `sidePanelToken`). Which is which, and whether to accept at all, is decided from the sender the
 * browser stamps on the port (panel-sender.ts), unlike anything inside a message. Each message
 * comes with its port, and `onDisconnect` tells when a port closes.
 */
export function listenForPanel(
  ids: { nonce: string; sidePanelToken: string },
  onConnect: (kind: PanelKind) => void,
  onMessage: (message: ToContent, from: PanelKind, panel: PanelPort) => void,
  onDisconnect: (panel: PanelPort) => void = () => undefined,
): PanelLink {
  const ports = new Map<Runtime.Port, PanelKind>();
  const facts = { extensionId: browser.runtime.id, ...ids };

  const accept = (incoming: Runtime.Port) => {
    // Every frame of the tab hears every port: a name that is not ours is another video's.
    const kind = panelPortKind(incoming.name, incoming.sender, facts);
    if (!kind) return;
    ports.set(incoming, kind);
    incoming.onMessage.addListener((raw: unknown) => {
      const message = parseToContent(raw);
      if (message) onMessage(message, kind, incoming);
    });
    incoming.onDisconnect.addListener(() => {
      ports.delete(incoming);
      onDisconnect(incoming);
    });
    onConnect(kind);
  };
  browser.runtime.onConnect.addListener(accept);

  return {
    send(message, to) {
      for (const [port, kind] of ports) if (to === undefined || kind === to) port.postMessage(message);
    },
    reply(panel, message) {
      for (const port of ports.keys()) if (port === panel) port.postMessage(message);
    },
    connected(kind) {
      return [...ports.values()].some((each) => kind === undefined || each === kind);
    },
    close() {
      browser.runtime.onConnect.removeListener(accept);
      for (const port of ports.keys()) port.disconnect();
      ports.clear();
    },
  };
}
