import { EditForm } from '../shared/EditForm';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note, Speaker } from '../../core/model';
import { formatTags, parseTags } from '../../core/tags';
import { formatTime, parseTime } from '../../core/time';
import { TagList } from '../shared/TagEditor';
import { checkNoteText, updateNote } from '../../db/notes';
import { SpeakerSelect, speakerName } from './SpeakerSelect';
import { errorText, FormError } from '../shared/FormError';

interface Props {
  note: Note;
  onSeek(t: number): void;
  onDelete(note: Note): void;
  onCopyLink(t: number): void;
  readTime(): number | null;
  speakers: readonly Speaker[];
  /** Held by the panel, so the list keeps an open editor rendered while the video moves on. */
  editing: boolean;
  setEditing(editing: boolean): void;
  /** Another note's editor is open: one at a time, so switching never drops an unsaved edit. */
  editLocked: boolean;
}

/** One note of the panel's list: the list's `<li>` holds it. */
export function NoteRow({ note, onSeek, onDelete, onCopyLink, readTime, speakers, editing, setEditing, editLocked }: Props) {
  const speaker = speakerName(speakers, note.speakerId);

  if (editing) return <NoteEditor note={note} readTime={readTime} speakers={speakers} onDone={() => setEditing(false)} />;
  return (
    <>
      <button type="button" class="time" onClick={() => onSeek(note.t)} aria-label={`Play from ${formatTime(note.t)}`}>
        {formatTime(note.t)}
      </button>
      <p class="text" dir="auto" onClick={() => onSeek(note.t)}>
        {speaker && <span class="note-speaker">{speaker}: </span>}
        {note.text}
      </p>
      <div class="actions">
        <button type="button" class="quiet" onClick={() => onCopyLink(note.t)} aria-label={`Copy a link to ${formatTime(note.t)}`}>
          Link
        </button>
        <button
          type="button"
          class="quiet"
          onClick={() => setEditing(true)}
          disabled={editLocked}
          title={editLocked ? 'Save or cancel the note being edited first' : undefined}
          aria-label={`Edit note at ${formatTime(note.t)}`}
        >
          Edit
        </button>
        <button type="button" class="quiet" onClick={() => onDelete(note)} aria-label={`Delete note at ${formatTime(note.t)}`}>
          Delete
        </button>
      </div>
      {note.tags?.length ? (
        <div class="note-tags">
          <TagList tags={note.tags} />
        </div>
      ) : null}
    </>
  );
}

function NoteEditor({
  note,
  readTime,
  speakers,
  onDone,
}: {
  note: Note;
  readTime(): number | null;
  speakers: readonly Speaker[];
  onDone(): void;
}) {
  const [text, setText] = useState(note.text);
  const [speakerId, setSpeakerId] = useState(note.speakerId);
  const [time, setTime] = useState(formatTime(note.t));
  const [tags, setTags] = useState(formatTags(note.tags));
  const [message, setMessage] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  const save = async () => {
    // An untouched time field keeps the note's exact time (the field shows whole seconds).
    const t = time === formatTime(note.t) ? note.t : parseTime(time);
    if (t === null) {
      setMessage('Write the time as h:mm:ss, m:ss or seconds, e.g. 1:02:03 or 75.');
      return;
    }
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
      await updateNote(note.id, { text, t, speakerId, tags: parsedTags.tags });
      onDone();
    } catch (error) {
      setMessage(`Not saved: ${errorText(error)}`);
    }
  };

  return (
    <EditForm class="editor" onSave={() => void save()} onCancel={onDone}>
      <label class="visually-hidden" for={`edit-text-${note.id}`}>
        Note text
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
      {speakers.length > 0 && (
        <div class="editor-bar">
          <SpeakerSelect id={`edit-speaker-${note.id}`} label="Speaker" speakers={speakers} value={speakerId} onChange={setSpeakerId} />
        </div>
      )}
      <div class="editor-bar">
        <label class="tags-input">
          Tags{' '}
          <input type="text" value={tags} placeholder="e.g. security, follow up" onInput={(event) => setTags(event.currentTarget.value)} />
        </label>
      </div>
      <div class="editor-bar">
        <label>
          Time{' '}
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
          Now
        </button>
        <span class="spacer" />
        <button type="button" class="quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" class="primary">
          Save
        </button>
      </div>
      <FormError message={message} />
    </EditForm>
  );
}
