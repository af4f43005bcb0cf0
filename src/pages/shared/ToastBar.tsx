import { useEffect } from 'preact/hooks';
import type { Toast } from './toast';

const SHOWN_MS = 8000;

/** A short message at the bottom of the page, with Undo when there is something to undo. */
export function ToastBar({ toast, onClose }: { toast: Toast | null; onClose(): void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div class="toast" role="status">
      <span class="toast-text">{toast.text}</span>
      {toast.undo && (
        <button
          type="button"
          onClick={() => {
            toast.undo?.();
            onClose();
          }}
        >
          Undo
        </button>
      )}
    </div>
  );
}
