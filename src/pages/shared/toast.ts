/** A short message at the bottom of the panel, with Undo when there is something to undo. */
export interface Toast {
  text: string;
  undo?: () => void;
}
