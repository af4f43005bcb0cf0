import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, nameKey, safeFileName, uniqueFileNames } from '../../src/core/file-name';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** What a name must not be on Windows, macOS or Linux (the rules in file-name.ts). */
function unsafe(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[<>:"/\\|?*\u0000-\u001f\u007f]/u.test(name)) return 'a forbidden character';
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/iu.test(name)) return 'a reserved name';
  if (/[. ]$/u.test(name) || /^[. ]/u.test(name)) return 'a leading or trailing dot or space';
  if (bytes(name) > MAX_NAME_BYTES) return 'too long';
  if (name !== name.normalize('NFC')) return 'not NFC';
  if (name === '' || name.includes('\uFFFD')) return 'empty or a broken character';
  return null;
}

describe('safeFileName', () => {
  it('keeps a plain title as it is', () => {
    expect(safeFileName('Accessible forms in practice', '.md')).toBe('Accessible forms in practice.md');
    expect(safeFileName('Überblick – 日本語 🎉', '.zip')).toBe('Überblick – 日本語 🎉.zip');
  });

  it('replaces what Windows forbids and drops leading and trailing dots and spaces', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j', '.md')).toBe('a-b-c-d-e-f-g-h-i-j.md');
    expect(safeFileName('tab\there\nnewline\u0000nul', '')).toBe('tab here newline-nul');
    expect(safeFileName('  ..hidden. . ', '.md')).toBe('hidden.md');
    expect(safeFileName('...', '.md')).toBe('untitled.md');
    expect(safeFileName('', '.zip', 'Webinar notes')).toBe('Webinar notes.zip');
  });

  it('puts a _ before the device names Windows reserves, in any case, with or without an extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'nul', 'COM1', 'com9', 'LPT3', 'COM¹', 'lpt²', 'con.backup']) {
      expect(safeFileName(name, '.md'), name).toBe(`_${name}.md`);
    }
    expect(safeFileName('CONFERENCE', '.md')).toBe('CONFERENCE.md');
    expect(safeFileName('COM10', '.md')).toBe('COM10.md');
  });

  it('writes NFC and cuts a long name within the byte limit, never inside a character', () => {
    expect(safeFileName('Cafe\u0301', '.md')).toBe('Café.md');
    const long = safeFileName('👩‍💻'.repeat(60), '.md');
    expect(bytes(long)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long).toMatch(/^(👩‍💻)+\.md$/u);
    const spaced = safeFileName(`${'a'.repeat(MAX_NAME_BYTES - 4)} b`, '.md');
    expect(spaced).toBe(`${'a'.repeat(MAX_NAME_BYTES - 4)}.md`);
  });

  it('gives a safe name for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('', '.md', '.zip', '.webp'), (stem, extension) => {
        const name = safeFileName(stem, extension);
        expect(unsafe(name), JSON.stringify(name)).toBeNull();
        expect(name.endsWith(extension)).toBe(true);
      }),
    );
  });
});

describe('uniqueFileNames', () => {
  it('numbers names equal when case is ignored, before the extension', () => {
    expect(uniqueFileNames(['Notes.md', 'notes.md', 'NOTES.md', 'Other.md', 'notes (2).md'])).toEqual([
      'Notes.md', 'notes (2).md', 'NOTES (3).md', 'Other.md', 'notes (2) (2).md',
    ]);
    expect(uniqueFileNames(['Straße', 'STRASSE', 'a', 'a'])).toEqual(['Straße', 'STRASSE (2)', 'a', 'a (2)']);
  });

  it('keeps every name safe and distinct (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 20 }), (stems) => {
        const names = uniqueFileNames(stems.map((stem) => safeFileName(stem, '.md')));
        expect(new Set(names.map(nameKey)).size).toBe(names.length);
        for (const name of names) expect(unsafe(name), name).toBeNull();
      }),
    );
  });
});
