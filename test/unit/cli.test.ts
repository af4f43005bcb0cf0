import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { type BackupImage, makeBackup } from '../../src/core/backup';
import { bytesToBase64 } from '../../src/core/base64';
import { safeFileName } from '../../src/core/file-name';
import { commonMark } from './export/markdown-renderers';
import type { Note, QaItem, Recording } from '../../src/core/model';

const dir = mkdtempSync(join(tmpdir(), 'webinar-notes-cli-'));
const recording: Recording = {
  key: 'youtube:Wb1nQ9rLk2A',
  site: 'youtube',
  url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A',
  title: 'Accessible forms in practice',
  details: { date: '2026-11-12' },
  speakers: [{ id: 's1', name: 'Ada Example', role: 'Lead' }],
  createdAt: 1,
  updatedAt: 1,
};
const notes: Note[] = [
  { id: 'n1', recordingKey: recording.key, t: 5, text: 'Opening', createdAt: 1, updatedAt: 1 },
  { id: 'n2', recordingKey: recording.key, t: 65, text: 'Labels *matter*', speakerId: 's1', createdAt: 2, updatedAt: 2 },
  { id: 'n3', recordingKey: recording.key, t: 130, text: 'Errors', createdAt: 3, updatedAt: 3 },
];
const qa: QaItem[] = [
  { id: 'q1', recordingKey: recording.key, question: 'Free tier?', t: 200, answers: [{ speakerId: 's1', text: 'Yes.' }], createdAt: 4, updatedAt: 4 },
];
const backupFile = join(dir, 'backup.json');
writeFileSync(backupFile, JSON.stringify(makeBackup({ recordings: [recording], notes, qa }, new Date('2026-11-20T10:00:00Z'))));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('webinar-notes export', () => {
  it('prints the forum post of a backup, with warnings on stderr', async () => {
    const { code, stdout, stderr } = await run('export', '--format', 'forum', backupFile);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('# Accessible forms in practice — 12 November 2026');
    expect(stdout.split('\n')).toContain('https://www.youtube.com/watch?v=Wb1nQ9rLk2A');
    expect(stdout).toContain('Labels \\*matter\\*');
    expect(stderr).toMatch(/^warning: .*links/m);
  });

  it('prints a page address from a backup with its markup percent-encoded, in every format', async () => {
    const url = 'http://127.0.0.1:8000/talk)![p](https://tracker.example/p.png)';
    const page: Recording = { ...recording, key: url, site: 'html5', url };
    const file = join(dir, 'hostile.json');
    const note: Note = { id: 'h1', recordingKey: url, t: 12, text: 'Point', createdAt: 1, updatedAt: 1 };
    writeFileSync(file, JSON.stringify(makeBackup({ recordings: [page], notes: [note], qa: [] }, new Date('2026-11-20T10:00:00Z'))));
    for (const format of ['forum', 'markdown', 'text', 'html', 'annotation']) {
      const { code, stdout } = await run('export', '--format', format, file);
      expect(code).toBe(0);
      expect(stdout, format).toContain('http://127.0.0.1:8000/talk%29%21%5Bp%5D%28https://tracker.example/p.png%29');
      expect(stdout, format).not.toContain('talk)');
    }
  });

  it('honours the forum options', async () => {
    const { stdout, stderr } = await run('export', '--format', 'forum', '--no-links', '--no-details', backupFile);
    expect(stdout).not.toContain('[details=');
    expect(stdout).not.toContain('t=65');
    expect(stderr).toBe('');
  });

  it.each([
    ['markdown', /Labels/],
    ['text', /1:05/],
    ['html', /<\/[a-z]+>/],
    ['chapters', /^0:00 /],
    ['vtt', /^WEBVTT/],
    ['annotation', /"AnnotationCollection"/],
  ])('prints %s', async (format, pattern) => {
    const { code, stdout } = await run('export', '--format', format, backupFile);
    expect(code).toBe(0);
    expect(stdout).toMatch(pattern);
  });

  it('says what is wrong with a bad file, a bad format or a missing file, and exits non-zero', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format":"webinar-notes-backup","version":1,"recordings":[');
    expect(await run('export', broken)).toMatchObject({ code: 1, stderr: expect.stringMatching(/cut off or is not JSON/) });
    expect(await run('export', '--format', 'pdf', backupFile)).toMatchObject({ code: 1, stderr: expect.stringMatching(/Unknown format pdf/) });
    expect(await run('export', join(dir, 'missing.json'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read/) });
    expect(await run('export', '--bogus', backupFile)).toMatchObject({ code: 2 });
    expect(await run('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage/) });
  });

  // Issue 17, item 4: the summary's language is chosen per export.
  it('writes the forum post in Turkish with --lang tr, the user text as typed, warnings in English', async () => {
    const { code, stdout, stderr } = await run('export', '--format', 'forum', '--lang', 'tr', backupFile);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('# Accessible forms in practice — 12 Kasım 2026');
    expect(lines).toContain('## Konuşmacılar');
    expect(lines).toContain('## Önemli noktalar');
    expect(lines).toContain('## Soru-Cevap');
    expect(stdout).toContain('[details="Soru-Cevap özeti (1 soru)"]');
    expect(stdout).toContain('Labels \\*matter\\*');
    expect(stdout).not.toContain('Key points');
    expect(stderr).toMatch(/^warning: The post has \d+ links/m);
    // The same outline as the English post: as many lines, the same lines where nothing is in words of ours.
    const english = (await run('export', '--format', 'forum', backupFile)).stdout.split('\n');
    expect(lines).toHaveLength(english.length);
  });

  it('writes every export in the --lang given, and refuses a language it does not have, naming those it has', async () => {
    for (const format of ['markdown', 'text', 'html']) {
      const { code, stdout } = await run('export', '--format', format, '--lang', 'tr', backupFile);
      expect(code, format).toBe(0);
      expect(stdout, format).toContain('Konuşmacılar');
      expect(stdout, format).toContain('12 Kasım 2026');
    }
    const chapters = await run('export', '--format', 'chapters', '--lang', 'tr', backupFile);
    expect(chapters.stdout.split('\n')[0]).toBe('0:00 Opening');
    const out = join(dir, 'handout-tr.html');
    expect((await run('export', '--format', 'handout', '--lang', 'tr', '--out', out, backupFile)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<html lang="tr">');
    expect(await run('export', '--format', 'forum', '--lang', 'de', backupFile)).toMatchObject({
      code: 1,
      stderr: 'webinar-notes: Unknown language de; use one of en, tr.\n',
    });
    expect(await run('export', '--format', 'forum', backupFile, '--lang')).toMatchObject({ code: 1, stderr: expect.stringMatching(/--lang needs a value/) });
  });

  // Issue 11, item 6: the command line dropped notes from chapters and cues without a word.
  it('names on stderr each note that chapters or WebVTT leave out, with its reason', async () => {
    const file = join(dir, 'left-out.json');
    const timed = { ...recording, duration: 300 };
    const at = (id: string, t: number, text: string): Note => ({ id, recordingKey: recording.key, t, text, createdAt: t, updatedAt: t });
    const some = [at('a', 0, 'A'), at('b', 4, 'Too soon'), at('c', 100, 'B'), at('d', 200, 'C'), at('e', 295, 'Credits'), at('f', 300, 'Bonus 👩‍💻')];
    writeFileSync(file, JSON.stringify(makeBackup({ recordings: [timed], notes: some, qa: [] }, new Date('2026-11-20T10:00:00Z'))));
    const chapters = await run('export', '--format', 'chapters', file);
    expect(chapters.code).toBe(0);
    expect(chapters.stdout).toBe('0:00 A\n1:40 B\n3:20 C\n');
    expect(chapters.stderr.split('\n')).toEqual([
      'warning: The note at 0:04 “Too soon” is left out: it is less than 10 s after the chapter at 0:00.',
      'warning: The note at 4:55 “Credits” is left out: it is less than 10 s before the end of the recording (5:00).',
      'warning: The note at 5:00 “Bonus 👩‍💻” is left out: it is at or after the end of the recording (5:00).',
      '',
    ]);
    const vtt = await run('export', '--format', 'vtt', file);
    expect(vtt.code).toBe(0);
    expect(vtt.stdout).not.toContain('Bonus');
    expect(vtt.stderr).toBe('warning: The note at 5:00 “Bonus 👩‍💻” is left out: it is at or after the end of the recording (5:00).\n');
    // Too few chapters: the refusal names the notes it left out too.
    const few = join(dir, 'few.json');
    writeFileSync(few, JSON.stringify(makeBackup({ recordings: [timed], notes: some.slice(0, 3), qa: [] }, new Date('2026-11-20T10:00:00Z'))));
    const refused = await run('export', '--format', 'chapters', few);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^webinar-notes: YouTube needs at least 3 chapters.*\nThe note at 0:04 “Too soon” is left out: it is less than 10 s after the chapter at 0:00\.\n$/);
  });

  // Issue 11, item 7: a backup re-saved with a byte-order mark was "cut off or is not JSON" here only.
  it('reads a backup an editor saved with a byte-order mark, in UTF-8 or UTF-16', async () => {
    const json = JSON.stringify(makeBackup({ recordings: [recording], notes, qa }, new Date('2026-11-20T10:00:00Z')));
    const plain = await run('export', '--format', 'text', backupFile);
    const utf8 = join(dir, 'bom-utf8.json');
    writeFileSync(utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]));
    const utf16 = join(dir, 'bom-utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    for (const file of [utf8, utf16]) expect(await run('export', '--format', 'text', file)).toEqual({ ...plain, code: 0 });
    const notText = join(dir, 'not-text.json');
    writeFileSync(notText, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(await run('export', notText)).toMatchObject({ code: 1, stderr: 'webinar-notes: This file is not UTF-8 text, so it cannot be a Webinar Notes backup. Nothing was changed.\n' });
  });

  it('exports a backup holding a time from before the rules, saying on stderr what it adjusted', async () => {
    // Versions before the time rule stored t: 1e21 as typed; their backups must still export.
    const old = join(dir, 'before-the-rules.json');
    writeFileSync(old, JSON.stringify(makeBackup({ recordings: [recording], notes: [{ ...notes[0]!, t: 1e21 }], qa: [] }, new Date('2026-11-20T10:00:00Z'))));
    const result = await run('export', '--format', 'text', old);
    expect(result).toMatchObject({ code: 0, stderr: 'warning: note 1 (id n1): t was past 100:00:00, now 0:00\n' });
    expect(result.stdout).toContain('0:00');
  });

  it("exports a version-3 backup's quotes under their notes, and names the transcript fixes it made on stderr", async () => {
    const file = join(dir, 'quotes.json');
    const quoted: Note = {
      id: 'qn', recordingKey: recording.key, t: 70, text: 'Labels', createdAt: 1, updatedAt: 1,
      quote: { text: 'every field needs a label @bob', start: 60, end: 69, source: 'track', lang: 'en' },
    };
    const transcript = { recordingKey: recording.key, lang: 'en', source: 'track', complete: true, updatedAt: 1, cues: [{ start: 1, end: 2, text: ' ' }] };
    writeFileSync(file, JSON.stringify(makeBackup({ recordings: [recording], notes: [quoted], qa: [], transcripts: [transcript as never] }, new Date('2026-11-20T10:00:00Z'))));
    const markdown = await run('export', '--format', 'markdown', file);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('- [1:10](https://www.youtube.com/watch?v=Wb1nQ9rLk2A&t=70s) Labels\n  > every field needs a label @bob\n');
    expect(markdown.stderr).toBe(`warning: transcript 1 (${recording.key}, en): 1 cue with no words left out\n`);
    const text = await run('export', '--format', 'text', file);
    expect(text.stdout).toContain('1:10  Labels\n      > every field needs a label @bob\n');
  });

  it('reads a Q&A file saved as UTF-16 with a byte-order mark, as it reads a backup', async () => {
    const file = join(dir, 'qa-utf16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Q: Is there a free tier?\nA: Yes.\n', 'utf16le')]));
    const { code, stdout } = await run('parse-qa', file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ question: 'Is there a free tier?', answers: [{ text: 'Yes.' }] }]);
  });

  it('asks which recording when a backup holds several', async () => {
    const two = join(dir, 'two.json');
    const other = { ...recording, key: 'vimeo:76979871', site: 'vimeo' as const, url: 'https://vimeo.com/76979871' };
    writeFileSync(two, JSON.stringify(makeBackup({ recordings: [recording, other], notes, qa }, new Date())));
    expect(await run('export', two)).toMatchObject({ code: 1, stderr: expect.stringMatching(/holds 2 recordings; pick one with --recording KEY/) });
    expect((await run('export', '--recording', 'youtube:Wb1nQ9rLk2A', two)).code).toBe(0);
  });
});

describe('webinar-notes parse-qa', () => {
  it('prints the parsed Q&A items as JSON', async () => {
    const file = join(dir, 'qa.txt');
    writeFileSync(file, 'Q: Is there a free tier?\nA: Yes, three seats.\n');
    const { code, stdout } = await run('parse-qa', file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([{ question: 'Is there a free tier?', answers: [{ text: 'Yes, three seats.' }] }]);
  });
});

describe('the installed command', () => {
  it('runs through package.json bin with plain node', () => {
    const bin = resolve(import.meta.dirname, '../../bin/webinar-notes.mjs');
    const result = spawnSync(process.execPath, [bin, 'export', '--format', 'chapters', backupFile], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^0:00 /);
  });
});

describe('webinar-notes export with pictures', () => {
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
  const webp = (seed: number) => new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP'), ...Array.from({ length: 64 }, (_, i) => (seed + i) % 256)]);
  const image = (id: string, kind: 'frame' | 'slide', t: number, extra: Partial<BackupImage> = {}): BackupImage => ({
    id, recordingKey: recording.key, kind, t, type: 'image/webp', width: 1280, height: 720, data: bytesToBase64(webp(t)),
    thumbType: 'image/webp', thumbWidth: 240, thumbHeight: 135, thumb: bytesToBase64(webp(t + 1)), createdAt: 1, updatedAt: 1, ...extra,
  });
  const title: Recording = { ...recording, details: { ...recording.details, title: 'CON: forms <a/b> "live"?' } };
  const withImages = join(dir, 'with-images.json');
  writeFileSync(withImages, JSON.stringify(makeBackup({
    recordings: [title], notes, qa,
    images: [image('s1', 'slide', 60), image('s2', 'slide', 120), image('f1', 'frame', 66, { noteId: 'n2' }), image('bad', 'slide', 200, { data: 'AAAA' })],
  }, new Date('2026-11-20T10:00:00Z'))));

  it('writes the Markdown zip: every picture it links is a file in it, every name safe everywhere', async () => {
    const out = join(dir, 'notes.zip');
    const { code, stderr } = await run('export', '--format', 'markdown-zip', '--out', out, withImages);
    expect(code).toBe(0);
    expect(stderr).toBe('warning: picture left out: image 4 (id bad): its picture is not a WebP or JPEG picture (by its bytes)\n');
    const unpacked = mkdtempSync(join(tmpdir(), 'webinar-notes-unzip-'));
    const unzip = spawnSync('unzip', ['-q', out, '-d', unpacked], { encoding: 'utf8' });
    expect(unzip.stderr).toBe('');
    expect(unzip.status).toBe(0);
    const files = readdirSync(unpacked, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(unpacked, join(e.parentPath, e.name)));
    expect(files.sort()).toEqual([
      'CON- forms -a-b- -live--/CON- forms -a-b- -live--.md',
      'CON- forms -a-b- -live--/images/0001-slide-1m00s.webp',
      'CON- forms -a-b- -live--/images/0002-frame-1m06s.webp',
      'CON- forms -a-b- -live--/images/0003-slide-2m00s.webp',
    ]);
    for (const part of files.flatMap((f) => f.split('/'))) expect(safeFileName(part)).toBe(part);
    const folder = join(unpacked, 'CON- forms -a-b- -live--');
    const markdown = readFileSync(join(folder, 'CON- forms -a-b- -live--.md'), 'utf8');
    const links = [...commonMark(markdown).matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(3);
    for (const link of links) expect(existsSync(join(folder, link)), link).toBe(true);
    expect(new Uint8Array(readFileSync(join(folder, 'images/0002-frame-1m06s.webp')))).toEqual(webp(66));
  });

  it('writes the handout with the pictures inline, and the forum post names them', async () => {
    const out = join(dir, 'handout.html');
    expect((await run('export', '--format', 'handout', '--out', out, withImages)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<img src="data:image\/webp;base64,/g)).toHaveLength(3);
    expect(html).toContain('<h1 dir="auto">CON: forms &lt;a/b&gt; &quot;live&quot;?</h1>');
    const forum = await run('export', '--format', 'forum', withImages);
    expect(forum.stdout.trimEnd().split('\n').at(-1)).toBe('2 slides and 1 frame are in the handout.');
    expect((await run('export', '--format', 'forum', backupFile)).stdout).not.toContain('handout');
  });

  it('needs --out for a file format, and writes a text format there when given', async () => {
    const missing = await run('export', '--format', 'handout', withImages);
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'webinar-notes: --format handout writes a file: name it with --out FILE.\n' });
    const out = join(dir, 'post.md');
    expect(await run('export', '--format', 'forum', '--out', out, backupFile)).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('# Accessible forms in practice — 12 November 2026');
  });

  it('writes the zip through package.json bin with plain node', () => {
    const out = join(dir, 'bin.zip');
    const result = spawnSync(process.execPath, [resolve('bin/webinar-notes.mjs'), 'export', '--format', 'markdown-zip', '--out', out, withImages], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(spawnSync('unzip', ['-t', out], { encoding: 'utf8' }).stdout).toContain('No errors detected');
  });
});
