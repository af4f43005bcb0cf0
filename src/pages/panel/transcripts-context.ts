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
  /** Why lines heard could not be stored, in words for the user; null while all is well. */
  problem(): string | null;
  /** Calls `listener` whenever they change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const NONE: TranscriptsSource = { get: () => [], problem: () => null, subscribe: () => () => undefined };

export const TranscriptsContext = createContext<TranscriptsSource>(NONE);

/** One source for the panel's life, holding `transcripts` and `problem` as of the latest render. */
export function useTranscriptsSource(transcripts: readonly Transcript[], problem: string | null): TranscriptsSource {
  const [source] = useState(() => {
    let held: readonly Transcript[] = [];
    let heldProblem: string | null = null;
    const listeners = new Set<() => void>();
    return {
      get: () => held,
      problem: () => heldProblem,
      set(next: readonly Transcript[], nextProblem: string | null) {
        held = next;
        heldProblem = nextProblem;
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
  source.set(transcripts, problem);
  useEffect(() => source.notify(), [transcripts, problem]);
  return source;
}

/** The transcripts and why they could not be stored, re-rendering the caller whenever they change. */
export function useTranscriptList(): { transcripts: readonly Transcript[]; problem: string | null } {
  const source = useContext(TranscriptsContext);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => source.subscribe(() => rerender(0)), [source]);
  return { transcripts: source.get(), problem: source.problem() };
}
