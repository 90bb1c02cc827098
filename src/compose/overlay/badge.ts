import type { Finding } from '@/src/core/findings';
import type { Severity } from '@/src/core/pack/schema';
import { worstSeverity } from '@/src/core/severity';
import { tCount, type CountedMessage } from '@/src/i18n/messages';
import { el } from './dom';

const BADGE_LABELS: Record<Severity, CountedMessage> = {
  error: 'overlay_badge_error',
  warning: 'overlay_badge_warning',
  info: 'overlay_badge_info',
};

/** The count of a box's findings in its corner, coloured by the worst; a click lists them all. */
export class FindingsBadge {
  readonly element: HTMLButtonElement;

  constructor(
    layer: HTMLElement,
    /** Where the box is (`x` / `reply`…), on the badge for styling hooks and tests. */
    where: { network: string; context: string },
    onClick: () => void,
  ) {
    this.element = el(layer.ownerDocument, 'button', {
      class: 'badge',
      type: 'button',
      hidden: '',
      'data-network': where.network,
      'data-context': where.context,
    });
    this.element.addEventListener('click', onClick);
    layer.append(this.element);
  }

  draw(findings: readonly Finding[], boxRect: DOMRect): void {
    const badge = this.element;
    const worst = worstSeverity(findings);
    if (!worst || boxRect.width === 0) {
      badge.hidden = true;
      return;
    }
    const count = findings.length;
    badge.hidden = false;
    // Drawn on every key and scroll: the label is worded again only when it changes.
    if (badge.dataset.severity !== worst || badge.dataset.count !== String(count)) {
      badge.dataset.severity = worst;
      badge.textContent = String(count);
      badge.dataset.count = String(count);
      badge.setAttribute('aria-label', tCount(BADGE_LABELS[worst], count));
    }
    badge.style.left = `${boxRect.right - 36}px`;
    badge.style.top = `${boxRect.bottom - 28}px`;
  }

  remove(): void {
    this.element.remove();
  }
}
