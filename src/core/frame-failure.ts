/**
 * Why a frame could not be attached, and what the panel says about it: one place for the words,
 * so the composer and a note's row say the same. A failed frame never touches the note.
 */
import { errorText } from './error-text';
import { t } from './i18n';

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
      return t('frame_noPicture');
    case 'needs-permission':
      return shortcut ? t('frame_needsPermissionShortcut', shortcut) : t('frame_needsPermission');
    case 'in-frame':
      return t('frame_inFrame');
    case 'protected':
      return t('frame_protected');
    case 'offscreen':
      return t('frame_offscreen');
    case 'not-active':
      return t('frame_notActive');
    case 'moved':
      return t('frame_moved');
    case 'no-answer':
      return t('frame_noAnswer');
    case 'failed':
      return detail ? t('frame_failedDetail', detail) : t('frame_failed');
  }
}

/**
 * What the panel says when a frame was taken but not stored: the browser's quota for the
 * extension's data is used up (`QuotaExceededError`, as IndexedDB or Dexie names it), or another
 * failure. The note is saved apart, so its text is kept either way.
 */
export function imageNotStoredText(error: unknown): string {
  if (isQuotaError(error)) {
    return t('frame_notStoredQuota');
  }
  return t('frame_notStored', errorText(error));
}

/** Whether `error` is a storage quota failure: the DOMException's name, or Dexie's wrapping of it (`inner`). */
export function isQuotaError(error: unknown): boolean {
  const named = (value: unknown) => typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'QuotaExceededError';
  return named(error) || named((error as { inner?: unknown } | null)?.inner);
}
