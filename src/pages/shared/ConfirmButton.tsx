import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** The button that asks ("Empty trash…"). */
  label: string;
  /** The question's group name for screen readers, its words, and the two answers. */
  groupLabel: string;
  question: string;
  confirmLabel: string;
  keepLabel: string;
  /** Does the deed; the question stays open if it rejects (the caller says why). */
  onConfirm(): Promise<unknown>;
  /** Where the focus goes once the deed is done (default: the asking button, if it is still there). */
  focusAfter?: RefObject<HTMLElement>;
}

/**
 * A destructive action that asks first, in place: the question, the action and the safe answer,
 * which takes the focus so Enter on a keyboard never destroys. Answered either way, the focus goes
 * back where the user was. The trash, a recording's images and the settings' transcripts use it.
 */
export function ConfirmButton({ label, groupLabel, question, confirmLabel, keepLabel, onConfirm, focusAfter }: Props) {
  const [asking, setAsking] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const backToAsk = useRef(false);
  useEffect(() => {
    if (asking) keep.current?.focus();
    else if (backToAsk.current) ask.current?.focus();
    backToAsk.current = false;
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" ref={ask} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={groupLabel}>
      <span>{question}</span>
      <button
        type="button"
        class="danger"
        onClick={() => {
          onConfirm().then(
            () => {
              // Focused at once: the deed may remove this very button (an emptied trash has none).
              if (focusAfter) focusAfter.current?.focus();
              else backToAsk.current = true;
              setAsking(false);
            },
            () => undefined,
          );
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        class="quiet"
        ref={keep}
        onClick={() => {
          backToAsk.current = true;
          setAsking(false);
        }}
      >
        {keepLabel}
      </button>
    </span>
  );
}
