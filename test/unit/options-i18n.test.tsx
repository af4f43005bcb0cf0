// @vitest-environment happy-dom
/**
 * The settings page's messages with an element inside (a file name in <code>, a shortcut in
 * <kbd>): the element goes where each language's sentence puts it, and the words around it come
 * from the catalogue; and its counts follow the language's plural rules and number format.
 */
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { plural, setUiLanguage } from '../../src/core/i18n';
import { withElements } from '../../src/pages/options/with-elements';

afterEach(() => setUiLanguage('en'));

function shown(children: ReturnType<typeof withElements>): HTMLElement {
  const host = document.createElement('p');
  render(<>{children}</>, host);
  return host;
}

it('puts an element in its place in the sentence, with the other values as text', () => {
  const host = shown(withElements('options_lastBackup', '2 Dec 2026, 09:30', <code>webinar-notes-2026-12-02.json</code>));
  expect(host.textContent).toBe('Last backup: 2 Dec 2026, 09:30, webinar-notes-2026-12-02.json');
  expect(host.querySelector('code')?.textContent).toBe('webinar-notes-2026-12-02.json');
});

it('follows the chosen language’s word order around the element', () => {
  setUiLanguage('tr');
  const host = shown(withElements('options_shortcutNewNote', <kbd>Alt+Shift+Y</kbd>));
  expect(host.innerHTML).toBe('Videonun şu anında yeni not: <kbd>Alt+Shift+Y</kbd>');
});

it('keeps a value that looks like a placeholder as typed', () => {
  const host = shown(withElements('options_lastBackup', '$1 $2', <code>a$1.json</code>));
  expect(host.textContent).toBe('Last backup: $1 $2, a$1.json');
});

it('counts deleted transcripts in the language’s plural and number format', () => {
  expect(plural('options_transcriptsDeleted', 1)).toBe('Deleted 1 transcript.');
  expect(plural('options_transcriptsDeleted', 1234)).toBe('Deleted 1,234 transcripts.');
  setUiLanguage('tr');
  expect(plural('options_transcriptsDeleted', 1234)).toBe('1.234 döküm silindi.');
});
