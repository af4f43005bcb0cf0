/**
 * The isolated-world end of the YouTube caption channel (manifest: document_start, YouTube hosts,
 * before any page script): takes the port of the page-world tap from the first window message
 * that carries one, and nothing from the page after that; reads each response sent through it
 * (core/captions/json3.ts: the URL names the video and language, the body is checked field by
 * field); and keeps the tracks of the last few videos for the YouTube adapter, so an ad or a
 * restart of the caption feed does not lose a track the player fetched once.
 */
import type { Cue } from '../core/model';
import { parseJson3, timedtextRequest } from '../core/captions/json3';
import type { CaptionTrack } from './sites/adapter';
import { installTimedtextInbox, TAP_HANDOVER, type TimedtextInbox } from './timedtext-channel';

/** Videos whose tracks are kept: the one playing, the ones before it in a session of navigation. */
const MAX_VIDEOS = 4;

const tracks = new Map<string, Map<string, CaptionTrack>>();
const followers = new Set<{ videoId: string; onTrack: (track: CaptionTrack) => void }>();

function take(url: unknown, body: unknown): void {
  if (typeof url !== 'string' || typeof body !== 'string') return;
  const request = timedtextRequest(url, location.origin);
  if (!request) return;
  const reading = parseJson3(body);
  if (!reading.ok) {
    console.warn(`Webinar Notes: a caption response was not read. ${reading.message}`);
    return;
  }
  const { videoId, lang, label } = request;
  const ofVideo = tracks.get(videoId) ?? new Map<string, CaptionTrack>();
  // Most recently heard last: the first is the one to forget.
  tracks.delete(videoId);
  tracks.set(videoId, ofVideo);
  for (const old of tracks.keys()) if (tracks.size > MAX_VIDEOS) tracks.delete(old);
  const held = ofVideo.get(lang);
  const track: CaptionTrack = { lang, ...(label ? { label } : {}), source: 'timedtext', complete: true, cues: sameCues(held?.cues, reading.cues) };
  if (held && held.cues === track.cues && held.label === track.label) return;
  ofVideo.set(lang, track);
  for (const follower of followers) if (follower.videoId === videoId) follower.onTrack(track);
}

// The player fetches a track again when captions are turned back on: the same cues stay the same
// objects, so nothing is sent to the panel again.
function sameCues(held: readonly Cue[] | undefined, cues: Cue[]): readonly Cue[] {
  if (!held || held.length !== cues.length) return cues;
  const same = cues.every((cue, i) => cue.start === held[i]!.start && cue.end === held[i]!.end && cue.text === held[i]!.text);
  return same ? held : cues;
}

const inbox: TimedtextInbox = {
  follow(videoId, onTrack, signal) {
    if (signal.aborted) return;
    const follower = { videoId, onTrack };
    followers.add(follower);
    signal.addEventListener('abort', () => followers.delete(follower), { once: true });
    for (const track of tracks.get(videoId)?.values() ?? []) onTrack(track);
  },
};
installTimedtextInbox(inbox);

// The tap's message is the first a window script posts in this frame: both run before any page
// script. Taken in the capture phase and stopped there, so no page listener sees the port; any
// later message with the same data is the page's, and is not listened for.
const handover = (event: MessageEvent) => {
  const port = event.ports[0];
  if (event.source !== window || event.data !== TAP_HANDOVER || event.ports.length !== 1 || !port) return;
  event.stopImmediatePropagation();
  removeEventListener('message', handover, true);
  port.onmessage = (message: MessageEvent<unknown>) => {
    const data = message.data;
    if (typeof data === 'object' && data !== null) take((data as { url?: unknown }).url, (data as { body?: unknown }).body);
  };
};
addEventListener('message', handover, true);
