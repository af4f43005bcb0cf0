/**
 * Which frames of a playing video are new slides. Fed one small sample about once a second
 * (frame-sample.ts), it keeps a frame when the picture has changed enough from the last slide kept
 * and then stays still for a moment: a slide change, not motion. A talking head moves all the time
 * and so is rarely still twice in a row, and when it is, it looks like the last one kept. A slide
 * shown again later (back to the agenda) is recognised by its perceptual hash (frame-hash.ts) and
 * reported as seen again, not kept twice.
 */
import { cellChanged, changedShare, type FrameSample } from './frame-sample';
import { differenceHash, hashDistance } from './frame-hash';

export interface SlideTuning {
  /** Share of the still cells (0–1) that must differ from the last slide kept for a settled frame to be a new one. */
  newSlideShare: number;
  /** Share of the still cells (0–1) that may change between two samples for the picture to count as settled. */
  stillShare: number;
  /** Samples in a row that must be settled before a frame is judged: about seconds, at one sample a second. */
  stillSamples: number;
  /**
   * A cell that changed in this many of the last `motionWindow` samples is motion (a presenter's
   * inset, a face), left out of both shares for `motionMemory` seconds after. A slide's cells
   * change once, a fade's two or three times in a row: fewer than this.
   */
  motionChanges: number;
  motionWindow: number;
  motionMemory: number;
  /** Hash bits (of 64) within which a frame is a slide seen before. */
  sameSlideBits: number;
}

/** Tuned on the fixtures (ten slide changes; a talking head): see docs/ARCHITECTURE.md "Slides". */
export const SLIDE_TUNING: SlideTuning = { newSlideShare: 0.03, stillShare: 0.02, stillSamples: 3, motionChanges: 4, motionWindow: 10, motionMemory: 60, sameSlideBits: 6 };

export type SlideEvent =
  /** A slide not seen before: keep `sample`, the picture once settled. `t` is when the picture last changed (seconds). */
  | { kind: 'new'; t: number; hash: string; sample: FrameSample }
  /** A slide kept before, shown again at `t`: `index` is its place among the slides kept. */
  | { kind: 'again'; t: number; hash: string; index: number };

export class SlideDetector {
  private previous: FrameSample | null = null;
  /** When the picture last changed by more than a new slide would (seconds): a slide's time. */
  private changedAt = 0;
  private stillCount = 0;
  /** Whether the current settled run has been judged already. */
  private judged = false;
  private lastKept: FrameSample | null = null;
  /** The place among the kept hashes of the slide on screen, -1 before any. */
  private lastIndex = -1;
  private readonly hashes: string[] = [];
  /** Which cells changed, for each of the last `motionWindow` samples (a ring). */
  private readonly history: Uint8Array[] = [];
  /** Per cell, how many of the samples in `history` changed it. */
  private changes: Uint8Array | null = null;
  /** Per cell, when it was last seen in motion (seconds; -Infinity never). */
  private movingAt: Float64Array | null = null;

  constructor(private readonly tuning: SlideTuning = SLIDE_TUNING) {}

  /** Hashes of the slides kept so far, in order: a recording's slides seen before are passed to `remember`. */
  get kept(): readonly string[] {
    return this.hashes;
  }

  /** Slides already stored for the recording (their hashes), so a reload does not keep them again. */
  remember(hashes: Iterable<string>): void {
    for (const hash of hashes) this.hashes.push(hash);
  }

  /**
   * The next sample, in playing order, all of one size. A seek or a pause between samples is the
   * caller's to report (`reset`), since a jump is not a slide change. Returns what the sample
   * showed, or null.
   */
  push(sample: FrameSample): SlideEvent | null {
    const previous = this.previous;
    this.previous = sample;
    if (previous) this.recordChanges(previous.luma, sample.luma, sample.t);
    const moving = this.movingCells(sample.luma.length, sample.t);
    const change = previous === null ? 1 : changedShare(previous, sample, moving);
    if (change > this.tuning.newSlideShare) this.changedAt = sample.t;
    if (change > this.tuning.stillShare) {
      this.stillCount = 1;
      this.judged = false;
      return null;
    }
    this.stillCount += 1;
    if (this.judged || this.stillCount < this.tuning.stillSamples) return null;
    this.judged = true;
    // The picture as it settled (the end of a fade, not its middle), at the time it last changed.
    if (this.lastKept && changedShare(this.lastKept, sample, moving) <= this.tuning.newSlideShare) return null;
    const hash = differenceHash(sample);
    const index = this.hashes.findIndex((kept) => hashDistance(kept, hash) <= this.tuning.sameSlideBits);
    if (index >= 0 && index === this.lastIndex) return null;
    this.lastKept = sample;
    if (index >= 0) {
      this.lastIndex = index;
      return { kind: 'again', t: this.changedAt, hash, index };
    }
    this.lastIndex = this.hashes.length;
    this.hashes.push(hash);
    return { kind: 'new', t: this.changedAt, hash, sample };
  }

  /** Forgets the frames seen (after a seek or a long pause), keeping the slides' hashes. */
  reset(): void {
    this.previous = null;
    this.changedAt = 0;
    this.stillCount = 0;
    this.judged = false;
    this.lastKept = null;
    this.lastIndex = -1;
    this.history.length = 0;
    this.changes = null;
    this.movingAt = null;
  }

  /** Cells seen in motion within `motionMemory` seconds of `t`: not slides. */
  private movingCells(cells: number, t: number): Uint8Array {
    const moving = new Uint8Array(cells);
    if (this.movingAt) for (let i = 0; i < cells; i++) moving[i] = t - (this.movingAt[i] ?? -Infinity) < this.tuning.motionMemory ? 1 : 0;
    return moving;
  }

  private recordChanges(a: Uint8Array, b: Uint8Array, t: number): void {
    const changed = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i++) changed[i] = cellChanged(a[i] ?? 0, b[i] ?? 0) ? 1 : 0;
    this.changes ??= new Uint8Array(b.length);
    this.movingAt ??= new Float64Array(b.length).fill(-Infinity);
    this.history.push(changed);
    for (let i = 0; i < b.length; i++) this.changes[i]! += changed[i]!;
    if (this.history.length > this.tuning.motionWindow) {
      const oldest = this.history.shift()!;
      for (let i = 0; i < b.length; i++) this.changes[i]! -= oldest[i]!;
    }
    // Until the window has filled, fewer changes make motion (but never one): a presenter's inset
    // is known within two samples rather than hiding the first slide.
    const needed = Math.max(2, Math.min(this.tuning.motionChanges, this.history.length));
    for (let i = 0; i < b.length; i++) if (this.changes[i]! >= needed) this.movingAt[i] = t;
  }
}
