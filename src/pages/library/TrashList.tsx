import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrashItem } from '../../core/library';
import { exportTitle } from '../../core/export/input';
import { shorten } from '../../core/shorten';
import { formatTime } from '../../core/time';
import { emptyTrash } from '../../db/library';
import { restoreNote } from '../../db/notes';
import { restoreQuestion } from '../../db/qa';
import { emptiedText, failedText, restoredText } from '../../core/feedback-text';
import { VirtualList } from '../shared/VirtualList';
import { ago } from './when';

/** How much of a trashed note or question is shown, in code points. */
const TRASH_PREVIEW_MAX = 300;

/** Deleted notes and questions: each can come back; emptying the trash deletes them for good. */
export function TrashList({ items }: { items: readonly TrashItem[] }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  // The safe answer takes focus: Enter on a keyboard must not delete for good. Answered, the focus
  // goes back to the button that asked, or to the outcome once the buttons are gone.
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const focusNext = useRef<'ask' | 'outcome' | null>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (focusNext.current) {
      (focusNext.current === 'ask' ? ask : outcome).current?.focus();
      focusNext.current = null;
    }
  }, [confirming, status]);
  const restore = (entry: TrashItem) =>
    (entry.kind === 'note' ? restoreNote(entry.item.id) : restoreQuestion(entry.item.id)).then(
      () => setStatus(restoredText(entry.kind, entry.recording ? exportTitle(entry.recording) : 'its recording')),
      (error: unknown) => setStatus(failedText('restored', error)),
    );
  const empty = () =>
    emptyTrash({
      notes: items.flatMap(({ kind, item }) => (kind === 'note' ? [{ id: item.id, deletedAt: item.deletedAt ?? 0 }] : [])),
      qa: items.flatMap(({ kind, item }) => (kind === 'qa' ? [{ id: item.id, deletedAt: item.deletedAt ?? 0 }] : [])),
    }).then(
      (count) => {
        setConfirming(false);
        setStatus(emptiedText(count));
      },
      (error: unknown) => setStatus(failedText('trashEmptied', error)),
    );

  return (
    <section class="results trash" aria-label="Trash">
      <div class="trash-bar">
        <p class="result-count">
          {items.length === 0
            ? 'The trash is empty.'
            : `${items.length.toLocaleString()} deleted ${items.length === 1 ? 'item' : 'items'}. They stay here until you empty the trash.`}
        </p>
        {items.length > 0 &&
          (confirming ? (
            <span class="confirm" role="group" aria-label="Confirm emptying the trash">
              <span>Delete {items.length.toLocaleString()} items for good? This cannot be undone.</span>
              <button type="button" class="danger" onClick={() => {
                  focusNext.current = 'outcome';
                  void empty();
                }}>
                Delete for good
              </button>
              <button type="button" class="quiet" ref={keep} onClick={() => {
                  focusNext.current = 'ask';
                  setConfirming(false);
                }}>
                Keep them
              </button>
            </span>
          ) : (
            <button type="button" ref={ask} onClick={() => setConfirming(true)}>
              Empty trash…
            </button>
          ))}
      </div>
      {status && (
        <p class="status-line" role="status" ref={outcome} tabIndex={-1}>
          {status}
        </p>
      )}
      <VirtualList
        items={items}
        itemKey={(entry) => `${entry.kind}:${entry.item.id}`}
        estimateSize={72}
        label="Deleted items"
        class="list-scroll"
        itemProps={(entry) => ({ class: 'trash-row', 'data-id': entry.item.id })}
        renderItem={(entry) => {
          const text = entry.kind === 'note' ? entry.item.text : entry.item.question;
          const t = entry.item.t;
          return (
            <>
              <p class="hit-context muted">
                <span class="kind">{entry.kind === 'note' ? 'Note' : 'Question'}</span>
                <span dir="auto">{entry.recording ? exportTitle(entry.recording) : 'A recording no longer in the library'}</span>
                {t !== undefined && <span class="at">at {formatTime(t)}</span>}
                <span>deleted {ago(entry.item.deletedAt ?? 0)}</span>
              </p>
              <p class="hit-text" dir="auto">
                {shorten(text, TRASH_PREVIEW_MAX)}
              </p>
              <div class="hit-actions">
                <button type="button" onClick={() => void restore(entry)}>
                  Restore
                </button>
              </div>
            </>
          );
        }}
      />
    </section>
  );
}
