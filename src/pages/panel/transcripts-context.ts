import { createContext } from 'preact';
import { useContext, useEffect, useReducer, useState } from 'preact/hooks';
import type { Transcript } from '../../core/model';

/**
 * The recording's transcripts for the panel's parts, apart from the main panel context: they
 * change with every caption message, and only the Transcript tab should re-render then. The
 * composer reads them at the keystroke that gives a note its time, without subscribing.
 */
export interface TranscriptsSource {
  /** As useTranscripts gives them: the track heard last first. */
  get(): readonly Transcript[];
  /** Calls `listener` whenever they change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const NONE: TranscriptsSource = { get: () => [], subscribe: () => () => undefined };

export const TranscriptsContext = createContext<TranscriptsSource>(NONE);

/** One source for the panel's life, holding `transcripts` as of the latest render. */
export function useTranscriptsSource(transcripts: readonly Transcript[]): TranscriptsSource {
  const [source] = useState(() => {
    let held: readonly Transcript[] = [];
    const listeners = new Set<() => void>();
    return {
      get: () => held,
      set(next: readonly Transcript[]) {
        held = next;
      },
      notify: () => listeners.forEach((listener) => listener()),
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  });
  // Held from the render on, so a part rendered in the same pass reads the new list; those who
  // follow it hear after the commit.
  source.set(transcripts);
  useEffect(() => source.notify(), [transcripts]);
  return source;
}

/** The transcripts, re-rendering the caller whenever they change. */
export function useTranscriptList(): readonly Transcript[] {
  const source = useContext(TranscriptsContext);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => source.subscribe(() => rerender(0)), [source]);
  return source.get();
}
