import { useEffect, useState } from 'preact/hooks';
import browser from '../../platform/browser';

/**
 * The keys the browser has given each `commands` shortcut, by command name ('' for none); null
 * until known, and where this page has no `commands` API (Firefox's panel frame inside a page).
 */
export function useShortcuts(): Readonly<Record<string, string>> | null {
  const [shortcuts, setShortcuts] = useState<Readonly<Record<string, string>> | null>(null);
  useEffect(() => {
    const commands = (browser as { commands?: typeof browser.commands }).commands;
    if (!commands) return;
    commands.getAll().then(
      (all) => setShortcuts(Object.fromEntries(all.flatMap((command) => (command.name ? [[command.name, command.shortcut ?? '']] : [])))),
      () => undefined,
    );
  }, []);
  return shortcuts;
}
