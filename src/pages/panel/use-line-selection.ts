import { useEffect, useRef, useState } from 'preact/hooks';
import type { Cue } from '../../core/model';

/** A line's identity across updates of its transcript (cue objects are rebuilt as lines arrive). */
function lineKey(cue: Cue): string {
  return `${cue.start}/${cue.end}`;
}

export interface LineSelection {
  isSelected(cue: Cue): boolean;
  /** Selects or unselects the line at `index`; with `range`, every line from the last one toggled to it. */
  toggle(index: number, range: boolean): void;
  clear(): void;
  /** The selected lines still in the transcript, in its order. */
  selected: Cue[];
}

/**
 * Lines of one transcript picked for a note or an answer. Starts afresh when `scope` changes
 * (another recording or language): a selection never spans two transcripts.
 */
export function useLineSelection(cues: readonly Cue[], scope: string): LineSelection {
  const [keys, setKeys] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<number | null>(null);
  useEffect(() => {
    setKeys(new Set());
    anchor.current = null;
  }, [scope]);
  return {
    isSelected: (cue) => keys.has(lineKey(cue)),
    toggle(index, range) {
      const cue = cues[index];
      if (!cue) return;
      const on = !keys.has(lineKey(cue));
      const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
      const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
      const next = new Set(keys);
      for (const line of cues.slice(from, to + 1)) {
        if (on) next.add(lineKey(line));
        else next.delete(lineKey(line));
      }
      anchor.current = index;
      setKeys(next);
    },
    clear() {
      setKeys(new Set());
      anchor.current = null;
    },
    selected: keys.size === 0 ? [] : cues.filter((cue) => keys.has(lineKey(cue))),
  };
}
