/**
 * Parts of the content script that a frame gets only once a user action needs them, so that every
 * matched frame downloads and parses only what finding the video, the layer, the markers and the
 * panel link take. The background injects a part's script into the asking frame (`load-part`,
 * background/content-parts.ts) with `scripting.executeScript` in the isolated world, this
 * script's own, where the part puts its functions on the shelf (part-shelf.ts). Nothing of a part
 * is web-accessible: a page can neither load nor probe it.
 */
import browser from '../platform/content-browser';
import { parsePartLoaded, type ContentPart, type ContentRequest } from '../messaging/protocol';
import { shelvedPart, type Parts } from './part-shelf';

const loading = new Map<ContentPart, Promise<Parts[ContentPart]>>();

/**
 * The part, loaded into this frame on the first call (one request to the background, answered
 * once the part's script has run). Rejects when the background could not inject it (the frame is
 * going, or the browser withholds this site from the extension); the next call asks again.
 */
export function loadPart<P extends ContentPart>(part: P): Promise<Parts[P]> {
  const have = shelvedPart(part);
  if (have) return Promise.resolve(have);
  let pending = loading.get(part) as Promise<Parts[P]> | undefined;
  if (!pending) {
    const request: ContentRequest = { type: 'load-part', part };
    pending = browser.runtime.sendMessage(request).then((answer: unknown) => {
      const loaded = shelvedPart(part);
      if (!parsePartLoaded(answer)?.loaded || !loaded) throw new Error(`the ${part} part could not be loaded into this page`);
      return loaded;
    });
    loading.set(part, pending);
    pending.catch(() => loading.delete(part));
  }
  return pending;
}
