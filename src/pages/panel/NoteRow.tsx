import { memo } from 'preact/compat';
import { t, type MessageKey } from '../../core/i18n';
import { useLanguage } from '../shared/use-language';
import { EditForm } from '../shared/EditForm';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note, Quote, RecordingImage, Speaker } from '../../core/model';
import { formatTags, parseTags } from '../../core/tags';
import { formatTime, readMediaTime, type TimeReading } from '../../core/time';
import { TagList } from '../shared/TagEditor';
import { checkNoteText, editNote, noteFields, restoreNote, trashNote, type NoteFields } from '../../db/notes';
import { ConflictNotice, SaveProblem } from '../shared/ConflictNotice';
import { useFieldEdit } from '../shared/use-field-edit';
import { SpeakerSelect } from './SpeakerSelect';
import { linkedSpeakerName } from '../../core/people';
import { FormError } from '../shared/FormError';
import { FEEDBACK, failedText } from '../../core/feedback-text';
import { usePanel } from './panel-context';
import { QuoteField } from './QuoteField';
import { CameraIcon, FrameProblem, useAttachFrame } from './AttachFrame';
import { FrameThumbs } from '../shared/FrameThumbs';
import { deleteImage, storeImage } from '../../db/images';

interface Props {
  note: Note;
  /** Its frames, in time order (the same array while they do not change). */
  images: readonly RecordingImage[];
  /** Held by the list, so it keeps an open editor rendered while the video moves on. */
  editing: boolean;
  /** Opens (`open`) or closes this note's editor; the same function for every row. */
  onEditing(note: Note, open: boolean): void;
  /** Another note's editor is open: one at a time, so switching never drops an unsaved edit. */
  editLocked: boolean;
}

/**
 * One note of the panel's list: the list's `<li>` holds it. Memoised: the list re-renders when
 * the highlighted note moves, and a row whose note and state did not change need not (unless the
 * language changes).
 */
export const NoteRow = memo(function NoteRow({ note, images, editing, onEditing, editLocked }: Props) {
  // Memoised: re-rendered for a change of language although its props are the same.
  useLanguage();
  const { seek, copyLink, speakers, toast, recording } = usePanel();
  const speaker = linkedSpeakerName(speakers, note.speakerId);
  const frames = useAttachFrame();
  const remove = () => {
    trashNote(note.id).then(
      () => toast({ text: FEEDBACK.noteTrashed.done, undo: () => restoreNote(note.id) }),
      (error: unknown) => toast({ text: failedText('noteTrashed', error) }),
    );
  };
  const attachFrame = () => void frames.attach({ recordingKey: note.recordingKey, noteId: note.id, t: note.t });
  const removeFrame = (image: RecordingImage) => {
    deleteImage(image.id).then(
      (removed) => removed && toast({ text: FEEDBACK.frameDeleted.done, undo: () => storeImage(removed) }),
      (error: unknown) => toast({ text: failedText('frameDeleted', error) }),
    );
  };

  if (editing) return <NoteEditor note={note} onDone={() => onEditing(note, false)} />;
  return (
    <>
      <button type="button" class="time" onClick={() => seek(note.t)} aria-label={t('panel_playFrom', formatTime(note.t))}>
        {formatTime(note.t)}
      </button>
      <p class="text" dir="auto" onClick={() => seek(note.t)}>
        {note.author && <strong class="note-author" dir="auto">{t('sync_teamBy', note.author.name)} </strong>}
        {speaker && <span class="note-speaker" dir="auto">{speaker}: </span>}
        {note.text}
      </p>
      <div class="actions">
        <button type="button" class="quiet" onClick={() => copyLink(note.t)} aria-label={t('panel_copyLinkTo', formatTime(note.t))}>
          {t('panel_link')}
        </button>
        {/* Another person's note in a team folder: only their files change it (core/sync/team.ts), frames included. */}
        {!note.author && (
          <>
            {/* Only the recording playing has the picture: a note listed while another plays gets none of it. */}
            <button
              type="button"
              class="quiet icon-button"
              onClick={attachFrame}
              disabled={frames.busy || recording?.key !== note.recordingKey}
              aria-busy={frames.busy ? 'true' : 'false'}
              aria-label={t('panel_attachFrameTo', formatTime(note.t))}
              title={t('panel_attachFrameTitle')}
            >
              <CameraIcon />
            </button>
            <button
              type="button"
              class="quiet"
              onClick={() => onEditing(note, true)}
              disabled={editLocked}
              title={editLocked ? t('panel_editLocked') : undefined}
              aria-label={t('panel_editNoteAt', formatTime(note.t))}
            >
              {t('panel_edit')}
            </button>
            <button type="button" class="quiet" onClick={remove} aria-label={t('panel_deleteNoteAt', formatTime(note.t))}>
              {t('panel_delete')}
            </button>
          </>
        )}
      </div>
      {note.author && <p class="note-lock">{t('sync_teamReadOnly', note.author.name)}</p>}
      {/* After the actions: the grid's first row holds the time, the text and the actions. */}
      {note.quote && (
        <blockquote class="note-quote" dir="auto">
          {note.quote.text}
        </blockquote>
      )}
      {note.tags?.length ? (
        <div class="note-tags">
          <TagList tags={note.tags} />
        </div>
      ) : null}
      {images.length > 0 && (
        <div class="note-frames">
          <FrameThumbs images={images} owner={{ noteAt: note.t }} onDelete={note.author ? undefined : removeFrame} />
        </div>
      )}
      {frames.problem && (
        <div class="note-frames">
          <FrameProblem id={`frame-problem-${note.id}`} problem={frames.problem} onRetry={attachFrame} onDismiss={frames.dismiss} />
        </div>
      )}
    </>
  );
});

function NoteEditor({ note, onDone }: { note: Note; onDone(): void }) {
  const { readTime, speakers } = usePanel();
  const [text, setText] = useState(note.text);
  const [speakerId, setSpeakerId] = useState(note.speakerId);
  const [time, setTime] = useState(formatTime(note.t));
  const [tags, setTags] = useState(formatTags(note.tags));
  const [quote, setQuote] = useState<Quote | undefined>(note.quote);
  const [message, setMessage] = useState<string | null>(null);
  const [lost, setLost] = useState<'trashed' | 'gone' | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const adopt = <K extends keyof NoteFields>(field: K, value: NoteFields[K]) => {
    const fields: Partial<NoteFields> = { [field]: value };
    if (fields.text !== undefined) setText(fields.text);
    if (fields.t !== undefined) setTime(formatTime(fields.t));
    if (fields.tags !== undefined) setTags(formatTags(fields.tags));
    if (field === 'speakerId') setSpeakerId(fields.speakerId);
    if (field === 'quote') setQuote(fields.quote);
  };
  const save = async () => {
    // An untouched time field keeps the note's exact time (the field shows whole seconds).
    const reading: TimeReading = time === formatTime(edit.base.t) ? { ok: true, seconds: edit.base.t } : readMediaTime(time);
    if (!reading.ok) {
      setMessage(reading.message);
      return;
    }
    const seconds = reading.seconds;
    const problem = checkNoteText(text);
    if (problem) {
      setMessage(problem);
      return;
    }
    const parsedTags = parseTags(tags);
    if (!parsedTags.ok) {
      setMessage(parsedTags.message);
      return;
    }
    try {
      // A quote trimmed to nothing is removed.
      const keptQuote = quote && quote.text.trim() !== '' ? { ...quote, text: quote.text.trim() } : undefined;
      const outcome = await edit.run({ text, t: seconds, speakerId, tags: parsedTags.tags, quote: keptQuote }, (base, mine) => editNote(note.id, base, mine));
      setMessage(null);
      setLost(outcome.state === 'trashed' || outcome.state === 'gone' ? outcome.state : null);
      if (outcome.state === 'saved') onDone();
    } catch (error) {
      setMessage(failedText('saved', error));
    }
  };
  const edit = useFieldEdit<NoteFields>(noteFields(note), adopt, () => void save());
  const restoreAndSave = async () => {
    try {
      await restoreNote(note.id);
      await save();
    } catch (error) {
      setMessage(failedText('restored', error));
    }
  };

  return (
    <EditForm class="editor" onSave={() => void save()} onCancel={onDone}>
      <label class="visually-hidden" for={`edit-text-${note.id}`}>
        {t('panel_noteText')}
      </label>
      <textarea
        id={`edit-text-${note.id}`}
        ref={box}
        rows={3}
        dir="auto"
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void save();
          }
        }}
      />
      {quote && <QuoteField id={`edit-quote-${note.id}`} quote={quote} onChange={(next) => setQuote(next ?? undefined)} />}
      {speakers.length > 0 && (
        <div class="editor-bar">
          <SpeakerSelect id={`edit-speaker-${note.id}`} label={t('panel_speaker')} speakers={speakers} value={speakerId} onChange={setSpeakerId} />
        </div>
      )}
      <div class="editor-bar">
        <label class="tags-input">
          {t('panel_tags')}{' '}
          <input type="text" value={tags} placeholder={t('panel_tagsPlaceholder')} onInput={(event) => setTags(event.currentTarget.value)} />
        </label>
      </div>
      <div class="editor-bar">
        <label>
          {t('panel_time')}{' '}
          <input
            type="text"
            class="time-input"
            value={time}
            inputMode="numeric"
            onInput={(event) => setTime(event.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          onClick={() => {
            const now = readTime();
            if (now !== null) setTime(formatTime(now));
          }}
        >
          {t('panel_now')}
        </button>
        <span class="spacer" />
        <button type="button" class="quiet" onClick={onDone}>
          {t('panel_cancel')}
        </button>
        <button type="submit" class="primary">
          {t('panel_save')}
        </button>
      </div>
      <FormError message={message} />
      <ConflictNotice
        what="note"
        conflicts={edit.conflicts}
        label={(field) => t(FIELD_LABELS[field])}
        show={(field, value) => showField(field, value, speakers)}
        onChoose={edit.choose}
      />
      {lost === 'trashed' && (
        <SaveProblem>
          <p>{t('panel_noteTrashedElsewhere')}</p>
          <div class="conflict-actions">
            <button type="button" class="primary" onClick={() => void restoreAndSave()}>
              {t('panel_restoreAndSave')}
            </button>
          </div>
        </SaveProblem>
      )}
      {lost === 'gone' && (
        <SaveProblem>
          <p>{t('panel_noteDeletedElsewhere')}</p>
        </SaveProblem>
      )}
    </EditForm>
  );
}

/** A note field's name where two edits conflict. */
const FIELD_LABELS: Readonly<Record<keyof NoteFields, MessageKey>> = { text: 'panel_fieldText', t: 'panel_time', speakerId: 'panel_speaker', tags: 'panel_tags', quote: 'panel_fieldQuote' };

/** A note field's value as the conflict notice shows it. */
function showField(field: keyof NoteFields, value: NoteFields[keyof NoteFields], speakers: readonly Speaker[]): string {
  if (field === 't' && typeof value === 'number') return formatTime(value);
  if (field === 'tags' && Array.isArray(value)) return value.length ? formatTags(value) : t('panel_noTags');
  if (field === 'quote') return typeof value === 'object' && value !== null && 'text' in value ? value.text : t('panel_noQuote');
  if (field === 'speakerId') return typeof value === 'string' ? (linkedSpeakerName(speakers, value) ?? t('panel_aFormerSpeaker')) : t('panel_noSpeaker');
  return typeof value === 'string' && value !== '' ? value : t('panel_emptyValue');
}
