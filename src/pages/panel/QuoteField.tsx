import { t } from '../../core/i18n';
import type { Quote } from '../../core/model';
import { formatTime } from '../../core/time';

interface Props {
  /** Distinguishes this field's label and box from another on the page (the composer's, an edit's). */
  id: string;
  quote: Quote;
  /** The quote with its text trimmed, or null when it is dropped. */
  onChange(next: Quote | null): void;
}

/**
 * The quote a note keeps, as it will be saved: its time span and its text in a box the user can
 * trim, and a button that drops it. The text is the box's value, never markup.
 */
export function QuoteField({ id, quote, onChange }: Props) {
  const span = `${formatTime(quote.start)}–${formatTime(quote.end)}`;
  return (
    <div class="quote-field">
      <div class="quote-bar">
        <label for={id} class="muted">
          {t('panel_quoteSpan', span)}
        </label>
        <button type="button" class="quiet" onClick={() => onChange(null)}>
          {t('panel_dropQuote')}
        </button>
      </div>
      <textarea id={id} class="quote-text" rows={2} dir="auto" value={quote.text} onInput={(event) => onChange({ ...quote, text: event.currentTarget.value })} />
    </div>
  );
}
