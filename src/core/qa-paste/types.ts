import type { Speaker } from '../model';

export interface ParsedAnswer {
  text: string;
  speakerId?: string;
  name?: string;
}

export interface ParsedQuestion {
  question: string;
  askedBy?: string;
  t?: number;
  /** Why a time given with the question was left out (e.g. past 100 hours), for the preview. */
  timeProblem?: string;
  answers: ParsedAnswer[];
  /** true when the parser could not split this part and kept it whole for the user to fix */
  unsplit?: boolean;
}

export type SpeakerRef = Pick<Speaker, 'id' | 'name'>;
