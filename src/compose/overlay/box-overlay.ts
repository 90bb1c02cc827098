import type { Finding } from '@/src/core/findings';
import type { BoxTextModel } from '@/src/sites/types';
import { severityName } from '@/src/i18n/labels';
import { tCount } from '@/src/i18n/messages';
import type { OverlayHost } from './host';
import { Underlines } from './underlines';
import { FindingsBadge } from './badge';
import { FindingsCard, type CardActions } from './card';
import { standingFindings } from './standing';

export type { CardActions as OverlayActions } from './card';

/**
 * The underlines, badge and card of one compose box, kept in step. It only draws: the session
 * decides what to check and when.
 */
export class BoxOverlay {
  private findings: readonly Finding[] = [];
  private model: BoxTextModel | undefined;
  private readonly underlines: Underlines;
  private readonly badge: FindingsBadge;
  private readonly card: FindingsCard;

  constructor(
    private readonly host: OverlayHost,
    private readonly box: HTMLElement,
    actions: CardActions,
    where: { network: string; context: string },
    siteControls: () => readonly Element[],
  ) {
    this.badge = new FindingsBadge(host.layer, where, () => this.toggleAllFindings());
    this.card = new FindingsCard(
      host.layer,
      actions,
      (finding) => this.underlines.firstRectOf(finding),
      siteControls,
    );
    this.underlines = new Underlines(host.layer, this.badge.element);
  }

  /** New findings for new text: redraw, and tell screen readers what is new. */
  update(findings: readonly Finding[], model: BoxTextModel): void {
    const before = { text: this.model?.text ?? '', findings: this.findings };
    const after = { text: model.text, findings };
    const standing = standingFindings(before, after);
    const fresh = findings.filter((finding) => !standing.has(finding));
    this.findings = findings;
    this.model = model;
    this.layout();
    if (fresh.length > 0) {
      const first = fresh[0]!;
      this.host.announce(
        tCount('overlay_announce', fresh.length, severityName(first.severity), first.message),
      );
    }
    if (this.card.current === 'findings') {
      // The card stays open on the findings that still stand (as they read now), and closes
      // when none do.
      const shown = standingFindings({ text: before.text, findings: this.card.shown }, after);
      const still = findings.filter((finding) => shown.has(finding));
      if (still.length === 0) this.card.close();
      else this.showFindings(still, false);
    }
  }

  /** Re-measures everything: after new text, scrolling, resizing or wrapping. */
  layout(): void {
    const boxRect = this.box.getBoundingClientRect();
    this.underlines.draw(this.findings, this.model, boxRect);
    this.badge.draw(this.findings, boxRect);
    if (this.card.current !== 'none') this.card.place(boxRect);
  }

  findingAtPoint(x: number, y: number): Finding | undefined {
    return this.underlines.findingAt(x, y);
  }

  /** Findings covering a text offset (the caret). */
  findingsAt(offset: number): Finding[] {
    return this.findings.filter((f) => f.start <= offset && offset <= f.end);
  }

  containsPoint(x: number, y: number): boolean {
    return this.card.containsPoint(x, y);
  }

  get isCardOpen(): boolean {
    return this.card.current !== 'none';
  }

  showFindings(findings: readonly Finding[], moveFocus: boolean): void {
    this.card.showFindings(findings, moveFocus, this.box.getBoundingClientRect());
  }

  showNotice(message: string): void {
    this.card.showNotice(message, this.box.getBoundingClientRect());
  }

  /** Holds a submission: the errors, why it is held here, "Review" and "Post anyway". */
  showConfirm(findings: readonly Finding[], holdNote?: string): void {
    this.card.showConfirm(findings, holdNote, this.box.getBoundingClientRect());
  }

  closeCard(): void {
    this.card.close();
  }

  private toggleAllFindings(): void {
    if (this.card.current === 'findings') this.card.close();
    else this.showFindings(this.findings, true);
  }

  remove(): void {
    this.underlines.remove();
    this.badge.remove();
    this.card.element.remove();
  }
}
