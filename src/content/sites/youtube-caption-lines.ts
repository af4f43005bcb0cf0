import { rollingLines } from '../../core/captions/rolling-lines';
import type { CaptionTrack } from './adapter';

// The player's caption area (docs/player-dom.md §4.8): one window per caption track shown, each
// line a .caption-visual-line holding .ytp-caption-segment spans.
const CONTAINER = '.ytp-caption-window-container';
const SEGMENT = '.ytp-caption-segment';
const VISUAL_LINE = '.caption-visual-line';

/**
 * Follows the caption lines the YouTube player draws in `player` for `video` until `signal`
 * aborts, giving a track of the lines seen (source 'screen', language unknown: the lines do not
 * say it) as core/captions/rolling-lines.ts turns them into cues. Only the caption container is
 * observed, not the document; until the player makes one, only the player's own children are.
 * Lines are read as text (`textContent`).
 */
export function followCaptionLines(player: Element, video: HTMLVideoElement, onTrack: (track: CaptionTrack) => void, signal: AbortSignal): void {
  const rolling = rollingLines();
  const read = (container: Element) => {
    const lines = new Map<Element, string[]>();
    for (const segment of container.querySelectorAll(SEGMENT)) {
      const line = segment.closest(VISUAL_LINE) ?? segment;
      lines.set(line, [...(lines.get(line) ?? []), segment.textContent ?? '']);
    }
    if (rolling.see(video.currentTime, [...lines.values()].map((parts) => parts.join(' ')))) {
      onTrack({ lang: '', source: 'screen', complete: false, cues: rolling.cues() });
    }
  };
  const watch = (container: Element) => {
    const observer = new MutationObserver(() => read(container));
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    read(container);
  };
  const container = player.querySelector(CONTAINER);
  if (container) return watch(container);
  const awaiting = new MutationObserver(() => {
    const made = player.querySelector(CONTAINER);
    if (!made) return;
    awaiting.disconnect();
    if (!signal.aborted) watch(made);
  });
  awaiting.observe(player, { childList: true });
  signal.addEventListener('abort', () => awaiting.disconnect(), { once: true });
}
