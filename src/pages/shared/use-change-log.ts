import { useEffect, useState } from 'preact/hooks';
import { asError } from '../../core/error-text';
import { followChangeLog, type Change, type ChangeFollower } from '../../db/changes';
import type { Live } from './live-query';

/**
 * A value read once and then kept up to date from the change log (db/changes.ts), in this page or
 * any other page of the extension: whenever the log grows, `update` gets the changes after the
 * last one seen and returns the value with them applied (the same object when none of them
 * matters here), or null to have it read whole again. So does a log pruned past what was seen.
 *
 * `read` returns the value with the log's mark read in the same transaction. Reads and updates run
 * one at a time, in order. Nothing is read until `enabled`.
 */
export function useChangeLog<T>(
  read: () => Promise<{ value: T; mark: number }>,
  update: (value: T, changes: readonly Change[]) => Promise<T | null>,
  deps: readonly unknown[],
  enabled = true,
): Live<T> {
  const [live, setLive] = useState<Live<T>>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let value: T | undefined;
    let mark: number | undefined;
    let queue = Promise.resolve();
    const show = (next: T) => {
      if (!stopped && next !== value) setLive({ state: 'ready', value: next });
      value = next;
    };
    const fail = (error: unknown) => {
      if (!stopped) setLive({ state: 'failed', error: asError(error) });
    };
    const follower: ChangeFollower = {
      mark: () => (value === undefined ? undefined : mark),
      apply: async (changes, newMark) => {
        if (stopped || value === undefined) return true;
        const next = await update(value, changes);
        if (next === null) return false;
        mark = newMark;
        show(next);
        return true;
      },
      readWhole: async () => {
        const fresh = await read();
        mark = fresh.mark;
        value = undefined;
        show(fresh.value);
      },
    };
    const run = (step: () => Promise<void>) => {
      queue = queue.then(() => (stopped ? undefined : step())).catch(fail);
    };
    run(follower.readWhole);
    const stop = followChangeLog(follower, run, fail);
    return () => {
      stopped = true;
      stop();
    };
    // The caller lists what `read` and `update` depend on, as with useEffect.
  }, [...deps, enabled]);
  return live;
}
