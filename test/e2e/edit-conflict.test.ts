/**
 * Two tabs of one recording edit the same note: a stale form writes only what its user changed,
 * and a change made in both shows both versions for the user to choose, so nothing is lost.
 */
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { panelOf, screenshot, storedNotes, typeNote, useBrowser, withTimeout } from './harness';

const session = useBrowser();

interface StoredNote {
  id: string;
  text: string;
  tags?: string[];
  deletedAt?: number;
}

async function twoTabs(): Promise<{ pages: Page[]; a: Frame; b: Frame }> {
  const pages: Page[] = [];
  const panels: Frame[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await session.browser.context.newPage();
    await page.goto(`${session.server.origin}/`);
    pages.push(page);
    panels.push(await panelOf(page, session.browser.extensionId));
  }
  const [a, b] = panels;
  if (!a || !b) throw new Error('two panels expected');
  return { pages, a, b };
}

/** Adds a note in `panel` at `t` seconds and waits until both panels list it; its id. */
async function noteInBoth(page: Page, a: Frame, b: Frame, t: number, text: string): Promise<string> {
  await page.evaluate((at) => {
    (document.querySelector('video') as HTMLVideoElement).currentTime = at;
  }, t);
  await typeNote(a, text);
  for (const panel of [a, b]) await expect.poll(() => panel.locator('li.note', { hasText: text }).count()).toBe(1);
  const id = await a.locator('li.note', { hasText: text }).getAttribute('data-note-id');
  if (!id) throw new Error('the note has no id');
  return id;
}

const row = (panel: Frame, id: string) => panel.locator(`li.note[data-note-id="${id}"]`);

async function stored(id: string): Promise<StoredNote | undefined> {
  return ((await storedNotes(session.browser)) as unknown as StoredNote[]).find((note) => note.id === id);
}

async function openEditors(a: Frame, b: Frame, id: string): Promise<void> {
  for (const panel of [a, b]) await row(panel, id).getByRole('button', { name: /^Edit note/ }).click();
}

test('a stale form that adds a tag keeps the text another tab saved meanwhile', async () => {
  const { pages, a, b } = await twoTabs();
  const id = await noteInBoth(pages[0] as Page, a, b, 100, 'Original point');
  await openEditors(a, b, id);

  await row(a, id).getByLabel('Note text').fill('Point from tab A');
  await row(a, id).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored(id))?.text).toBe('Point from tab A');

  await row(b, id).getByLabel('Tags').fill('security');
  await row(b, id).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored(id))?.tags).toEqual(['security']);
  expect((await stored(id))?.text).toBe('Point from tab A');
  await expect.poll(() => row(b, id).locator('.text').textContent()).toBe('Point from tab A');
  for (const page of pages) await page.close();
});

test('both tabs change the text: the second sees both versions and chooses, nothing is lost', async () => {
  const { pages, a, b } = await twoTabs();
  const id = await noteInBoth(pages[0] as Page, a, b, 130, 'Shared point');

  // Keep mine.
  await openEditors(a, b, id);
  await row(a, id).getByLabel('Note text').fill('Wording from tab A');
  await row(a, id).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored(id))?.text).toBe('Wording from tab A');
  await row(b, id).getByLabel('Note text').fill('Wording from tab B');
  await row(b, id).getByLabel('Tags').fill('follow up');
  await row(b, id).getByRole('button', { name: 'Save' }).click();
  const conflict = row(b, id).getByRole('alert');
  await expect.poll(() => conflict.textContent()).toMatch(/changed elsewhere/);
  expect(await conflict.textContent()).toContain('Wording from tab A');
  expect(await conflict.textContent()).toContain('Wording from tab B');
  // Nothing was written while the user has not chosen; the editor keeps what they typed.
  expect(await stored(id)).toMatchObject({ text: 'Wording from tab A' });
  expect((await stored(id))?.tags).toBeUndefined();
  expect(await row(b, id).getByLabel('Note text').inputValue()).toBe('Wording from tab B');
  await (pages[1] as Page).bringToFront();
  await screenshot(pages[1] as Page, 'panel-edit-conflict');
  await conflict.getByRole('button', { name: /^Keep mine/ }).click();
  await expect.poll(async () => (await stored(id))?.text).toBe('Wording from tab B');
  expect((await stored(id))?.tags).toEqual(['follow up']);
  await expect.poll(() => row(b, id).locator('textarea').count()).toBe(0);

  // Take theirs.
  await openEditors(a, b, id);
  await row(a, id).getByLabel('Note text').fill('Final wording from tab A');
  await row(a, id).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored(id))?.text).toBe('Final wording from tab A');
  await row(b, id).getByLabel('Note text').fill('Another try from tab B');
  await row(b, id).getByRole('button', { name: 'Save' }).click();
  await row(b, id).getByRole('alert').getByRole('button', { name: /^Take theirs/ }).click();
  await expect.poll(() => row(b, id).locator('textarea').count()).toBe(0);
  expect(await stored(id)).toMatchObject({ text: 'Final wording from tab A', tags: ['follow up'] });
  await expect.poll(() => row(b, id).locator('.text').textContent()).toBe('Final wording from tab A');
  for (const page of pages) await page.close();
});

test('a note trashed in another tab while it is edited: the editor stays and says so on save', async () => {
  const { pages, a, b } = await twoTabs();
  const id = await noteInBoth(pages[0] as Page, a, b, 160, 'Soon trashed');
  await row(b, id).getByRole('button', { name: /^Edit note/ }).click();
  await row(b, id).getByLabel('Note text').fill('Still typing here');

  await row(a, id).getByRole('button', { name: /^Delete note/ }).click();
  await expect.poll(async () => (await stored(id))?.deletedAt).toBeTypeOf('number');
  await row(b, id).getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => row(b, id).getByRole('alert').textContent()).toMatch(/moved to the trash/);
  expect(await row(b, id).getByLabel('Note text').inputValue()).toBe('Still typing here');
  expect((await stored(id))?.deletedAt).toBeTypeOf('number');

  await row(b, id).getByRole('button', { name: 'Restore and save' }).click();
  await expect.poll(async () => await stored(id)).toMatchObject({ text: 'Still typing here' });
  expect((await stored(id))?.deletedAt).toBeUndefined();
  await expect.poll(() => row(a, id).locator('.text').textContent()).toBe('Still typing here');
  for (const page of pages) await page.close();
});

/** Every row of one store of the extension's database, read from an extension page. */
async function storedRows<T>(store: string): Promise<T[]> {
  const page = await session.browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.browser.extensionId}/src/pages/options/index.html`);
    return await withTimeout(
      `reading ${store}`,
      page.evaluate(
        (name) =>
          new Promise<T[]>((done, fail) => {
            const open = indexedDB.open('webinar-notes');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction(name).objectStore(name).getAll();
              request.onsuccess = () => {
                done(request.result as T[]);
                open.result.close();
              };
              request.onerror = () => fail(request.error);
            };
          }),
        store,
      ),
    );
  } finally {
    await page.close();
  }
}

interface StoredRecording {
  details?: Record<string, string>;
  speakers?: { id: string; name: string; role?: string; org?: string }[];
}

const storedRecording = async () => (await storedRows<StoredRecording>('recordings'))[0];
const openTab = (panel: Frame, name: string) => panel.getByRole('tab', { name }).click();

/** Two tabs on the panel's `tab`, with the recording stored (it has a note). */
async function twoTabsOn(tab: string, t: number): Promise<{ pages: Page[]; a: Frame; b: Frame }> {
  const tabs = await twoTabs();
  await noteInBoth(tabs.pages[0] as Page, tabs.a, tabs.b, t, `A note at ${t}`);
  for (const panel of [tabs.a, tabs.b]) await openTab(panel, tab);
  return tabs;
}

test('a stale details form keeps the field another tab saved', async () => {
  const { pages, a, b } = await twoTabsOn('Details', 190);
  await a.getByLabel('Organiser').fill('The A11y Guild');
  await a.getByRole('button', { name: 'Save details' }).click();
  await expect.poll(async () => (await storedRecording())?.details?.organiser).toBe('The A11y Guild');
  await b.getByLabel('Date').fill('2026-11-12');
  await b.getByRole('button', { name: 'Save details' }).click();
  await expect.poll(async () => (await storedRecording())?.details?.date).toBe('2026-11-12');
  expect((await storedRecording())?.details?.organiser).toBe('The A11y Guild');
  for (const page of pages) await page.close();
});

test('a stale speaker form keeps another tab’s edit, and a speaker removed meanwhile is not brought back', async () => {
  const { pages, a, b } = await twoTabsOn('Details', 200);
  // Both edit Ada; A's role stays when B adds the organisation.
  const add = a.getByRole('form', { name: 'Add a speaker' });
  await add.getByLabel('Name').fill('Ada Example');
  await add.getByLabel('Role').fill('Lead');
  await add.getByRole('button', { name: 'Add speaker' }).click();
  for (const panel of [a, b]) {
    await expect.poll(() => panel.locator('.speaker strong').allTextContents()).toEqual(['Ada Example']);
    await panel.getByRole('button', { name: 'Edit Ada Example' }).click();
  }
  await a.getByRole('form', { name: 'Edit Ada Example' }).getByLabel('Role').fill('Accessibility lead');
  await a.getByRole('button', { name: 'Save speaker' }).click();
  await expect.poll(async () => (await storedRecording())?.speakers?.[0]?.role).toBe('Accessibility lead');
  await b.getByRole('form', { name: 'Edit Ada Example' }).getByLabel('Organisation').fill('Example Org');
  await b.getByRole('button', { name: 'Save speaker' }).click();
  await expect.poll(async () => (await storedRecording())?.speakers?.[0]?.org).toBe('Example Org');
  expect((await storedRecording())?.speakers?.[0]?.role).toBe('Accessibility lead');

  // B edits Ada again while A removes her: B's form stays and says so; Ada stays removed.
  await expect.poll(() => b.getByRole('button', { name: 'Edit Ada Example' }).count()).toBe(1);
  await b.getByRole('button', { name: 'Edit Ada Example' }).click();
  await b.getByRole('form', { name: 'Edit Ada Example' }).getByLabel('Role').fill('Host');
  await a.getByRole('button', { name: 'Remove Ada Example' }).click();
  await expect.poll(async () => (await storedRecording())?.speakers).toEqual([]);
  await b.getByRole('button', { name: 'Save speaker' }).click();
  await expect.poll(() => b.getByRole('form', { name: 'Edit Ada Example' }).getByRole('alert').textContent()).toMatch(/removed elsewhere/);
  expect(await b.getByRole('form', { name: 'Edit Ada Example' }).getByLabel('Role').inputValue()).toBe('Host');
  expect((await storedRecording())?.speakers).toEqual([]);
  for (const page of pages) await page.close();
});

test('an answer being written when another tab deletes its question stays, and Save says so', async () => {
  const { pages, a, b } = await twoTabsOn('Q&A', 210);
  const ask = a.getByRole('form', { name: 'Add a question' });
  await ask.getByLabel('Question').fill('Will the slides be shared?');
  await ask.getByRole('button', { name: 'Add question' }).click();
  const question = (panel: Frame) => panel.locator('.qa-item', { hasText: 'Will the slides be shared?' });
  await question(b).getByRole('button', { name: 'Add answer' }).click();
  await question(b).getByLabel('Answer', { exact: true }).fill('Yes, by email.');
  await question(a).getByRole('button', { name: /^Delete the question/ }).click();
  await expect.poll(async () => (await storedRows<{ deletedAt?: number }>('qa'))[0]?.deletedAt).toBeTypeOf('number');
  await question(b).getByRole('button', { name: 'Save answer' }).click();
  await expect.poll(() => question(b).getByRole('alert').textContent()).toMatch(/moved to the trash/);
  expect(await question(b).getByLabel('Answer', { exact: true }).inputValue()).toBe('Yes, by email.');
  expect((await storedRows<{ answers: unknown[] }>('qa'))[0]?.answers).toEqual([]);
  for (const page of pages) await page.close();
});

test('the library’s tag editor: tags changed in the panel meanwhile are shown, and a note trashed meanwhile is not revived', async () => {
  const { pages, a, b } = await twoTabs();
  const id = await noteInBoth(pages[0] as Page, a, b, 220, 'Tagged from two places');
  const library = await session.browser.context.newPage();
  await library.goto(`chrome-extension://${session.browser.extensionId}/src/pages/library/index.html`);
  await library.getByRole('button', { name: 'Accessible forms in practice' }).click();
  const libraryRow = library.locator(`.lib-note[data-note-id="${id}"]`);

  await libraryRow.getByRole('button', { name: /^Tags of the note/ }).click();
  await libraryRow.getByLabel('Tags').fill('from the library');
  await row(a, id).getByRole('button', { name: /^Edit note/ }).click();
  await row(a, id).getByLabel('Tags').fill('from the panel');
  await row(a, id).getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await stored(id))?.tags).toEqual(['from the panel']);
  await libraryRow.getByRole('button', { name: 'Save tags' }).click();
  const conflict = libraryRow.getByRole('alert');
  await expect.poll(() => conflict.textContent()).toMatch(/changed elsewhere/);
  expect(await conflict.textContent()).toContain('from the library');
  expect((await stored(id))?.tags).toEqual(['from the panel']);
  await conflict.getByRole('button', { name: /^Take theirs/ }).click();
  await expect.poll(() => libraryRow.locator('.tag').allTextContents()).toEqual(['from the panel']);

  await libraryRow.getByRole('button', { name: /^Tags of the note/ }).click();
  await libraryRow.getByLabel('Tags').fill('too late');
  await row(a, id).getByRole('button', { name: /^Delete note/ }).click();
  await expect.poll(async () => (await stored(id))?.deletedAt).toBeTypeOf('number');
  await libraryRow.getByRole('button', { name: 'Save tags' }).click();
  await expect.poll(() => libraryRow.getByRole('alert').textContent()).toMatch(/moved to the trash/);
  expect(await stored(id)).toMatchObject({ tags: ['from the panel'] });
  expect((await stored(id))?.deletedAt).toBeTypeOf('number');
  for (const page of [...pages, library]) await page.close();
});
