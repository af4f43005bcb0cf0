import type { Draft } from '../../core/model';
import { shorten } from '../../core/shorten';
import { formatTime } from '../../core/time';

/** How much of an offered draft is shown: enough to recognise it. */
const PREVIEW_CHARS = 80;

interface Props {
  /** Other panels' drafts of this recording (another tab, a closed or crashed one), newest first. */
  drafts: Draft[];
  onUse(draft: Draft): void;
  onDiscard(draft: Draft): void;
}

/**
 * Drafts of this video typed elsewhere: offered, never merged into the composer on their own and
 * never dropped unless the user says so.
 */
export function DraftOffers({ drafts, onUse, onDiscard }: Props) {
  return (
    <ul class="draft-offers" aria-label="Other drafts for this video">
      {drafts.map((draft) => {
        const preview = shorten(draft.text, PREVIEW_CHARS);
        return (
          <li key={draft.panelId} class="draft-offer">
            <span class="draft-preview">
              Another draft for this video{draft.t === null ? '' : `, at ${formatTime(draft.t)}`}: <q>{preview}</q>
            </span>
            <button type="button" onClick={() => onUse(draft)} aria-label={`Use the other draft: ${preview}`}>
              Use it
            </button>
            <button type="button" class="quiet" onClick={() => onDiscard(draft)} aria-label={`Discard the other draft: ${preview}`}>
              Discard
            </button>
          </li>
        );
      })}
    </ul>
  );
}
