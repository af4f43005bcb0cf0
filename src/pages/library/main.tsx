import '../shared/base.css';
import '../shared/forms.css';
import './library.css';
import { renderInLanguage } from '../shared/language';
import { Library } from './Library';

void renderInLanguage('library_title', document.getElementById('app') as HTMLElement, () => <Library />);
