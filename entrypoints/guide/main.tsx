import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localizeDocument } from '@/src/ui/i18n';
import { GuideApp } from '@/src/ui/guide/GuideApp';

localizeDocument(document, 'page_guideTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GuideApp />
  </StrictMode>,
);
