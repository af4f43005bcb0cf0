import { useMemo, useRef, useState } from 'preact/hooks';
import { exportTitle } from '../../core/export/input';
import type { Note, Recording } from '../../core/model';
import { byTime, liveNotes, liveQa } from '../../core/records';
import { answererName, linkedSpeakerName } from '../../core/people';
import { formatTime } from '../../core/time';
import { loadSettings } from '../../db/settings';
import { restoreNote, trashNote } from '../../db/notes';
import { RecordingDetails } from '../shared/RecordingDetails';
import { SummaryView } from '../shared/SummaryView';
import type { Toast } from '../shared/toast';
import { useLiveQuery } from '../shared/live-query';
import { TagEditor, TagList } from '../shared/TagEditor';
import { VirtualList } from '../shared/VirtualList';
import { withEdited } from '../shared/keep-edited';
import { OpenAt } from './OpenAt';
import { useRecords } from './use-records';
import { SiteBadge } from './SiteBadge';
import { TranscriptList } from './TranscriptList';
import { ImageSpace } from './ImageSpace';
import { FEEDBACK, failedText } from '../../core/feedback-text';
import { ToastBar } from '../shared/ToastBar';
import { t, ui18n } from '../../core/i18n';

interface Props {
  recording: Recording;
  /** Its pictures and the bytes they take, from its kept counts. */
  images: number;
  imageBytes: number;
}

const NONE = { notes: [], qa: [] } as const;

/** One recording: its notes and questions, its details, and its summary post. */
export function RecordingPage({ recording, images, imageBytes }: Props) {
  const settings = useLiveQuery(loadSettings, []);
  // Its own notes and questions only, then those of them the change log names.
  const records = useRecords({ recordingKey: recording.key });
  const { notes, qa } = records.state === 'ready' ? records.value : NONE;
  const [toast, setToast] = useState<Toast | null>(null);
  const [tagging, setTagging] = useState<string | null>(null);
  const lastTagged = useRef<Note | null>(null);
  const own = useMemo(() => liveNotes(notes), [notes]);
  const questions = useMemo(() => liveQa(qa), [qa]);
  const input = useMemo(() => ({ recording, notes: own, qa: questions }), [recording, own, questions]);
  const speakers = recording.speakers ?? [];
  // A note trashed elsewhere while its tags are edited stays listed until its editor closes.
  const listed = withEdited(own, tagging, lastTagged, byTime);
  const taggingIndex = tagging === null ? -1 : listed.findIndex((note) => note.id === tagging);

  return (
    <article class="recording-page">
      <header class="recording-head">
        <p>
          <a href="#">{t('library_allRecordings')}</a>
        </p>
        <h2 dir="auto">{exportTitle(recording)}</h2>
        <p class="muted recording-url">
          <SiteBadge site={recording.site} /> <span dir="auto">{recording.url}</span>
        </p>
        <OpenAt recording={recording} />
        <ImageSpace recordingKey={recording.key} images={images} imageBytes={imageBytes} toast={setToast} />
      </header>
      <div class="recording-columns">
        <section aria-label={t('library_notesRegion', own.length)} class="recording-notes">
          <h3>
            {t('library_notes')} <span class="muted">({ui18n().number(own.length)})</span>
          </h3>
          {records.state === 'failed' && (
            <p class="error" role="alert">
              {t('library_notesFailed', records.error.message)}
            </p>
          )}
          {records.state === 'ready' && own.length === 0 && <p class="muted">{t('library_noNotes')}</p>}
          <VirtualList
            items={listed}
            itemKey={(note) => note.id}
            estimateSize={72}
            label={t('library_notes')}
            class="notes-scroll"
            holdIndex={taggingIndex}
            itemProps={(note) => ({ class: 'lib-note', 'data-note-id': note.id })}
            renderItem={(note) => {
              const speaker = linkedSpeakerName(speakers, note.speakerId);
              return (
                <>
                  <p class="note-line" dir="auto">
                    <span class="at">{formatTime(note.t)}</span> {note.author && <strong class="note-author" dir="auto">{t('sync_teamBy', note.author.name)} </strong>}
                    {speaker && <span class="note-speaker" dir="auto">{speaker}: </span>}
                    {note.text}
                  </p>
                  {tagging === note.id ? (
                    <TagEditor note={note} onDone={() => setTagging(null)} />
                  ) : (
                    <div class="hit-actions">
                      <TagList tags={note.tags} />
                      <OpenAt recording={recording} t={note.t} />
                      {/* Another person's note in a team folder: only their files change it (core/sync/team.ts). */}
                      {note.author ? <span class="muted">{t('sync_teamReadOnly', note.author.name)}</span> : <>
                      <button
                        type="button"
                        class="quiet"
                        onClick={() => setTagging(note.id)}
                        disabled={taggingIndex !== -1}
                        title={taggingIndex !== -1 ? t('library_tagsBusy') : undefined}
                        aria-label={t('library_noteTagsLabel', formatTime(note.t))}
                      >
                        {t('shared_tags')}
                      </button>
                      <button
                        type="button"
                        class="quiet"
                        aria-label={t('library_deleteNoteLabel', formatTime(note.t))}
                        onClick={() =>
                          trashNote(note.id).then(
                            () => setToast({ text: FEEDBACK.noteTrashed.done, undo: () => restoreNote(note.id) }),
                            (error: unknown) => setToast({ text: failedText('noteTrashed', error) }),
                          )
                        }
                      >
                        {t('library_delete')}
                      </button>
                      </>}
                    </div>
                  )}
                </>
              );
            }}
          />
          <h3>
            {t('library_questions')} <span class="muted">({ui18n().number(questions.length)})</span>
          </h3>
          {records.state === 'ready' && questions.length === 0 && <p class="muted">{t('library_noQuestions')}</p>}
          <ul class="lib-questions">
            {questions.map((item) => (
              <li key={item.id}>
                <p class="question" dir="auto">
                  {item.t !== undefined && <span class="at">{formatTime(item.t)}</span>} {item.question}
                </p>
                {item.answers.map((answer, i) => (
                  <p key={i} class="answer" dir="auto">
                    <span class="note-speaker" dir="auto">{answererName(speakers, answer)}: </span>
                    {answer.text}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label={t('library_sideRegion')} class="recording-side">
          <h3>{t('library_details')}</h3>
          <RecordingDetails recording={recording} stored={recording} toast={setToast} />
          <TranscriptList recordingKey={recording.key} />
        </section>
      </div>
      {/* The page's full width: room for the post's text and its preview side by side. */}
      <section aria-label={t('library_summaryRegion')} class="recording-summary">
        <h3>{t('library_summaryRegion')}</h3>
        {settings.state === 'ready' && records.state === 'ready' && <SummaryView input={input} settings={settings.value} toast={setToast} />}
      </section>
      <ToastBar toast={toast} onClose={() => setToast(null)} />
    </article>
  );
}
