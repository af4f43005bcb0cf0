import { describe, expect, it } from 'vitest';
import { captionName, cueText } from '../../src/core/captions/cue-text';
import { MAX_CUE_CHARS, MAX_NAME_CHARS } from '../../src/core/captions/limits';
import {
  MAX_FRAME_DATA_URL_CHARS,
  MAX_KNOWN_SLIDES,
  parseContentRequest,
  parsePartLoaded,
  parsePanelRequest,
  parseTabCapture,
  parseTabMessage,
  parseToContent,
  parseToPanel,
  parseVideoStatus,
  wireTime,
} from '../../src/messaging/protocol';

const NOT_OBJECTS = [undefined, null, 'compose', 42, true, ['compose'], () => ({ type: 'compose' })];

describe('parseTabMessage', () => {
  it.each(['compose', 'attach-frame', 'open-panel', 'status'])('accepts %s', (type) => {
    expect(parseTabMessage({ type })).toEqual({ type });
  });

  it.each([{ type: 'delete-everything' }, { type: 'COMPOSE' }, { type: 7 }, {}, ...NOT_OBJECTS])('rejects %o', (message) => {
    expect(parseTabMessage(message)).toBeNull();
  });
});

describe('parseToPanel', () => {
  const recording = { key: 'https://example.com/w', site: 'html5', url: 'https://example.com/w', title: 'W' };
  const playback = { t: 12.5, paused: false, rate: 1.5, duration: 3600, at: 1_700_000_000_000, ad: false };

  it.each([
    { type: 'recording', recording },
    { type: 'recording', recording: { ...recording, duration: 3600 } },
    { type: 'recording', recording: { ...recording, site: 'youtube' } },
    { type: 'recording', recording: { ...recording, site: 'vimeo' } },
    { type: 'navigating' },
    { type: 'playback', playback },
    { type: 'playback', playback: { ...playback, ad: true } },
    { type: 'playback', playback: { ...playback, t: null, duration: null } },
    { type: 'playback', playback: { ...playback, t: 360_000, duration: 360_000 } },
    { type: 'compose' },
    { type: 'video-gone' },
  ])('accepts %o', (message) => {
    expect(parseToPanel(message)).toEqual(message);
  });

  it.each([
    { type: 'unknown' },
    { type: 'recording' },
    { type: 'recording', recording: { ...recording, key: undefined } },
    { type: 'recording', recording: { ...recording, site: 'dailymotion' } },
    { type: 'recording', recording: { ...recording, duration: -1 } },
    { type: 'recording', recording: { ...recording, duration: NaN } },
    { type: 'recording', recording: { ...recording, duration: Infinity } },
    // Past the media time rule (100 hours): the sender turns these into null (wireTime).
    { type: 'recording', recording: { ...recording, duration: 1e21 } },
    { type: 'playback', playback: { ...playback, t: 1e21 } },
    { type: 'playback', playback: { ...playback, t: 360_000.5 } },
    { type: 'playback', playback: { ...playback, duration: 1e21 } },
    { type: 'playback', playback: { ...playback, at: 1e17 } },
    { type: 'playback', playback: { ...playback, at: -1 } },
    { type: 'playback' },
    { type: 'playback', playback: { ...playback, paused: 'no' } },
    { type: 'playback', playback: { ...playback, t: '12' } },
    { type: 'playback', playback: { ...playback, at: undefined } },
    { type: 'playback', playback: { ...playback, ad: undefined } },
    { type: 'playback', playback: { ...playback, ad: 'no' } },
    ...NOT_OBJECTS,
  ])('rejects %o', (message) => {
    expect(parseToPanel(message)).toBeNull();
  });
});

describe('parseToPanel: captions, with text as the content script cuts it', () => {
  const message = (cue: { text: string; voice?: string }, name = 'English') => ({
    type: 'captions', recordingKey: 'https://example.com/w', lang: name, label: name, source: 'track', complete: true, from: 0,
    cues: [{ start: 1, end: 2, ...cue }],
  });

  it('takes a cue and names of as many code points as the limits allow, emoji (two UTF-16 units each) included', () => {
    const cue = cueText(`<v ${'🙂'.repeat(300)}>${'😀 '.repeat(3000)}`);
    expect(Array.from(cue.text)).toHaveLength(MAX_CUE_CHARS);
    expect(cue.text.length).toBeGreaterThan(MAX_CUE_CHARS);
    const sent = message(cue, captionName('🇯🇵'.repeat(100)));
    expect(parseToPanel(sent)).toEqual(sent);
  });

  it('refuses one code point more', () => {
    expect(parseToPanel(message({ text: 'x'.repeat(MAX_CUE_CHARS + 1) }))).toBeNull();
    expect(parseToPanel(message({ text: 'Hi', voice: '😀'.repeat(MAX_NAME_CHARS + 1) }))).toBeNull();
    expect(parseToPanel(message({ text: 'Hi' }, 'e'.repeat(MAX_NAME_CHARS + 1)))).toBeNull();
  });
});

describe('parseToContent', () => {
  it.each([
    { type: 'seek', t: 0 },
    { type: 'seek', t: 754.25 },
    { type: 'pause' },
    { type: 'play' },
    { type: 'markers', times: [] },
    { type: 'markers', times: [0, 10.5, 3600] },
    { type: 'marker-changes', set: [], remove: [] },
    { type: 'marker-changes', set: [[0, 12.5], [10_000, 0]], remove: [3, 4] },
    { type: 'panel-visible', visible: false },
  ])('accepts %o', (message) => {
    expect(parseToContent(message)).toEqual(message);
  });

  it('accepts 100,000 markers and rejects one more', () => {
    expect(parseToContent({ type: 'markers', times: new Array(100_000).fill(1) })).not.toBeNull();
    expect(parseToContent({ type: 'markers', times: new Array(100_001).fill(1) })).toBeNull();
  });

  it('accepts changes to 100,000 markers at once and rejects one more', () => {
    const set = Array.from({ length: 100_000 }, (_, i) => [i, 1]);
    const remove = Array.from({ length: 100_000 }, (_, i) => i);
    expect(parseToContent({ type: 'marker-changes', set, remove })).not.toBeNull();
    expect(parseToContent({ type: 'marker-changes', set: [...set, [100_000, 1]], remove: [] })).toBeNull();
    expect(parseToContent({ type: 'marker-changes', set: [], remove: [...remove, 100_000] })).toBeNull();
  });

  it.each([
    { type: 'rewind' },
    { type: 'seek' },
    { type: 'seek', t: -1 },
    { type: 'seek', t: NaN },
    { type: 'seek', t: Infinity },
    { type: 'seek', t: '12' },
    { type: 'seek', t: null },
    { type: 'seek', t: 1e21 },
    { type: 'markers', times: [1, 1e21] },
    { type: 'markers' },
    { type: 'markers', times: [1, -2] },
    { type: 'markers', times: [1, NaN] },
    { type: 'markers', times: '1,2' },
    // Markers are numbers the panel gave them, with media times; never ids or text.
    { type: 'marker-changes', set: [] },
    { type: 'marker-changes', remove: [] },
    { type: 'marker-changes', set: [[0, 1e21]], remove: [] },
    { type: 'marker-changes', set: [[0, -1]], remove: [] },
    { type: 'marker-changes', set: [[0, NaN]], remove: [] },
    { type: 'marker-changes', set: [[-1, 1]], remove: [] },
    { type: 'marker-changes', set: [[1.5, 1]], remove: [] },
    { type: 'marker-changes', set: [[2 ** 53, 1]], remove: [] },
    { type: 'marker-changes', set: [['6f1c1a52-5b5e-4f57-9c3e-0d5f8d1b2a11', 1]], remove: [] },
    { type: 'marker-changes', set: [[0, 1, 'note text']], remove: [] },
    { type: 'marker-changes', set: [[0]], remove: [] },
    { type: 'marker-changes', set: [{ marker: 0, t: 1 }], remove: [] },
    { type: 'marker-changes', set: [], remove: ['0'] },
    { type: 'marker-changes', set: [], remove: [-1] },
    { type: 'marker-changes', set: '[[0,1]]', remove: [] },
    { type: 'panel-visible' },
    { type: 'panel-visible', visible: 'yes' },
    ...NOT_OBJECTS,
  ])('rejects %o', (message) => {
    expect(parseToContent(message)).toBeNull();
  });
});

describe('wireTime', () => {
  it('keeps media times and turns NaN, ±Infinity, negative times and times past 100 hours into null', () => {
    expect([0, 1.5, 360_000, NaN, Infinity, -Infinity, -3, 360_000.5, 1e21].map(wireTime)).toEqual([0, 1.5, 360_000, null, null, null, null, null, null]);
  });
});

describe('parseContentRequest', () => {
  it('accepts the requests a content script may make: the side panel, a part of its code by name', () => {
    expect(parseContentRequest({ type: 'open-side-panel' })).toEqual({ type: 'open-side-panel' });
    expect(parseContentRequest({ type: 'load-part', part: 'pictures' })).toEqual({ type: 'load-part', part: 'pictures' });
    expect(parseContentRequest({ type: 'load-part', part: 'session' })).toEqual({ type: 'load-part', part: 'session' });
  });
  it('rejects anything else, a part not named or named by a file among them', () => {
    const others = [{ type: 'load-part' }, { type: 'load-part', part: 'src/content/pictures-part.js' }, { type: 'load-part', part: 'src/content/session-part.js' }, { type: 'load-part', part: ['pictures'] }];
    for (const message of [{ type: 'open-side-panel-now' }, { type: 'compose' }, 'open-side-panel', null, {}, ...others]) {
      expect(parseContentRequest(message)).toBeNull();
    }
  });
});

describe('parsePartLoaded', () => {
  it('reads whether the part was loaded, and nothing else', () => {
    expect(parsePartLoaded({ loaded: true })).toEqual({ loaded: true });
    expect(parsePartLoaded({ loaded: false })).toEqual({ loaded: false });
    for (const answer of [{ loaded: 'yes' }, {}, null, undefined, true]) expect(parsePartLoaded(answer)).toBeNull();
  });
});

describe('parseVideoStatus', () => {
  const status = { recordingKey: 'youtube:Wb1nQ9rLk2A', title: 'Talk', panelOpen: false, sidePanelToken: 't-1', sidePanel: true };
  it('accepts a full status, with the token the side panel connects with', () => {
    expect(parseVideoStatus(status)).toEqual(status);
  });
  it('rejects a status without token or side panel flag', () => {
    const { sidePanelToken: _token, ...noToken } = status;
    const { sidePanel: _sidePanel, ...noCompact } = status;
    expect(parseVideoStatus(noToken)).toBeNull();
    expect(parseVideoStatus(noCompact)).toBeNull();
  });
});

describe('frames over the panel link', () => {
  const webp = `data:image/webp;base64,${btoa('RIFF\0\0\0\0WEBPVP8 ')}`;
  const place = { x: 24, y: 70.5, width: 640, height: 360, viewportWidth: 1280, viewportHeight: 800 };

  it.each([
    { type: 'attach-frame' },
    { type: 'frame', request: 0, result: { ok: true, image: webp, t: 42.5 } },
    { type: 'frame', request: 3, result: { ok: true, image: 'data:image/jpeg;base64,/9j/4AAQ', t: null } },
    { type: 'frame', request: 1, result: { ok: false, reason: 'tainted', tabCapture: true } },
    { type: 'frame', request: 1, result: { ok: false, reason: 'failed', tabCapture: false, detail: 'x'.repeat(300) } },
    { type: 'layer', request: 2, hidden: true, place, t: 42 },
    { type: 'layer', request: 2, hidden: false, place: null, t: null },
  ])('the panel accepts %o', (message) => {
    expect(parseToPanel(message)).toEqual(message);
  });

  it.each([
    // Only WebP and JPEG, as base64: no PNG, no SVG (script), no URL to fetch.
    { type: 'frame', request: 0, result: { ok: true, image: 'data:image/png;base64,iVBORw0KGgo=', t: 1 } },
    { type: 'frame', request: 0, result: { ok: true, image: 'data:image/svg+xml;base64,PHN2Zz4=', t: 1 } },
    { type: 'frame', request: 0, result: { ok: true, image: 'data:image/webp,<svg onload=alert(1)>', t: 1 } },
    { type: 'frame', request: 0, result: { ok: true, image: 'https://example.com/frame.webp', t: 1 } },
    { type: 'frame', request: 0, result: { ok: true, image: `${webp}\n<script>`, t: 1 } },
    // Past the size limit.
    { type: 'frame', request: 0, result: { ok: true, image: `data:image/webp;base64,${'A'.repeat(MAX_FRAME_DATA_URL_CHARS)}`, t: 1 } },
    { type: 'frame', request: -1, result: { ok: true, image: webp, t: 1 } },
    { type: 'frame', request: 1.5, result: { ok: true, image: webp, t: 1 } },
    { type: 'frame', result: { ok: true, image: webp, t: 1 } },
    { type: 'frame', request: 0, result: { ok: true, image: webp, t: -1 } },
    { type: 'frame', request: 0, result: { ok: false, reason: 'needs-permission', tabCapture: true } },
    { type: 'frame', request: 0, result: { ok: false, reason: 'failed', tabCapture: false, detail: 'x'.repeat(301) } },
    { type: 'frame', request: 0, result: { ok: false, reason: 'tainted' } },
    { type: 'layer', request: 2, hidden: true, place: { ...place, viewportWidth: 0 }, t: 1 },
    { type: 'layer', request: 2, hidden: true, place: { ...place, x: Number.NaN }, t: 1 },
    { type: 'layer', request: 2, place, t: 1 },
  ])('the panel rejects %o', (message) => {
    expect(parseToPanel(message)).toBeNull();
  });

  it('takes a frame up to its size limit', () => {
    const prefix = 'data:image/webp;base64,';
    expect(parseToPanel({ type: 'frame', request: 0, result: { ok: true, image: prefix + 'A'.repeat(MAX_FRAME_DATA_URL_CHARS - prefix.length), t: 1 } })).not.toBeNull();
  });

  it.each([
    [{ type: 'take-frame', request: 0 }, true],
    [{ type: 'hide-layer', request: 7, hidden: true }, true],
    [{ type: 'hide-layer', request: 7, hidden: false }, true],
    [{ type: 'take-frame' }, false],
    [{ type: 'take-frame', request: '0' }, false],
    [{ type: 'hide-layer', request: 7 }, false],
  ])('the content script takes %o: %s', (message, accepted) => {
    expect(parseToContent(message) !== null).toBe(accepted);
  });

  it('the background takes a capture request with or without a tab id, and answers with a capture or a reason', () => {
    expect(parsePanelRequest({ type: 'capture-tab', tabId: 9 })).toEqual({ type: 'capture-tab', tabId: 9 });
    expect(parsePanelRequest({ type: 'capture-tab' })).toEqual({ type: 'capture-tab' });
    expect(parsePanelRequest({ type: 'capture-tab', tabId: -1 })).toBeNull();
    expect(parsePanelRequest({ type: 'back-up-now' })).toBeNull();
    expect(parseTabCapture({ ok: true, image: 'data:image/png;base64,iVBORw0KGgo=' })).not.toBeNull();
    expect(parseTabCapture({ ok: true, image: 'javascript:alert(1)' })).toBeNull();
    expect(parseTabCapture({ ok: false, reason: 'needs-permission' })).not.toBeNull();
    expect(parseTabCapture({ ok: false, reason: 'because' })).toBeNull();
  });
});

describe('slides over the panel link', () => {
  const webp = `data:image/webp;base64,${btoa('RIFF\0\0\0\0WEBPVP8 ')}`;
  const hash = '0123456789abcdef';

  it.each([
    [{ type: 'slide', t: 12, hash, image: webp }, true],
    [{ type: 'slide-watch-unavailable', reason: 'cross-origin' }, true],
    [{ type: 'slide-watch-unavailable', reason: 'no-canvas' }, true],
    [{ type: 'slide-watch-unavailable', reason: 'not-loaded' }, true],
    [{ type: 'slide', t: 12, hash: '0123456789ABCDEF', image: webp }, false],
    [{ type: 'slide', t: 12, hash: '0123456789abcde', image: webp }, false],
    [{ type: 'slide', t: -1, hash, image: webp }, false],
    [{ type: 'slide', t: null, hash, image: webp }, false],
    [{ type: 'slide', t: 12, hash, image: 'data:image/svg+xml;base64,PHN2Zz4=' }, false],
    [{ type: 'slide-watch-unavailable', reason: 'tired' }, false],
  ])('the panel takes %o: %s', (message, accepted) => {
    expect(parseToPanel(message) !== null).toBe(accepted);
  });

  it.each([
    [{ type: 'slide-watch', on: true, known: [] }, true],
    [{ type: 'slide-watch', on: false, known: [hash] }, true],
    [{ type: 'slide-watch', on: true, known: Array.from({ length: MAX_KNOWN_SLIDES }, () => hash) }, true],
    [{ type: 'slide-watch', on: true, known: Array.from({ length: MAX_KNOWN_SLIDES + 1 }, () => hash) }, false],
    [{ type: 'slide-watch', on: true, known: ['not a hash'] }, false],
    [{ type: 'slide-watch', on: 'yes', known: [] }, false],
    [{ type: 'slide-watch', on: true }, false],
  ])('the content script takes %o: %s', (message, accepted) => {
    expect(parseToContent(message) !== null).toBe(accepted);
  });
});
