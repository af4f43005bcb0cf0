// Every test file runs as a page does: with the bundled catalogues installed (core/i18n/bundled.ts).
import { setMessageSource } from '../src/core/i18n';
import { bundledMessages } from '../src/core/i18n/bundled';

setMessageSource(bundledMessages);
