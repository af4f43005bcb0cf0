import type { ComponentChild } from 'preact';
import { t } from '../../core/i18n';
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
    <ul class="draft-offers" aria-label={t('panel_otherDrafts')}>
      {drafts.map((draft) => {
        const preview = shorten(draft.text, PREVIEW_CHARS);
        return (
          <li key={draft.panelId} class="draft-offer">
            <span class="draft-preview">
              {withElement((slot) => (draft.t === null ? t('panel_otherDraft', slot) : t('panel_otherDraftAt', formatTime(draft.t), slot)), <q>{preview}</q>)}
            </span>
            <button type="button" onClick={() => onUse(draft)} aria-label={t('panel_useOtherDraft', preview)}>
              {t('panel_useIt')}
            </button>
            <button type="button" class="quiet" onClick={() => onDiscard(draft)} aria-label={t('panel_discardOtherDraft', preview)}>
              {t('panel_discard')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Stands for the element in a message: a private-use character, which no message holds. */
const SLOT = '\uE000';

/**
 * A message with an element where one of its placeholders is (`make` fills that one with the
 * slot it is given): translators see the whole sentence, and the element may go anywhere in it.
 */
function withElement(make: (slot: string) => string, element: ComponentChild): ComponentChild[] {
  const [before, ...after] = make(SLOT).split(SLOT);
  return [before, element, after.join('')];
}
