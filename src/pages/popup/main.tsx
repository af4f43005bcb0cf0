import '../shared/base.css';
import './popup.css';
import { renderInLanguage } from '../shared/language';
import { Popup } from './Popup';

void renderInLanguage('popup_title', document.getElementById('app') as HTMLElement, () => <Popup />);
