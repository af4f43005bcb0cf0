/**
 * What the pages say after a user's action: the same action has the same words on every page
 * (panel, library, options). A page shows the done text in its toast, with Undo where the action
 * can be undone, and `failedText` when the write rejected; a write's failure is never swallowed.
 * An action whose result shows on the page itself (a link, a removed speaker) has no done text.
 */
import { errorText } from './error-text';
import { plural, t, type MessageKey } from './i18n';

/** The words of one action: what is said when it is done, and its failure's message. */
export interface ActionWords {
  /** Shown when the write succeeded, e.g. "Note moved to the trash.", in the pages' language. */
  readonly done?: string;
  /** The failure's message, "Not deleted: $ERROR$" (one placeholder, the error's text): see `failedText`. */
  readonly failedKey: MessageKey;
}

/** Each action's words; `done` is a getter, so it is read in the language shown at the time. */
export const FEEDBACK = {
  noteTrashed: { get done() { return t('feedback_noteTrashedDone'); }, failedKey: 'feedback_notDeletedFailed' },
  questionTrashed: { get done() { return t('feedback_questionTrashedDone'); }, failedKey: 'feedback_notDeletedFailed' },
  restored: { failedKey: 'feedback_notRestoredFailed' },
  undone: { failedKey: 'feedback_notUndoneFailed' },
  noteLinked: { failedKey: 'feedback_notLinkedFailed' },
  noteUnlinked: { failedKey: 'feedback_notUnlinkedFailed' },
  speakerRemoved: { failedKey: 'feedback_notRemovedFailed' },
  saved: { get done() { return t('feedback_savedDone'); }, failedKey: 'feedback_notSavedFailed' },
  trashEmptied: { failedKey: 'feedback_trashNotEmptiedFailed' },
  frameDeleted: { get done() { return t('feedback_frameDeletedDone'); }, failedKey: 'feedback_notDeletedFailed' },
  imagesDeleted: { failedKey: 'feedback_imagesNotDeletedFailed' },
} as const satisfies Record<string, ActionWords>;

export type FeedbackAction = keyof typeof FEEDBACK;

/** The failure of `action` for people: "Not deleted: <the error's text>". */
export function failedText(action: FeedbackAction, error: unknown): string {
  return t(FEEDBACK[action].failedKey, errorText(error));
}

/** A trashed note or question came back: "Note restored to “<where>”.". */
export function restoredText(kind: 'note' | 'qa', where: string): string {
  return t(kind === 'note' ? 'feedback_noteRestored' : 'feedback_questionRestored', where);
}

/** The trash was emptied: "3 items deleted for good." (`count` is the number of records deleted). */
export function emptiedText(count: number): string {
  return plural('feedback_itemsDeletedForGood', count);
}

/** Letting the extension run on a site, or stopping it, failed: "<host> could not be removed: <error>". */
export function siteFailedText(host: string, change: 'added' | 'removed', error: unknown): string {
  return t(change === 'added' ? 'feedback_siteNotAdded' : 'feedback_siteNotRemoved', host, errorText(error));
}

/** A recording's pictures were deleted: "3 images deleted for good." */
export function imagesDeletedText(count: number): string {
  return plural('feedback_imagesDeletedForGood', count);
}
