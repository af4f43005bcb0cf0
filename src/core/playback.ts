/**
 * What the panel knows of the video in the page. The content script sends it at every change
 * (play, pause, seek, rate) and now and then while playing; the panel extrapolates between
 * messages, so reading the time never waits for a round trip.
 */
import { isMediaTime } from './time';

export interface PlaybackState {
  /** currentTime when the state was read; null while the video has no time yet. */
  t: number | null;
  paused: boolean;
  rate: number;
  /** null while unknown and for a live stream. */
  duration: number | null;
  /** Date.now() when the state was read. */
  at: number;
  /** An ad plays in place of the recording. */
  ad: boolean;
}

/** The recording's time at wall-clock `now`, or null when there is none (no time yet, or an ad). */
export function timeAt(state: PlaybackState, now: number): number | null {
  if (state.ad || state.t === null || !Number.isFinite(state.t)) return null;
  if (state.paused) return state.t;
  const t = state.t + (Math.max(0, now - state.at) / 1000) * state.rate;
  const capped = state.duration !== null && Number.isFinite(state.duration) ? Math.min(t, state.duration) : t;
  // Played on past the media time rule (a stream beyond 100 hours): no time a note could hold.
  return isMediaTime(capped) ? capped : null;
}

/** The time a note gets when typing starts at `videoTime`. */
export function noteTime(videoTime: number, leadInSeconds: number): number {
  return Math.max(0, videoTime - leadInSeconds);
}
