import { render } from 'preact';
import '../shared/base.css';
import '../shared/forms.css';
import './panel.css';
import { Panel } from './Panel';

render(<Panel />, document.getElementById('app') as HTMLElement);
