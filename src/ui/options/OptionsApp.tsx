import { browser } from 'wxt/browser';
import { PacksSection } from './PacksSection';
import { ActivitySection } from './ActivitySection';
import { UnrecognisedBoxesSection } from './UnrecognisedBoxesSection';
import { t } from '@/src/ui/i18n';
import './options.css';

/**
 * The options page: the policy in force (for everyone), the person's own activity, and the compose
 * boxes Postguard did not recognise (for their admin).
 */
export function OptionsApp() {
  const guideUrl = browser.runtime.getURL('/guide.html');
  return (
    <main className="options">
      <h1>{t('extName')}</h1>
      <PacksSection guideUrl={guideUrl} />
      <ActivitySection guideUrl={guideUrl} />
      <UnrecognisedBoxesSection />
    </main>
  );
}
