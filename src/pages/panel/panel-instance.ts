import { newId } from '../../core/ids';
import { claimPanelSlot, markPanelSlot, parsePanelSlots } from '../../core/panel-slots';

const SLOTS_KEY = 'webinar-notes:panel-slots';

let claimed: string | undefined;

/**
 * This panel's id, which its drafts are stored under: the same after a reload of the tab (it is
 * kept in the tab's sessionStorage, which the extension frame has in Chrome and Firefox alike and
 * which needs no `tabs` API), different in another tab, another frame of the tab, or the side
 * panel. Where sessionStorage is refused the id is new on every load: the draft is then offered
 * after a reload rather than restored.
 */
export function panelId(): string {
  if (claimed !== undefined) return claimed;
  try {
    const { id, slots } = claimPanelSlot(parsePanelSlots(sessionStorage.getItem(SLOTS_KEY)), newId());
    sessionStorage.setItem(SLOTS_KEY, JSON.stringify(slots));
    const mark = (open: boolean) => {
      try {
        sessionStorage.setItem(SLOTS_KEY, JSON.stringify(markPanelSlot(parsePanelSlots(sessionStorage.getItem(SLOTS_KEY)), id, open)));
      } catch {
        // Storage went away meanwhile: the next panel makes a new id; our drafts are offered to it.
      }
    };
    // pagehide frees the id for the panel that replaces this one; a page brought back from the
    // back-forward cache takes it again.
    window.addEventListener('pagehide', () => mark(false));
    window.addEventListener('pageshow', (event) => event.persisted && mark(true));
    claimed = id;
  } catch {
    claimed = newId();
  }
  return claimed;
}
