/**
 * Which of two copies of one transcript (same recording and language) to keep, when a backup
 * brings one the library already has (and, later, when two devices sync). A transcript is a
 * recording of what the player showed, not something a user edits, so the copies are not merged
 * cue by cue: one is kept whole. The rule, in order:
 * 1. a complete track (the player loaded all of it) wins over lines seen so far;
 * 2. else the copy with more cues: it heard more of the recording;
 * 3. else the one updated last;
 * 4. else (the same) the stored one, so an import of the same file again writes nothing.
 */
import type { Transcript } from '../model';

/** `'incoming'` when `incoming` should replace `stored`, else `'stored'`. */
export function preferredTranscript(stored: Transcript, incoming: Transcript): 'stored' | 'incoming' {
  if (stored.complete !== incoming.complete) return incoming.complete ? 'incoming' : 'stored';
  if (stored.cues.length !== incoming.cues.length) return incoming.cues.length > stored.cues.length ? 'incoming' : 'stored';
  return incoming.updatedAt > stored.updatedAt ? 'incoming' : 'stored';
}
