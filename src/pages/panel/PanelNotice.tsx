import { t } from '../../core/i18n';

/** A panel with nothing to act on: only why (`panel_notPaired`, `panel_sidePanelOnly`, a problem). */
export function PanelNotice({ text }: { text: string }) {
  return (
    <main class="panel">
      <header class="panel-head">
        <div class="titles">
          <h1>{t('panel_notes')}</h1>
        </div>
      </header>
      <p class="banner" role="status">
        {text}
      </p>
    </main>
  );
}
