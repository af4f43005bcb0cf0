import type { Cue } from '../core/model';
import { MAX_CUES_PER_MESSAGE } from '../core/captions/limits';
import type { ToPanel } from '../messaging/protocol';
import type { PanelKind } from '../messaging/panel-sender';
import type { CaptionTrack, SiteAdapter } from './sites/adapter';
import { CAPTION_READERS } from './sites/captions';

export interface CaptionFeed {
  /** Follows the captions of `video`, which plays `recordingKey`; stops following any before. */
  follow(video: HTMLVideoElement, recordingKey: string): void;
  /** Stops following and forgets every line (the video is going, or becoming another). */
  stop(): void;
  /** Sends every line held to a panel that has just connected. */
  resend(to: PanelKind): void;
}

/**
 * Carries the captions the site's reader gives (sites/captions.ts) to the panels, as `captions`
 * messages: at each change only the cues from the first one that changed, and the whole of each
 * track to a panel that connects later. Lines are held here, in the content script's own world,
 * never in the page's DOM, and belong to one recording: following another forgets them.
 */
export function captionFeed(site: SiteAdapter, send: (message: ToPanel, to?: PanelKind) => void): CaptionFeed {
  let following: AbortController | null = null;
  let key = '';
  // By language: what the adapter last gave, and what the panels were sent of it.
  const tracks = new Map<string, { track: CaptionTrack; sent: readonly Cue[] }>();

  const sendFrom = (track: CaptionTrack, from: number, to?: PanelKind) => {
    const { lang, label, source, complete, cues } = track;
    // Always one message, even with no cue, so a panel learns a track exists (and that it is empty).
    for (let start = from; start === from || start < cues.length; start += MAX_CUES_PER_MESSAGE) {
      const chunk = cues.slice(start, start + MAX_CUES_PER_MESSAGE);
      send({ type: 'captions', recordingKey: key, lang, ...(label ? { label } : {}), source, complete, from: start, cues: chunk }, to);
    }
  };

  const onTrack = (track: CaptionTrack) => {
    const before = tracks.get(track.lang);
    const sent = before?.sent ?? [];
    let first = 0;
    while (first < sent.length && first < track.cues.length && sent[first] === track.cues[first]) first++;
    const same =
      before !== undefined &&
      first === sent.length &&
      first === track.cues.length &&
      before.track.complete === track.complete &&
      before.track.source === track.source &&
      before.track.label === track.label;
    tracks.set(track.lang, { track, sent: track.cues });
    if (!same) sendFrom(track, first);
  };

  const feed: CaptionFeed = {
    follow(video, recordingKey) {
      feed.stop();
      if (!recordingKey) return;
      key = recordingKey;
      following = new AbortController();
      // Read as the adapter that names the recording reads them (withPageFallback's `id`).
      CAPTION_READERS[site.id](video, recordingKey, onTrack, following.signal);
    },
    stop() {
      following?.abort();
      following = null;
      tracks.clear();
      key = '';
    },
    resend(to) {
      for (const { track } of tracks.values()) sendFrom(track, 0, to);
    },
  };
  return feed;
}
