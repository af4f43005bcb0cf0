/**
 * Automatic backup files: when one is due, what it is called, and when writing one would add
 * nothing. Pure: the background (src/background/auto-backup.ts) reads the clock and the database.
 *
 * The files go to the user's Downloads folder, outside the extension: uninstalling the extension
 * deletes its database, not these files, and importing one brings everything back.
 */
import { t, type MessageKey } from './i18n';
import { isTimestamp } from './time';

export const AUTO_BACKUP_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type AutoBackupFrequency = (typeof AUTO_BACKUP_FREQUENCIES)[number];

export const BACKUP_FOLDER = 'Webinar Notes backups';

const HOUR = 60 * 60 * 1000;
const PERIOD: Record<Exclude<AutoBackupFrequency, 'off'>, number> = { daily: 24 * HOUR, weekly: 7 * 24 * HOUR };

/** What the database holds, enough to tell whether it changed since a backup. */
export interface DataSummary {
  /** Recordings, notes and Q&A items, trashed ones included. */
  records: number;
  /** The newest `updatedAt` among them (0 when there are none). */
  lastChange: number;
}

/** Kept in the database's `settings` table under its own key; device-local like the settings. */
export interface AutoBackupState {
  /** The last backup file written (automatically or with "Back up now"). */
  last?: { at: number; file: string; records: number };
  /** Why the latest attempt failed; cleared by the next file written. */
  failure?: { at: number; message: string };
}

/** The path under Downloads, named by the local date: `Webinar Notes backups/webinar-notes-2026-11-12.json`. */
export function backupFilePath(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${BACKUP_FOLDER}/webinar-notes-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** The file's own name from the full path a browser reports (either slash). */
export function fileNameOf(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

export type BackupDecision =
  | { write: true }
  | { write: false; reason: 'off' | 'not-due' | 'empty' | 'unchanged' };

/**
 * Whether to write a file now. A scheduled check writes when the period has passed since the last
 * file, unless the file would hold the same as the last one: no record changed after it was
 * written and the count is the same (an import can add records older than the last file).
 * "Back up now" (`manual`) writes whenever there is something to back up: the user asked, and may
 * have lost the last file. Neither writes an empty database.
 */
export function backupDecision(input: {
  frequency: AutoBackupFrequency;
  state: AutoBackupState;
  data: DataSummary;
  now: number;
  manual?: boolean;
}): BackupDecision {
  const { frequency, state, data, now, manual = false } = input;
  if (!manual) {
    if (frequency === 'off') return { write: false, reason: 'off' };
    if (state.last && now - state.last.at < PERIOD[frequency]) return { write: false, reason: 'not-due' };
  }
  if (data.records === 0) return { write: false, reason: 'empty' };
  if (!manual && state.last && data.lastChange <= state.last.at && data.records === state.last.records) {
    return { write: false, reason: 'unchanged' };
  }
  return { write: true };
}

/** Stored state as it is, with anything malformed dropped. */
export function autoBackupStateFrom(stored: unknown): AutoBackupState {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const record = (x: unknown) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {});
  const count = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  const state: AutoBackupState = {};
  const last = record(value.last);
  if (isTimestamp(last.at) && typeof last.file === 'string') {
    state.last = { at: last.at, file: last.file, records: count(last.records) ? (last.records as number) : 0 };
  }
  const failure = record(value.failure);
  if (isTimestamp(failure.at) && typeof failure.message === 'string') state.failure = { at: failure.at, message: failure.message };
  return state;
}

/** Chrome's and Firefox's download interrupt reasons, as sentences a user can act on. */
const INTERRUPT_REASONS: Readonly<Record<string, MessageKey>> = {
  FILE_NO_SPACE: 'autoBackup_whyNoSpace',
  FILE_ACCESS_DENIED: 'autoBackup_whyAccessDenied',
  FILE_NAME_TOO_LONG: 'autoBackup_whyNameTooLong',
  FILE_TOO_LARGE: 'autoBackup_whyTooLarge',
  FILE_BLOCKED: 'autoBackup_whyBlocked',
  FILE_VIRUS_INFECTED: 'autoBackup_whyVirus',
  FILE_SECURITY_CHECK_FAILED: 'autoBackup_whySecurityCheck',
  FILE_TRANSIENT_ERROR: 'autoBackup_whyBusy',
  USER_CANCELED: 'autoBackup_whyCancelled',
  USER_SHUTDOWN: 'autoBackup_whyShutdown',
  CRASH: 'autoBackup_whyCrash',
};

export function downloadFailureText(reason: string | undefined): string {
  const known = reason && Object.hasOwn(INTERRUPT_REASONS, reason) ? INTERRUPT_REASONS[reason] : undefined;
  const why = known ? t(known) : reason ? t('autoBackup_whyOther', reason) : t('autoBackup_whyUnknown');
  return t('autoBackup_notWritten', why);
}
