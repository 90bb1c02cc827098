import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { installTestI18n, resetInterfaceLanguage } from './browser-i18n';

// The real catalogues, in English unless a test asks for another language.
installTestI18n();

afterEach(() => {
  cleanup();
  resetInterfaceLanguage();
});
