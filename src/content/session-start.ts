/**
 * Between the video finder and the session part: the main script finds the video, and the session
 * (session-part.ts, loaded on demand) runs for it. The part arrives a round trip after the first
 * video that names a recording; what the page does meanwhile decides what starts then.
 */
import type { SiteAdapter } from './sites/adapter';
import type { VideoSession } from './video-session';

/** The session part's entry (video-session.ts `startVideoSession`, as the part hands it over). */
export type StartSession = (video: HTMLVideoElement, site: SiteAdapter) => VideoSession;

/**
 * What to do with each video the finder reports (`watchMainVideo`'s `onChange`): the first one
 * that names a recording (`site.recordingKey`) loads the session part with `load`, and the session
 * starts once it has, with the video the finder reports then: a video replaced meanwhile starts
 * the session with the new one, one removed (null) starts none. While a single-page site moves to
 * another video (`site.onNavigate`, from `start` to `finish`) no session starts, so none starts on
 * either page's recording; it starts at `finish`. A failed load (`load` rejects: the frame is
 * going, the site is withheld) leaves the page as without us; the next video reported asks again.
 * Once a session runs, a new video is handed to it and null ends it, as before the split.
 */
export function sessionForVideo(site: SiteAdapter, load: () => Promise<StartSession>): (video: HTMLVideoElement | null) => void {
  let session: VideoSession | null = null;
  let start: StartSession | null = null;
  let loading = false;
  // The video the finder reports now, if it names a recording and no session has it yet.
  let waiting: HTMLVideoElement | null = null;
  let navigating = false;

  const begin = () => {
    if (!start || !waiting || navigating || session) return;
    session = start(waiting, site);
    waiting = null;
  };

  site.onNavigate?.(
    () => (navigating = true),
    () => {
      navigating = false;
      begin();
    },
    // Heard for as long as the page: the main script never stops.
    new AbortController().signal,
  );

  return (video) => {
    if (session) {
      if (video) session.setVideo(video);
      else {
        session.destroy();
        session = null;
      }
      return;
    }
    waiting = video && site.recordingKey(video) !== null ? video : null;
    if (!waiting || start || loading) return begin();
    loading = true;
    load().then(
      (loaded) => {
        loading = false;
        start = loaded;
        begin();
      },
      () => {
        loading = false;
        waiting = null;
      },
    );
  };
}
