import { describe, expect, it } from 'vitest';
import { panelPortKind } from '../../src/messaging/panel-sender';
import { PANEL_PORT_PREFIX, SIDE_PANEL_PORT_PREFIX } from '../../src/messaging/protocol';

const facts = { extensionId: 'ours', nonce: 'n0nce', sidePanelToken: 't0ken' };
const PANEL = 'chrome-extension://ours/src/pages/panel/index.html';
const framePort = PANEL_PORT_PREFIX + 'n0nce';
const sidePort = SIDE_PANEL_PORT_PREFIX + 't0ken';

describe('panelPortKind', () => {
  it('accepts the frame this content script placed: the panel page with our nonce as its fragment', () => {
    expect(panelPortKind(framePort, { id: 'ours', url: `${PANEL}#n0nce` }, facts)).toBe('frame');
  });

  it('accepts the Firefox relay: an extension context in no tab that is not the panel page', () => {
    expect(panelPortKind(framePort, { id: 'ours', url: 'moz-extension://u/_generated_background_page.html' }, facts)).toBe('frame');
    expect(panelPortKind(framePort, { id: 'ours', url: 'moz-extension://u/options.html', tab: { id: 3 } }, facts)).toBeNull();
  });

  it('refuses a panel page whose URL lacks our nonce, whatever name it gives', () => {
    // A page framed the panel page: the browser stamps the URL the page chose.
    for (const url of [PANEL, `${PANEL}#`, `${PANEL}#guess`, `${PANEL}#n0nce-and-more`, `${PANEL}?x#n0nc`]) {
      expect(panelPortKind(framePort, { id: 'ours', url }, facts), url).toBeNull();
    }
  });

  it('accepts the side panel only as the panel page with no fragment, naming our token', () => {
    expect(panelPortKind(sidePort, { id: 'ours', url: PANEL }, facts)).toBe('side-panel');
    expect(panelPortKind(sidePort, { id: 'ours', url: `${PANEL}#n0nce` }, facts)).toBeNull();
    expect(panelPortKind(sidePort, { id: 'ours', url: 'chrome-extension://ours/src/pages/library/index.html' }, facts)).toBeNull();
    expect(panelPortKind(SIDE_PANEL_PORT_PREFIX + 'other', { id: 'ours', url: PANEL }, facts)).toBeNull();
  });

  it('refuses other extensions, missing senders and names that are not ours', () => {
    expect(panelPortKind(framePort, { id: 'theirs', url: `${PANEL}#n0nce` }, facts)).toBeNull();
    expect(panelPortKind(framePort, undefined, facts)).toBeNull();
    expect(panelPortKind(framePort, { id: 'ours' }, facts)).toBeNull();
    expect(panelPortKind(framePort, { id: 'ours', url: 'not a url' }, facts)).toBeNull();
    expect(panelPortKind(PANEL_PORT_PREFIX, { id: 'ours', url: `${PANEL}#` }, { ...facts, nonce: '' })).toBeNull();
    expect(panelPortKind('something-else', { id: 'ours', url: `${PANEL}#n0nce` }, facts)).toBeNull();
  });
});
