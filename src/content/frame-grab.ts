/**
 * The video's picture for a note: the `<video>` element drawn into a canvas of its own size (at
 * most MAX_FRAME_SIDE a side, core/images.ts), so it holds the video's pixels only, never the
 * page's or ours over it. The drawing happens here, in the always-loaded script, in the task of
 * the request; checking and encoding it (frame-encode.ts) come with the pictures part
 * (parts.ts), loaded on the first request.
 */
import { frameSize, pictureRect } from '../core/images';
import { errorText } from '../core/error-text';
import { wireTime, type PicturePlace, type ToPanel } from '../messaging/protocol';
import { context2d } from '../platform/image-encode';

/** The answer to a frame request (`frame` message). */
export type FrameResult = Extract<ToPanel, { type: 'frame' }>['result'];

/** A frame drawn and not yet read: `t` is the video's time (s, wireTime: null when it has none) when it was drawn. */
export interface DrawnFrame {
  canvas: OffscreenCanvas;
  t: Extract<FrameResult, { ok: true }>['t'];
  /** A capture of the tab could stand in if its pixels cannot be read (frame-encode.ts). */
  tabCapture: boolean;
}

/** A frame that could not be had for `error`: no capture of the tab would help, the error says why. */
export function frameFailure(error: unknown): FrameResult {
  return { ok: false, reason: 'failed', tabCapture: false, detail: errorText(error).slice(0, 300) };
}

/** Whether a capture of the visible tab can be cut to this video: only in the top frame, whose viewport the tab is. */
const inTopFrame = () => window === window.top;

/**
 * Draws the video's current picture; never throws. A video with no picture yet (audio only,
 * metadata only) or a canvas the browser refuses is the answer itself (a refused FrameResult).
 * Size, time and drawing are one task: a size change (a new rendition) lands before it or after it.
 */
export function drawFrame(video: HTMLVideoElement): DrawnFrame | FrameResult {
  // HAVE_CURRENT_DATA: a picture to draw.
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0 || video.videoHeight === 0) {
    return { ok: false, reason: 'no-picture', tabCapture: false };
  }
  try {
    const size = frameSize({ width: video.videoWidth, height: video.videoHeight });
    const canvas = new OffscreenCanvas(size.width, size.height);
    context2d(canvas).drawImage(video, 0, 0, size.width, size.height);
    return { canvas, t: wireTime(video.currentTime), tabCapture: inTopFrame() };
  } catch (error) {
    return frameFailure(error);
  }
}

/** Where the video's picture is on screen now (core pictureRect), with the viewport's size; null in a frame or with nothing shown. */
export function picturePlace(video: HTMLVideoElement): PicturePlace | null {
  if (!inTopFrame()) return null;
  const box = video.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const rect = pictureRect(box, { width: video.videoWidth, height: video.videoHeight }, getComputedStyle(video).objectFit);
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, viewportWidth: window.innerWidth, viewportHeight: window.innerHeight };
}

/**
 * Draws the video's picture now, in this task, then has it checked and encoded by the encoder
 * `encoder()` gives (frame-encode.ts, perhaps once the pictures part is loaded). Never rejects:
 * an encoder that cannot be had is a failed frame.
 */
export function grabFrameWith(video: HTMLVideoElement, encoder: () => Promise<(drawn: DrawnFrame) => Promise<FrameResult>>): Promise<FrameResult> {
  const drawn = drawFrame(video);
  if (!('canvas' in drawn)) return Promise.resolve(drawn);
  return encoder().then((encode) => encode(drawn), frameFailure);
}
