import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_QUOTE_WINDOW_SECONDS, MIN_QUOTE_WINDOW_SECONDS } from '../../core/captions/limits';
import { errorText } from '../../core/error-text';
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
      (count) => toast({ text: count === 1 ? 'Deleted 1 transcript.' : `Deleted ${count.toLocaleString()} transcripts.` }),
      (error: unknown) => toast({ text: `Not deleted: ${errorText(error)}.` }),
    );
  };

  return (
    <section aria-labelledby="captions-heading">
      <h2 id="captions-heading">Quotes and transcripts</h2>
      <p class="muted">
        Taken from the captions the player shows (turn them on in the player), never downloaded by the extension; kept only in
        this browser.
      </p>
      <label class="row">
        <input type="checkbox" checked={value.captureQuotes} onChange={(event) => change({ captureQuotes: event.currentTarget.checked })} />
        <span>Keep a quote with each note</span>
      </label>
      <label class="row">
        <span>
          Quote starts <span class="muted">(seconds before the note)</span>
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
            setWindowError(
              valid ? null : `The quote starts a whole number of seconds before the note, from ${MIN_QUOTE_WINDOW_SECONDS} to ${MAX_QUOTE_WINDOW_SECONDS}.`,
            );
            if (valid) change({ quoteWindowSeconds: n });
          }}
        />
      </label>
      <FormError message={windowError} />
      <label class="row">
        <input type="checkbox" checked={value.keepTranscripts} onChange={(event) => change({ keepTranscripts: event.currentTarget.checked })} />
        <span>
          Keep transcripts <span class="muted">(the captions seen, stored with the recording for the Transcript tab)</span>
        </span>
      </label>
      <label class="row">
        <input type="checkbox" checked={value.keepSlides} onChange={(event) => change({ keepSlides: event.currentTarget.checked })} />
        <span>
          Keep slides automatically <span class="muted">(each new slide of a video, as a picture with the recording; each panel can turn it off)</span>
        </span>
      </label>
      <p class="backup-actions">
        {confirming ? (
          <span class="confirm" role="group" aria-label="Confirm deleting all transcripts">
            <span>Delete every stored transcript? Notes keep their quotes.</span>
            <button type="button" class="danger" onClick={deleteAll}>
              Delete them
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
              Keep them
            </button>
          </span>
        ) : (
          <button type="button" ref={ask} onClick={() => setConfirming(true)}>
            Delete all transcripts…
          </button>
        )}
      </p>
    </section>
  );
}
