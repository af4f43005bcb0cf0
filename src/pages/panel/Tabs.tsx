import { t, type MessageKey } from '../../core/i18n';

export type PanelTab = 'notes' | 'transcript' | 'qa' | 'summary' | 'details';

const TABS: readonly { id: PanelTab; label: MessageKey }[] = [
  { id: 'notes', label: 'panel_notes' },
  { id: 'transcript', label: 'panel_tabTranscript' },
  { id: 'qa', label: 'panel_tabQa' },
  { id: 'summary', label: 'panel_tabSummary' },
  { id: 'details', label: 'panel_tabDetails' },
];

/** The panel's tabs, with arrow-key movement as the ARIA tabs pattern has it. */
export function Tabs({ current, onChange }: { current: PanelTab; onChange(tab: PanelTab): void }) {
  const move = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const index = TABS.findIndex((tab) => tab.id === current);
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    onChange(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('panel_tabsLabel')} onKeyDown={move}>
      {TABS.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === current}
          aria-controls={tab.id === current ? `panel-${tab.id}` : undefined}
          tabIndex={tab.id === current ? 0 : -1}
          class={tab.id === current ? 'tab selected' : 'tab'}
          onClick={() => onChange(tab.id)}
        >
          {t(tab.label)}
        </button>
      ))}
    </div>
  );
}
