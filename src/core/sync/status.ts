/**
 * What the settings page and the library say about sync, and when the next one runs. Pure: the
 * background keeps the status in the database (db/sync-status.ts) and asks `syncDue` on its alarm.
 */
import { plural, t, ui18n } from '../i18n';

/** What went wrong, in the user's terms (DavErrorKind, plus a server file sync cannot use). */
export type SyncFailureKind = 'offline' | 'credentials' | 'forbidden' | 'full' | 'missing' | 'server' | 'file' | 'permission' | 'passphrase' | 'local';

/** Failures only the user can mend: no timer tries again (servers lock accounts that keep failing). */
const WAITS_FOR_USER: readonly SyncFailureKind[] = ['credentials', 'permission', 'passphrase'];

/** What one sync did, as counts (db/sync.ts `SyncOutcome`): what its summary is said from. */
export interface SyncCounts {
  sent: number;
  /** `images`: pictures received (absent from a status kept before pictures travelled). */
  changedHere: { recordings: number; notes: number; qa: number; transcripts: number; images?: number; deleted: number };
  /** Picture files written to the server. */
  imagesSent?: number;
  /** Pictures listed on the server whose files could not be read yet (kept pending: nothing here lost). */
  imagesWaiting?: number;
  /** Sentences naming the server files written again from this device (said when the sync ran). */
  repaired: readonly string[];
}

export interface SyncStatus {
  /**
   * The last sync that finished: when, and what it changed: `counts`, said in the language shown
   * when it is read; `summary` is the sentence made when it ran (all a status from before the
   * counts were kept has).
   */
  last?: { at: number; summary: string; counts?: SyncCounts };
  /** The last attempt failed (cleared by the next that works): when, why (a sentence), how often in a row. */
  failure?: { at: number; kind: SyncFailureKind; message: string; count: number };
  /** When the last attempt started, successful or not. */
  tried?: number;
}

/** How often the background looks for work (a `chrome.alarms` period; Chrome's floor is 30 s). */
export const CHECK_EVERY_MINUTES = 1;
/** With no change here, how often the server is asked for changes made elsewhere. */
export const POLL_EVERY_MS = 15 * 60_000;
/** The longest wait after failures in a row. */
const MAX_BACKOFF_MS = 60 * 60_000;

/** When the next automatic try is: after a failure 1, 2, 4 … minutes, at most an hour; else the next poll. */
export function nextTryAt(status: SyncStatus): number | undefined {
  if (status.failure) return status.failure.at + Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** (status.failure.count - 1));
  return status.tried === undefined ? undefined : status.tried + POLL_EVERY_MS;
}

/**
 * Whether the alarm should sync now: something changed here (as soon as no failure holds it back),
 * or the poll is due. Wrong credentials, a missing permission or a wrong passphrase wait for the
 * user (a Test or Sync now), not for a timer: trying again cannot fix them.
 */
export function syncDue(status: SyncStatus, now: number, changedHere: boolean): boolean {
  if (status.failure && WAITS_FOR_USER.includes(status.failure.kind)) return false;
  const next = nextTryAt(status);
  if (status.failure) return next === undefined || now >= next;
  return changedHere || next === undefined || now >= next;
}

/** "2 notes, 3 pictures updated here, 3 files sent, 3 pictures sent." from what one sync did. */
export function outcomeSummary(outcome: SyncCounts): string {
  const { recordings, notes, qa, transcripts, images = 0, deleted } = outcome.changedHere;
  // Clauses, each one message, joined as a list: "2 notes, 1 question updated here, 3 files sent."
  const got = [
    notes && plural('sync_notes', notes),
    qa && plural('sync_questions', qa),
    recordings && plural('sync_recordings', recordings),
    transcripts && plural('sync_transcripts', transcripts),
    images && plural('sync_pictures', images),
  ].filter(Boolean);
  const parts = [
    got.length > 0 ? t('sync_updatedHere', got.join(', ')) : deleted > 0 ? '' : t('sync_nothingNew'),
    deleted > 0 ? plural('sync_deletedForGood', deleted) : '',
    plural('sync_filesSent', outcome.sent),
    outcome.imagesSent ? plural('sync_picturesSent', outcome.imagesSent) : '',
  ].filter(Boolean);
  const said = [`${parts.join(', ')}.`, outcome.imagesWaiting ? plural('sync_picturesWaiting', outcome.imagesWaiting) : '', ...outcome.repaired].filter(Boolean);
  return said.join(' ');
}

function clock(at: number): string {
  return ui18n().date(at, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The status as one or two sentences: the last sync, or why the last try failed and when the next is. */
export function statusText(status: SyncStatus | undefined, configured: boolean): string {
  if (!configured) return t('sync_notSetUp');
  if (!status || (!status.last && !status.failure)) return t('sync_notYet');
  const last = status.last ? t('sync_lastSynced', clock(status.last.at), status.last.counts ? outcomeSummary(status.last.counts) : status.last.summary) : t('sync_neverSynced');
  if (!status.failure) return last;
  const { failure } = status;
  const next = WAITS_FOR_USER.includes(failure.kind) ? t('sync_waitsForUser') : t('sync_nextTry', clock(nextTryAt(status)!));
  return status.last ? t('sync_failedAfterLast', clock(failure.at), failure.message, next, last) : t('sync_failed', clock(failure.at), failure.message, next);
}
