/**
 * A drawn frame (frame-grab.ts) checked and encoded, in the pictures part (parts.ts). Where the
 * browser will not let the canvas be read (a cross-origin video served without CORS taints it:
 * reading throws a SecurityError) or the pixels come out black (a protected, EME video), the
 * answer says so and whether a capture of the tab could stand in.
 */
import { FRAME_QUALITY, isNearlyBlack, MAX_FRAME_BYTES } from '../core/images';
import { blobToDataUrl, encodeCanvas, probePixels, PROBE } from '../platform/image-encode';
import { frameFailure, grabFrameWith, type DrawnFrame, type FrameResult } from './frame-grab';

/** Checks and encodes a drawn frame as a `data:` URL of at most MAX_FRAME_BYTES. Never throws: a failure is an answer. */
export async function encodeFrame({ canvas, t, tabCapture }: DrawnFrame): Promise<FrameResult> {
  try {
    // Reading it back is what a tainted canvas refuses (SecurityError, caught below).
    if (isNearlyBlack(probePixels(canvas), PROBE.width, PROBE.height)) return { ok: false, reason: 'black', tabCapture };
    const blob = await encodeCanvas(canvas, FRAME_QUALITY);
    if (blob.size > MAX_FRAME_BYTES) return { ok: false, reason: 'failed', tabCapture: false, detail: 'the picture is too large to keep' };
    return { ok: true, image: await blobToDataUrl(blob), t };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'SecurityError') return { ok: false, reason: 'tainted', tabCapture };
    return frameFailure(error);
  }
}

/** Draws, checks and encodes the video's current picture (drawn now, before the first await). Never throws. */
export function grabFrame(video: HTMLVideoElement): Promise<FrameResult> {
  return grabFrameWith(video, () => Promise.resolve(encodeFrame));
}
