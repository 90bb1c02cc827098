import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localizeDocument } from '@/src/ui/i18n';
import { OptionsApp } from '@/src/ui/options/OptionsApp';

localizeDocument(document, 'page_optionsTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
