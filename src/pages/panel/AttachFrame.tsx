import { useState } from 'preact/hooks';
import { errorText } from '../../core/error-text';
import { t } from '../../core/i18n';
import { frameFailureText, imageNotStoredText, type FrameFailure } from '../../core/frame-failure';
import { newImage, storeImage } from '../../db/images';
import { usePanel } from './panel-context';

/** Where a frame goes: the note (or the draft's note-to-be) and its recording. */
export interface FrameOwner {
  recordingKey: string;
  noteId: string;
  /** Seconds: the frame's time when the video gives none with its picture. */
  t: number;
}

/** Why the last frame was not attached: the capture's reason, or a sentence (a failed write). */
export type FrameProblemState = { failure: FrameFailure } | { text: string };

/**
 * Attaching the video's picture to a note: takes it (PanelValue.captureFrame) and stores it with
 * the note's id. What went wrong is kept for `FrameProblem` to say; the note itself is never
 * touched, so its text is safe whatever happens here.
 */
export function useAttachFrame(): {
  busy: boolean;
  problem: FrameProblemState | null;
  /** Resolves to whether a frame was stored. */
  attach(owner: FrameOwner): Promise<boolean>;
  dismiss(): void;
} {
  const { captureFrame } = usePanel();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FrameProblemState | null>(null);
  const attach = async (owner: FrameOwner) => {
    setBusy(true);
    setProblem(null);
    try {
      const capture = await captureFrame();
      if (!capture.ok) {
        setProblem({ failure: capture.failure });
        return false;
      }
      const { t, source: _source, ...picture } = capture.frame;
      await storeImage(newImage({ recordingKey: owner.recordingKey, kind: 'frame', noteId: owner.noteId, t: t ?? owner.t, ...picture }));
      return true;
    } catch (error) {
      setProblem({ text: imageNotStoredText(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, attach, dismiss: () => setProblem(null) };
}

/**
 * Says why a frame was not attached. Where a capture of the tab needs a permission, offers to ask
 * for it (from this click: the browser asks only in answer to one) and tries again once given.
 */
export function FrameProblem({ id, problem, onRetry, onDismiss }: { id: string; problem: FrameProblemState; onRetry(): void; onDismiss(): void }) {
  const { askTabCapture, frameShortcut } = usePanel();
  const [refusal, setRefusal] = useState<string | null>(null);
  const needsPermission = 'failure' in problem && problem.failure.reason === 'needs-permission';
  const text = 'failure' in problem ? frameFailureText(problem.failure, frameShortcut) : problem.text;
  const askPermission = (ask: () => Promise<boolean>) => {
    setRefusal(null);
    ask().then(
      (granted) => (granted ? onRetry() : setRefusal(t('panel_permissionRefused'))),
      (error: unknown) => setRefusal(t('panel_browserDidNotAsk', errorText(error))),
    );
  };
  return (
    <div class="frame-problem" id={id} role="alert">
      <p>{refusal ?? text}</p>
      <div class="frame-problem-actions">
        {needsPermission && askTabCapture && (
          <button type="button" class="primary" onClick={() => askPermission(askTabCapture)}>
            {t('panel_allowTabCapture')}
          </button>
        )}
        <button type="button" class="quiet" onClick={onDismiss}>
          {t('panel_ok')}
        </button>
      </div>
    </div>
  );
}

/** A camera, for the buttons that attach a frame; the button's label says what it does. */
export function CameraIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M9 4.5 7.6 6.5H4.5A2.5 2.5 0 0 0 2 9v9a2.5 2.5 0 0 0 2.5 2.5h15A2.5 2.5 0 0 0 22 18V9a2.5 2.5 0 0 0-2.5-2.5h-3.1L15 4.5H9Zm3 4a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
      />
    </svg>
  );
}
