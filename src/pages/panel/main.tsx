import '../shared/base.css';
import '../shared/forms.css';
import './panel.css';
import { panelPlace } from '../../platform/side-panel';
import { renderInLanguage } from '../shared/language';
import { guardClicks } from './click-guard';
import { Panel } from './Panel';

const app = document.getElementById('app') as HTMLElement;
void panelPlace().then((place) => {
  // Inside a page, the page decides what is painted over the frame; the side panel is the browser's.
  if (place === 'frame') guardClicks(document.body, new AbortController().signal);
  return renderInLanguage('panel_title', app, () => <Panel place={place} />);
});
