import { useEffect, useState } from 'preact/hooks';
import { errorText } from './FormError';
import type { Toast } from './toast';

const SHOWN_MS = 8000;

/** A short message at the bottom of the page, with Undo when there is something to undo. */
export function ToastBar({ toast, onClose }: { toast: Toast | null; onClose(): void }) {
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setFailure(null);
    if (!toast) return;
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div class="toast" role="status">
      <span class="toast-text">{failure ?? toast.text}</span>
      {toast.undo && !failure && (
        <button
          type="button"
          onClick={() => {
            toast.undo?.().then(onClose, (error: unknown) => setFailure(`Not undone: ${errorText(error)}`));
          }}
        >
          Undo
        </button>
      )}
    </div>
  );
}
