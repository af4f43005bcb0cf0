/**
 * Slide changes in the page's main video, watched from the content script: once a second of the
 * video's own time (not the wall clock, so a video played at 2× is sampled as at 1×), the frame on
 * screen is drawn into a 64×36 canvas, reduced to luma (core/slides/frame-sample.ts) and fed to a
 * SlideDetector (core/slides/slide-detector.ts), whose verdicts go to the caller. Only pixels and
 * hashes pass through here, never note text.
 *
 * Frames come from `requestVideoFrameCallback` (Chrome 83, Firefox 132; both below our minimum
 * versions): it runs only while new frames are shown, so a paused video, a hidden tab or a video
 * not drawn costs nothing, and its `mediaTime` is the time of the frame that is drawn.
 */
import { lumaOf, SAMPLE_HEIGHT, SAMPLE_WIDTH, type FrameSample } from '../core/slides/frame-sample';
import { SlideDetector, type SlideEvent } from '../core/slides/slide-detector';

/** Seconds of the video between two samples. */
const SAMPLE_EVERY = 1;
/**
 * A step between two frames larger than this (seconds of video), or backwards, was a jump nobody
 * announced (a seek whose events we missed, frames not drawn while the tab was hidden): the
 * detector starts its still-run again, as after a seek.
 */
const MAX_STEP = 3;

/** Why the video's pixels cannot be read: the watch has stopped for good. */
export type SlideWatchUnavailable =
  /** The video comes from another origin without CORS: the browser refuses its pixels (a tainted canvas). */
  | 'cross-origin'
  /** The browser gave no 2D canvas to draw into. */
  | 'no-canvas';

export interface SlideWatchOptions {
  /** Aborting stops the watch: no callback runs after it. */
  signal: AbortSignal;
  /** A new slide, or one seen before shown again (core/slides/slide-detector.ts `SlideEvent`). */
  onSlide(event: SlideEvent): void;
  /** Called at most once, when the pixels cannot be read; nothing else is called after it. */
  onUnavailable(reason: SlideWatchUnavailable, detail: string): void;
  /** Hashes of this recording's slides kept before (a reload): shown again, they are `again`, not `new`. */
  known?: Iterable<string>;
  /** Each sample taken: its video time (s) and the main-thread time it took (ms), for measuring. */
  onSample?(t: number, ms: number): void;
}

/**
 * Watches `video` until `options.signal` aborts. A seek is not a slide change: the still-run
 * starts again where the video lands, and the first settled picture there is judged against every
 * slide kept (`again` when it is one of them). A change of the video's shape (a rendition of
 * another aspect ratio) does the same; one of size only needs nothing, since every frame is drawn
 * to the same 64×36 grid.
 */
export function watchSlides(video: HTMLVideoElement, options: SlideWatchOptions): void {
  const { signal } = options;
  if (signal.aborted) return;
  const context = new OffscreenCanvas(SAMPLE_WIDTH, SAMPLE_HEIGHT).getContext('2d', { willReadFrequently: true, alpha: false });
  if (!context) {
    options.onUnavailable('no-canvas', 'The browser gave no 2D canvas.');
    return;
  }
  // Averages each cell over the pixels it covers, mipmapped: bilinear ('low') reads only 2×2
  // pixels a cell, so one sample from a large frame is a few pixels' noise, not the cell's picture.
  // Both cost the same (about 1.5 ms at 854×480 in headless Chromium): reading the frame is the cost.
  context.imageSmoothingQuality = 'high';
  const detector = new SlideDetector();
  if (options.known) detector.remember(options.known);
  let last = -Infinity;
  let aspect = 0;
  let callback = 0;

  const restart = () => {
    detector.reset();
    last = -Infinity;
  };
  const stop = () => {
    video.cancelVideoFrameCallback(callback);
    video.removeEventListener('seeking', restart);
    video.removeEventListener('resize', reshaped);
    signal.removeEventListener('abort', stop);
  };
  function reshaped() {
    const now = video.videoWidth / Math.max(1, video.videoHeight);
    if (aspect && Math.abs(now / aspect - 1) > 0.01) restart();
    aspect = now;
  }

  const sample = (t: number): FrameSample | null => {
    context.drawImage(video, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
    try {
      const { data } = context.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
      return { t, luma: lumaOf(data, SAMPLE_WIDTH, SAMPLE_HEIGHT), width: SAMPLE_WIDTH, height: SAMPLE_HEIGHT };
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'SecurityError')) throw error;
      stop();
      options.onUnavailable('cross-origin', 'The video comes from another site that does not allow its pixels to be read.');
      return null;
    }
  };

  const frame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    if (signal.aborted) return;
    callback = video.requestVideoFrameCallback(frame);
    const t = metadata.mediaTime;
    // A frame is drawn only once the element has one (HAVE_CURRENT_DATA); a jump restarts the run.
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
    if (last !== -Infinity && (t < last || t - last > MAX_STEP)) restart();
    if (Math.floor(t / SAMPLE_EVERY) <= Math.floor(last / SAMPLE_EVERY)) return;
    const started = performance.now();
    const taken = sample(t);
    if (!taken) return;
    last = t;
    const event = detector.push(taken);
    options.onSample?.(t, performance.now() - started);
    if (event) options.onSlide(event);
  };

  aspect = video.videoWidth / Math.max(1, video.videoHeight);
  video.addEventListener('seeking', restart);
  video.addEventListener('resize', reshaped);
  signal.addEventListener('abort', stop, { once: true });
  callback = video.requestVideoFrameCallback(frame);
}
