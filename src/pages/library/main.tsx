import { render } from 'preact';
import '../shared/base.css';
import '../shared/forms.css';
import './library.css';
import { Library } from './Library';

render(<Library />, document.getElementById('app') as HTMLElement);
