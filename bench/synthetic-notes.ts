/**
 * Made-up recordings, notes and Q&A in the extension's own model (src/core/model.ts): deterministic,
 * so every run measures the same data. Text lengths vary like real notes (a few words to a few lines).
 */
import type { BackupData } from '../src/core/backup';
import type { Cue, Note, QaItem, Recording, Speaker, Transcript } from '../src/core/model';

const WORDS =
  'labels errors focus order contrast keyboard screen reader announce field form hint required placeholder aria live region heading landmark button link target size motion colour caption transcript question answer example pattern test audit'.split(
    ' ',
  );
/** A fixed date: timestamps (and so sort orders) do not change between runs. */
const EPOCH = Date.UTC(2026, 10, 12, 17, 0, 0);
const SPEAKERS: Speaker[] = [
  { id: 'speaker-ada', name: 'Ada Example', role: 'Accessibility lead', org: 'Example Org', handle: 'ada' },
  { id: 'speaker-grace', name: 'Grace Sample', role: 'Front-end engineer', org: 'Sample Co' },
];

/** Words picked by xorshift32 seeded with `seed`. */
function sentence(seed: number, words: number): string {
  let state = Math.imul(seed + 1, 2654435761) >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out.push(WORDS[state % WORDS.length] as string);
  }
  const text = out.join(' ');
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}.`;
}

export function syntheticRecording(key: string, index = 0): Recording {
  return {
    key,
    site: 'html5',
    url: key,
    title: `Accessible forms in practice, part ${index + 1}`,
    duration: 3600,
    details: { title: `Accessible forms, part ${index + 1}`, date: '2026-11-12', description: sentence(index, 20), organiser: 'The A11y Guild' },
    speakers: SPEAKERS,
    createdAt: EPOCH,
    updatedAt: EPOCH,
  };
}

/**
 * `count` notes spread over an hour, 4 to 40 words each, half of them with a speaker. `first`
 * numbers them (ids and text) after another recording's.
 */
export function syntheticNotes(recordingKey: string, count: number, first = 0): Note[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `note-${first + i}`,
    recordingKey,
    t: Math.round((i * 3600 * 10) / count) / 10,
    text: sentence(first + i, 4 + ((i * 7) % 37)),
    ...(i % 2 === 0 ? { speakerId: (SPEAKERS[(i / 2) % SPEAKERS.length] as Speaker).id } : {}),
    createdAt: EPOCH + i * 1000,
    updatedAt: EPOCH + i * 1000,
  }));
}

/** `count` questions, every other one answered by a speaker; `first` as for notes. */
export function syntheticQa(recordingKey: string, count: number, first = 0): QaItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `qa-${first + i}`,
    recordingKey,
    question: `${sentence(-1 - first - i, 12).slice(0, -1)}?`,
    askedBy: `Attendee ${i + 1}`,
    t: 3000 + i * 30,
    answers: i % 2 === 0 ? [{ speakerId: (SPEAKERS[0] as Speaker).id, text: sentence(-1e6 - first - i, 25), t: 3000 + i * 30, end: 3020 + i * 30 }] : [],
    createdAt: EPOCH,
    updatedAt: EPOCH,
  }));
}

/** Everything a backup holds, for `recordings` recordings of `notesEach` notes and `qaEach` questions. */
export function syntheticLibrary(recordings: number, notesEach: number, qaEach: number): BackupData {
  const keys = Array.from({ length: recordings }, (_, r) => `https://webinars.example.org/recording/${r}`);
  return {
    recordings: keys.map((key, r) => syntheticRecording(key, r)),
    notes: keys.flatMap((key, r) => syntheticNotes(key, notesEach, r * notesEach)),
    qa: keys.flatMap((key, r) => syntheticQa(key, qaEach, r * qaEach)),
  };
}

/**
 * A transcript of `count` cues spread over `seconds` (a 2-hour webinar has about 2,500), 6 to 16
 * words each, the two speakers taking turns every ten cues; `first` as for notes.
 */
export function syntheticTranscript(recordingKey: string, count: number, seconds: number, first = 0): Transcript {
  const step = seconds / count;
  const cues: Cue[] = Array.from({ length: count }, (_, i) => ({
    start: Math.round(i * step * 1000) / 1000,
    end: Math.round((i + 1) * step * 1000) / 1000,
    text: sentence(-2e6 - first - i, 6 + ((i * 5) % 11)),
    voice: (SPEAKERS[Math.floor(i / 10) % SPEAKERS.length] as Speaker).name,
  }));
  return { recordingKey, lang: 'en', label: 'English', source: 'track', complete: true, cues, updatedAt: EPOCH };
}
