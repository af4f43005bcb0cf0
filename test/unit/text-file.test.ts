/**
 * One reader for the files users give us: the extension's import and the command line decode the
 * same bytes the same way (issue 11, item 7: the CLI refused a backup an editor had saved with a
 * byte-order mark, which the extension accepted).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackupFile } from '../../src/core/backup';
import type { Note, Recording } from '../../src/core/model';
import { decodeTextFile } from '../../src/core/text-file';
import { importBackup } from '../../src/db/backup';
import { db } from '../../src/db/schema';
import { useEmptyDatabaseAndClock } from './empty-db';

useEmptyDatabaseAndClock();

const utf8 = (text: string) => new TextEncoder().encode(text);
const withMark = (mark: number[], body: Uint8Array) => new Uint8Array([...mark, ...body]);
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

const TEXT = 'Q: Ça marche? 👩‍💻\nA: はい';

describe('decodeTextFile', () => {
  it('reads UTF-8, with or without a byte-order mark, which is not part of the text', () => {
    expect(decodeTextFile(utf8(TEXT))).toBe(TEXT);
    expect(decodeTextFile(withMark([0xef, 0xbb, 0xbf], utf8(TEXT)))).toBe(TEXT);
    expect(decodeTextFile(new Uint8Array())).toBe('');
  });

  it('reads UTF-16 in either byte order when a mark says so', () => {
    expect(decodeTextFile(withMark([0xff, 0xfe], utf16(TEXT, true)))).toBe(TEXT);
    expect(decodeTextFile(withMark([0xfe, 0xff], utf16(TEXT, false)))).toBe(TEXT);
  });

  it('keeps a second U+FEFF as text: only the first is the mark', () => {
    expect(decodeTextFile(withMark([0xef, 0xbb, 0xbf], utf8('\uFEFFx')))).toBe('\uFEFFx');
  });

  it('refuses bytes that are not valid in their encoding, rather than replacing them', () => {
    expect(decodeTextFile(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
    expect(decodeTextFile(withMark([0xef, 0xbb, 0xbf], new Uint8Array([0xc3])))).toBeNull();
  });
});

const recording: Recording = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Forms', createdAt: 1, updatedAt: 1 };
const note: Note = { id: 'n1', recordingKey: recording.key, t: 5, text: 'Opening 👩‍💻', createdAt: 1, updatedAt: 1 };
const json = JSON.stringify(makeBackup({ recordings: [recording], notes: [note], qa: [] }, new Date('2026-11-20T10:00:00Z')), null, 2);

describe('a backup file re-saved by an editor', () => {
  it.each([
    ['UTF-8', utf8(json)],
    ['UTF-8 with a byte-order mark', withMark([0xef, 0xbb, 0xbf], utf8(json))],
    ['UTF-16 LE with a byte-order mark', withMark([0xff, 0xfe], utf16(json, true))],
  ])('reads as the same backup, %s, and imports', async (_, bytes) => {
    const parsed = parseBackupFile(bytes);
    expect(parsed).toMatchObject({ ok: true, backup: { notes: [note] } });
    expect(await importBackup(bytes)).toEqual({ ok: true, counts: { added: 2, merged: 0, kept: 0, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
    expect(await db().notes.toArray()).toEqual([note]);
  });

  it('is refused with a clear message when it is not text, and nothing is written', async () => {
    const broken = new Uint8Array([...utf8(json.slice(0, 40)), 0xff, ...utf8(json.slice(40))]);
    const expected = { ok: false, message: 'This file is not UTF-8 text, so it cannot be a Webinar Notes backup. Nothing was changed.' };
    expect(parseBackupFile(broken)).toEqual(expected);
    expect(await importBackup(broken)).toEqual(expected);
    expect(await db().notes.count()).toBe(0);
  });
});
