import { useMemo, useState } from 'preact/hooks';
import { plural, t } from '../../core/i18n';
import type { Speaker } from '../../core/model';
import { parseQaPaste } from '../../core/qa-paste';
import { formatTime } from '../../core/time';
import { addQuestions } from '../../db/qa';
import type { RecordingInfo } from '../../db/recordings';
import { answererName } from '../../core/people';
import { FormError } from '../shared/FormError';
import { errorText } from '../../core/error-text';
import { useDebounced } from '../shared/use-debounced';

/** How long typing must pause before the preview splits the text again, in ms. */
export const PREVIEW_WAIT_MS = 250;

/** The items the user left unticked, by index into the split of `text`. */
interface Skips {
  text: string;
  skipped: ReadonlySet<number>;
}

/**
 * Paste a Q&A list from a forum thread, a registration export or an earlier summary, see how it
 * splits, leave out what is not wanted, save. Editing the text re-splits it once typing pauses
 * (a long paste takes a moment to split, and keys must not wait for it); saving always splits
 * the text as it is then, never a preview it has outrun.
 */
export function QaPaste({ recording, speakers, onDone }: { recording: RecordingInfo; speakers: readonly Speaker[]; onDone(): void }) {
  const [text, setText] = useState('');
  const previewText = useDebounced(text, PREVIEW_WAIT_MS);
  const [skips, setSkips] = useState<Skips>({ text: '', skipped: new Set() });
  const [message, setMessage] = useState<string | null>(null);
  const parsed = useMemo(() => parseQaPaste(previewText, speakers), [previewText, speakers]);
  // Ticks apply to the split they were made on: a new split starts with every item ticked.
  const skipped = skips.text === previewText ? skips.skipped : new Set<number>();
  const chosen = parsed.filter((_, i) => !skipped.has(i));

  const save = () => {
    const items = previewText === text ? chosen : parseQaPaste(text, speakers);
    addQuestions(
      recording,
      items.map((q) => ({
        question: q.question,
        ...(q.askedBy ? { askedBy: q.askedBy } : {}),
        ...(q.t !== undefined ? { t: q.t } : {}),
        answers: q.answers.map((a) => ({ text: a.text, ...(a.speakerId ? { speakerId: a.speakerId } : a.name ? { name: a.name } : {}) })),
      })),
    ).then(onDone, (error: unknown) => setMessage(errorText(error)));
  };

  return (
    <section class="qa-paste" aria-label={t('panel_pasteQaLabel')}>
      <label class="stack">
        {t('panel_pasteQaField')}
        <textarea
          rows={6}
          dir="auto"
          value={text}
          placeholder={t('panel_pasteQaPlaceholder')}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      {parsed.length > 0 && (
        <ol class="qa-preview" aria-label={t('panel_howTextSplits')}>
          {parsed.map((q, i) => (
            <li key={i} class={q.unsplit ? 'unsplit' : ''}>
              <label>
                <input
                  type="checkbox"
                  checked={!skipped.has(i)}
                  onChange={(event) => {
                    const next = new Set(skipped);
                    if (event.currentTarget.checked) next.delete(i);
                    else next.add(i);
                    setSkips({ text: previewText, skipped: next });
                  }}
                />{' '}
                <strong dir="auto">{q.question}</strong>
              </label>
              {q.unsplit && <p class="muted">{t('panel_couldNotSplit')}</p>}
              {q.timeProblem && <p class="muted">{q.timeProblem}</p>}
              <p class="muted">
                {[q.askedBy && t('panel_askedByLower', q.askedBy), q.t !== undefined && formatTime(q.t)].filter(Boolean).join(' · ')}
              </p>
              {q.answers.map((a, j) => (
                <p key={j} class="answer" dir="auto">
                  <strong>{answererName(speakers, a)}:</strong> {a.text}
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      <FormError message={message} />
      <div class="row-end">
        <button type="button" class="primary" disabled={chosen.length === 0} onClick={save}>
          {plural('panel_addQuestions', chosen.length)}
        </button>
      </div>
    </section>
  );
}
