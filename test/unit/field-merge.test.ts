import { describe, expect, it } from 'vitest';
import { mergeFields } from '../../src/core/field-merge';
import { sameContent } from '../../src/core/field-times';

interface Fields {
  text: string;
  t: number;
  speakerId?: string | undefined;
  tags: string[];
}

const base: Fields = { text: 'original', t: 10, speakerId: 's1', tags: [] };

describe('mergeFields', () => {
  it('writes only the fields the user changed, keeping another tab’s edit of the others', () => {
    // Tab A changed the text; this (stale) form only added a tag.
    const stored = { ...base, text: 'from tab A' };
    const mine = { ...base, tags: ['security'] };
    expect(mergeFields(base, mine, stored)).toEqual({ changes: { tags: ['security'] }, conflicts: [] });
  });

  it('writes nothing when nothing changed, whatever is stored', () => {
    expect(mergeFields(base, { ...base, tags: [] }, { ...base, text: 'other' })).toEqual({ changes: {}, conflicts: [] });
  });

  it('reports a field changed on both sides to different values, and writes nothing for it', () => {
    const stored = { ...base, text: 'from tab A', t: 12 };
    const mine = { ...base, text: 'from tab B', tags: ['x'] };
    expect(mergeFields(base, mine, stored)).toEqual({
      changes: { tags: ['x'] },
      conflicts: [{ field: 'text', base: 'original', mine: 'from tab B', stored: 'from tab A' }],
    });
  });

  it('sees no conflict when both sides made the same change', () => {
    const same = { ...base, text: 'agreed', tags: ['a', 'b'] };
    expect(mergeFields(base, { ...same }, { ...same, tags: ['a', 'b'] })).toEqual({ changes: {}, conflicts: [] });
  });

  it('treats clearing a field as a change, and a missing field as undefined', () => {
    const { speakerId: _cleared, ...mine } = base;
    expect(mergeFields(base, mine as Fields, base)).toEqual({ changes: { speakerId: undefined }, conflicts: [] });
    expect(mergeFields(base, mine as Fields, { ...base, speakerId: 's2' }).conflicts).toEqual([
      { field: 'speakerId', base: 's1', mine: undefined, stored: 's2' },
    ]);
  });

  it('merges fields the base lacks (a form opened on an empty record)', () => {
    const empty: { title?: string; date?: string } = {};
    expect(mergeFields(empty, { title: 'Mine' }, { date: '2026-11-12' })).toEqual({ changes: { title: 'Mine' }, conflicts: [] });
    expect(mergeFields(empty, { title: 'Mine' }, { title: 'Theirs' }).conflicts).toEqual([
      { field: 'title', base: undefined, mine: 'Mine', stored: 'Theirs' },
    ]);
  });
});

describe('sameContent, the equality the merge uses', () => {
  it.each([
    [1, 1, true],
    [NaN, NaN, true],
    ['a', 'b', false],
    [['a', 'b'], ['a', 'b'], true],
    [['a', 'b'], ['b', 'a'], false],
    [[], undefined, false],
    [{ text: 'x', t: undefined }, { text: 'x' }, true],
    [[{ text: 'x', t: 1 }], [{ text: 'x', t: 2 }], false],
    [null, {}, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(sameContent(a, b)).toBe(expected);
  });
});
