/**
 * Where a part of the content script (parts.ts) hands its functions over: a property of the
 * isolated world's global, shared by our scripts in this frame and never seen by the page's (they
 * have a global of their own). Imports nothing, so a part's script carries nothing more for it.
 */
import type { ContentPart } from '../messaging/protocol';
import type { encodeFrame } from './frame-encode';
import type { slideFeed } from './slide-feed';
import type { startVideoSession } from './video-session';

/** What each part hands over. */
export interface Parts {
  /** Everything for a video found (video-session.ts); it answers the tab's messages while a session runs. */
  session: { startVideoSession: typeof startVideoSession };
  /** Frames for notes and the slide watch (frame-encode.ts, slide-feed.ts). */
  pictures: { encodeFrame: typeof encodeFrame; slideFeed: typeof slideFeed };
}

const KEY = 'webinarNotesParts';
type Shelf = { [P in ContentPart]?: Parts[P] };
const shelf = (): Shelf => ((globalThis as { [KEY]?: Shelf })[KEY] ??= {});

/** Called once by a part's script as it runs: hands its functions to the content script. */
export function providePart<P extends ContentPart>(part: P, provided: Parts[P]): void {
  shelf()[part] = provided;
}

/** The part if its script has run in this frame, else undefined. */
export function shelvedPart<P extends ContentPart>(part: P): Parts[P] | undefined {
  return shelf()[part];
}
