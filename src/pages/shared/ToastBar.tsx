import { useEffect, useRef, useState } from 'preact/hooks';
import { failedText } from '../../core/feedback-text';
import type { Toast } from './toast';
import { t } from '../../core/i18n';

const SHOWN_MS = 8000;

/** A short message at the bottom of the page, with Undo when there is something to undo. */
export function ToastBar({ toast, onClose }: { toast: Toast | null; onClose(): void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const shown = useRef(toast);
  shown.current = toast;
  const text = useRef<HTMLSpanElement>(null);
  useEffect(() => setFailure(null), [toast]);
  // Shown for a while; a failed Undo gets its own full time, and the focus its button had.
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, failure]);
  useEffect(() => {
    if (failure) text.current?.focus();
  }, [failure]);
  if (!toast) return null;
  const undo = () => {
    const asked = toast;
    asked.undo?.().then(
      () => {
        // A newer toast may have replaced this one meanwhile: that one is not ours to close.
        if (shown.current === asked) onClose();
      },
      (error: unknown) => {
        if (shown.current === asked) setFailure(failedText('undone', error));
      },
    );
  };
  return (
    <div class="toast" role="status">
      <span class="toast-text" ref={text} tabIndex={-1}>
        {failure ?? toast.text}
      </span>
      {toast.undo && !failure && (
        <button type="button" onClick={undo}>
          {t('shared_undo')}
        </button>
      )}
    </div>
  );
}
