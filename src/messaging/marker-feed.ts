/**
 * The panel's side of the markers: which messages bring the page's markers to the notes listed.
 *
 * A marker is named on the wire by a number this feed gives it (0, 1, 2… in the order they were
 * first sent), never by its note's id: a note id is a random UUID that stays the note's for
 * good, the same on every page that plays the recording (one YouTube video embedded on two
 * sites), so handing it to pages would give them a lasting identifier of the user. A number
 * means nothing outside one link and one recording: the page learns only how many markers came
 * and in what order, which it sees anyway.
 */
import { MAX_MARKERS, type ToContent } from './protocol';

interface Sent {
  marker: number;
  t: number;
}

export class MarkerFeed {
  /** By note id, what the page holds; null until the full set is sent (or after a reset). */
  private sent: Map<string, Sent> | null = null;
  private recordingKey: string | undefined;
  private nextMarker = 0;

  /** Forget what the page holds: the next update sends the full set (a new link, a page that cleared them). */
  reset(): void {
    this.sent = null;
  }

  /**
   * The message that makes the page's markers those of `notes` (times in seconds, as listed for
   * `recordingKey`), or null when they match already. The first update, one for another
   * recording, and one whose changes would take more numbers than the set send the full set
   * (`markers`); any other sends what changed (`marker-changes`). O(n) in the notes: a lookup a
   * note, and a set of the ids only when some note left.
   */
  update(recordingKey: string | undefined, all: readonly { id: string; t: number }[]): ToContent | null {
    // A page holds at most MAX_MARKERS of a panel's markers: the first ones by time.
    const notes = all.length > MAX_MARKERS ? all.slice(0, MAX_MARKERS) : all;
    if (this.sent === null || recordingKey !== this.recordingKey) return this.full(recordingKey, notes);
    const sent = this.sent;
    const set: [number, number][] = [];
    const added: { id: string; t: number }[] = [];
    for (const note of notes) {
      const held = sent.get(note.id);
      if (!held) {
        added.push(note);
      } else if (held.t !== note.t) {
        held.t = note.t;
        set.push([held.marker, note.t]);
      }
    }
    // Some sent are no longer listed: only then is it worth finding which.
    const remove: number[] = [];
    if (sent.size > notes.length - added.length) {
      const listed = new Set(notes.map((note) => note.id));
      for (const [id, held] of sent) {
        if (listed.has(id)) continue;
        remove.push(held.marker);
        sent.delete(id);
      }
    }
    for (const note of added) {
      const marker = this.nextMarker++;
      sent.set(note.id, { marker, t: note.t });
      set.push([marker, note.t]);
    }
    if (set.length === 0 && remove.length === 0) return null;
    // Changes that take more numbers than the set (a recording read again whole) go as the set.
    if (2 * set.length + remove.length > notes.length) return this.full(recordingKey, notes);
    return { type: 'marker-changes', set, remove };
  }

  private full(recordingKey: string | undefined, notes: readonly { id: string; t: number }[]): ToContent {
    this.recordingKey = recordingKey;
    this.sent = new Map(notes.map((note, marker) => [note.id, { marker, t: note.t }]));
    this.nextMarker = notes.length;
    return { type: 'markers', times: notes.map((note) => note.t) };
  }
}
