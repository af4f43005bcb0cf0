import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { FieldConflict } from '../../core/field-merge';

/** Which side the user chose for a field changed both in this form and elsewhere. */
export type ConflictChoice = 'mine' | 'theirs';

interface Props<T> {
  /** What was edited, as the start of a sentence: "This note", "The details". */
  what: string;
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
        <strong>{what} was changed elsewhere while you edited it.</strong> Nothing is saved until you choose.
      </p>
      {conflicts.map((conflict) => {
        const name = label(conflict.field);
        return (
          <section class="conflict-field" key={String(conflict.field)} aria-label={name}>
            <h3 class="conflict-name">{name}</h3>
            <dl>
              <dt>Saved elsewhere</dt>
              <dd dir="auto">{show(conflict.field, conflict.stored)}</dd>
              <dt>Yours</dt>
              <dd dir="auto">{show(conflict.field, conflict.mine)}</dd>
            </dl>
            <div class="conflict-actions">
              <button type="button" class="primary" aria-label={`Keep mine (${name})`} onClick={() => onChoose(conflict, 'mine')}>
                Keep mine
              </button>
              <button type="button" aria-label={`Take theirs (${name})`} onClick={() => onChoose(conflict, 'theirs')}>
                Take theirs
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
