/**
 * What the pages say after a user's action: the same action has the same words on every page
 * (panel, library, options). A page shows the done text in its toast, with Undo where the action
 * can be undone, and `failedText` when the write rejected; a write's failure is never swallowed.
 * An action whose result shows on the page itself (a link, a removed speaker) has no done text.
 */
import { errorText } from './error-text';

/** The words of one action: what is said when it is done, and the start of its failure. */
export interface ActionWords {
  /** Shown when the write succeeded, e.g. "Note moved to the trash.". */
  done?: string;
  /** The failure's first words, before ": <error>", e.g. "Not deleted". */
  failed: string;
}

export const FEEDBACK = {
  noteTrashed: { done: 'Note moved to the trash.', failed: 'Not deleted' },
  questionTrashed: { done: 'Question moved to the trash.', failed: 'Not deleted' },
  restored: { failed: 'Not restored' },
  undone: { failed: 'Not undone' },
  noteLinked: { failed: 'Not linked' },
  noteUnlinked: { failed: 'Not unlinked' },
  speakerRemoved: { failed: 'Not removed' },
  saved: { done: 'Saved.', failed: 'Not saved' },
  trashEmptied: { failed: 'The trash was not emptied' },
  frameDeleted: { done: 'Frame deleted.', failed: 'Not deleted' },
  imagesDeleted: { failed: 'The images were not deleted' },
} as const satisfies Record<string, ActionWords>;

export type FeedbackAction = keyof typeof FEEDBACK;

/** The failure of `action` for people: "Not deleted: <the error's text>". */
export function failedText(action: FeedbackAction, error: unknown): string {
  return `${FEEDBACK[action].failed}: ${errorText(error)}`;
}

/** A trashed note or question came back: "Note restored to “<where>”.". */
export function restoredText(kind: 'note' | 'qa', where: string): string {
  return `${kind === 'note' ? 'Note' : 'Question'} restored to “${where}”.`;
}

/** The trash was emptied: "3 items deleted for good." (`count` is the number of records deleted). */
export function emptiedText(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'item' : 'items'} deleted for good.`;
}

/** Letting the extension run on a site, or stopping it, failed: "<host> could not be removed: <error>". */
export function siteFailedText(host: string, change: 'added' | 'removed', error: unknown): string {
  return `${host} could not be ${change}: ${errorText(error)}`;
}

/** A recording's pictures were deleted: "3 images deleted for good." */
export function imagesDeletedText(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'image' : 'images'} deleted for good.`;
}
