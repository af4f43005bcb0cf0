import * as v from 'valibot';

/**
 * Which panel is which, kept in the tab's `sessionStorage` (one list a tab and a site: it survives
 * a reload of the tab and is copied when the tab is duplicated). A panel's id names its drafts.
 */
export interface PanelSlot {
  id: string;
  /** A live panel holds it; false once that panel's page went away (reload, close, navigation). */
  open: boolean;
}

const Slots = v.array(v.object({ id: v.pipe(v.string(), v.minLength(1)), open: v.boolean() }));

/** The slots stored as `json`; none when it is missing or not ours (a page cannot write it, but a bug could). */
export function parsePanelSlots(json: string | null): PanelSlot[] {
  if (json === null) return [];
  try {
    const parsed = v.safeParse(Slots, JSON.parse(json));
    return parsed.success ? parsed.output : [];
  } catch {
    return [];
  }
}

/**
 * Picks the id of a panel that is starting: the first slot no open panel holds, which after a
 * reload is the panel this one replaces (two panels in one tab may swap ids; each still keeps the
 * drafts it finds, and is offered the other's), else a new slot with `freshId`. A slot held
 * open stays with its panel: a duplicated tab, whose copied list says the original's panel is
 * open, gets a new id instead of sharing the original's drafts.
 */
export function claimPanelSlot(slots: readonly PanelSlot[], freshId: string): { id: string; slots: PanelSlot[] } {
  const free = slots.find((slot) => !slot.open);
  const id = free?.id ?? freshId;
  return { id, slots: [...slots.filter((slot) => slot.id !== id), { id, open: true }] };
}

/** The slots with `id` marked open or closed (added when missing, e.g. if the list was cleared). */
export function markPanelSlot(slots: readonly PanelSlot[], id: string, open: boolean): PanelSlot[] {
  return [...slots.filter((slot) => slot.id !== id), { id, open }];
}
