import { useState } from 'preact/hooks';
import { plural, t } from '../../core/i18n';
import { soleVoice } from '../../core/captions/cue-at';
import { joinCueTexts, quoteOfCues } from '../../core/captions/quote';
import type { Cue, QaItem, Transcript } from '../../core/model';
import { speakerForVoice } from '../../core/people';
import { shorten } from '../../core/shorten';
import { formatTime } from '../../core/time';
import { errorText } from '../../core/error-text';
import { addAnswer } from '../../db/qa';
import type { NoteFromLines } from './Composer';
import { usePanel } from './panel-context';

interface Props {
  /** The selected lines, in order of start. */
  lines: Cue[];
  transcript: Transcript;
  questions: readonly QaItem[];
  onClear(): void;
  onNote(note: Omit<NoteFromLines, 'request'>): void;
}

/** How much of a question the answer choice shows, in code points. */
const QUESTION_PREVIEW = 80;

/**
 * What the selected lines can become: a note at the first line's time with the lines as its
 * quote, or an answer (the lines' text, their time span, the speaker their voice names) to a
 * question of the recording.
 */
export function TranscriptActions({ lines, transcript, questions, onClear, onNote }: Props) {
  const { speakers, toast } = usePanel();
  const [questionId, setQuestionId] = useState('');
  const first = lines[0]!;
  const start = first.start;
  const end = lines.reduce((latest, cue) => Math.max(latest, cue.end), start);
  const span = `${formatTime(start)}–${formatTime(end)}`;

  const note = () => {
    const taken = quoteOfCues(lines, transcript);
    if (!taken) return;
    onNote({ t: start, ...taken });
    onClear();
  };

  const answer = () => {
    const item = questions.find((question) => question.id === questionId);
    if (!item) {
      toast({ text: t('panel_chooseQuestionFirst') });
      return;
    }
    const speakerId = speakerForVoice(soleVoice(lines), speakers)?.id;
    addAnswer(item.id, { text: joinCueTexts(lines), t: start, ...(end > start ? { end } : {}), ...(speakerId ? { speakerId } : {}) }).then(
      ({ state }) => {
        if (state !== 'saved') {
          toast({ text: t('panel_linesQuestionDeleted') });
          return;
        }
        toast({ text: t('panel_answerAdded', shorten(item.question, 60)) });
        onClear();
      },
      (error: unknown) => toast({ text: t('panel_notSaved', errorText(error)) }),
    );
  };

  return (
    <div class="transcript-actions" role="group" aria-label={t('panel_selectedLines')}>
      <span>{plural('panel_selectedLinesSpan', lines.length, span)}</span>
      <button type="button" class="quiet" onClick={onClear}>
        {t('panel_clear')}
      </button>
      <button type="button" class="primary" onClick={note}>
        {t('panel_noteFromLines')}
      </button>
      {questions.length > 0 && (
        <span class="answer-from-lines">
          <label class="visually-hidden" for="answer-question">
            {t('panel_questionTheseLinesAnswer')}
          </label>
          <select id="answer-question" value={questionId} onChange={(event) => setQuestionId(event.currentTarget.value)}>
            <option value="">{t('panel_questionOption')}</option>
            {questions.map((question) => (
              <option key={question.id} value={question.id}>
                {shorten(question.question, QUESTION_PREVIEW)}
              </option>
            ))}
          </select>
          <button type="button" onClick={answer}>
            {t('panel_answerFromLines')}
          </button>
        </span>
      )}
    </div>
  );
}
