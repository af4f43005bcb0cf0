import { describe, expect, it } from 'vitest';
import { isUuid, NAMESPACE_URL, uuidV5 } from '../../../src/core/export/uuid';

const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches published version-5 UUIDs', () => {
    // Python's uuid.uuid5, including names that straddle SHA-1's 64-byte block and its padding.
    expect(uuidV5(NAMESPACE_DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5(NAMESPACE_URL, 'http://www.example.com/')).toBe('fcde3c85-2270-590f-9e7c-ee003d65e0e2');
    expect(uuidV5(NAMESPACE_URL, 'x'.repeat(40))).toBe('f562c38a-a8fe-5cdd-b523-6f30cfb54847');
    expect(uuidV5(NAMESPACE_URL, 'x'.repeat(55))).toBe('d7c769b2-da3b-59fa-bdd6-2f3e8c5ed303');
    // Non-ASCII names hash over their UTF-8 bytes.
    expect(uuidV5(NAMESPACE_URL, 'é🎉'.repeat(100))).toBe('b2200586-fad9-5c5e-8ffb-6b82ea19412b');
  });

  it('is stable, distinct per name, and versioned', () => {
    const a = uuidV5(NAMESPACE_URL, 'webinar-notes:answer:1');
    expect(uuidV5(NAMESPACE_URL, 'webinar-notes:answer:1')).toBe(a);
    expect(uuidV5(NAMESPACE_URL, 'webinar-notes:answer:2')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuid(a)).toBe(true);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('nope', 'x')).toThrow(RangeError);
  });
});
