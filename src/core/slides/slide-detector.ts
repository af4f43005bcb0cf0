/**
 * Which frames of a playing video are new slides. Fed one small sample about once a second
 * (frame-sample.ts), it keeps a frame when the picture has changed at once by more than a slide
 * change and then stays still for a moment: a slide change, not motion. A talking head moves all
 * the time, so its cells are left out as motion (with a one-cell margin, as motion blurs into its
 * neighbours), and a picture counts as settled only once that motion has stopped spreading; a
 * picture that drifts (a light turned up slowly) never changed at once. A settled picture is
 * compared with the slide on screen after matching their exposure and allowing edges to move by a
 * fraction of a cell (frame-sample.ts `pictureChange`), so another rendition of the same slide is
 * the same slide, while a bullet revealed on it is a new one. A slide shown again later (back to
 * the agenda) is recognised by its perceptual hash (frame-hash.ts) and its picture, and reported
 * as seen again, not kept twice.
 */
import { cellChanged, changedShare, pictureChange, type FrameSample } from './frame-sample';
import { differenceHash, hashDistance } from './frame-hash';

export interface SlideTuning {
  /**
   * Share of the still cells (0–1) that must change between two samples for a slide change to have
   * begun, and by which a settled picture must differ from the slide on screen to be a new one.
   */
  newSlideShare: number;
  /** Share of the still cells (0–1) that may change between two samples for the picture to count as settled. */
  stillShare: number;
  /** Share of all cells (0–1) that may newly become motion in one sample for the picture to count as settled. */
  motionGrowth: number;
  /**
   * A settled picture must differ from the slide on screen in at least this much of the share of
   * cells in motion (and at least `newSlideShare`): a presenter filling a third of the picture
   * leaves more behind when at rest than a small inset.
   */
  motionMargin: number;
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

/**
 * Tuned on the fixture videos (test/e2e/fixtures/slides: ten slides with a presenter's inset, a
 * talking head), every frame drawn in Chromium as the watch draws it, then sampled once a second
 * at each of the 15 frames of a second and at 300 random ones: both fixtures pass at every value
 * of newSlideShare 0.015–0.03, stillShare 0.01–0.03 and motionMargin 0.15–0.4 (with the others as
 * here); motionChanges 5 lets the talking head through, stillSamples 4 can miss the first slide
 * (docs/ARCHITECTURE.md "Slides").
 */
export const SLIDE_TUNING: SlideTuning = {
  newSlideShare: 0.02,
  stillShare: 0.02,
  motionGrowth: 0.001,
  motionMargin: 0.2,
  stillSamples: 3,
  motionChanges: 4,
  motionWindow: 10,
  motionMemory: 60,
  sameSlideBits: 6,
};

export type SlideEvent =
  /** A slide not seen before: keep `sample`, the picture once settled. `t` is when the picture last changed (seconds): the end of a fade. */
  | { kind: 'new'; t: number; hash: string; sample: FrameSample }
  /** A slide kept before, shown again at `t`: `index` is its place among the slides kept. */
  | { kind: 'again'; t: number; hash: string; index: number };

/** A slide kept: its hash, and its picture when it was seen in this session (not for slides remembered from before). */
interface KeptSlide {
  hash: string;
  picture: FrameSample | null;
}

export class SlideDetector {
  private previous: FrameSample | null = null;
  /** When the picture last changed by more than a new slide would (seconds): a slide's time. */
  private changedAt = 0;
  /** Whether the picture has changed by more than a new slide would since the last judgement. */
  private stepped = false;
  private stillCount = 0;
  /** Whether the current settled run has been judged already. */
  private judged = false;
  private lastKept: FrameSample | null = null;
  /** The place among the kept slides of the slide on screen, -1 before any. */
  private lastIndex = -1;
  private readonly slides: KeptSlide[] = [];
  /** Which cells changed, for each of the last `motionWindow` samples (a ring). */
  private readonly history: Uint8Array[] = [];
  /** Per cell, how many of the samples in `history` changed it. */
  private changes: Uint8Array | null = null;
  /** Per cell, when it was last seen in motion (seconds; -Infinity never). */
  private movingAt: Float64Array | null = null;
  /** How many cells were in motion at the sample before. */
  private movingBefore = 0;

  constructor(private readonly tuning: SlideTuning = SLIDE_TUNING) {}

  /** Hashes of the slides kept so far, in order: a recording's slides seen before are passed to `remember`. */
  get kept(): string[] {
    return this.slides.map((slide) => slide.hash);
  }

  /**
   * Slides already stored for the recording (their hashes), so a reload does not keep them again.
   * Known by hash only, such a slide is told from a build step of it (a bullet added) less surely
   * than a slide seen in this session, whose picture is kept too.
   */
  remember(hashes: Iterable<string>): void {
    for (const hash of hashes) this.slides.push({ hash, picture: null });
  }

  /**
   * The next sample, in playing order, all of one size. A seek or a jump between samples is the
   * caller's to report (`reset`), since a jump is not a slide change. Returns what the sample
   * showed, or null.
   */
  push(sample: FrameSample): SlideEvent | null {
    const previous = this.previous;
    this.previous = sample;
    if (previous) this.recordChanges(previous.luma, sample.luma, sample.t);
    const moving = this.movingCells(sample.width, sample.height, sample.t);
    const movingNow = moving.reduce((sum, cell) => sum + cell, 0);
    const spreading = movingNow - this.movingBefore > this.tuning.motionGrowth * moving.length;
    this.movingBefore = movingNow;
    const change = previous === null ? 1 : changedShare(previous, sample, moving);
    if (change > this.tuning.newSlideShare) {
      this.changedAt = sample.t;
      this.stepped = true;
    }
    if (change > this.tuning.stillShare || spreading) {
      this.stillCount = 1;
      this.judged = false;
      return null;
    }
    this.stillCount += 1;
    if (this.judged || this.stillCount < this.tuning.stillSamples) return null;
    this.judged = true;
    // Only a change at once makes a slide: a picture that drifted (light turned up slowly, a face
    // moving into new cells) is judged again only after such a change.
    if (!this.stepped) return null;
    this.stepped = false;
    // The picture as it settled (the end of a fade, not its middle), at the time it last changed.
    // The more of the picture moves, the more a still moment differs from the slide kept at its
    // fringes (a face at rest a little to one side): a new slide must differ by more than that.
    const enough = Math.max(this.tuning.newSlideShare, (this.tuning.motionMargin * movingNow) / moving.length);
    const differs = (kept: FrameSample) => pictureChange(kept, sample, moving) > enough;
    if (this.lastKept && !differs(this.lastKept)) return null;
    const hash = differenceHash(sample);
    const index = this.slides.findIndex(
      (slide) => hashDistance(slide.hash, hash) <= this.tuning.sameSlideBits && !(slide.picture && differs(slide.picture)),
    );
    if (index >= 0 && index === this.lastIndex) return null;
    this.lastKept = sample;
    if (index >= 0) {
      this.lastIndex = index;
      return { kind: 'again', t: this.changedAt, hash, index };
    }
    this.lastIndex = this.slides.length;
    this.slides.push({ hash, picture: sample });
    return { kind: 'new', t: this.changedAt, hash, sample };
  }

  /** Forgets the frames seen (after a seek or a long pause), keeping the slides kept. */
  reset(): void {
    this.previous = null;
    this.changedAt = 0;
    this.stepped = false;
    this.stillCount = 0;
    this.judged = false;
    this.lastKept = null;
    this.lastIndex = -1;
    this.history.length = 0;
    this.changes = null;
    this.movingAt = null;
    this.movingBefore = 0;
  }

  /** Cells seen in motion within `motionMemory` seconds of `t`, and their neighbours: not slides. */
  private movingCells(width: number, height: number, t: number): Uint8Array {
    const moving = new Uint8Array(width * height);
    if (!this.movingAt) return moving;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!(t - (this.movingAt[y * width + x] ?? -Infinity) < this.tuning.motionMemory)) continue;
        for (let row = Math.max(0, y - 1); row <= Math.min(height - 1, y + 1); row++) {
          for (let column = Math.max(0, x - 1); column <= Math.min(width - 1, x + 1); column++) moving[row * width + column] = 1;
        }
      }
    }
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
