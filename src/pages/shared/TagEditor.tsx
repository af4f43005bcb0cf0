import { EditForm } from './EditForm';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTags, parseTags } from '../../core/tags';
import { editNote, noteFields, type NoteFields } from '../../db/notes';
import { ConflictNotice } from './ConflictNotice';
import { useFieldEdit } from './use-field-edit';
import type { Note } from '../../core/model';
import { FormError } from './FormError';
import { failedText } from '../../core/feedback-text';
import { t } from '../../core/i18n';

/**
 * The tags of a note, written as a comma-separated list; saved on Enter or with the button. Only
 * the tags are written, and only if nobody changed them elsewhere meanwhile (else the user picks).
 */
export function TagEditor({ note, onDone }: { note: Note; onDone(): void }) {
  const [text, setText] = useState(formatTags(note.tags));
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const adopt = <K extends keyof NoteFields>(field: K, value: NoteFields[K]) => {
    if (field === 'tags') setText(formatTags(value as string[]));
  };
  const save = async () => {
    const parsed = parseTags(text);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    try {
      const outcome = await edit.run({ ...edit.base, tags: parsed.tags }, (base, mine) => editNote(note.id, base, mine));
      setMessage(
        outcome.state === 'trashed'
          ? t('shared_tagsNoteTrashed')
          : outcome.state === 'gone'
            ? t('shared_tagsNoteGone')
            : null,
      );
      if (outcome.state === 'saved') onDone();
    } catch (error) {
      setMessage(failedText('saved', error));
    }
  };
  const edit = useFieldEdit<NoteFields>(noteFields(note), adopt, () => void save());
  return (
    <EditForm class="tag-editor" onSave={() => void save()} onCancel={onDone}>
      <label>
        {t('shared_tags')}{' '}
        <input
          type="text"
          value={text}
          placeholder={t('shared_tagsPlaceholder')}
          onInput={(event) => setText(event.currentTarget.value)}
          ref={input}
        />
      </label>
      <button type="submit" class="primary">
        {t('shared_saveTags')}
      </button>
      <button type="button" class="quiet" onClick={onDone}>
        {t('shared_cancel')}
      </button>
      <FormError message={message} />
      <ConflictNotice
        what="note"
        conflicts={edit.conflicts}
        label={() => t('shared_tags')}
        show={(_field, value) => (Array.isArray(value) && value.length ? formatTags(value) : t('shared_noTags'))}
        onChoose={edit.choose}
      />
    </EditForm>
  );
}

export function TagList({ tags }: { tags: readonly string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <ul class="tags" aria-label={t('shared_tags')}>
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
