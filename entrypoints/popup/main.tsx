import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { localizeDocument } from '@/src/ui/i18n';
import { PopupApp } from '@/src/ui/popup/PopupApp';

localizeDocument(document, 'extName');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
