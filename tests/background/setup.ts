import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetInterfaceLanguage, testI18n } from '../components/browser-i18n';

// Every test starts from an empty browser: storage, alarms and listeners; and the fake
// browser, which has no i18n of its own, reads the real catalogues as Chrome does, in English.
beforeEach(() => {
  fakeBrowser.reset();
  resetInterfaceLanguage();
  Object.assign(fakeBrowser.i18n, testI18n);
});
