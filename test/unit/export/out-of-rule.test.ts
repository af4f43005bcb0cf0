/**
 * Issue 11, item 8: every entry point now refuses a time past 100 hours and a date past the year
 * 9999, but a database from before that rule may hold them. No export may throw on one (a note at
 * `t: 1e21` made the Summary tab throw "Not a media time"; `createdAt: 1e17` the Web Annotation).
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, renderExport } from '../../../src/core/export';
import { note, webinar } from './fixtures';
import { discourseMarkdown, linksOf } from './markdown-renderers';

const OPTIONS = {
  forum: { grouping: 'time' as const, noteLinks: true, qaInDetails: true, mentions: false },
  annotation: { id: 'urn:uuid:6f1c1a52-5b5e-4f57-9c3e-0d5f8d1b2a11', generatedAt: '2026-11-12T16:00:00Z' },
};

function withHugeValues() {
  const input = webinar();
  return { ...input, notes: [...input.notes, note(1e21, 'Typed as 1000000000000000000000 before the rule', { createdAt: 1e17, updatedAt: 1e17 })] };
}

describe('exports of a record stored before the time and date rules', () => {
  it.each(EXPORT_FORMATS)('%s does not throw', (format) => {
    expect(() => renderExport(format, withHugeValues(), OPTIONS)).not.toThrow();
  });

  it('the Web Annotation targets the start and leaves the impossible date out', () => {
    const collection = JSON.parse(renderExport('annotation', withHugeValues(), OPTIONS).text) as {
      first: { items: { body: { value?: string }; target: { selector?: { value: string } }; created?: string }[] };
    };
    const item = collection.first.items.find((a) => a.body.value?.startsWith('Typed as'));
    expect(item?.target.selector?.value).toBe('t=0');
    expect(item).not.toHaveProperty('created');
  });

  it('the forum post, rendered as Discourse does, shows and links the note at 0:00', () => {
    const html = discourseMarkdown(renderExport('forum', withHugeValues(), OPTIONS).text);
    const line = [...html.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1] ?? '').find((li) => li.includes('Typed as'));
    expect(line).toBeDefined();
    expect(linksOf(line ?? '').hrefs).toContain('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=0s');
    expect(line).toContain('>0:00<');
  });
});
