import { useState } from 'preact/hooks';
import { MAX_QUOTE_WINDOW_SECONDS, MIN_QUOTE_WINDOW_SECONDS } from '../../core/captions/limits';
import { errorText } from '../../core/error-text';
import { plural, t } from '../../core/i18n';
import { isQuoteWindow, type Settings } from '../../core/settings';
import { deleteAllTranscripts } from '../../db/transcripts';
import { ConfirmButton } from '../shared/ConfirmButton';
import { FormError } from '../shared/FormError';
import type { Toast } from '../shared/toast';

interface Props {
  value: Settings;
  change(changes: Partial<Settings>): void;
  toast(toast: Toast): void;
}

/** Quotes and transcripts: whether notes keep a quote, its window, whether captions are stored, and deleting them all. */
export function CaptionsSection({ value, change, toast }: Props) {
  const [windowError, setWindowError] = useState<string | null>(null);

  const deleteAll = () =>
    deleteAllTranscripts().then(
      (count) => toast({ text: plural('options_transcriptsDeleted', count) }),
      (error: unknown) => {
        toast({ text: t('options_transcriptsNotDeleted', errorText(error)) });
        throw error;
      },
    );

  return (
    <section aria-labelledby="captions-heading">
      <h2 id="captions-heading">{t('options_captionsHeading')}</h2>
      <p class="muted">{t('options_captionsHint')}</p>
      <label class="row">
        <input type="checkbox" checked={value.captureQuotes} onChange={(event) => change({ captureQuotes: event.currentTarget.checked })} />
        <span>{t('options_captureQuotes')}</span>
      </label>
      <label class="row">
        <span>
          {t('options_quoteWindow')} <span class="muted">{t('options_quoteWindowHint')}</span>
        </span>
        <input
          type="number"
          min={MIN_QUOTE_WINDOW_SECONDS}
          max={MAX_QUOTE_WINDOW_SECONDS}
          step={1}
          value={value.quoteWindowSeconds}
          onChange={(event) => {
            const n = event.currentTarget.valueAsNumber;
            const valid = isQuoteWindow(n);
            setWindowError(valid ? null : t('options_quoteWindowInvalid', MIN_QUOTE_WINDOW_SECONDS, MAX_QUOTE_WINDOW_SECONDS));
            if (valid) change({ quoteWindowSeconds: n });
          }}
        />
      </label>
      <FormError message={windowError} />
      <label class="row">
        <input type="checkbox" checked={value.keepTranscripts} onChange={(event) => change({ keepTranscripts: event.currentTarget.checked })} />
        <span>
          {t('options_keepTranscripts')} <span class="muted">{t('options_keepTranscriptsHint')}</span>
        </span>
      </label>
      <label class="row">
        <input type="checkbox" checked={value.keepSlides} onChange={(event) => change({ keepSlides: event.currentTarget.checked })} />
        <span>
          {t('options_keepSlides')} <span class="muted">{t('options_keepSlidesHint')}</span>
        </span>
      </label>
      <p class="backup-actions">
        <ConfirmButton
          label={t('options_deleteAllTranscripts')}
          groupLabel={t('options_confirmDeleteTranscripts')}
          question={t('options_deleteTranscriptsQuestion')}
          confirmLabel={t('options_deleteThem')}
          keepLabel={t('options_keepThem')}
          onConfirm={deleteAll}
        />
      </p>
    </section>
  );
}
