/**
 * How the people of a recording are named, on every screen and in every export: a speaker's
 * display name and affiliation, the speaker a note or answer points at, and who gave an answer.
 */
import { ui18n, type Translator } from './i18n';
import type { QaAnswer, Speaker } from './model';
import { oneLine } from './one-line';

// Each function naming someone takes the translator of the text it is for: the pages' language by
// default, an export's own (translator(lang)) when an export asks.

/** What a speaker with no name is called (a backup edited by hand can hold one). */
export const unnamedSpeaker = (tr: Translator = ui18n()): string => tr.t('people_unnamedSpeaker');
/** What a note or answer calls a speaker who was removed from the recording since. */
export const formerSpeaker = (tr: Translator = ui18n()): string => tr.t('people_formerSpeaker');
/** What an answer with no speaker and no typed name is headed by. */
export const unnamedAnswer = (tr: Translator = ui18n()): string => tr.t('people_unnamedAnswer');

/** The speaker with `id` among `speakers`; undefined without an id or when none has it. */
export function speakerById(speakers: readonly Speaker[] | undefined, id: string | undefined): Speaker | undefined {
  return id === undefined ? undefined : speakers?.find((speaker) => speaker.id === id);
}

/** A speaker's name on one line, else "Unnamed speaker". */
export function speakerDisplayName(speaker: Speaker, tr: Translator = ui18n()): string {
  return oneLine(speaker.name) || unnamedSpeaker(tr);
}

/** "Role, Organisation", either part optional, each on one line; empty when neither is known. */
export function speakerAffiliation(speaker: Speaker): string {
  return [speaker.role, speaker.org].map((part) => oneLine(part ?? '')).filter(Boolean).join(', ');
}

/**
 * The name of the speaker a note or answer points at: null when it points at none, "A former
 * speaker" when that speaker was removed from the recording (the record keeps the id).
 */
export function linkedSpeakerName(speakers: readonly Speaker[] | undefined, id: string | undefined, tr: Translator = ui18n()): string | null {
  if (!id) return null;
  const speaker = speakerById(speakers, id);
  return speaker ? speakerDisplayName(speaker, tr) : formerSpeaker(tr);
}

/**
 * Who gave an answer: the speaker picked, else the name typed in, else "A former speaker" when the
 * picked speaker was removed, else just "Answer".
 */
export function answererName(speakers: readonly Speaker[] | undefined, answer: QaAnswer, tr: Translator = ui18n()): string {
  const speaker = speakerById(speakers, answer.speakerId);
  if (speaker) return speakerDisplayName(speaker, tr);
  return oneLine(answer.name ?? '') || (answer.speakerId ? formerSpeaker(tr) : unnamedAnswer(tr));
}

/**
 * The speaker a caption's voice tag (`<v Ada Lovelace>`) names: the one whose whole name matches
 * it, ignoring case, accents and runs of spaces ("ada  LOVELACE", "Ada Lovelacé"); undefined when
 * none does, or when two do (a voice never picks between namesakes). A first name alone is not a
 * match: "Ada" could be anyone.
 */
export function speakerForVoice(voice: string | undefined, speakers: readonly Speaker[]): Speaker | undefined {
  const wanted = comparableName(voice ?? '');
  if (wanted === '') return undefined;
  const matches = speakers.filter((speaker) => comparableName(speaker.name) === wanted);
  return matches.length === 1 ? matches[0] : undefined;
}

/** A name as compared: on one line, without accents (NFD marks dropped), in lower case. */
function comparableName(name: string): string {
  return oneLine(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
