import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { FieldConflict } from '../../core/field-merge';
import { t, type MessageKey } from '../../core/i18n';

/** Which side the user chose for a field changed both in this form and elsewhere. */
export type ConflictChoice = 'mine' | 'theirs';

/** What was edited: each has its own whole sentence ("This note was changed elsewhere…"), as translators need. */
export type ConflictSubject = 'note' | 'details' | 'speaker';

const CHANGED_ELSEWHERE: Record<ConflictSubject, MessageKey> = {
  note: 'shared_conflictNote',
  details: 'shared_conflictDetails',
  speaker: 'shared_conflictSpeaker',
};

interface Props<T> {
  what: ConflictSubject;
  conflicts: readonly FieldConflict<T>[];
  /** A field's name for people: "Text", "Tags". */
  label(field: keyof T): string;
  /** A field's value for people; empty values get a word, so "nothing" is visible. */
  show(field: keyof T, value: T[keyof T]): string;
  onChoose(conflict: FieldConflict<T>, choice: ConflictChoice): void;
}

/**
 * Shows each field changed both here and elsewhere, the stored value next to the user's, with a
 * choice for each. Announced as it appears; nothing is saved until the user has chosen.
 */
export function ConflictNotice<T>({ what, conflicts, label, show, onChoose }: Props<T>) {
  if (conflicts.length === 0) return null;
  return (
    <SaveProblem>
      <p>
        <strong>{t(CHANGED_ELSEWHERE[what])}</strong> {t('shared_conflictChoose')}
      </p>
      {conflicts.map((conflict) => {
        const name = label(conflict.field);
        return (
          <section class="conflict-field" key={String(conflict.field)} aria-label={name}>
            <h3 class="conflict-name">{name}</h3>
            <dl>
              <dt>{t('shared_savedElsewhere')}</dt>
              <dd dir="auto">{show(conflict.field, conflict.stored)}</dd>
              <dt>{t('shared_yours')}</dt>
              <dd dir="auto">{show(conflict.field, conflict.mine)}</dd>
            </dl>
            <div class="conflict-actions">
              <button type="button" class="primary" aria-label={t('shared_keepMineLabel', name)} onClick={() => onChoose(conflict, 'mine')}>
                {t('shared_keepMine')}
              </button>
              <button type="button" aria-label={t('shared_takeTheirsLabel', name)} onClick={() => onChoose(conflict, 'theirs')}>
                {t('shared_takeTheirs')}
              </button>
            </div>
          </section>
        );
      })}
    </SaveProblem>
  );
}

/**
 * Why a save needs the user: announced as it appears, and scrolled into view, since it shows
 * under a form that may fill a small panel.
 */
export function SaveProblem({ children }: { children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.scrollIntoView({ block: 'nearest' }), []);
  return (
    <div class="conflict" role="alert" ref={box}>
      {children}
    </div>
  );
}
