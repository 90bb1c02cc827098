import { afterEach } from 'vitest';
import { installTestI18n, resetInterfaceLanguage } from '../components/browser-i18n';

// The overlay reads its words through browser.i18n: the real catalogues, in English unless a
// test asks for another language.
installTestI18n();

afterEach(() => resetInterfaceLanguage());
