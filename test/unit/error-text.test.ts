import { describe, expect, it } from 'vitest';
import { asError, errorText } from '../../src/core/error-text';

describe('errorText: what a failure says to people', () => {
  it('gives the message of an Error', () => {
    expect(errorText(new RangeError('A note’s time must be …'))).toBe('A note’s time must be …');
  });
  it('names an error that has no message (a quota error may carry none), so no message reads "Not saved: ."', () => {
    expect(errorText(new DOMException('', 'QuotaExceededError'))).toBe('QuotaExceededError');
  });
  it('gives anything else thrown as text', () => {
    expect(errorText('refused')).toBe('refused');
    expect(asError('refused').message).toBe('refused');
  });
});
