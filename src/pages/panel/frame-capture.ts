/**
 * Taking the video's picture for a note, from the panel. First the content script draws the video
 * into a canvas (src/content/frame-grab.ts): the video's pixels and nothing else. Where the video
 * will not let a canvas read it (cross-origin without CORS) or gives black (protected), and it
 * plays in the top frame, the tab is captured instead (by the background, src/background/
 * tab-capture.ts), with our layer hidden for the moment of the capture, and cut to the video's
 * picture. What comes back from the page is checked here before anything is stored: its type is
 * read from its bytes and it is decoded, and the thumbnail is made here.
 */
import { errorText } from '../../core/error-text';
import { t } from '../../core/i18n';
import type { FrameFailure, FrameFailureReason } from '../../core/frame-failure';
import {
  cropInCapture,
  FRAME_QUALITY,
  frameSize,
  imageTypeOfBytes,
  isNearlyBlack,
  MAX_FRAME_SIDE,
  samePlace,
  THUMB_QUALITY,
  thumbSize,
  type ImageType,
  type Rect,
} from '../../core/images';
import type { RecordingImage } from '../../core/model';
import { parseTabCapture, type PanelRequest, type ToPanel } from '../../messaging/protocol';
import browser from '../../platform/browser';
import { context2d, dataUrlToBlob, encodeCanvas, probePixels, PROBE } from '../../platform/image-encode';
import type { VideoLink } from './video-link';

/** A picture ready to store: encoded, with its thumbnail, and the video's time when it was taken (null: it had none). */
export interface CapturedFrame extends Pick<RecordingImage, 'type' | 'blob' | 'width' | 'height' | 'thumb' | 'thumbWidth' | 'thumbHeight'> {
  t: number | null;
  /** Drawn from the video, or cut from a capture of the tab. */
  source: 'video' | 'tab';
}

export type Capture = { ok: true; frame: CapturedFrame } | { ok: false; failure: FrameFailure };

type Answer = Extract<ToPanel, { type: 'frame' | 'layer' }>;

/** How long the video's page has to answer a request (ms): drawing and encoding a 1920 px frame takes well under a second. */
const ANSWER_TIMEOUT_MS = 5000;

/**
 * The content script's answers to this panel's requests, by the number each request carried. A
 * late or unasked answer is dropped.
 */
export class ContentAnswers {
  private next = 0;
  private readonly waiting = new Map<number, (answer: Answer | null) => void>();

  /** Sends a request numbered by `send`, and resolves to its answer of the same type, or null after `timeoutMs`. */
  ask<T extends Answer['type']>(type: T, send: (request: number) => void, timeoutMs = ANSWER_TIMEOUT_MS): Promise<Extract<Answer, { type: T }> | null> {
    const request = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(null), timeoutMs);
      const settle = (answer: Answer | null) => {
        clearTimeout(timer);
        this.waiting.delete(request);
        resolve(answer?.type === type ? (answer as Extract<Answer, { type: T }>) : null);
      };
      this.waiting.set(request, settle);
      send(request);
    });
  }

  receive(answer: Answer): void {
    this.waiting.get(answer.request)?.(answer);
  }
}

const failed = (reason: FrameFailureReason, detail?: string): Capture => ({ ok: false, failure: { reason, ...(detail ? { detail } : {}) } });

/** Takes the video's picture through `link` (see the module's comment). Never throws: a failure is a `Capture` too. */
export async function captureFrame(link: VideoLink, answers: ContentAnswers): Promise<Capture> {
  try {
    const answer = await answers.ask('frame', (request) => link.send({ type: 'take-frame', request }));
    if (!answer) return failed('no-answer');
    const { result } = answer;
    if (result.ok) return { ok: true, frame: await checkedFrame(dataUrlToBlob(result.image), result.t) };
    if (result.reason === 'no-picture') return failed('no-picture');
    if (result.reason === 'failed') return failed('failed', result.detail);
    if (!result.tabCapture) return failed(result.reason === 'tainted' ? 'in-frame' : 'protected');
    return await captureFromTab(link, answers);
  } catch (error) {
    return failed('failed', errorText(error));
  }
}

/**
 * The picture the content script sent (a frame, or a slide), read again here: WebP or JPEG by its
 * bytes, decodable, within the size limit, with its thumbnail made. Throws an Error saying what is wrong.
 */
export async function checkedFrame(sent: Blob, time: number | null): Promise<CapturedFrame> {
  const type = imageTypeOfBytes(new Uint8Array(await sent.slice(0, 16).arrayBuffer()));
  if (!type) throw new Error(t('panel_frameNotImage'));
  const blob = new Blob([sent], { type });
  const bitmap = await createImageBitmap(blob).catch(() => {
    throw new Error(t('panel_frameUnreadable'));
  });
  try {
    if (bitmap.width > MAX_FRAME_SIDE || bitmap.height > MAX_FRAME_SIDE) throw new Error(t('panel_frameTooLarge'));
    return { type, blob, width: bitmap.width, height: bitmap.height, ...(await thumbnail(bitmap, type)), t: time, source: 'video' };
  } finally {
    bitmap.close();
  }
}

async function thumbnail(source: ImageBitmap | OffscreenCanvas, type: ImageType): Promise<Pick<CapturedFrame, 'thumb' | 'thumbWidth' | 'thumbHeight'>> {
  const size = thumbSize(source);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = context2d(canvas);
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, size.width, size.height);
  return { thumb: await encodeCanvas(canvas, THUMB_QUALITY, type), thumbWidth: size.width, thumbHeight: size.height };
}

/** Hides our layer, has the background capture the tab, shows the layer again, and cuts the capture to the video. */
async function captureFromTab(link: VideoLink, answers: ContentAnswers): Promise<Capture> {
  const layer = (hidden: boolean) => answers.ask('layer', (request) => link.send({ type: 'hide-layer', request, hidden }));
  let before: Extract<Answer, { type: 'layer' }> | null = null;
  let after: Extract<Answer, { type: 'layer' }> | null = null;
  let shot: unknown;
  try {
    before = await layer(true);
    if (!before) return failed('no-answer');
    if (!before.place) return failed('offscreen');
    const request: PanelRequest = { type: 'capture-tab', ...(link.tabId >= 0 ? { tabId: link.tabId } : {}) };
    shot = await browser.runtime.sendMessage(request);
  } finally {
    // Shown again whatever happened; the content script also does so by itself after a while.
    after = await layer(false);
  }
  const capture = parseTabCapture(shot);
  if (!capture) return failed('failed', t('panel_tabNotCaptured'));
  if (!capture.ok) return failed(capture.reason, capture.detail);
  const place = before.place;
  if (!after?.place || !samePlace(place, after.place) || after.place.viewportWidth !== place.viewportWidth) return failed('moved');
  const bitmap = await createImageBitmap(dataUrlToBlob(capture.image));
  try {
    const crop = cropInCapture(place, { width: place.viewportWidth, height: place.viewportHeight }, bitmap);
    if (!crop) return failed('offscreen');
    return await encodedCrop(bitmap, crop, before.t);
  } finally {
    bitmap.close();
  }
}

/** `crop` of the tab capture, at most MAX_FRAME_SIDE a side, checked for black and encoded. */
async function encodedCrop(bitmap: ImageBitmap, crop: Rect, t: number | null): Promise<Capture> {
  const size = frameSize(crop);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = context2d(canvas);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, size.width, size.height);
  if (isNearlyBlack(probePixels(canvas), PROBE.width, PROBE.height)) return failed('protected');
  const blob = await encodeCanvas(canvas, FRAME_QUALITY);
  const type = blob.type as ImageType;
  return { ok: true, frame: { type, blob, ...size, ...(await thumbnail(canvas, type)), t, source: 'tab' } };
}
