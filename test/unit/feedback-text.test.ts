import { describe, expect, it } from 'vitest';
import { FEEDBACK, emptiedText, failedText, restoredText } from '../../src/core/feedback-text';

describe('feedback text', () => {
  it('says the same words for trashing a note and a question, on every page', () => {
    expect(FEEDBACK.noteTrashed.done).toBe('Note moved to the trash.');
    expect(FEEDBACK.questionTrashed.done).toBe('Question moved to the trash.');
    expect(failedText('noteTrashed', new Error('disk full'))).toBe('Not deleted: disk full');
    expect(failedText('questionTrashed', new Error('disk full'))).toBe(failedText('noteTrashed', new Error('disk full')));
  });

  it('reads the error through errorText: a nameless DOMException shows its name, a thrown string itself', () => {
    expect(failedText('saved', new DOMException('', 'QuotaExceededError'))).toBe('Not saved: QuotaExceededError');
    expect(failedText('undone', 'gone')).toBe('Not undone: gone');
  });

  it('words restoring and emptying with the kind and the count', () => {
    expect(restoredText('note', 'Talk')).toBe('Note restored to “Talk”.');
    expect(restoredText('qa', 'Talk')).toBe('Question restored to “Talk”.');
    expect(emptiedText(1)).toBe('1 item deleted for good.');
    expect(emptiedText(2)).toBe('2 items deleted for good.');
  });
});
