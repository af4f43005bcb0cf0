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
  answers: ParsedAnswer[];
  /** true when the parser could not split this part and kept it whole for the user to fix */
  unsplit?: boolean;
}

export type SpeakerRef = Pick<Speaker, 'id' | 'name'>;
