import { beforeAll, describe, expect, it } from 'vitest';
import { webAnnotationCollection } from '../../../src/core/export/annotation';
import { parseMediaFragmentTime } from '../../../src/core/media-fragment';
import { emptyWebinar, manyNotes, note, question, recording, VIDEO, webinar } from './fixtures';
import { type Assertion, failures, loadAssertion, loadManifest, sample } from './w3c-schemas';

const OPTIONS = { id: 'urn:uuid:0b6f4b0e-8c4e-4f57-9a5a-3f1d2c3b4a59', generatedAt: '2026-11-12T18:00:00Z' };

type Anno = Record<string, unknown> & { id: string; motivation: string; body: unknown; target: unknown };
interface Page { id: string; type: string; items: Anno[] }

function page(collection: object): Page {
  return (collection as { first: Page }).first;
}

let annotationMusts: Assertion[];
let collectionMusts: Assertion[];
let pageMusts: Assertion[];
let conformsTo: Assertion;

beforeAll(() => {
  annotationMusts = loadManifest('annotations/annotationMusts.test');
  collectionMusts = loadManifest('collections/collectionMusts.test');
  pageMusts = loadManifest('collections/pages/pageMusts.test');
  conformsTo = loadAssertion('annotations/specificResource/4.2.1-conformsTo.json');
});

describe('the W3C schemas really run', () => {
  it('loads every MUST assertion the manifests list', () => {
    expect(annotationMusts).toHaveLength(54);
    expect(collectionMusts).toHaveLength(10);
    expect(pageMusts).toHaveLength(15);
    for (const a of [...annotationMusts, ...collectionMusts, ...pageMusts]) expect(a.assertionType).toBe('must');
  });

  it('passes the suite\'s correct samples, including the video FragmentSelector one', () => {
    for (const file of ['anno1.json', 'anno7.json', 'anno23.json', 'anno41-example44.json']) {
      expect(failures(annotationMusts, sample(`tools/samples/correct/${file}`)), file).toEqual([]);
    }
    expect(failures(collectionMusts, sample('tools/samples/correct/collection1.json'))).toEqual([]);
    expect(failures(pageMusts, sample('tools/samples/correct/collection1.json'))).toEqual([]);
  });

  it('fails the suite\'s incorrect samples, on the rule each breaks', () => {
    expect(failures(annotationMusts, sample('tools/samples/incorrect/anno3.json'))).toEqual([
      expect.stringContaining('3.1-annotationContextValidated'),
    ]);
    expect(failures(annotationMusts, sample('tools/samples/incorrect/anno28.json'))).toContainEqual(
      expect.stringContaining('3.3.1-annotationCreatedValidated'),
    );
    // A FragmentSelector with no value: what a broken time export would look like.
    expect(failures(annotationMusts, sample('tools/samples/incorrect/anno38.json'))).toContainEqual(
      expect.stringContaining('4.2-fragmentCssXPathSelectorValid'),
    );
  });
});

describe('webAnnotationCollection', () => {
  it('is an AnnotationCollection that meets every collection and page MUST', () => {
    const collection = webAnnotationCollection(webinar(), OPTIONS);
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: OPTIONS.id,
      type: 'AnnotationCollection',
      label: 'Scaling *Community* Forums [2026] <Live>',
      total: 10,
    });
    expect(failures(collectionMusts, collection)).toEqual([]);
    expect(failures(pageMusts, collection)).toEqual([]);
    expect(page(collection)).toMatchObject({ type: 'AnnotationPage', startIndex: 0, partOf: OPTIONS.id });
  });

  it('makes every exported annotation meet every annotation MUST, and the conformsTo SHOULD', () => {
    const items = page(webAnnotationCollection(webinar(), OPTIONS)).items;
    expect(items).toHaveLength(10);
    expect(items.filter((item) => JSON.stringify(item.target).includes('FragmentSelector'))).toHaveLength(8);
    for (const item of items) {
      expect(failures(annotationMusts, item), item.id).toEqual([]);
      // The SHOULD applies where there is a selector (untimed answers target the whole recording).
      if (JSON.stringify(item.target).includes('FragmentSelector')) expect(conformsTo.validate(item), item.id).toBe(true);
    }
  });

  it('would catch a broken export: the same annotations, damaged, fail', () => {
    const [first] = page(webAnnotationCollection(webinar(), OPTIONS)).items as [Anno];
    const { '@context': _context, ...noContext } = first;
    expect(failures(annotationMusts, noContext)).toContainEqual(expect.stringContaining('annotationContextValidated'));
    expect(failures(annotationMusts, { ...first, bodyValue: 'also' })).toContainEqual(expect.stringContaining('notBodyBodyValue'));
    expect(failures(annotationMusts, { ...first, created: '12 November 2026' })).toContainEqual(
      expect.stringContaining('annotationCreatedValidated'),
    );
    const noValue = { ...first, target: { type: 'SpecificResource', source: VIDEO, selector: { type: 'FragmentSelector' } } };
    expect(failures(annotationMusts, noValue)).not.toEqual([]);
  });

  it('writes notes as commenting on a media fragment of the recording, trashed ones left out', () => {
    const items = page(webAnnotationCollection(webinar(), OPTIONS)).items;
    const notes = items.filter((item) => item.motivation === 'commenting');
    expect(notes.map((n) => (n.target as { selector: { value: string } }).selector.value)).toEqual([
      't=5', 't=65', 't=754.6', 't=1800',
    ]);
    for (const n of notes) {
      expect(n.target).toMatchObject({
        type: 'SpecificResource',
        source: VIDEO,
        selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/' },
      });
    }
    expect(JSON.stringify(items)).not.toContain('TRASHED');
    // Text kept exactly as typed: JSON needs no Markdown or HTML escaping.
    expect(JSON.stringify(notes[1]?.body)).toContain('<script>alert(1)</script>');
    expect(notes[2]?.body).toEqual([
      expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain' }),
      { type: 'TextualBody', purpose: 'tagging', value: 'moderation' },
    ]);
  });

  it("carries a note's quote as a second body that describes the target, in its language, and stays valid", () => {
    const quote = (text: string, lang: string) => ({ text, start: 740, end: 754, source: 'track' as const, lang });
    const input = {
      recording: recording(),
      notes: [
        note(754, 'Trust levels', { quote: quote('So <b>moderators</b> learn.', 'en-us'), tags: ['moderation'] }),
        note(800, 'RTL', { quote: quote('مرحبا بكم', 'ar') }),
        note(850, 'no tag', { quote: quote('No language named', '') }),
        note(860, 'bad tag', { quote: quote('A page said so', 'not a tag!') }),
        note(870, 'blank', { quote: quote('  ', 'en') }),
      ],
      qa: [],
    };
    const items = page(webAnnotationCollection(input, OPTIONS)).items;
    for (const item of items) expect(failures(annotationMusts, item), item.id).toEqual([]);
    expect(items.map((item) => item.body)).toEqual([
      [
        expect.objectContaining({ purpose: 'commenting', value: 'Trust levels' }),
        { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: 'So <b>moderators</b> learn.', language: 'en-US' },
        { type: 'TextualBody', purpose: 'tagging', value: 'moderation' },
      ],
      [expect.objectContaining({ value: 'RTL' }), { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: 'مرحبا بكم', language: 'ar' }],
      [expect.objectContaining({ value: 'no tag' }), { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: 'No language named' }],
      [expect.objectContaining({ value: 'bad tag' }), { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: 'A page said so' }],
      expect.objectContaining({ purpose: 'commenting', value: 'blank' }),
    ]);
    // The suite's check that a body's language is a language code (§3.2.1) passes, and would fail an upper-case tag.
    const bodyLanguage = loadAssertion('annotations/bodiesTargets/3.2.1-bodyLanguage.json');
    const [first] = items as [Anno];
    expect(bodyLanguage.validate(first)).toBe(true);
    const [comment, described, tag] = first.body as object[];
    expect(bodyLanguage.validate({ ...first, body: [comment, { ...described, language: 'EN' }, tag] })).toBe(false);
  });

  it('writes questions as questioning, and answers as replying to the question and the media', () => {
    const items = page(webAnnotationCollection(webinar(), OPTIONS)).items;
    const questions = items.filter((item) => item.motivation === 'questioning');
    const replies = items.filter((item) => item.motivation === 'replying');
    expect(questions).toHaveLength(3);
    expect(replies).toHaveLength(3);
    expect(questions[0]).toMatchObject({
      id: 'urn:uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7',
      body: { type: 'TextualBody', value: 'How does moderation scale?', creator: { type: 'Person', name: 'Priya' } },
      target: { selector: { value: 't=1500' } },
    });
    const [timed, named, anonymous] = replies as [Anno, Anno, Anno];
    expect(timed.target).toEqual([
      questions[0]?.id,
      expect.objectContaining({ source: VIDEO, selector: expect.objectContaining({ value: 't=1510,1560' }) }),
    ]);
    expect(timed.body).toMatchObject({ value: 'With trust levels & flags.', creator: { name: 'Ana Díaz' } });
    // No time: the answer targets the recording as a whole.
    expect(named.target).toEqual([questions[1]?.id, VIDEO]);
    expect(named.body).toMatchObject({ creator: { name: 'Guest panelist' } });
    expect(anonymous.body).not.toHaveProperty('creator');
    // The unanswered question has no reply pointing at it.
    const unanswered = questions[2]?.id;
    expect(replies.some((r) => (r.target as unknown[]).includes(unanswered))).toBe(false);
  });

  it('gives unique urn:uuid ids, the same on every export', () => {
    const input = webinar();
    const a = webAnnotationCollection(input, OPTIONS);
    const b = webAnnotationCollection(structuredClone(input), OPTIONS);
    const ids = [page(a).id, ...page(a).items.map((item) => item.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toEqual(a);
  });

  it('writes times no media fragment could hold as valid fragments', () => {
    const input = {
      recording: recording(),
      notes: [],
      qa: [
        question('q-bad', -5, 'Negative time?', { answers: [{ text: 'End before start', t: 30, end: 10 }] }),
        question('q-nan', Number.NaN, 'NaN time?', { answers: [{ text: 'Same start and end', t: 30, end: 30 }] }),
      ],
    };
    const items = page(webAnnotationCollection(input, OPTIONS)).items;
    for (const item of items) {
      expect(failures(annotationMusts, item)).toEqual([]);
      const targets = Array.isArray(item.target) ? item.target : [item.target];
      for (const target of targets) {
        const value = (target as { selector?: { value: string } }).selector?.value;
        if (value !== undefined) expect(parseMediaFragmentTime(value), value).not.toBeNull();
      }
    }
  });

  it('names the recording by a urn:uuid when its stored address is no web address', () => {
    const input = { ...webinar(), recording: recording({ url: 'javascript:alert(1)' }) };
    const items = page(webAnnotationCollection(input, OPTIONS)).items;
    expect(JSON.stringify(items)).not.toContain('javascript:');
    const note = items.find((item) => item.motivation === 'commenting') as Anno;
    expect((note.target as { source: string }).source).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    for (const item of items) expect(failures(annotationMusts, item), item.id).toEqual([]);
  });

  it('exports an empty recording as an empty collection, with no page', () => {
    const collection = webAnnotationCollection(emptyWebinar(), OPTIONS);
    expect(collection).toMatchObject({ total: 0 });
    expect(collection).not.toHaveProperty('first');
    expect(failures(collectionMusts, collection)).toEqual([]);
  });

  // Validating 5,000 annotations against the schemas takes seconds on two busy cores: no budget here.
  it('exports 5,000 notes, every one valid', { timeout: 60_000 }, () => {
    const collection = webAnnotationCollection(manyNotes(), OPTIONS);
    const items = page(collection).items;
    expect(items.length).toBe(5000 - Math.ceil(5000 / 97));
    expect((collection as { total: number }).total).toBe(items.length);
    for (const item of items) expect(failures(annotationMusts, item)).toEqual([]);
  });

  it('refuses an id that is not an IRI and a time with no zone', () => {
    expect(() => webAnnotationCollection(webinar(), { ...OPTIONS, id: 'my collection' })).toThrow(RangeError);
    expect(() => webAnnotationCollection(webinar(), { ...OPTIONS, generatedAt: '2026-11-12 18:00' })).toThrow(RangeError);
  });
});
