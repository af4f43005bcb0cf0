/**
 * Why a frame could not be attached, and what the panel says about it: one place for the words,
 * so the composer and a note's row say the same. A failed frame never touches the note.
 */
import { errorText } from './error-text';

export const FRAME_FAILURES = [
  /** The video has no picture yet: not started, still loading (readyState < HAVE_CURRENT_DATA), or audio only. */
  'no-picture',
  /** A cross-origin video without CORS taints the canvas, and the tab capture needs a permission we lack. */
  'needs-permission',
  /** A cross-origin video without CORS, inside another site's frame: a tab capture cannot be cropped to it. */
  'in-frame',
  /** The picture came out black from the video and from the tab: protected (EME), or black right now. */
  'protected',
  /** The tab capture would show none of the video: it is scrolled out of view. */
  'offscreen',
  /** The video's tab is not the one shown in its window: the browser captures only that one. */
  'not-active',
  /** The video moved or changed size while the tab was captured. */
  'moved',
  /** The video's page did not answer in time (it went away, or is busy). */
  'no-answer',
  /** Anything else; its detail says what. */
  'failed',
] as const;
export type FrameFailureReason = (typeof FRAME_FAILURES)[number];

export interface FrameFailure {
  reason: FrameFailureReason;
  /** The error's own words, for `failed`. */
  detail?: string;
}

/**
 * What the panel says when a frame could not be attached; `shortcut` names the frame shortcut's
 * keys where they are known. The note and its text are never affected.
 */
export function frameFailureText({ reason, detail }: FrameFailure, shortcut?: string): string {
  switch (reason) {
    case 'no-picture':
      return 'The video has no picture yet. Start it (or wait until it shows), then attach the frame.';
    case 'needs-permission':
      return `This video comes from a site that does not let other pages copy its picture, so Webinar Notes has to take a screenshot of the tab instead, with its own panel and buttons hidden. The browser allows that right after the frame shortcut${shortcut ? ` (${shortcut})` : ''}, or once you allow Webinar Notes to capture the tabs you are on.`;
    case 'in-frame':
      return 'This video does not let other pages copy its picture, and it plays inside another site’s frame, so a screenshot of the tab cannot be cut to it. No frame was attached.';
    case 'protected':
      return 'The video came out black, also in a screenshot of the tab: it is protected against copying, or black at this moment. No frame was attached.';
    case 'offscreen':
      return 'Scroll the video into view first: a screenshot of the tab shows only what is on screen.';
    case 'not-active':
      return 'Bring the video’s tab to the front first: the browser captures only the tab it shows.';
    case 'moved':
      return 'The video moved or changed size while the frame was taken. Try again.';
    case 'no-answer':
      return 'The video’s page did not answer. Try again; reload the page if it keeps happening.';
    case 'failed':
      return `The frame could not be taken${detail ? `: ${detail}` : ''}.`;
  }
}

/**
 * What the panel says when a frame was taken but not stored: the browser's quota for the
 * extension's data is used up (`QuotaExceededError`, as IndexedDB or Dexie names it), or another
 * failure. The note is saved apart, so its text is kept either way.
 */
export function imageNotStoredText(error: unknown): string {
  if (isQuotaError(error)) {
    return 'The frame was not stored: the browser has no room left for Webinar Notes’ data. Your note is kept. Delete the images of a recording in the library to make room.';
  }
  return `The frame was not stored: ${errorText(error)}. Your note is kept.`;
}

/** Whether `error` is a storage quota failure: the DOMException's name, or Dexie's wrapping of it (`inner`). */
export function isQuotaError(error: unknown): boolean {
  const named = (value: unknown) => typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'QuotaExceededError';
  return named(error) || named((error as { inner?: unknown } | null)?.inner);
}
