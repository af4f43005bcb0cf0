import { captionName, cleanCue } from '../../core/captions/cue-text';
import { MAX_CUES } from '../../core/captions/limits';
import { isCaptionLang } from '../../core/captions/lang';
import { sortedCues } from '../../core/captions/transcript-merge';
import type { Cue } from '../../core/model';
import type { CaptionTrack } from '../sites/adapter';

/** HTMLTrackElement.readyState once its file is read (HTML: "loaded"). */
const LOADED = 2;
/** BCP 47 tag of an unnamed language: a track that says none is still one transcript. */
const NO_LANGUAGE = 'und';

/** What a VTTCue was when it was last read, and the cue we made of it (null: dropped). */
interface Read {
  start: number;
  end: number;
  raw: string;
  cue: Cue | null;
}

/**
 * Follows the caption track of `video` from its `textTracks` (HTML's media element text tracks:
 * `<track>` elements and tracks a script made), calling `onTrack` with the whole track, cleaned,
 * at each change, until `signal` aborts. Reads only what the page's player has already loaded:
 * never fetches a caption file.
 *
 * Which track: of kind `subtitles` or `captions`, the one showing; else one the page keeps
 * `hidden` (a player drawing captions itself, as Vimeo's does); else the page's `default` one;
 * else the first in the reader's language (`navigator.language`); else the first. A disabled
 * track loads no cues, so it is set to `hidden` (loaded, not shown), once: a page that sets it
 * back is left alone. When following stops, a track we set `hidden` and that is still so goes
 * back to `disabled`, as the page had it.
 *
 * The track is complete once its `<track>` element has loaded its file; a track a script made is
 * complete with what it holds. Cues: the first MAX_CUES by start (a cue list is in order of
 * start), cleaned (core/captions/cue-text.ts); a VTTCue that did not change gives the same Cue
 * object as before, so the caption feed sends only what changed.
 */
export function followTextTracks(video: HTMLVideoElement, onTrack: (track: CaptionTrack) => void, signal: AbortSignal): void {
  const tracks = video.textTracks;
  const reads = new WeakMap<TextTrackCue, Read>();
  // Tracks we set `hidden`: each is set once, and put back as it was when we stop.
  const hiddenByUs = new Set<TextTrack>();
  let following: TextTrack | null = null;
  let listening: AbortController | null = null;

  const emit = () => {
    const track = following;
    // A disabled track has no cue list (null): what was sent of it stays what the panel holds.
    if (!track?.cues) return;
    const cues: Cue[] = [];
    const count = Math.min(track.cues.length, MAX_CUES);
    for (let i = 0; i < count; i++) {
      const cue = readCue(track.cues[i]!, reads);
      if (cue) cues.push(cue);
    }
    // Nothing yet (a file still loading, or one that failed): no transcript to begin.
    if (cues.length === 0) return;
    const label = captionName(track.label);
    const element = trackElementOf(video, track);
    onTrack({
      lang: isCaptionLang(track.language) ? track.language : NO_LANGUAGE,
      ...(label ? { label } : {}),
      source: 'track',
      complete: element ? element.readyState === LOADED : true,
      cues: sortedCues(cues),
    });
  };

  const choose = () => {
    const next = chooseTrack(video, tracks);
    if (next !== following) {
      listening?.abort();
      if (following && following.mode === 'hidden' && hiddenByUs.has(following)) following.mode = 'disabled';
      following = next;
      listening = null;
      if (next) {
        listening = new AbortController();
        // Cues of a script-made track come and go with playback; a file's arrive at `load`.
        next.addEventListener('cuechange', emit, { signal: listening.signal });
      }
    }
    if (next && next.mode === 'disabled' && !hiddenByUs.has(next)) {
      hiddenByUs.add(next);
      next.mode = 'hidden';
    }
    emit();
  };

  for (const type of ['addtrack', 'removetrack', 'change']) tracks.addEventListener(type, choose, { signal });
  // A <track> element's `load` and `error` do not bubble; the video sees them while capturing.
  for (const type of ['load', 'error']) video.addEventListener(type, (event) => event.target instanceof HTMLTrackElement && emit(), { capture: true, signal });
  signal.addEventListener('abort', () => {
    listening?.abort();
    for (const track of hiddenByUs) if (track.mode === 'hidden') track.mode = 'disabled';
    hiddenByUs.clear();
    following = null;
  });
  choose();
}

/** The track to follow (see followTextTracks), or null when the video has no caption track. */
function chooseTrack(video: HTMLVideoElement, tracks: TextTrackList): TextTrack | null {
  const captions = Array.from(tracks).filter((track) => track.kind === 'subtitles' || track.kind === 'captions');
  const language = (tag: string) => tag.toLowerCase().split('-')[0];
  const reader = language(navigator.language);
  return (
    captions.find((track) => track.mode === 'showing') ??
    captions.find((track) => track.mode === 'hidden') ??
    captions.find((track) => trackElementOf(video, track)?.default) ??
    captions.find((track) => language(track.language) === reader) ??
    captions[0] ??
    null
  );
}

function trackElementOf(video: HTMLVideoElement, track: TextTrack): HTMLTrackElement | null {
  for (const element of video.getElementsByTagName('track')) if (element.track === track) return element;
  return null;
}

/** Our cue of `cue`: the one made before when its times and text are unchanged. */
function readCue(cue: TextTrackCue, reads: WeakMap<TextTrackCue, Read>): Cue | null {
  // Only WebVTT cues carry text; a cue of another kind has none to quote.
  const raw = 'text' in cue && typeof cue.text === 'string' ? cue.text : '';
  const before = reads.get(cue);
  if (before && before.start === cue.startTime && before.end === cue.endTime && before.raw === raw) return before.cue;
  const read = { start: cue.startTime, end: cue.endTime, raw, cue: cleanCue(cue.startTime, cue.endTime, raw) };
  reads.set(cue, read);
  return read.cue;
}
