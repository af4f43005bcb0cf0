import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { asError } from '../../core/error-text';
import { changesSince, lastSeq, type Change } from '../../db/changes';
import type { Live } from './live-query';

/**
 * A value read once and then kept up to date from the change log (db/changes.ts), in this page or
 * any other page of the extension: whenever the log grows, `update` gets the changes after the
 * last one seen and returns the value with them applied (the same object when none of them
 * matters here), or null to have it read whole again. So does a log pruned past what was seen.
 *
 * `read` returns the value with the log's mark read in the same transaction. Reads and updates run
 * one at a time, in order.
 */
export function useChangeLog<T>(
  read: () => Promise<{ value: T; mark: number }>,
  update: (value: T, changes: readonly Change[]) => Promise<T | null>,
  deps: readonly unknown[],
): Live<T> {
  const [live, setLive] = useState<Live<T>>({ state: 'loading' });
  useEffect(() => {
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
    const readWhole = async () => {
      const fresh = await read();
      mark = fresh.mark;
      value = undefined;
      show(fresh.value);
    };
    const catchUp = async (seen: number) => {
      if (stopped || mark === undefined || value === undefined || seen <= mark) return;
      const since = await changesSince(mark);
      const next = since.complete ? await update(value, since.changes) : null;
      if (next === null) return readWhole();
      mark = since.mark;
      show(next);
    };
    const run = (step: () => Promise<void>) => {
      queue = queue.then(step).catch(fail);
    };
    run(readWhole);
    const subscription = liveQuery(lastSeq).subscribe({ next: (seen) => run(() => catchUp(seen)), error: fail });
    return () => {
      stopped = true;
      subscription.unsubscribe();
    };
    // The caller lists what `read` and `update` depend on, as with useEffect.
  }, deps);
  return live;
}
