import { describe, expect, it } from 'vitest';
import { claimPanelSlot, markPanelSlot, parsePanelSlots, type PanelSlot } from '../../src/core/panel-slots';

describe('claimPanelSlot', () => {
  it('gives the first panel of a tab a new id', () => {
    expect(claimPanelSlot([], 'fresh')).toEqual({ id: 'fresh', slots: [{ id: 'fresh', open: true }] });
  });

  it('gives a reloaded panel the id its predecessor freed', () => {
    const { slots } = claimPanelSlot([], 'first');
    const afterReload = markPanelSlot(slots, 'first', false);
    expect(claimPanelSlot(afterReload, 'fresh')).toEqual({ id: 'first', slots: [{ id: 'first', open: true }] });
  });

  it('never gives a second live panel (another frame, a duplicated tab) an id that is open', () => {
    const open: PanelSlot[] = [{ id: 'first', open: true }];
    expect(claimPanelSlot(open, 'fresh')).toEqual({ id: 'fresh', slots: [...open, { id: 'fresh', open: true }] });
  });

  it('two frames of a reloaded tab take the two freed ids', () => {
    const closed: PanelSlot[] = [{ id: 'a', open: false }, { id: 'b', open: false }];
    const first = claimPanelSlot(closed, 'fresh-1');
    const second = claimPanelSlot(first.slots, 'fresh-2');
    expect([first.id, second.id].sort()).toEqual(['a', 'b']);
    expect(second.slots.every((slot) => slot.open)).toBe(true);
  });
});

describe('parsePanelSlots', () => {
  it('reads what was stored', () => {
    const slots = [{ id: 'a', open: true }, { id: 'b', open: false }];
    expect(parsePanelSlots(JSON.stringify(slots))).toEqual(slots);
  });

  it.each([null, '', 'not json', '{"id":"a"}', '[{"id":"","open":true}]', '[{"id":"a","open":"yes"}]'])(
    'starts over from %j',
    (stored) => expect(parsePanelSlots(stored)).toEqual([]),
  );
});
