/**
 * The video's picture for a note: the `<video>` element drawn into a canvas of its own size (at
 * most MAX_FRAME_SIDE a side, core/images.ts), so it holds the video's pixels only, never the
 * page's or ours over it. Where the browser will not let the canvas be read (a cross-origin video
 * served without CORS taints it: encoding throws a SecurityError) or the pixels come out black (a
 * protected, EME video), the answer says so and whether a capture of the tab could stand in.
 */
import { FRAME_QUALITY, frameSize, isNearlyBlack, MAX_FRAME_BYTES, pictureRect } from '../core/images';
import { errorText } from '../core/error-text';
import { wireTime, type PicturePlace, type ToPanel } from '../messaging/protocol';
import { blobToDataUrl, context2d, encodeCanvas, probePixels, PROBE } from '../platform/image-encode';

type FrameResult = Extract<ToPanel, { type: 'frame' }>['result'];

/** Whether a capture of the visible tab can be cut to this video: only in the top frame, whose viewport the tab is. */
const inTopFrame = () => window === window.top;

/** Draws, checks and encodes the video's current picture. Never throws: a failure is an answer. */
export async function grabFrame(video: HTMLVideoElement): Promise<FrameResult> {
  const tabCapture = inTopFrame();
  // HAVE_CURRENT_DATA: a picture to draw. Audio only, or metadata only: none.
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0 || video.videoHeight === 0) {
    return { ok: false, reason: 'no-picture', tabCapture: false };
  }
  try {
    // Size, time and drawing in one task: a size change (a new rendition) lands before it or after it.
    const size = frameSize({ width: video.videoWidth, height: video.videoHeight });
    const t = wireTime(video.currentTime);
    const canvas = new OffscreenCanvas(size.width, size.height);
    context2d(canvas).drawImage(video, 0, 0, size.width, size.height);
    // Reading it back is what a tainted canvas refuses (SecurityError, caught below).
    if (isNearlyBlack(probePixels(canvas), PROBE.width, PROBE.height)) return { ok: false, reason: 'black', tabCapture };
    const blob = await encodeCanvas(canvas, FRAME_QUALITY);
    if (blob.size > MAX_FRAME_BYTES) return { ok: false, reason: 'failed', tabCapture: false, detail: 'the picture is too large to keep' };
    return { ok: true, image: await blobToDataUrl(blob), t };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'SecurityError') return { ok: false, reason: 'tainted', tabCapture };
    return { ok: false, reason: 'failed', tabCapture: false, detail: errorText(error).slice(0, 300) };
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
