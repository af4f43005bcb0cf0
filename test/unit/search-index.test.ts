/** The kept search index's reads (db/search-index.ts): an index caught up from the change log equals one built again. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../src/core/search';
import { WordIndex } from '../../src/core/word-index';
import { changesSince } from '../../src/db/changes';
import { addNote, editNote, noteFields, restoreNote, trashNote } from '../../src/db/notes';
import { addQuestions, trashQuestion } from '../../src/db/qa';
import { saveDetails } from '../../src/db/recordings';
import { db } from '../../src/db/schema';
import { keepIndex, readKeptIndex, readSearchDocs, searchDocChanges } from '../../src/db/search-index';
import { useEmptyDatabaseAndClock } from './empty-db';

const clock = useEmptyDatabaseAndClock();
const recording = (n: number) => ({ key: `https://example.com/r${n}`, site: 'html5' as const, url: `https://example.com/r${n}`, title: `R${n}` });
const found = (index: WordIndex, term: string) => index.search([term]).hits.map((doc: SearchDoc) => `${doc.kind}:${doc.id}`).sort();

describe('the kept search index', () => {
  it('caught up from the change log finds what an index built again finds', async () => {
    const kept = await addNote(recording(1), 10, 'keyboard traps', {});
    const edited = await addNote(recording(1), 20, 'focus order', {});
    const trashed = await addNote(recording(2), 5, 'contrast ratio', {});
    const start = await readSearchDocs();
    const index = WordIndex.build(start.docs);
    expect(found(index, 'focus')).toEqual([`note:${edited.id}`]);

    clock.now += 1000;
    await editNote(edited.id, noteFields(edited), { ...noteFields(edited), text: 'heading levels' });
    await trashNote(trashed.id);
    const [question] = await addQuestions(recording(2), [{ question: 'Is focus visible?', answers: [] }]);
    await saveDetails(recording(1), {}, { title: 'Accessible forms' });
    await db().notes.delete(kept.id);

    const since = await changesSince(start.mark);
    const changes = await searchDocChanges(since.changes);
    for (const doc of changes.put) index.put(doc);
    for (const gone of changes.remove) index.remove(gone.kind, gone.id);

    const rebuilt = WordIndex.build((await readSearchDocs()).docs);
    for (const term of ['focus', 'heading', 'contrast', 'keyboard', 'accessible', 'r1']) expect(found(index, term)).toEqual(found(rebuilt, term));
    expect(found(index, 'focus')).toEqual([`qa:${question?.id}`]);
    expect(changes.recordings).toContain(recording(1).key);

    await restoreNote(trashed.id);
    await trashQuestion(question?.id ?? '');
    const later = await searchDocChanges((await changesSince(since.mark)).changes);
    expect(later.put.map((doc) => doc.id)).toEqual([trashed.id]);
    expect(later.remove).toEqual([{ kind: 'qa', id: question?.id }]);
  });

  it('is kept as one row and read back whole', async () => {
    await addNote(recording(1), 10, 'kept words', {});
    const { docs, mark } = await readSearchDocs();
    await keepIndex(mark, WordIndex.build(docs).snapshot());
    const row = await readKeptIndex();
    expect(row?.mark).toBe(mark);
    expect(found(WordIndex.restore(row!.snapshot), 'kept')).toHaveLength(1);
  });
});
