/**
 * Which notes panel a port comes from, decided only from what the browser stamps on the port's
 * sender (`id`, `url`, `tab`) and never from anything the sender or a page chose, except the
 * port's name, which only pairs. Pure: the content script passes its own facts in.
 */
import { PANEL_PORT_PREFIX, SIDE_PANEL_PORT_PREFIX } from './protocol';
import { PANEL_PAGE } from '../platform/pages';

/** The notes panel beside the video, or the one in the browser's side panel. */
export type PanelKind = 'frame' | 'side-panel';

/** The fields of `runtime.MessageSender` the rule reads. */
export interface PortSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface PanelPortFacts {
  /** `runtime.id` of this extension. */
  extensionId: string;
  /** The fragment of the URL this content script gave its panel frame: known to that frame only. */
  nonce: string;
  /** What `status` tells about this video, so the side panel can name it among the tab's frames. */
  sidePanelToken: string;
}

/**
 * - `frame`: the panel frame this content script placed: the browser stamps its URL, the panel page
 *   with our nonce as fragment, which only that frame was given. Or, in Firefox, whose extension
 *   frames have no `tabs` API, the background relaying for such a frame: an extension context in
 *   no tab that is not the panel page (the relay checks the frame's own URL against the nonce).
 * - `side-panel`: the panel page with no fragment naming this video's side panel token. The token
 *   is no secret (`status` gives it to our pages); what makes this the side panel is the panel's
 *   own check that it is a top-level document in no tab (panelPlace), which no page can fake: a
 *   page that frames the panel page gets a panel that knows it is framed and asks for no token.
 * - `null`: anything else: another extension, a panel page some web page framed (its URL lacks
 *   our nonce), a name that is another video's.
 */
export function panelPortKind(name: string, sender: PortSender | undefined, facts: PanelPortFacts): PanelKind | null {
  if (!sender || sender.id !== facts.extensionId || !sender.url) return null;
  const url = safeUrl(sender.url);
  if (!url) return null;
  const isPanelPage = url.pathname === `/${PANEL_PAGE}`;
  if (facts.nonce !== '' && name === PANEL_PORT_PREFIX + facts.nonce) {
    if (isPanelPage) return url.hash === `#${facts.nonce}` ? 'frame' : null;
    return sender.tab === undefined ? 'frame' : null;
  }
  if (facts.sidePanelToken !== '' && name === SIDE_PANEL_PORT_PREFIX + facts.sidePanelToken) {
    return isPanelPage && url.hash === '' ? 'side-panel' : null;
  }
  return null;
}

function safeUrl(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}
