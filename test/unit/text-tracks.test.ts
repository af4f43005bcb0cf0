// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { followTextTracks } from '../../src/content/captions/text-tracks';
import type { CaptionTrack } from '../../src/content/sites/adapter';

/**
 * Stand-ins for a video's text tracks with only what the source reads (the browser's own are
 * tested in e2e captions-track.test.ts): a cue list that is null while the track is disabled, and
 * `change` on the list when a mode changes, as HTML queues it.
 */
class FakeTrack extends EventTarget {
  #mode: TextTrackMode;
  list: { startTime: number; endTime: number; text: string }[] = [{ startTime: 0, endTime: 1, text: 'Words' }];
  constructor(
    readonly owner: FakeTrackList,
    readonly language: string,
    mode: TextTrackMode = 'disabled',
    readonly kind = 'captions',
    readonly label = '',
  ) {
    super();
    this.#mode = mode;
  }
  get mode() {
    return this.#mode;
  }
  set mode(mode: TextTrackMode) {
    this.#mode = mode;
    this.owner.changed = true;
  }
  get cues() {
    return this.#mode === 'disabled' ? null : this.list;
  }
}

class FakeTrackList extends EventTarget {
  tracks: FakeTrack[] = [];
  changed = false;
  [Symbol.iterator]() {
    return this.tracks[Symbol.iterator]();
  }
  add(language: string, mode?: TextTrackMode, kind?: string): FakeTrack {
    const track = new FakeTrack(this, language, mode, kind);
    this.tracks.push(track);
    return track;
  }
  /** Delivers the queued `change` event, as the browser does in a later task. */
  settle() {
    if (this.changed) this.dispatchEvent(new Event('change'));
    this.changed = false;
  }
}

function follow(setup: (tracks: FakeTrackList) => void) {
  const tracks = new FakeTrackList();
  setup(tracks);
  const video = Object.assign(new EventTarget(), { textTracks: tracks, getElementsByTagName: () => [] });
  const sent: CaptionTrack[] = [];
  const stop = new AbortController();
  followTextTracks(video as unknown as HTMLVideoElement, (track) => sent.push(track), stop.signal);
  tracks.settle();
  return { tracks, sent, stop, last: () => sent.at(-1) };
}

describe('followTextTracks', () => {
  it('sends the whole cleaned track in order, the same Cue object for a cue that did not change', () => {
    const { tracks, sent, last } = follow((list) => {
      list.add('en', 'hidden').list = [{ startTime: 5, endTime: 6, text: '<v Ann>Later' }, { startTime: 1, endTime: 2, text: '<i>First</i>' }];
    });
    expect(last()).toEqual({
      lang: 'en', source: 'track', complete: true,
      cues: [{ start: 1, end: 2, text: 'First' }, { start: 5, end: 6, text: 'Later', voice: 'Ann' }],
    });
    const before = last()!.cues;
    const track = tracks.tracks[0]!;
    track.list[0]!.text = '<v Ann>Later, changed';
    track.list.push({ startTime: 7, endTime: 3, text: 'Ends before it starts' }, { startTime: 8, endTime: 9, text: ' <b></b> ' });
    track.dispatchEvent(new Event('cuechange'));
    const after = last()!.cues;
    expect(sent).toHaveLength(2);
    expect(after[0]).toBe(before[0]);
    expect(after.slice(1)).toEqual([{ start: 5, end: 6, text: 'Later, changed', voice: 'Ann' }, { start: 7, end: 7, text: 'Ends before it starts' }]);
  });

  it('sends nothing for a track with no cue yet (a file loading, or one that failed)', () => {
    const { tracks, sent } = follow((list) => {
      list.add('en').list = [{ startTime: 1, endTime: 2, text: '<i></i>' }];
    });
    tracks.tracks[0]!.dispatchEvent(new Event('cuechange'));
    expect(sent).toEqual([]);
  });

  it('loads a disabled track hidden, and turns it off again when following stops', () => {
    const { tracks, stop } = follow((list) => list.add('en'));
    expect(tracks.tracks[0]!.mode).toBe('hidden');
    stop.abort();
    expect(tracks.tracks[0]!.mode).toBe('disabled');
  });

  it('leaves a mode the page set after us: shown stays shown, and a track turned off is not loaded again', () => {
    const shown = follow((list) => list.add('en'));
    shown.tracks.tracks[0]!.mode = 'showing';
    shown.tracks.settle();
    shown.stop.abort();
    expect(shown.tracks.tracks[0]!.mode).toBe('showing');

    const off = follow((list) => list.add('en'));
    off.tracks.tracks[0]!.mode = 'disabled';
    off.tracks.settle();
    expect(off.tracks.tracks[0]!.mode).toBe('disabled');
  });

  it('follows the track showing, else one kept hidden, else the reader’s language, else the first; never chapters', () => {
    const reader = navigator.language.split('-')[0]!;
    const showing = follow((list) => {
      list.add('xx', 'hidden');
      list.add('yy', 'showing');
    });
    expect(showing.last()?.lang).toBe('yy');
    const hidden = follow((list) => {
      list.add(reader);
      list.add('yy', 'hidden');
    });
    expect(hidden.last()?.lang).toBe('yy');
    expect(hidden.tracks.tracks[0]!.mode).toBe('disabled');
    const language = follow((list) => {
      list.add('xx');
      list.add(reader);
    });
    expect(language.last()?.lang).toBe(reader);
    const first = follow((list) => {
      list.add('xx', 'showing', 'chapters');
      list.add('', 'disabled', 'subtitles');
    });
    expect(first.last()?.lang).toBe('und');
  });

  it('switches to the track the viewer turns on, and turns off the one it had loaded', () => {
    const { tracks, last } = follow((list) => {
      list.add('xx');
      list.add('yy');
    });
    expect(last()?.lang).toBe('xx');
    tracks.tracks[1]!.mode = 'showing';
    tracks.settle();
    expect(last()?.lang).toBe('yy');
    expect(tracks.tracks[0]!.mode).toBe('disabled');
  });
});
