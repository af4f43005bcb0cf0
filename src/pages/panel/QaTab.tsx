import { useRef, useState } from 'preact/hooks';
import { plural, t } from '../../core/i18n';
import type { Note, QaAnswer, QaItem, Speaker } from '../../core/model';
import { shorten } from '../../core/shorten';
import { formatTime, spanProblem } from '../../core/time';
import { addAnswer, addQuestions, restoreQuestion, setNoteLink, trashQuestion } from '../../db/qa';
import { byAsked } from '../../core/records';
import { withEdited } from '../shared/keep-edited';
import type { RecordingInfo } from '../../db/recordings';
import { QaPaste } from './QaPaste';
import { SpeakerSelect } from './SpeakerSelect';
import { answererName } from '../../core/people';
import { FormError } from '../shared/FormError';
import { FEEDBACK, failedText } from '../../core/feedback-text';
import { errorText } from '../../core/error-text';
import { usePanel } from './panel-context';

interface Props {
  /** The recording playing (the panel's, never null here). */
  recording: RecordingInfo;
  items: readonly QaItem[];
  notes: readonly Note[];
}

/** Questions asked in the webinar, who answered and what they said. */
export function QaTab({ recording, items: list, notes }: Props) {
  const { speakers, seek, toast } = usePanel();
  const [pasting, setPasting] = useState(false);
  const [answeringId, setAnsweringId] = useState<string | null>(null);
  const lastAnswered = useRef<QaItem | null>(null);
  // A question trashed elsewhere while it is being answered stays listed until its form closes.
  const shown = withEdited(list, answeringId, lastAnswered, byAsked);
  const answered = list.filter((item) => item.answers.length > 0).length;

  const remove = (item: QaItem) => {
    trashQuestion(item.id).then(
      () => toast({ text: FEEDBACK.questionTrashed.done, undo: () => restoreQuestion(item.id) }),
      (error: unknown) => toast({ text: failedText('questionTrashed', error) }),
    );
  };

  return (
    <div class="tab-body qa">
      <p class="muted qa-count">
        {list.length === 0 ? t('panel_noQuestionsYet') : plural('panel_qaCount', list.length, answered, list.length - answered)}
      </p>
      <AskForm recording={recording} />
      <div class="row-end">
        <button type="button" class="quiet" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
          {t(pasting ? 'panel_closePasting' : 'panel_pasteQa')}
        </button>
      </div>
      {pasting && <QaPaste recording={recording} speakers={speakers} onDone={() => setPasting(false)} />}
      <ol class="qa-list">
        {shown.map((item) => (
          <QaCard
            key={item.id}
            item={item}
            answering={item.id === answeringId}
            answerLocked={answeringId !== null && item.id !== answeringId}
            setAnswering={(answering) => setAnsweringId(answering ? item.id : null)}
            speakers={speakers}
            notes={notes}
            seek={seek}
            onDelete={() => remove(item)}
          />
        ))}
      </ol>
    </div>
  );
}

function AskForm({ recording }: { recording: RecordingInfo }) {
  const { readTime } = usePanel();
  const [question, setQuestion] = useState('');
  const [askedBy, setAskedBy] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      class="stack"
      aria-label={t('panel_addQuestionForm')}
      onSubmit={(event) => {
        event.preventDefault();
        const now = readTime();
        // Asked by no one named: no name is stored (a word of ours stored there would be in the
        // language shown today, and every summary, in any language, would print it as a name).
        addQuestions(recording, [{ question, ...(askedBy.trim() ? { askedBy } : {}), ...(now === null ? {} : { t: now }) }]).then(
          () => {
            setQuestion('');
            setAskedBy('');
            setMessage(null);
          },
          // The write checks the form (e.g. "A question needs some text."): its words are the message.
          (error: unknown) => setMessage(errorText(error)),
        );
      }}
    >
      <label>
        {t('panel_question')} <textarea rows={2} dir="auto" value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />
      </label>
      <label>
        {t('panel_askedBy')} <input type="text" placeholder={t('panel_askedByOptional')} value={askedBy} onInput={(e) => setAskedBy(e.currentTarget.value)} />
      </label>
      <FormError message={message} />
      <div class="row-end">
        <button type="submit" class="primary">
          {t('panel_addQuestion')}
        </button>
      </div>
    </form>
  );
}

interface CardProps {
  item: QaItem;
  /** Held by the tab, so the form stays while its question is trashed elsewhere. */
  answering: boolean;
  setAnswering(answering: boolean): void;
  /** Another question's answer form is open: one at a time, so switching never drops a typed answer. */
  answerLocked: boolean;
  speakers: readonly Speaker[];
  notes: readonly Note[];
  seek(t: number): void;
  onDelete(): void;
}

function QaCard({ item, answering, setAnswering, answerLocked, speakers, notes, seek, onDelete }: CardProps) {
  const linked = notes.filter((note) => note.qaIds?.includes(item.id));
  // Another person's note cannot be linked here: that changes it (core/sync/team.ts readOnlyProblem).
  const unlinked = notes.filter((note) => !note.author && !note.qaIds?.includes(item.id));
  const { toast } = usePanel();
  const who = (answer: QaAnswer) => answererName(speakers, answer);
  return (
    <li class="qa-item" data-qa-id={item.id}>
      <p class="question" dir="auto">
        {item.question}
      </p>
      <p class="qa-meta muted">
        {item.askedBy && <span>{t('panel_askedByName', item.askedBy)}</span>}
        {item.t !== undefined && (
          <button type="button" class="link-like" onClick={() => seek(item.t as number)} aria-label={t('panel_playAsked', formatTime(item.t))}>
            {formatTime(item.t)}
          </button>
        )}
        <span class={item.answers.length > 0 ? 'badge answered' : 'badge'}>{t(item.answers.length > 0 ? 'panel_answered' : 'panel_unanswered')}</span>
      </p>
      <ul class="answers">
        {item.answers.map((answer, index) => (
          <li key={index} class="answer">
            {answer.t !== undefined && (
              <button type="button" class="link-like time" onClick={() => seek(answer.t as number)} aria-label={t('panel_playAnswer', formatTime(answer.t))}>
                {formatTime(answer.t)}
                {answer.end !== undefined ? `–${formatTime(answer.end)}` : ''}
              </button>
            )}
            <span dir="auto">
              <strong>{who(answer)}:</strong> {answer.text}
            </span>
          </li>
        ))}
      </ul>
      {linked.length > 0 && (
        <ul class="linked-notes" aria-label={t('panel_notesOnQuestion')}>
          {linked.map((note) => (
            <li key={note.id}>
              <button type="button" class="link-like" onClick={() => seek(note.t)}>
                {formatTime(note.t)}
              </button>{' '}
              <span dir="auto">{shorten(note.text, 60)}</span>{' '}
              <button type="button" class="quiet" onClick={() => setNoteLink(note.id, item.id, false).catch((error: unknown) => toast({ text: failedText('noteUnlinked', error) }))} aria-label={t('panel_unlinkNoteAt', formatTime(note.t))}>
                {t('panel_unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Another person's question in a team folder: only their files change it (core/sync/team.ts). */}
      {item.author ? (
        <p class="muted">{t('sync_teamReadOnly', item.author.name)}</p>
      ) : answering ? (
        <AnswerForm item={item} speakers={speakers} onDone={() => setAnswering(false)} />
      ) : (
        <div class="qa-actions">
          <button
            type="button"
            onClick={() => setAnswering(true)}
            disabled={answerLocked}
            title={answerLocked ? t('panel_answerLocked') : undefined}
          >
            {t('panel_addAnswer')}
          </button>
          {unlinked.length > 0 && (
            <select
              aria-label={t('panel_linkNoteLabel')}
              value=""
              onChange={(event) => {
                const id = event.currentTarget.value;
                if (id) setNoteLink(id, item.id, true).catch((error: unknown) => toast({ text: failedText('noteLinked', error) }));
              }}
            >
              <option value="">{t('panel_linkNoteOption')}</option>
              {unlinked.map((note) => (
                <option key={note.id} value={note.id}>
                  {formatTime(note.t)} {shorten(note.text, 40)}
                </option>
              ))}
            </select>
          )}
          <button type="button" class="quiet" onClick={onDelete} aria-label={t('panel_deleteQuestion', shorten(item.question, 40))}>
            {t('panel_delete')}
          </button>
        </div>
      )}
    </li>
  );
}

function AnswerForm({ item, speakers, onDone }: { item: QaItem; speakers: readonly Speaker[]; onDone(): void }) {
  const { readTime } = usePanel();
  const [speakerId, setSpeakerId] = useState<string | undefined>(speakers[0]?.id);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // The answer starts when the user starts writing it down.
  const [startedAt] = useState(() => readTime());
  return (
    <form
      class="stack answer-form"
      aria-label={t('panel_addAnswerForm')}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') {
          setMessage(t('panel_answerNeedsText'));
          return;
        }
        const end = readTime();
        const answer: QaAnswer = {
          text: text.trim(),
          ...(speakerId ? { speakerId } : name.trim() ? { name: name.trim() } : {}),
          ...(startedAt !== null ? { t: startedAt } : {}),
          ...(startedAt !== null && end !== null && spanProblem(startedAt, end) === null ? { end } : {}),
        };
        addAnswer(item.id, answer).then(
          (outcome) => {
            if (outcome.state === 'saved') onDone();
            else setMessage(t(outcome.state === 'trashed' ? 'panel_answerQuestionTrashed' : 'panel_answerQuestionDeleted'));
          },
          // The write checks the answer (e.g. "An answer needs some text."): its words are the message.
          (error: unknown) => setMessage(errorText(error)),
        );
      }}
    >
      {speakers.length > 0 && (
        <SpeakerSelect id={`answer-speaker-${item.id}`} label={t('panel_answeredBy')} speakers={speakers} value={speakerId} onChange={setSpeakerId} none={t('panel_someoneElse')} />
      )}
      {!speakerId && (
        <label>
          {t('panel_name')} <input type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
      )}
      <label>
        {t('panel_answer')} <textarea rows={3} dir="auto" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <FormError message={message} />
      <div class="row-end">
        <span class="muted" role="status">
          {startedAt !== null ? t('panel_answerFrom', formatTime(startedAt)) : ''}
        </span>
        <button type="button" class="quiet" onClick={onDone}>
          {t('panel_cancel')}
        </button>
        <button type="submit" class="primary">
          {t('panel_saveAnswer')}
        </button>
      </div>
    </form>
  );
}
