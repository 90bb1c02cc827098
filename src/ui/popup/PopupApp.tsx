import { useState } from 'react';
import { browserServices } from './browser-services';
import { Popup } from './Popup';
import '@/src/ui/activity/activity.css';
import './popup.css';

/** The popup as the extension opens it: the real tabs, storage and database. */
export function PopupApp() {
  const [services] = useState(browserServices);
  return <Popup services={services} />;
}
