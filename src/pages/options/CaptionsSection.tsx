import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_QUOTE_WINDOW_SECONDS, MIN_QUOTE_WINDOW_SECONDS } from '../../core/captions/limits';
import { errorText } from '../../core/error-text';
import { plural, t } from '../../core/i18n';
import { isQuoteWindow, type Settings } from '../../core/settings';
import { deleteAllTranscripts } from '../../db/transcripts';
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
  const [confirming, setConfirming] = useState(false);
  // The safe answer takes focus (Enter must not delete); answered, focus returns to the button.
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (answered.current) ask.current?.focus();
  }, [confirming]);

  const deleteAll = () => {
    answered.current = true;
    setConfirming(false);
    deleteAllTranscripts().then(
      (count) => toast({ text: plural('options_transcriptsDeleted', count) }),
      (error: unknown) => toast({ text: t('options_transcriptsNotDeleted', errorText(error)) }),
    );
  };

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
        {confirming ? (
          <span class="confirm" role="group" aria-label={t('options_confirmDeleteTranscripts')}>
            <span>{t('options_deleteTranscriptsQuestion')}</span>
            <button type="button" class="danger" onClick={deleteAll}>
              {t('options_deleteThem')}
            </button>
            <button
              type="button"
              class="quiet"
              ref={keep}
              onClick={() => {
                answered.current = true;
                setConfirming(false);
              }}
            >
              {t('options_keepThem')}
            </button>
          </span>
        ) : (
          <button type="button" ref={ask} onClick={() => setConfirming(true)}>
            {t('options_deleteAllTranscripts')}
          </button>
        )}
      </p>
    </section>
  );
}
