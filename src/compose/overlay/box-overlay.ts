import type { Finding, Suggestion } from '@/src/core/findings';
import type { Severity } from '@/src/core/pack/schema';
import type { BoxTextModel } from '@/src/sites/types';
import type { OverlayHost } from './host';
import { el } from './dom';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const finding of findings) {
    if (!worst || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst]) worst = finding.severity;
  }
  return worst;
}

/** What the overlay asks its compose session to do. */
export interface OverlayActions {
  applyFix(finding: Finding, suggestion: Suggestion): void;
  review(): void;
  postAnyway(): void;
  focusBox(): void;
}

interface Underline {
  finding: Finding;
  rects: DOMRect[];
}

/**
 * The underlines, badge and card of one compose box. It only draws: the session decides
 * what to check and when.
 */
export class BoxOverlay {
  private findings: readonly Finding[] = [];
  private model: BoxTextModel | undefined;
  private underlines: Underline[] = [];
  private readonly underlineElements: HTMLDivElement[] = [];
  private readonly badge: HTMLButtonElement;
  private readonly card: HTMLDivElement;
  private cardMode: 'none' | 'findings' | 'confirm' | 'notice' = 'none';
  private cardFindings: readonly Finding[] = [];
  private readonly doc: Document;

  constructor(
    private readonly host: OverlayHost,
    private readonly box: HTMLElement,
    private readonly actions: OverlayActions,
    /** Where the box is (`x` / `reply`…), on the badge for styling hooks and tests. */
    where: { network: string; context: string },
  ) {
    this.doc = host.doc;
    this.badge = el(this.doc, 'button', {
      class: 'badge',
      type: 'button',
      hidden: '',
      'data-network': where.network,
      'data-context': where.context,
    });
    this.badge.addEventListener('click', () => this.toggleAllFindings());
    this.card = el(this.doc, 'div', { class: 'card', role: 'dialog', hidden: '' });
    this.card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.closeCard();
        this.actions.focusBox();
      }
    });
    host.layer.append(this.badge, this.card);
  }

  /** New findings for new text: redraw, and tell screen readers what is new. */
  update(findings: readonly Finding[], model: BoxTextModel): void {
    const previous = new Set(this.findings.map(findingKey));
    const fresh = findings.filter((finding) => !previous.has(findingKey(finding)));
    this.findings = findings;
    this.model = model;
    this.layout();
    if (fresh.length > 0) {
      const first = fresh[0]!;
      this.host.announce(
        `Postguard: ${fresh.length} new ${fresh.length === 1 ? 'finding' : 'findings'}. ${first.severity}: ${first.message}`,
      );
    }
    if (this.cardMode === 'findings') {
      const keys = new Set(findings.map(findingKey));
      const still = this.cardFindings.filter((finding) => keys.has(findingKey(finding)));
      if (still.length === 0) this.closeCard();
      else this.showFindings(still, false);
    }
  }

  /** Re-measures everything: after new text, scrolling, resizing or wrapping. */
  layout(): void {
    const boxRect = this.box.getBoundingClientRect();
    this.underlines = [];
    let used = 0;
    for (const finding of this.findings) {
      if (!this.model) break;
      // A finding with no text (a missing disclosure) is marked where its fix would go.
      const point = finding.end <= finding.start;
      const caret = point ? this.model.caretRect(finding.start) : undefined;
      const measured = point
        ? caret
          ? [caret]
          : []
        : this.model.lineRects(finding.start, finding.end);
      const rects = measured.filter(
        (rect) =>
          (point ? rect.height > 0 : rect.width > 0) &&
          rect.bottom > boxRect.top &&
          rect.top < boxRect.bottom,
      );
      this.underlines.push({ finding, rects });
      for (const rect of rects) {
        const line = this.underlineElements[used] ?? this.createUnderline();
        used += 1;
        line.dataset.ruleId = finding.ruleId;
        line.dataset.severity = finding.severity;
        line.classList.toggle('point', point);
        const left = Math.max(rect.left, boxRect.left);
        line.style.left = `${point ? left - 1 : left}px`;
        line.style.top = point ? `${rect.top}px` : `${rect.bottom - 1}px`;
        line.style.width = point ? '' : `${Math.min(rect.right, boxRect.right) - left}px`;
        line.style.height = point ? `${rect.height}px` : '';
        line.hidden = false;
      }
    }
    for (let i = used; i < this.underlineElements.length; i += 1)
      this.underlineElements[i]!.hidden = true;
    this.layoutBadge(boxRect);
    if (this.cardMode !== 'none') this.placeCard(boxRect);
  }

  private createUnderline(): HTMLDivElement {
    const line = el(this.doc, 'div', { class: 'underline', 'aria-hidden': 'true' });
    this.host.layer.insertBefore(line, this.badge);
    this.underlineElements.push(line);
    return line;
  }

  private layoutBadge(boxRect: DOMRect): void {
    const worst = worstSeverity(this.findings);
    if (!worst || boxRect.width === 0) {
      this.badge.hidden = true;
      return;
    }
    const count = this.findings.length;
    this.badge.hidden = false;
    this.badge.dataset.severity = worst;
    this.badge.textContent = String(count);
    this.badge.dataset.count = String(count);
    this.badge.setAttribute(
      'aria-label',
      `Postguard: ${count} ${count === 1 ? 'finding' : 'findings'}, the worst is ${worst === 'error' ? 'an error' : `a ${worst}`}. Show them.`,
    );
    this.badge.style.left = `${boxRect.right - 36}px`;
    this.badge.style.top = `${boxRect.bottom - 28}px`;
  }

  /** The finding under a point of the viewport, for hover. */
  findingAtPoint(x: number, y: number): Finding | undefined {
    for (const { finding, rects } of this.underlines) {
      if (rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 2))
        return finding;
    }
    return undefined;
  }

  /** Findings covering a text offset (the caret). */
  findingsAt(offset: number): Finding[] {
    return this.findings.filter((f) => f.start <= offset && offset <= f.end);
  }

  containsPoint(x: number, y: number): boolean {
    if (this.card.hidden) return false;
    const r = this.card.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  get isCardOpen(): boolean {
    return this.cardMode !== 'none';
  }

  private toggleAllFindings(): void {
    if (this.cardMode === 'findings') this.closeCard();
    else this.showFindings(this.findings, true);
  }

  /** The card with these findings, their policy links and their fixes. */
  showFindings(findings: readonly Finding[], moveFocus: boolean): void {
    if (findings.length === 0) return;
    this.cardMode = 'findings';
    this.cardFindings = findings;
    this.card.replaceChildren(this.closeButton(), ...findings.map((f) => this.findingSection(f)));
    this.card.setAttribute('aria-label', 'Postguard findings');
    this.openCard(moveFocus);
  }

  /** A short message about the last action (a fix the editor did not take), with a close. */
  showNotice(message: string): void {
    this.cardMode = 'notice';
    this.cardFindings = [];
    this.card.replaceChildren(
      this.closeButton(),
      el(this.doc, 'p', { class: 'message', role: 'alert' }, message),
    );
    this.card.setAttribute('aria-label', 'Postguard');
    this.card.dataset.mode = 'notice';
    this.openCard(false);
  }

  /** Holds a submission: the errors, with "Review" and "Post anyway". */
  showConfirm(findings: readonly Finding[], holdNote?: string): void {
    this.cardMode = 'confirm';
    this.cardFindings = findings;
    const review = el(
      this.doc,
      'button',
      { type: 'button', class: 'primary', 'data-action': 'review' },
      'Review',
    );
    review.addEventListener('click', () => {
      this.closeCard();
      this.actions.review();
    });
    const postAnyway = el(
      this.doc,
      'button',
      { type: 'button', 'data-action': 'post-anyway' },
      'Post anyway',
    );
    postAnyway.addEventListener('click', () => {
      this.closeCard();
      this.actions.postAnyway();
    });
    const count = findings.length;
    this.card.replaceChildren(
      el(
        this.doc,
        'h2',
        {},
        `This post breaks ${count === 1 ? 'a rule' : `${count} rules`} of your organisation's policy`,
      ),
      ...findings.map((f) => this.findingSection(f, false)),
      ...(holdNote ? [el(this.doc, 'p', { class: 'hold-note' }, holdNote)] : []),
      el(this.doc, 'div', { class: 'actions' }, review, postAnyway),
    );
    this.card.setAttribute('aria-label', 'Postguard: confirm before posting');
    this.card.dataset.mode = 'confirm';
    this.openCard(true);
  }

  closeCard(): void {
    this.cardMode = 'none';
    this.cardFindings = [];
    this.card.hidden = true;
    delete this.card.dataset.mode;
  }

  private openCard(moveFocus: boolean): void {
    if (this.cardMode === 'findings') this.card.dataset.mode = 'findings';
    this.card.hidden = false;
    this.placeCard(this.box.getBoundingClientRect());
    if (moveFocus) {
      const target =
        this.card.querySelector<HTMLElement>('button:not(.close)') ??
        this.card.querySelector<HTMLElement>('a, button');
      target?.focus();
    }
  }

  private placeCard(boxRect: DOMRect): void {
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 800;
    const first = this.cardFindings[0];
    const anchor = first ? this.underlines.find((u) => u.finding === first)?.rects[0] : undefined;
    const left = Math.max(
      8,
      Math.min((anchor ?? boxRect).left, (this.doc.defaultView?.innerWidth ?? 1024) - 336),
    );
    const below = (anchor ?? boxRect).bottom + 6;
    this.card.style.left = `${left}px`;
    const height = this.card.offsetHeight || 160;
    this.card.style.top = `${below + height > viewportHeight ? Math.max(8, (anchor ?? boxRect).top - height - 6) : below}px`;
  }

  private closeButton(): HTMLButtonElement {
    const close = el(
      this.doc,
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close' },
      '×',
    );
    close.addEventListener('click', () => {
      this.closeCard();
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
      el(this.doc, 'div', {}, el(this.doc, 'span', { class: 'severity' }, finding.severity)),
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
          'Read the policy',
        ),
      );
    }
    if (withFixes && finding.suggestions.length > 0) {
      const fixes = el(this.doc, 'div', { class: 'fixes' });
      for (const suggestion of finding.suggestions) {
        const button = el(
          this.doc,
          'button',
          { type: 'button', 'data-fix': suggestion.label },
          suggestion.label,
        );
        button.addEventListener('click', () => {
          this.closeCard();
          this.actions.applyFix(finding, suggestion);
        });
        fixes.append(button);
      }
      section.append(fixes);
    }
    return section;
  }

  remove(): void {
    for (const line of this.underlineElements) line.remove();
    this.badge.remove();
    this.card.remove();
  }
}

function findingKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.match}\u0000${finding.start === finding.end ? 'point' : ''}`;
}
