import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, renderExport } from '../../../src/core/export';
import type { Recording } from '../../../src/core/model';

const recording: Recording = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk', createdAt: 1, updatedAt: 1 };
const options = {
  forum: { grouping: 'time' as const, noteLinks: true, qaInDetails: true, mentions: false },
  annotation: { id: 'urn:uuid:6ba7b811-9dad-11d1-80b4-00c04fd430c8', generatedAt: '2026-11-20T10:00:00Z' },
};

describe('renderExport', () => {
  it('renders every format by name', () => {
    const note = { id: 'n1', recordingKey: recording.key, t: 5, text: 'Hello', createdAt: 1, updatedAt: 1 };
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'chapters')) {
      const out = renderExport(format, { recording, notes: [note], qa: [] }, options);
      expect({ format, ok: out.ok, hasText: out.text.length > 0 }).toEqual({ format, ok: true, hasText: true });
    }
  });

  it('gives the forum post its counts, and says why notes cannot make chapters', () => {
    expect(renderExport('forum', { recording, notes: [], qa: [] }, options).facts).toEqual([expect.stringMatching(/characters$/), '1 link']);
    const chapters = renderExport('chapters', { recording, notes: [], qa: [] }, options);
    expect(chapters.ok).toBe(false);
    expect(chapters.text).toBe('');
    expect(chapters.warnings[0]).toMatch(/chapter/i);
  });
});
