import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { Note, RecordingImage } from '../../core/model';
import { currentNoteIndex } from '../../core/notes';
import { byTime } from '../../core/records';
import { withEdited } from '../shared/keep-edited';
import { VirtualList } from '../shared/VirtualList';
import { NoteRow } from './NoteRow';
import { usePanel } from './panel-context';
import { usePlaybackValue } from './use-playback-value';

interface Props {
  /** The recording's live notes, by time (maybe only the first screenful while the rest loads). */
  notes: readonly Note[];
  /** The notes have been read: an empty list means there are none. */
  loaded: boolean;
  /** The recording's frames by note id. */
  frames: ReadonlyMap<string, readonly RecordingImage[]>;
}

const NO_FRAMES: readonly RecordingImage[] = [];

/**
 * The panel's notes, the one playing now highlighted. The highlight follows the video's time
 * through the playback store: it re-renders this list only when the current note changes, and
 * then only the rows' `<li>` attributes, since the rows are memoised.
 */
export function NoteList({ notes, loaded, frames }: Props) {
  const { recording, playback } = usePanel();
  // The note whose editor is open, with its recording: an editor belongs to one recording.
  const [editing, setEditing] = useState<{ recordingKey: string; id: string } | null>(null);
  const lastEdited = useRef<Note | null>(null);
  useEffect(() => setEditing(null), [recording?.key]);
  const editingId = editing && editing.recordingKey === recording?.key ? editing.id : null;
  const shown = withEdited(notes, editingId, lastEdited, byTime);
  const current = usePlaybackValue(playback, (now) => (now === null ? -1 : currentNoteIndex(shown, now)));
  const editingIndex = editingId === null ? -1 : shown.findIndex((note) => note.id === editingId);
  // The same function for every row and render, so the memoised rows keep their props.
  const onEditing = useCallback(
    (note: Note, open: boolean) => setEditing(open ? { recordingKey: note.recordingKey, id: note.id } : null),
    [],
  );

  // The count in the list's name is plain digits, as it always was (no grouping in a name read aloud).
  return (
    <section class="notes" aria-label={t('panel_notesCount', String(notes.length))}>
      {loaded && notes.length === 0 && <p class="empty muted">{t('panel_noNotesYet')}</p>}
      <VirtualList
        items={shown}
        itemKey={(note) => note.id}
        estimateSize={48}
        label={t('panel_notes')}
        class="notes-scroll"
        revealIndex={current}
        holdIndex={editingIndex}
        itemProps={(note, index) => ({
          class: `note${index === current ? ' current' : ''}`,
          'aria-current': index === current ? 'true' : undefined,
          'data-note-id': note.id,
        })}
        renderItem={(note) => (
          <NoteRow
            note={note}
            images={frames.get(note.id) ?? NO_FRAMES}
            editing={note.id === editingId}
            editLocked={editingIndex !== -1 && note.id !== editingId}
            onEditing={onEditing}
          />
        )}
      />
    </section>
  );
}
