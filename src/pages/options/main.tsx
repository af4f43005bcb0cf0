import '../shared/base.css';
import './options.css';
import { renderInLanguage } from '../shared/language';
import { Options } from './Options';

void renderInLanguage('options_title', document.getElementById('app') as HTMLElement, () => <Options />);
