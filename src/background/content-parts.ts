/**
 * Loads a part of the content script (content/parts.ts) into the frame whose content script asks
 * (`load-part`): `scripting.executeScript` with the part's built file, in the isolated world, so
 * the part reaches the content script's global and nothing of the page's. The files are built
 * self-contained (crxjs `?script&iife`) and are not web-accessible.
 */
import browser, { type Runtime } from '../platform/browser';
import type { ContentPart, PartLoaded } from '../messaging/protocol';
import picturesFile from '../content/pictures-part.ts?script&iife';
import sessionFile from '../content/session-part.ts?script&iife';

const FILES: Readonly<Record<ContentPart, string>> = { session: sessionFile, pictures: picturesFile };

/** The tab and frame a content script runs in, as the browser stamps them on its messages. */
export interface ContentFrame {
  tabId: number;
  frameId: number;
}

/**
 * The tab and frame of a content script of ours as the browser stamps them on `sender`, or null
 * for anything else (an extension page, which runs on our own origin, not a web page's).
 */
export function contentScriptFrame(sender: Runtime.MessageSender): ContentFrame | null {
  const tabId = sender.tab?.id;
  const { frameId, url } = sender;
  if (sender.id !== browser.runtime.id || tabId === undefined || frameId === undefined || !/^https?:/.test(url ?? '')) return null;
  return { tabId, frameId };
}

/**
 * Injects `part` into the content script's `frame`; resolves `{ loaded: true }` once the part's
 * script has run there, `{ loaded: false }` when the browser refuses (the frame is gone, or the
 * user withheld the site).
 */
export async function loadContentPart(part: ContentPart, frame: ContentFrame): Promise<PartLoaded> {
  try {
    await browser.scripting.executeScript({ target: { tabId: frame.tabId, frameIds: [frame.frameId] }, files: [FILES[part]], world: 'ISOLATED' });
    return { loaded: true };
  } catch (error) {
    console.warn(`Webinar Notes could not load its ${part} part into the page`, error);
    return { loaded: false };
  }
}
