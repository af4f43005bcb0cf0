import { useEffect, useState } from 'preact/hooks';
import type { EditOutcome, FieldConflict } from '../../core/field-merge';
import type { ConflictChoice } from './ConflictNotice';

export interface FieldEdit<T> {
  /** The values the form opened with, as updated by the user's choices and successful saves. */
  base: T;
  /** The fields of the last save that were changed both here and elsewhere. */
  conflicts: FieldConflict<T>[];
  /** Saves `mine` with `write(base, mine)`; on a conflict, holds the conflicts. Returns the outcome. */
  run(mine: T, write: (base: T, mine: T) => Promise<EditOutcome<T>>): Promise<EditOutcome<T>>;
  /**
   * Settles one conflict: either way the stored value becomes the field's base, so the next save
   * writes the user's value (mine) or nothing (theirs, which `adopt` puts into the form). Once
   * the last one is settled, `save` runs again, after the form has re-rendered with the choice.
   */
  choose(conflict: FieldConflict<T>, choice: ConflictChoice): void;
}

/**
 * The three-way state of an edit form: what it opened with, and the conflicts its saves met.
 * `adopt(field, value)` puts a stored value into the form's own field; `save` is the form's save.
 */
export function useFieldEdit<T extends object>(opened: T, adopt: <K extends keyof T>(field: K, value: T[K]) => void, save: () => void): FieldEdit<T> {
  const [base, setBase] = useState(opened);
  const [conflicts, setConflicts] = useState<FieldConflict<T>[]>([]);
  const [saveAgain, setSaveAgain] = useState(false);
  // Runs with the render that holds the new base and the adopted values, not the stale closure.
  useEffect(() => {
    if (!saveAgain) return;
    setSaveAgain(false);
    save();
  }, [saveAgain, save]);

  const run = async (mine: T, write: (base: T, mine: T) => Promise<EditOutcome<T>>) => {
    const outcome = await write(base, mine);
    setConflicts(outcome.state === 'conflict' ? outcome.conflicts : []);
    // What is stored now, as far as this form knows: the next save's base.
    if (outcome.state === 'saved') setBase(mine);
    return outcome;
  };
  const choose = (conflict: FieldConflict<T>, choice: ConflictChoice) => {
    setBase((now) => ({ ...now, [conflict.field]: conflict.stored }));
    if (choice === 'theirs') adopt(conflict.field, conflict.stored);
    const rest = conflicts.filter((c) => c.field !== conflict.field);
    setConflicts(rest);
    if (rest.length === 0) setSaveAgain(true);
  };
  return { base, conflicts, run, choose };
}
