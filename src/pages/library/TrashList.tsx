import { useMemo, useRef, useState } from 'preact/hooks';
import { trashItems, type TrashItem } from '../../core/library';
import type { Recording } from '../../core/model';
import { exportTitle } from '../../core/export/input';
import { shorten } from '../../core/shorten';
import { formatTime } from '../../core/time';
import { emptyTrash } from '../../db/library';
import { restoreNote } from '../../db/notes';
import { restoreQuestion } from '../../db/qa';
import { emptiedText, failedText, restoredText } from '../../core/feedback-text';
import { VirtualList } from '../shared/VirtualList';
import { ToastBar } from '../shared/ToastBar';
import { ConfirmButton } from '../shared/ConfirmButton';
import type { Toast } from '../shared/toast';
import { ago } from './when';
import { useRecords } from './use-records';
import { plural, t } from '../../core/i18n';

/** How much of a trashed note or question is shown, in code points. */
const TRASH_PREVIEW_MAX = 300;

/** Deleted notes and questions: each can come back; emptying the trash deletes them for good. */
export function TrashList({ recordings }: { recordings: ReadonlyMap<string, Recording> }) {
  // Only what is in the trash is read (the deletedAt indexes), then the records the change log names.
  const trash = useRecords('trash');
  const items = useMemo(() => (trash.state === 'ready' ? trashItems(trash.value, recordings) : []), [trash, recordings]);
  const [toast, setToast] = useState<Toast | null>(null);
  // Emptied, the buttons are gone: the focus goes to what the trash now holds (the toast says what happened).
  const count = useRef<HTMLParagraphElement>(null);
  const restore = (entry: TrashItem) =>
    (entry.kind === 'note' ? restoreNote(entry.item.id) : restoreQuestion(entry.item.id)).then(
      () => setToast({ text: restoredText(entry.kind, entry.recording ? exportTitle(entry.recording) : t('library_itsRecording')) }),
      (error: unknown) => setToast({ text: failedText('restored', error) }),
    );
  const empty = () =>
    emptyTrash({
      notes: items.flatMap(({ kind, item }) => (kind === 'note' ? [{ id: item.id, deletedAt: item.deletedAt ?? 0 }] : [])),
      qa: items.flatMap(({ kind, item }) => (kind === 'qa' ? [{ id: item.id, deletedAt: item.deletedAt ?? 0 }] : [])),
    }).then(
      (count) => setToast({ text: emptiedText(count) }),
      (error: unknown) => {
        setToast({ text: failedText('trashEmptied', error) });
        throw error;
      },
    );

  if (trash.state === 'failed') {
    return (
      <p class="error pad" role="alert">
        {t('library_trashFailed', trash.error.message)}
      </p>
    );
  }
  if (trash.state === 'loading') return null;
  return (
    <section class="results trash" aria-label={t('library_trash')}>
      <div class="trash-bar">
        <p class="result-count" ref={count} tabIndex={-1}>
          {items.length === 0
            ? t('library_trashEmpty')
            : plural('library_trashCount', items.length)}
        </p>
        {items.length > 0 && (
          <ConfirmButton
            label={t('library_emptyTrash')}
            groupLabel={t('library_confirmEmptyTrash')}
            question={plural('library_emptyTrashQuestion', items.length)}
            confirmLabel={t('library_deleteForGood')}
            keepLabel={t('library_keepThem')}
            onConfirm={empty}
            focusAfter={count}
          />
        )}
      </div>
      <VirtualList
        items={items}
        itemKey={(entry) => `${entry.kind}:${entry.item.id}`}
        estimateSize={72}
        label={t('library_deletedItems')}
        class="list-scroll"
        itemProps={(entry) => ({ class: 'trash-row', 'data-id': entry.item.id })}
        renderItem={(entry) => {
          const text = entry.kind === 'note' ? entry.item.text : entry.item.question;
          const at = entry.item.t;
          return (
            <>
              <p class="hit-context muted">
                <span class="kind">{t(entry.kind === 'note' ? 'library_kindNote' : 'library_kindQuestion')}</span>
                <span dir="auto">{entry.recording ? exportTitle(entry.recording) : t('library_goneRecording')}</span>
                {at !== undefined && <span class="at">{t('library_at', formatTime(at))}</span>}
                <span>{t('library_deletedWhen', ago(entry.item.deletedAt ?? 0))}</span>
              </p>
              <p class="hit-text" dir="auto">
                {shorten(text, TRASH_PREVIEW_MAX)}
              </p>
              <div class="hit-actions">
                <button type="button" onClick={() => void restore(entry)}>
                  {t('library_restore')}
                </button>
              </div>
            </>
          );
        }}
      />
      <ToastBar toast={toast} onClose={() => setToast(null)} />
    </section>
  );
}
