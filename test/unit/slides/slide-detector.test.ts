import { describe, expect, it } from 'vitest';
import { changedShare, lumaOf, pictureChange, SAMPLE_HEIGHT, SAMPLE_WIDTH, type FrameSample } from '../../../src/core/slides/frame-sample';
import { differenceHash, hashDistance } from '../../../src/core/slides/frame-hash';
import { SlideDetector, type SlideEvent } from '../../../src/core/slides/slide-detector';

/** A seeded generator (mulberry32): the same frames every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Picture = Uint8Array;
const W = SAMPLE_WIDTH;
const H = SAMPLE_HEIGHT;

/** A slide: a light background, a title bar and lines of "text" whose lengths the seed picks. */
function slide(seed: number): Picture {
  const rnd = random(seed);
  const picture = new Uint8Array(W * H).fill(235);
  const titleEnd = 10 + Math.floor(rnd() * 40);
  for (let y = 3; y < 7; y++) for (let x = 4; x < titleEnd; x++) picture[y * W + x] = 30;
  for (let line = 0; line < 6; line++) {
    const y = 11 + line * 4;
    const end = 6 + Math.floor(rnd() * 52);
    for (let x = 6; x < end; x++) if (rnd() > 0.25) picture[y * W + x] = 60;
  }
  return picture;
}

/** A slide of `count` bullets (lines of "text" 3 cells apart, each ~40 cells long) under a title. */
function bullets(count: number): Picture {
  const picture = new Uint8Array(W * H).fill(235);
  for (let y = 3; y < 6; y++) for (let x = 4; x < 30; x++) picture[y * W + x] = 30;
  for (let line = 0; line < count; line++) {
    for (let y = 10 + line * 5; y < 12 + line * 5; y++) for (let x = 6; x < 46 - line * 3; x++) picture[y * W + x] = x % 5 === 0 ? 235 : 70;
  }
  return picture;
}

/** `picture` as a blurrier rendition would show it: each cell averaged with its right and lower neighbours. */
function blurred(picture: Picture): Picture {
  const at = (x: number, y: number) => picture[Math.min(H - 1, y) * W + Math.min(W - 1, x)]!;
  return picture.map((_, i) => Math.round((2 * at(i % W, Math.floor(i / W)) + at((i % W) + 1, Math.floor(i / W)) + at(i % W, Math.floor(i / W) + 1)) / 4));
}

/** Compression noise (±`amount`) and, where asked, a presenter's inset in the corner that never holds still. */
function shown(picture: Picture, t: number, rnd: () => number, { noise = 8, inset = false } = {}): FrameSample {
  const luma = picture.map((value) => Math.max(0, Math.min(255, value + Math.round((rnd() * 2 - 1) * noise))));
  if (inset) for (let y = H - 8; y < H; y++) for (let x = W - 11; x < W; x++) luma[y * W + x] = Math.floor(rnd() * 255);
  return { t, luma, width: W, height: H };
}

/** A talking head: a face-sized blob that sways and nods over a studio background, every second. */
function talkingHead(t: number, rnd: () => number): FrameSample {
  const cx = 32 + Math.round(Math.sin(t * 1.3) * 5 + (rnd() - 0.5) * 2);
  const cy = 18 + Math.round(Math.cos(t * 0.9) * 3);
  const picture = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) picture[y * W + x] = 90 + ((x * 3 + y) % 20);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if ((x - cx) ** 2 / 100 + (y - cy) ** 2 / 144 < 1) picture[y * W + x] = 190;
  return shown(picture, t, rnd);
}

const run = (samples: FrameSample[], detector = new SlideDetector()) => samples.map((s) => detector.push(s)).filter((e): e is SlideEvent => e !== null);

describe('slide detection', () => {
  it.each([1, 2, 3, 4, 5, 6])('keeps each of ten slides once, each at the second it was shown, through noise and a moving presenter inset (seed %i)', (seed) => {
    const rnd = random(seed);
    const samples: FrameSample[] = [];
    for (let s = 0; s < 10; s++) for (let second = 0; second < 6; second++) samples.push(shown(slide(seed * 100 + s), s * 6 + second, rnd, { inset: true }));
    const events = run(samples);
    expect(events.map((e) => e.kind), JSON.stringify(events.map((e) => [e.kind, e.t]))).toEqual(Array(10).fill('new'));
    // The first only once the inset is known to be motion, a few samples in.
    expect(events[0]!.t).toBeLessThanOrEqual(4);
    expect(events.slice(1).map((e) => e.t)).toEqual([6, 12, 18, 24, 30, 36, 42, 48, 54]);
  });

  it('takes a cross-fade between slides (two samples long) as one change, kept once it has settled', () => {
    const rnd = random(2);
    const [a, b] = [slide(7), slide(8)];
    const samples: FrameSample[] = [];
    for (let t = 0; t < 5; t++) samples.push(shown(a, t, rnd));
    for (let step = 1; step <= 2; step++) samples.push(shown(a.map((v, i) => v + ((b[i]! - v) * step) / 3), 4 + step, rnd));
    for (let t = 7; t < 12; t++) samples.push(shown(b, t, rnd));
    const events = run(samples);
    expect(events.map((e) => [e.kind, e.t])).toEqual([['new', 0], ['new', 7]]);
    const kept = events[1] as Extract<SlideEvent, { kind: 'new' }>;
    expect(changedShare(kept.sample, { luma: b })).toBe(0);
  });

  it('does not keep a slide shown again: it is reported as seen before, with its place', () => {
    const rnd = random(3);
    const order = [1, 2, 3, 1, 4, 2];
    const samples = order.flatMap((s, i) => [0, 1, 2, 3].map((second) => shown(slide(s), i * 4 + second, rnd)));
    expect(run(samples).map((e) => (e.kind === 'new' ? 'new' : `again ${e.index}`))).toEqual(['new', 'new', 'new', 'again 0', 'new', 'again 1']);
  });

  it.each([1, 2, 3, 4, 5, 6])('keeps no more than one frame of a talking head over ten minutes (seed %i)', (seed) => {
    const rnd = random(seed);
    const samples = Array.from({ length: 600 }, (_, t) => talkingHead(t + seed * 17, rnd));
    const events = run(samples);
    expect(events.filter((e) => e.kind === 'new').length, JSON.stringify(events.map((e) => [e.kind, e.t]))).toBeLessThan(2);
  });

  it('keeps a build step that reveals a bullet as a new slide, and takes a blurrier rendition of a slide (a player switching quality) as the same', () => {
    const rnd = random(8);
    const samples: FrameSample[] = [];
    for (let t = 0; t < 6; t++) samples.push(shown(bullets(3), t, rnd, { inset: true }));
    for (let t = 6; t < 12; t++) samples.push(shown(bullets(4), t, rnd, { inset: true }));
    for (let t = 12; t < 18; t++) samples.push(shown(blurred(bullets(4)), t, rnd, { inset: true }));
    const events = run(samples);
    expect(events.map((e) => e.kind)).toEqual(['new', 'new']);
    // The first once the inset is known to be motion, a few samples in.
    expect(events[0]!.t).toBeLessThanOrEqual(4);
    expect(events[1]!.t).toBe(6);
    // The build differs from its first step in a few of its 64 hash bits only: the picture tells them apart.
    expect(events[0]!.hash).not.toBe(events[1]!.hash);
  });

  it('takes a light switched off and on again, or a camera adjusting its exposure, as no new slide', () => {
    const rnd = random(9);
    const picture = slide(11);
    const samples: FrameSample[] = [];
    for (let t = 0; t < 5; t++) samples.push(shown(picture, t, rnd));
    for (let t = 5; t < 10; t++) samples.push(shown(picture.map((v) => v * 0.78), t, rnd));
    for (let t = 10; t < 15; t++) samples.push(shown(picture.map((v) => Math.min(255, v * 1.1)), t, rnd));
    expect(run(samples).map((e) => [e.kind, e.t])).toEqual([['new', 0]]);
  });

  it('a hand that comes into a still picture, waves and goes is no slide', () => {
    const rnd = random(10);
    const picture = slide(12);
    const samples: FrameSample[] = [];
    for (let t = 0; t < 30; t++) {
      const frame = picture.slice();
      // From 8 s to 16 s a hand-sized blob moves about the lower right, never in the same place twice running.
      if (t >= 8 && t < 16) {
        const cx = 44 + ((t * 7) % 11);
        const cy = 24 + ((t * 5) % 7);
        for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if ((x - cx) ** 2 / 25 + (y - cy) ** 2 / 36 < 1) frame[y * W + x] = 200;
      }
      samples.push(shown(frame, t, rnd));
    }
    expect(run(samples).map((e) => [e.kind, e.t])).toEqual([['new', 0]]);
  });

  it('remembers the slides stored before a reload, and a seek is not a slide change', () => {
    const rnd = random(5);
    const first = new SlideDetector();
    run([0, 1, 2, 3].map((t) => shown(slide(1), t, rnd)), first);
    const again = new SlideDetector();
    again.remember(first.kept);
    const events = run([10, 11, 12, 13].map((t) => shown(slide(1), t, rnd)), again);
    expect(events.map((e) => e.kind)).toEqual(['again']);
    again.reset();
    expect(run([40, 41, 42, 43].map((t) => shown(slide(1), t, rnd)), again).map((e) => e.kind)).toEqual(['again']);
  });
});

describe('frame samples and hashes', () => {
  it('reads luma from RGBA by BT.601 and refuses data of the wrong size', () => {
    expect([...lumaOf([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255], 3, 1)]).toEqual([255, 0, 76]);
    expect(() => lumaOf([0, 0, 0], 1, 1)).toThrow(RangeError);
    expect(() => changedShare({ luma: new Uint8Array(2) }, { luma: new Uint8Array(3) })).toThrow(RangeError);
  });

  it('hashes a slide shown darker or noisier within a few bits, and different slides far apart', () => {
    const rnd = random(6);
    const base = { luma: slide(1), width: W, height: H };
    const darker = { luma: slide(1).map((v) => v * 0.8), width: W, height: H };
    expect(hashDistance(differenceHash(base), differenceHash(darker))).toBeLessThanOrEqual(2);
    expect(hashDistance(differenceHash(base), differenceHash(shown(slide(1), 0, rnd, { noise: 12 })))).toBeLessThanOrEqual(4);
    const others = Array.from({ length: 20 }, (_, i) => differenceHash({ luma: slide(200 + i), width: W, height: H }));
    for (const other of others) expect(hashDistance(differenceHash(base), other)).toBeGreaterThan(6);
    expect(() => hashDistance('xyz', differenceHash(base))).toThrow(RangeError);
  });

  it('compares settled pictures through exposure changes and edges moved by a fraction of a cell, not through content added', () => {
    const base = { luma: bullets(3), width: W, height: H };
    expect(pictureChange(base, { luma: base.luma.map((v) => v * 0.8) })).toBe(0);
    expect(pictureChange(base, { luma: blurred(base.luma) })).toBe(0);
    // The bullet added covers 2 rows of 31 cells: about 2.7% of the picture.
    expect(pictureChange(base, { luma: bullets(4) })).toBeGreaterThan(0.02);
    // A dark slide after a light one is another picture, not a dimmer one.
    expect(pictureChange(base, { luma: base.luma.map((v) => 255 - v) })).toBeGreaterThan(0.5);
    expect(() => pictureChange(base, { luma: new Uint8Array(3) })).toThrow(RangeError);
  });
});
