/** A short message at the bottom of the panel, with Undo when there is something to undo. */
export interface Toast {
  text: string;
  /** Rejects with a message for the user when it cannot be undone any more. */
  undo?: () => Promise<unknown>;
}
