import { useEffect, useState } from 'preact/hooks';
import { loadTeamName } from '../../platform/sync-account';

/** This browser's name in its team folder (sync settings), undefined while unread or without one. */
export function useTeamName(): string | undefined {
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // Unreadable storage (a test page without it, a browser refusing it) leaves the summary its "Me".
    loadTeamName().then(
      (found) => {
        if (live) setName(found);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return name;
}
