import JSZip from 'jszip';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../src/core/base64';
import { forumPost } from '../../../src/core/export/forum';
import { handoutHtml } from '../../../src/core/export/handout';
import { type ExportImage, type IllustratedInput, illustratedOutline, pictureCounts } from '../../../src/core/export/illustrated';
import { markdownZip } from '../../../src/core/export/markdown-zip';
import { nameKey, safeFileName } from '../../../src/core/file-name';
import { commonMark } from './markdown-renderers';
import { note, question, recording, webinar } from './fixtures';

/** Bytes that read as WebP (RIFF…WEBP) or JPEG (FF D8 FF) by their header, told apart by `seed`. */
function picture(seed: number, type: 'webp' | 'jpeg' | 'png' = 'webp'): Uint8Array {
  const body = Array.from({ length: 40 }, (_, i) => (seed * 31 + i) % 256);
  if (type === 'jpeg') return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...body]);
  if (type === 'png') return new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...body]);
  return new Uint8Array([...'RIFF'].map((c) => c.charCodeAt(0)).concat([48, 0, 0, 0], [...'WEBP'].map((c) => c.charCodeAt(0)), body));
}

const slide = (id: string, t: number, type: 'webp' | 'jpeg' | 'png' = 'webp'): ExportImage =>
  ({ id, kind: 'slide', t, width: 1280, height: 720, bytes: picture(t, type) });
const frame = (id: string, t: number, noteId: string): ExportImage =>
  ({ id, kind: 'frame', t, noteId, width: 640, height: 360, bytes: picture(t + 7, 'jpeg') });

/** The fixture webinar with slides at 1:00, 11:40 and 33:20, a frame on the note at 1:05 and one on a trashed note. */
function illustrated(): IllustratedInput {
  const input = webinar();
  const at = (t: number) => input.notes.find((n) => n.t === t)!;
  return {
    ...input,
    images: [
      slide('s-late', 2000),
      slide('s-1', 60),
      slide('s-2', 700, 'jpeg'),
      slide('s-bad', 800, 'png'),
      frame('f-1', 66, at(65).id),
      frame('f-2', 64, at(65).id),
      frame('f-trash', 901, at(900).id),
    ],
  };
}

describe('illustratedOutline', () => {
  it('places each note under the last slide shown before it, its frames with it, in time order', () => {
    const { sections, images, skipped } = illustratedOutline(illustrated());
    expect(sections.map((s) => [s.slide?.label ?? null, s.notes.map((n) => [n.note.at.label, n.frames.map((f) => f.label)])])).toEqual([
      [null, [['0:05', []]]],
      ['Slide at 1:00', [['1:05', ['Frame at 1:04', 'Frame at 1:06']]]],
      ['Slide at 11:40', [['12:34', []], ['30:00', []]]],
      ['Slide at 33:20', []],
    ]);
    expect(images.map((i) => i.path)).toEqual([
      'images/0001-slide-1m00s.webp',
      'images/0002-frame-1m04s.jpg',
      'images/0003-frame-1m06s.jpg',
      'images/0004-slide-11m40s.jpg',
      'images/0005-slide-33m20s.webp',
    ]);
    expect(skipped).toEqual(['slide at 13:20 (id s-bad): not a WebP or JPEG picture']);
  });

  it('counts the slides and the frames of live notes', () => {
    const input = illustrated();
    expect(pictureCounts(input, input.images)).toEqual({ slides: 4, frames: 2 });
  });
});

describe('markdownZip', () => {
  it('holds the document and every picture it links, under names safe everywhere', async () => {
    const input = illustrated();
    const zip = await markdownZip(input);
    expect(zip.fileName).toBe('Scaling -Community- Forums [2026] -Live-.zip');
    const read = await JSZip.loadAsync(zip.bytes);
    const files = Object.values(read.files).filter((f) => !f.dir).map((f) => f.name);
    expect(files.sort()).toEqual([...zip.entries].sort());
    const folder = 'Scaling -Community- Forums [2026] -Live-';
    const doc = await read.file(`${folder}/${folder}.md`)!.async('string');
    // Every picture the Markdown shows, as CommonMark reads it, is a file in the zip beside it.
    const html = commonMark(doc);
    const srcs = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs).toHaveLength(5);
    for (const src of srcs) {
      expect(src).toMatch(/^images\/[0-9a-z-]+\.(webp|jpg)$/);
      const file = read.file(`${folder}/${src}`);
      expect(file, src).not.toBeNull();
    }
    // The bytes are the stored ones.
    const slideBytes = await read.file(`${folder}/images/0001-slide-1m00s.webp`)!.async('uint8array');
    expect(slideBytes).toEqual(input.images[1]!.bytes);
    for (const name of files.flatMap((path) => path.split('/'))) expect(safeFileName(name)).toBe(name);
    expect(new Set(files.map(nameKey)).size).toBe(files.length);
    // The note text is escaped as in the Markdown export; the slide comes before its notes.
    expect(doc).toContain('<script\\>alert(1)');
    expect(doc.indexOf('![Slide at 1:00]')).toBeLessThan(doc.indexOf('Use \\*\\*bold'));
    expect(doc).not.toContain('TRASHED');
  });

  it('makes the same bytes from the same notes', async () => {
    const a = await markdownZip(illustrated());
    const b = await markdownZip(illustrated());
    expect(a.bytes).toEqual(b.bytes);
  });
});

function parse(html: string): Document {
  return new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe('handoutHtml', () => {
  it('shows every user string as typed, beside pictures inlined from their bytes', () => {
    const evil = (label: string) => `${label} & <b onclick="x">'y'</b> <img src=x onerror=alert(1)>`;
    const input = illustrated();
    const hostile: IllustratedInput = {
      ...input,
      recording: recording({
        details: { title: evil('title'), date: '2026-11-12', description: evil('description'), organiser: evil('organiser') },
        speakers: [{ id: 's1', name: evil('speaker'), role: evil('role'), org: evil('org') }],
      }),
      notes: [...input.notes, note(70, evil('note'), { speakerId: 's1', quote: { text: evil('quote'), start: 60, end: 69, source: 'track', lang: 'en' } })],
      qa: [question('q1', 30, evil('question'), { askedBy: evil('asker'), answers: [{ name: evil('answerer'), text: evil('answer') }] })],
    };
    const { html, images, skipped } = handoutHtml(hostile);
    expect(images).toBe(5);
    expect(skipped).toHaveLength(1);
    const doc = parse(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.title).toBe(evil('title'));
    const tags = new Set(Array.from(doc.body.querySelectorAll('*'), (el) => el.tagName.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'blockquote', 'br', 'div', 'figcaption', 'figure', 'h1', 'h2', 'header', 'img', 'li', 'main', 'p', 'section', 'span', 'strong', 'ul']);
    const body = doc.body.textContent ?? '';
    for (const label of ['title', 'description', 'organiser', 'speaker', 'role', 'org', 'note', 'quote', 'question', 'asker', 'answerer', 'answer']) {
      expect(body, label).toContain(evil(label));
    }
    const imgs = Array.from(doc.querySelectorAll('img'));
    expect(imgs.map((img) => img.getAttribute('alt'))).toEqual(['Slide at 1:00', 'Frame at 1:04', 'Frame at 1:06', 'Slide at 11:40', 'Slide at 33:20']);
    expect(imgs[1]!.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(base64ToBytes(imgs[0]!.getAttribute('src')!.replace('data:image/webp;base64,', ''))).toEqual(input.images[1]!.bytes);
    // User text sits in dir=auto elements; the frames sit beside their note.
    expect(doc.querySelector('h1')!.getAttribute('dir')).toBe('auto');
    expect(doc.querySelectorAll('.note .frames img')).toHaveLength(2);
    // Nothing runs and nothing loads from elsewhere.
    expect(doc.querySelectorAll('script, link, iframe, object')).toHaveLength(0);
    expect(html).toContain('@media print');
  });
});

describe('forum post', () => {
  it('says how many pictures the handout holds, and nothing when there are none', () => {
    const options = { grouping: 'time', noteLinks: true, qaInDetails: true, mentions: false } as const;
    const plain = forumPost(webinar(), options).text;
    expect(forumPost(webinar(), { ...options, pictures: { slides: 0, frames: 0 } }).text).toBe(plain);
    const text = forumPost(webinar(), { ...options, pictures: { slides: 12, frames: 3 } }).text;
    expect(text).toBe(`${plain}\n12 slides and 3 frames are in the handout.\n`);
    expect(forumPost(webinar(), { ...options, pictures: { slides: 1, frames: 0 } }).text).toContain('\n1 slide is in the handout.\n');
  });
});
