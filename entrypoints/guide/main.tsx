import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GuideApp } from '@/src/ui/guide/GuideApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <GuideApp />
  </StrictMode>,
);
