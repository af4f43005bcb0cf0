// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptionTrack } from '../../src/content/sites/adapter';
import { youtubeCaptions } from '../../src/content/sites/youtube-captions';
import { installTimedtextInbox, type TimedtextInbox } from '../../src/content/timedtext-channel';

const ID = 'Wb1nQ9rLk2A';
const KEY = `youtube:${ID}`;

function watchPage(): HTMLVideoElement {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://www.youtube.com/watch?v=${ID}`);
  document.body.innerHTML = `<div id="movie_player" class="html5-video-player"><video class="html5-main-video"></video>
    <div class="ytp-caption-window-container"></div></div>`;
  return document.querySelector('video')!;
}

/** Draws `lines` as the player does, one .caption-visual-line each. */
function draw(lines: string[]): void {
  const container = document.querySelector('.ytp-caption-window-container')!;
  container.replaceChildren(
    ...lines.map((text) => {
      const line = document.createElement('span');
      line.className = 'caption-visual-line';
      const segment = document.createElement('span');
      segment.className = 'ytp-caption-segment';
      segment.textContent = text;
      line.append(segment);
      return line;
    }),
  );
}
const mutationsSeen = () => new Promise((done) => setTimeout(done, 0));

/** An inbox holding `tracks` by video id, as timedtext-inbox.ts would after the player fetched them. */
function inboxWith(tracks: Record<string, CaptionTrack>): void {
  const inbox: TimedtextInbox = {
    follow(videoId, onTrack) {
      const track = tracks[videoId];
      if (track) onTrack(track);
    },
  };
  installTimedtextInbox(inbox);
}

afterEach(() => {
  installTimedtextInbox(undefined as unknown as TimedtextInbox);
  document.body.replaceChildren();
});

describe('YouTube captions', () => {
  it('with no caption response seen, follow the lines on screen as a rolling window', async () => {
    const video = watchPage();
    const tracks: CaptionTrack[] = [];
    const following = new AbortController();
    youtubeCaptions(video, KEY, (track) => tracks.push(track), following.signal);
    draw(['welcome']);
    await mutationsSeen();
    draw(['welcome everyone', 'to']);
    await mutationsSeen();
    expect(tracks.at(-1)).toMatchObject({ lang: '', source: 'screen', complete: false });
    expect(tracks.at(-1)!.cues.map((cue) => cue.text)).toEqual(['welcome everyone', 'to']);

    following.abort();
    const count = tracks.length;
    draw(['after it stopped']);
    await mutationsSeen();
    expect(tracks).toHaveLength(count);
  });

  it('take the track the player fetched for the video playing, and only it, instead of the lines on screen', async () => {
    const video = watchPage();
    const own: CaptionTrack = { lang: 'en', source: 'timedtext', complete: true, cues: [{ start: 1, end: 2, text: 'its own words' }] };
    const other: CaptionTrack = { lang: 'de', source: 'timedtext', complete: true, cues: [{ start: 1, end: 2, text: 'another video' }] };
    inboxWith({ [ID]: own, Zx7pT3vYq8M: other });
    const tracks: CaptionTrack[] = [];
    youtubeCaptions(video, KEY, (track) => tracks.push(track), new AbortController().signal);
    draw(['a line on screen']);
    await mutationsSeen();
    expect(tracks).toEqual([own]);
  });
});
