import { describe, expect, it } from 'vitest';
import { answererName, linkedSpeakerName, speakerAffiliation, speakerDisplayName, speakerForVoice } from '../../src/core/people';

const ada = { id: 's1', name: 'Ada  Lovelace\n', role: ' Chair ', org: 'Analytical\nEngines' };

describe('people: one name for each speaker everywhere', () => {
  it('names a speaker on one line, and one with no name "Unnamed speaker"', () => {
    expect(speakerDisplayName(ada)).toBe('Ada Lovelace');
    expect(speakerDisplayName({ id: 's2', name: ' \n ' })).toBe('Unnamed speaker');
  });
  it('gives an affiliation from whichever of role and organisation is known', () => {
    expect(speakerAffiliation(ada)).toBe('Chair, Analytical Engines');
    expect(speakerAffiliation({ id: 's3', name: 'G', org: 'Navy' })).toBe('Navy');
    expect(speakerAffiliation({ id: 's4', name: 'G', role: '  ' })).toBe('');
  });
  it('names the speaker a note points at, or says the speaker was removed', () => {
    expect(linkedSpeakerName([ada], 's1')).toBe('Ada Lovelace');
    expect(linkedSpeakerName([ada], 'gone')).toBe('A former speaker');
    expect(linkedSpeakerName([ada], undefined)).toBeNull();
  });
  it('names who answered: the speaker, else the typed name, else a removed speaker, else "Answer"', () => {
    expect(answererName([ada], { speakerId: 's1', name: 'ignored', text: 'x' })).toBe('Ada Lovelace');
    expect(answererName([ada], { speakerId: 'gone', name: ' Grace ', text: 'x' })).toBe('Grace');
    expect(answererName([ada], { speakerId: 'gone', text: 'x' })).toBe('A former speaker');
    expect(answererName(undefined, { text: 'x' })).toBe('Answer');
  });
});

describe('speakerForVoice: a voice tag names a speaker only by the whole name', () => {
  const speakers = [
    { id: 's1', name: 'Ada Lovelace' },
    { id: 's2', name: 'Zoë  Martín' },
    { id: 's3', name: 'Sam Lee' },
    { id: 's4', name: 'sam lee' },
  ];
  it('matches ignoring case, accents and spacing', () => {
    expect(speakerForVoice('ada lovelace', speakers)?.id).toBe('s1');
    expect(speakerForVoice('ZOE MARTIN', speakers)?.id).toBe('s2');
    expect(speakerForVoice(' Zoë\nMartín ', speakers)?.id).toBe('s2');
  });
  it('names no one for part of a name, no voice, or two speakers of the same name', () => {
    expect(speakerForVoice('Ada', speakers)).toBeUndefined();
    expect(speakerForVoice('Lovelace Ada', speakers)).toBeUndefined();
    expect(speakerForVoice(undefined, speakers)).toBeUndefined();
    expect(speakerForVoice('  ', speakers)).toBeUndefined();
    expect(speakerForVoice('Sam Lee', speakers)).toBeUndefined();
  });
});
