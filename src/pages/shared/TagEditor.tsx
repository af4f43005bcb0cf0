import { EditForm } from './EditForm';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTags, parseTags } from '../../core/tags';
import { updateNote } from '../../db/notes';
import type { Note } from '../../core/model';
import { errorText, FormError } from './FormError';

/** The tags of a note, written as a comma-separated list; saved on Enter or with the button. */
export function TagEditor({ note, onDone }: { note: Note; onDone(): void }) {
  const [text, setText] = useState(formatTags(note.tags));
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const save = async () => {
    const parsed = parseTags(text);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    try {
      await updateNote(note.id, { tags: parsed.tags });
      onDone();
    } catch (error) {
      setMessage(`Not saved: ${errorText(error)}`);
    }
  };
  return (
    <EditForm class="tag-editor" onSave={() => void save()} onCancel={onDone}>
      <label>
        Tags{' '}
        <input
          type="text"
          value={text}
          placeholder="e.g. security, follow up"
          onInput={(event) => setText(event.currentTarget.value)}
          ref={input}
        />
      </label>
      <button type="submit" class="primary">
        Save tags
      </button>
      <button type="button" class="quiet" onClick={onDone}>
        Cancel
      </button>
      <FormError message={message} />
    </EditForm>
  );
}

export function TagList({ tags }: { tags: readonly string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <ul class="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
