import { interfaceLocale } from '@/src/i18n/messages';
import { OVERLAY_CSS } from './styles';
import { el } from './dom';

/** The element that hosts Postguard's overlay; its open shadow root keeps the site's CSS out. */
export const OVERLAY_HOST_TAG = 'postguard-overlay';

/**
 * One per page, outside every editor's DOM (inside it, the editor would treat our nodes as
 * text). Holds the drawing layer and a polite live region for screen readers.
 */
export class OverlayHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  readonly layer: HTMLDivElement;
  private readonly liveRegion: HTMLDivElement;

  constructor(readonly doc: Document) {
    this.element = doc.createElement(OVERLAY_HOST_TAG);
    // The overlay speaks the interface's language, whatever the page's is (screen readers).
    this.element.setAttribute('lang', interfaceLocale());
    this.root = this.element.attachShadow({ mode: 'open' });
    const style = el(doc, 'style');
    style.textContent = OVERLAY_CSS;
    this.layer = el(doc, 'div', { class: 'layer' });
    this.liveRegion = el(doc, 'div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    this.root.append(style, this.layer, this.liveRegion);
    doc.documentElement.append(this.element);
  }

  announce(text: string): void {
    // Clearing first makes screen readers read the same sentence again when it repeats.
    this.liveRegion.textContent = '';
    this.liveRegion.textContent = text;
  }

  remove(): void {
    this.element.remove();
  }
}
