/** Realistic export input: two speakers (one with commas in the name), notes full of markup, Q&A. */
import type { ExportInput } from '../../../src/core/export/input';
import type { Note, QaItem, Recording } from '../../../src/core/model';

export const VIDEO = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const KEY = 'youtube:dQw4w9WgXcQ';
const T0 = Date.UTC(2026, 10, 12, 15, 0, 0);

export function recording(overrides: Partial<Recording> = {}): Recording {
  return {
    key: KEY,
    site: 'youtube',
    url: VIDEO,
    title: 'Page title (YouTube)',
    duration: 3600,
    details: {
      title: 'Scaling *Community* Forums [2026] <Live>',
      date: '2026-11-12',
      description: 'A panel on moderation & growth.\n\nBring questions!',
      organiser: 'Forum Friends_Club',
    },
    speakers: [
      { id: 's1', name: 'Ana Díaz', role: 'Head of Research', org: 'Example Org', handle: 'ana_diaz' },
      { id: 's2', name: 'Smith, Jr., John', role: 'CTO', org: 'Acme, Inc.', handle: '@jsmith' },
    ],
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

let counter = 0;
export function note(t: number, text: string, extra: Partial<Note> = {}): Note {
  counter++;
  return {
    id: `3f2b8c1e-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    recordingKey: KEY,
    t,
    text,
    createdAt: T0 + counter,
    updatedAt: T0 + counter,
    ...extra,
  };
}

export function question(id: string, t: number | undefined, text: string, extra: Partial<QaItem> = {}): QaItem {
  const item: QaItem = { id, recordingKey: KEY, question: text, answers: [], createdAt: T0, updatedAt: T0 + 1000, ...extra };
  if (t !== undefined) item.t = t;
  return item;
}

export const NOTE_TEXTS = {
  welcome: 'Welcome & intro 🎉',
  markup: 'Use **bold** claims? No: _really_ <script>alert(1)</script>',
  blocks: '# Not a heading\n- not a list\n[quote]BBCode[/quote] and [b]bold[/b] | a | table | ping @bob :smile:',
  link: 'See https://example.com/docs_(v2) for details.',
};

/** The main fixture; each call returns fresh objects. */
export function webinar(): ExportInput {
  return {
    recording: recording(),
    notes: [
      // Out of order on purpose: exports sort by time.
      note(754.6, NOTE_TEXTS.blocks, { speakerId: 's1', tags: ['moderation'] }),
      note(5, NOTE_TEXTS.welcome, { speakerId: 's1' }),
      note(900, 'TRASHED secret note', { deletedAt: T0 + 5000 }),
      note(65, NOTE_TEXTS.markup, { speakerId: 's2' }),
      note(1800, NOTE_TEXTS.link),
    ],
    qa: [
      question('7c9e6679-7425-40de-944b-e07fc1f90ae7', 1500, 'How does moderation scale?', {
        askedBy: 'Priya',
        answers: [{ speakerId: 's1', text: 'With trust levels & flags.', t: 1510, end: 1560 }],
      }),
      question('qa-2', 1600, 'Is there an API <v2>?', {
        askedBy: 'a registrant',
        answers: [
          { name: 'Guest panelist', text: 'Yes, see the docs.' },
          { text: 'Another answer, nobody named.' },
        ],
      }),
      question('qa-3', 1700, 'What about pricing?'),
      question('qa-trashed', 1750, 'TRASHED question', { deletedAt: T0 + 9000 }),
    ],
  };
}

export function emptyWebinar(): ExportInput {
  return { recording: recording({ speakers: [], details: {} }), notes: [], qa: [] };
}

/** 5,000 notes, one every 3 s, some trashed, every one with a little markup. */
export function manyNotes(count = 5000): ExportInput {
  const notes = Array.from({ length: count }, (_, i) =>
    note(i * 3, `Point ${i}: *emphasis* & <tag> [link](x)`, i % 97 === 0 ? { deletedAt: T0 } : { speakerId: i % 2 ? 's1' : 's2' }),
  );
  return { recording: recording({ duration: count * 3 + 60 }), notes, qa: [] };
}
