import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Length, base64ToBytes, bytesToBase64 } from '../../src/core/base64';

describe('base64', () => {
  it('round-trips any bytes, as Node writes them, at the length it says (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000, size: 'medium' }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(text.length).toBe(base64Length(bytes.length));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses anything but its own form: white space, missing or misplaced padding, another alphabet', () => {
    for (const bad of ['QUJD\n', 'QUI', 'QU=I', 'Q===', '=QUJ', 'QUJD-_', 'QUJ D', 'ab%d']) expect(base64ToBytes(bad), bad).toBeNull();
    expect(base64ToBytes('')).toEqual(new Uint8Array());
    expect(base64ToBytes('QUI=')).toEqual(new Uint8Array([65, 66]));
  });
});
