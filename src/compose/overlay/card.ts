import type { Finding, Suggestion } from '@/src/core/findings';
import { fixLabel, severityName } from '@/src/i18n/labels';
import { t, tCount } from '@/src/i18n/messages';
import { el } from './dom';

/** What the card asks its compose session to do. */
export interface CardActions {
  applyFix(finding: Finding, suggestion: Suggestion): void;
  review(): void;
  postAnyway(): void;
  focusBox(): void;
  /** "Why?": open the guide at the section that explains the rule, in a new tab. */
  openGuide?(section: string): void;
}

export type CardMode = 'none' | 'findings' | 'confirm' | 'notice';

const CARD_WIDTH = 336;

/**
 * The one card of a box: its findings with policy links and fixes, the confirmation that holds a
 * submission ("Review" / "Post anyway"), or a short notice about the last action.
 */
export class FindingsCard {
  readonly element: HTMLDivElement;
  private mode: CardMode = 'none';
  /** The findings the card shows, to keep it open while they stand. */
  shown: readonly Finding[] = [];
  private readonly doc: Document;

  constructor(
    layer: HTMLElement,
    private readonly actions: CardActions,
    /** Where the card's first finding is drawn, to place it there rather than at the box. */
    private readonly anchorOf: (finding: Finding) => DOMRect | undefined,
    /** The site's controls (its Post button) the card must leave clear, or the person is stuck. */
    private readonly siteControls: () => readonly Element[] = () => [],
  ) {
    this.doc = layer.ownerDocument;
    this.element = el(this.doc, 'div', { class: 'card', role: 'dialog', hidden: '' });
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
        this.actions.focusBox();
      }
    });
    layer.append(this.element);
  }

  get current(): CardMode {
    return this.mode;
  }

  showFindings(findings: readonly Finding[], moveFocus: boolean, boxRect: DOMRect): void {
    if (findings.length === 0) return;
    this.open('findings', findings, t('overlay_cardFindings'), [
      this.closeButton(),
      ...findings.map((f) => this.findingSection(f)),
    ]);
    this.reveal(moveFocus, boxRect);
  }

  showNotice(message: string, boxRect: DOMRect): void {
    this.open('notice', [], t('extName'), [
      this.closeButton(),
      el(this.doc, 'p', { class: 'message', role: 'alert' }, message),
    ]);
    this.reveal(false, boxRect);
  }

  showConfirm(findings: readonly Finding[], holdNote: string | undefined, boxRect: DOMRect): void {
    const review = this.actionButton(
      'review',
      t('overlay_review'),
      () => this.actions.review(),
      'primary',
    );
    const postAnyway = this.actionButton('post-anyway', t('overlay_postAnyway'), () =>
      this.actions.postAnyway(),
    );
    this.open('confirm', findings, t('overlay_cardConfirm'), [
      el(this.doc, 'h2', {}, tCount('overlay_confirmHeading', findings.length)),
      ...findings.map((f) => this.findingSection(f, false)),
      ...(holdNote ? [el(this.doc, 'p', { class: 'hold-note' }, holdNote)] : []),
      el(this.doc, 'div', { class: 'actions' }, review, postAnyway),
    ]);
    this.reveal(true, boxRect);
  }

  close(): void {
    this.mode = 'none';
    this.shown = [];
    this.element.hidden = true;
    delete this.element.dataset.mode;
  }

  containsPoint(x: number, y: number): boolean {
    if (this.element.hidden) return false;
    const r = this.element.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  place(boxRect: DOMRect): void {
    const view = this.doc.defaultView;
    const viewport = { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 800 };
    const first = this.shown[0];
    const anchor = (first && this.anchorOf(first)) ?? boxRect;
    const size = {
      width: this.element.offsetWidth || CARD_WIDTH,
      height: this.element.offsetHeight || 160,
    };
    const left = Math.max(8, Math.min(anchor.left, viewport.width - size.width - 8));
    const controls = this.siteControls()
      .map((control) => control.getBoundingClientRect())
      .filter((rect) => rect.width > 0 && rect.height > 0);
    const top = cardTop(anchor, boxRect, controls, left, size, viewport);
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
  }

  private open(mode: CardMode, findings: readonly Finding[], label: string, children: Node[]) {
    this.mode = mode;
    this.shown = findings;
    this.element.replaceChildren(...children);
    this.element.setAttribute('aria-label', label);
    this.element.dataset.mode = mode;
  }

  private reveal(moveFocus: boolean, boxRect: DOMRect): void {
    this.element.hidden = false;
    this.place(boxRect);
    if (moveFocus) {
      const target =
        this.element.querySelector<HTMLElement>('button:not(.close):not(.why)') ??
        this.element.querySelector<HTMLElement>('a, button');
      target?.focus();
    }
  }

  private actionButton(action: string, label: string, run: () => void, kind?: string) {
    const button = el(
      this.doc,
      'button',
      { type: 'button', 'data-action': action, ...(kind ? { class: kind } : {}) },
      label,
    );
    button.addEventListener('click', () => {
      this.close();
      run();
    });
    return button;
  }

  private closeButton(): HTMLButtonElement {
    const close = el(
      this.doc,
      'button',
      { type: 'button', class: 'close', 'aria-label': t('common_close') },
      '×',
    );
    close.addEventListener('click', () => {
      this.close();
      this.actions.focusBox();
    });
    return close;
  }

  private findingSection(finding: Finding, withFixes = true): HTMLElement {
    const section = el(this.doc, 'section', {
      class: 'finding',
      'data-rule-id': finding.ruleId,
      'data-severity': finding.severity,
    });
    section.append(
      el(
        this.doc,
        'div',
        {},
        el(this.doc, 'span', { class: 'severity' }, severityName(finding.severity)),
      ),
      el(this.doc, 'p', { class: 'message' }, finding.message),
    );
    if (finding.link) {
      section.append(
        el(
          this.doc,
          'a',
          {
            class: 'policy-link',
            href: finding.link,
            target: '_blank',
            rel: 'noopener noreferrer',
          },
          t('finding_readPolicy'),
        ),
      );
    }
    const openGuide = this.actions.openGuide;
    if (finding.guide && openGuide) {
      const guideSection = finding.guide;
      // A button, not a link: the page cannot open the extension's pages, the background can.
      const why = el(
        this.doc,
        'button',
        {
          type: 'button',
          class: 'why',
          'data-guide': guideSection,
          'aria-label': t('overlay_whyLabel'),
        },
        t('finding_why'),
      );
      why.addEventListener('click', () => openGuide(guideSection));
      section.append(why);
    }
    if (withFixes && finding.suggestions.length > 0) {
      const fixes = el(this.doc, 'div', { class: 'fixes' });
      for (const suggestion of finding.suggestions) {
        // data-fix keeps the core's English label: the same in every language, for tests.
        const button = el(
          this.doc,
          'button',
          { type: 'button', 'data-fix': suggestion.label },
          fixLabel(suggestion),
        );
        button.addEventListener('click', () => {
          this.close();
          this.actions.applyFix(finding, suggestion);
        });
        fixes.append(button);
      }
      section.append(fixes);
    }
    return section;
  }
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Below the finding, else above it, else below or above the box, else below the site's own
 * controls: the first spot inside the viewport that covers none of those controls. A card over
 * the Post button would stay open under the pointer that reaches for it.
 */
export function cardTop(
  anchor: Box,
  boxRect: Box,
  controls: readonly Box[],
  left: number,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): number {
  const gap = 6;
  const candidates = [
    anchor.bottom + gap,
    anchor.top - size.height - gap,
    boxRect.bottom + gap,
    boxRect.top - size.height - gap,
    ...controls.map((control) => control.bottom + gap),
  ];
  const fits = (top: number) => top >= 8 && top + size.height <= viewport.height - 8;
  const clear = (top: number) =>
    !controls.some((control) =>
      overlaps({ left, top, right: left + size.width, bottom: top + size.height }, control),
    );
  return (
    candidates.find((top) => fits(top) && clear(top)) ??
    candidates.find(fits) ??
    Math.max(8, viewport.height - size.height - 8)
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
