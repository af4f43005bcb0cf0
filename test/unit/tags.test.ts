import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTags, formatTags, hasTag, MAX_TAG_LENGTH, MAX_TAGS, parseTags } from '../../src/core/tags';

describe('parseTags', () => {
  it('splits on commas and line breaks, drops # and extra spaces', () => {
    expect(parseTags('#security,  follow   up \n#Q3')).toEqual({ ok: true, tags: ['security', 'follow up', 'Q3'] });
  });
  it('keeps the first spelling of a repeated tag', () => {
    expect(parseTags('Security, security, SECURITY')).toEqual({ ok: true, tags: ['Security'] });
  });
  it('gives no tags for empty input or only separators', () => {
    expect(parseTags('')).toEqual({ ok: true, tags: [] });
    expect(parseTags(' , ,# ,\n')).toEqual({ ok: true, tags: [] });
  });
  it('refuses a tag that is too long, saying how long', () => {
    const result = parseTags(`ok, ${'x'.repeat(MAX_TAG_LENGTH + 1)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(String(MAX_TAG_LENGTH + 1));
  });
  // Issue 11, item 5: the message quoted the first 20 UTF-16 units, splitting 👩‍💻 in two.
  it('quotes a long tag in its message without cutting a character in two', () => {
    const result = parseTags(`${'x'.repeat(18)}👩‍💻${'y'.repeat(MAX_TAG_LENGTH)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`“${'x'.repeat(18)}…”`);
  });
  it('refuses more tags than a note can hold', () => {
    const result = parseTags(Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`).join(','));
    expect(result).toEqual({ ok: false, message: `A note can have at most ${MAX_TAGS} tags; this has ${MAX_TAGS + 1}.` });
  });
  it('reads back what formatTags writes', () => {
    const tag = fc
      .string({ minLength: 1, maxLength: MAX_TAG_LENGTH })
      .map((s) => s.replace(/[,\n#]/g, '').replace(/\s+/g, ' ').trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(fc.uniqueArray(tag, { maxLength: MAX_TAGS, selector: (s) => s.toLocaleLowerCase() }), (tags) => {
        expect(parseTags(formatTags(tags))).toEqual({ ok: true, tags });
      }),
    );
  });
});

describe('allTags and hasTag', () => {
  const notes = [{ tags: ['b', 'A'] }, {}, { tags: ['a', 'c'] }];
  it('lists each tag once, sorted', () => expect(allTags(notes)).toEqual(['A', 'b', 'c']));
  it('matches regardless of case', () => {
    expect(hasTag(notes[0]!, 'a')).toBe(true);
    expect(hasTag(notes[1]!, 'a')).toBe(false);
  });
});
