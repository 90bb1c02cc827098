import type { Checker } from '@/src/core';
import type { CheckTier, Finding, Suggestion } from '@/src/core/findings';
import type { BoxTextModel, ComposeBox } from '@/src/sites/types';
import { applyEdits } from '@/src/sites/edit';
import { t } from '@/src/i18n/messages';
import { carryOver } from './carry-over';
import { BoxOverlay } from './overlay/box-overlay';
import type { OverlayHost } from './overlay/host';

/** What the activity log needs to know when a box holding approved content is posted. */
export interface PendingShare {
  contentId: string;
  packId: string;
  packVersion: string;
  /** The box's whole text right after the insert, to tell whether the person edited it. */
  textAfterInsert: string;
}

/** A check slower than this leaves too little of a 16 ms frame for the editor and the page. */
const SLOW_CHECK_MS = 8;
const TYPING_PAUSE_MS = 150;
/**
 * The median of this many recent checks: one garbage collection must not send a fast pack to
 * the pause, and a pack that really is slow gets there within a few keys.
 */
const RECENT_CHECKS = 5;
/**
 * The first checks of a newly loaded engine run cold (the JIT has not compiled the rules, the
 * caches are empty): they say nothing about how fast typing will be checked, so they are not
 * counted.
 */
const COLD_CHECKS = 2;
/** Timed checks needed before their median may send typing to the pause. */
const MIN_TIMED_CHECKS = 3;

function byPosition(a: Finding, b: Finding): number {
  return (
    a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

function typicalCheckMs(durations: readonly number[]): number {
  if (durations.length === 0) return 0;
  const sorted = [...durations].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface SessionHooks {
  /** The person chose "Post anyway": let the held submission go and log the acknowledgement. */
  releaseSubmission(session: ComposeSession, findings: readonly Finding[]): void;
  /** The site's own controls for this box (its Post button), which the card must not cover. */
  siteControls(box: ComposeBox): readonly Element[];
  /** "Why?" on a card: the guide at the rule's section. */
  openGuide?(section: string): void;
}

/**
 * One compose box being watched: it re-checks the box's text whenever the editor changes
 * it (never mid-composition for IME input) and hands the findings to the box's overlay.
 */
export class ComposeSession {
  readonly overlay: BoxOverlay;
  private readonly observer: MutationObserver;
  private composing = false;
  private lastText: string | undefined;
  private model: BoxTextModel | undefined;
  private findings: Finding[] = [];
  /** Approved content inserted from the popup, until this box is submitted. */
  pendingShare: PendingShare | undefined;
  /** Aborted on dispose: every listener the session adds goes with it. */
  private readonly listeners = new AbortController();
  /** How long the last few checks took: their median decides between now and a pause. */
  private readonly recentCheckMs: number[] = [];
  /** Checks since the checker was set, the cold ones among them not timed. */
  private checksRun = 0;
  private deferred: ReturnType<typeof setTimeout> | undefined;
  /** The quick tier's findings and the text they are of, when the pack has a slow tier. */
  private quick: { text: string; findings: Finding[] } | undefined;
  /** The slow tier's last findings and the text they are of. */
  private slow: { text: string; findings: Finding[] } | undefined;

  constructor(
    readonly box: ComposeBox,
    private checker: Checker,
    host: OverlayHost,
    private readonly hooks: SessionHooks,
  ) {
    this.overlay = new BoxOverlay(
      host,
      box.element,
      {
        applyFix: (finding, suggestion) => void this.applyFix(finding, suggestion),
        review: () => this.review(),
        postAnyway: () => this.hooks.releaseSubmission(this, this.errors()),
        focusBox: () => box.element.focus({ preventScroll: true }),
        ...(hooks.openGuide ? { openGuide: (section: string) => hooks.openGuide?.(section) } : {}),
      },
      { network: box.network, context: box.context },
      () => this.hooks.siteControls(box),
    );
    // Draft.js re-renders some keystrokes without an `input` event: watch the text itself.
    this.observer = new MutationObserver(() => {
      if (!this.composing) this.checkSoon();
    });
    this.observer.observe(box.element, { childList: true, subtree: true, characterData: true });
    // A textarea's text is its value, which no mutation reports.
    this.listen(box.element, 'input', () => {
      if (!this.composing) this.checkSoon();
    });
    this.listen(box.element, 'compositionstart', () => {
      this.composing = true;
    });
    this.listen(box.element, 'compositionend', () => {
      this.composing = false;
      this.check();
    });
    this.listen(box.element, 'keydown', (event) => this.onKeyDown(event as KeyboardEvent));
    this.listen(box.element, 'mouseup', () => queueMicrotask(() => this.showCardAtCaret(false)));
    this.check();
  }

  private listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler, { signal: this.listeners.signal });
  }

  get isConnected(): boolean {
    return this.box.element.isConnected;
  }

  /** Findings that hold a submission. */
  errors(): Finding[] {
    return this.findings.filter((finding) => finding.severity === 'error');
  }

  setChecker(checker: Checker): void {
    this.checker = checker;
    this.lastText = undefined;
    this.quick = undefined;
    this.slow = undefined;
    this.checksRun = 0;
    this.recentCheckMs.length = 0;
    this.check();
  }

  /**
   * On a change of the text. Two tiers: the quick rules (all but people's names) are checked
   * now, within the keystroke's frame; the slow tier once typing pauses, its last findings
   * carried along the edits meanwhile. Should even the quick checks take longer than a
   * frame's share (a huge pack), they too wait for the pause, so typing never stutters.
   */
  private checkSoon(): void {
    const fast =
      this.recentCheckMs.length < MIN_TIMED_CHECKS ||
      typicalCheckMs(this.recentCheckMs) <= SLOW_CHECK_MS;
    if (!this.checker.hasSlowRules) {
      if (fast) this.check();
      else this.deferCheck();
      return;
    }
    if (fast) this.checkQuick();
    this.deferCheck();
  }

  private deferCheck(): void {
    clearTimeout(this.deferred);
    // Never mid-composition: the text is not what the person means yet, and compositionend
    // checks it all.
    this.deferred = setTimeout(() => {
      if (!this.composing) this.check();
    }, TYPING_PAUSE_MS);
  }

  /** Runs one tier (or all rules) on `text`, timing it for the choice between now and a pause. */
  private run(text: string, tier: CheckTier | undefined, timed: boolean): Finding[] {
    const started = performance.now();
    const findings = this.checker.check(text, {
      network: this.box.network,
      now: new Date(),
      ...(tier ? { tier } : {}),
    });
    this.checksRun += 1;
    if (timed && this.checksRun > COLD_CHECKS) {
      this.recentCheckMs.push(performance.now() - started);
      if (this.recentCheckMs.length > RECENT_CHECKS) this.recentCheckMs.shift();
    }
    return findings;
  }

  /** The quick tier now, with the slow tier's last findings moved along the edit. */
  private checkQuick(): void {
    const model = this.box.driver.read(this.box.element);
    this.model = model;
    const { text } = model;
    if (this.quick?.text !== text) this.quick = { text, findings: this.run(text, 'quick', true) };
    // Carried one edit at a time, as the text changes: each step is then one range.
    if (this.slow && this.slow.text !== text)
      this.slow = { text, findings: carryOver(this.slow.findings, this.slow.text, text) };
    this.findings = [...this.quick.findings, ...(this.slow?.findings ?? [])].sort(byPosition);
    this.lastText = undefined;
    this.overlay.update(this.findings, model);
  }

  /** Reads the box and checks it with every rule; cheap when the text has not changed. */
  check(): readonly Finding[] {
    clearTimeout(this.deferred);
    const model = this.box.driver.read(this.box.element);
    this.model = model;
    const { text } = model;
    if (text !== this.lastText) {
      this.lastText = text;
      if (this.checker.hasSlowRules) {
        if (this.quick?.text !== text)
          this.quick = { text, findings: this.run(text, 'quick', true) };
        this.slow = { text, findings: this.run(text, 'slow', false) };
        this.findings = [...this.quick.findings, ...this.slow.findings].sort(byPosition);
      } else {
        this.findings = this.run(text, undefined, true);
      }
    }
    this.overlay.update(this.findings, model);
    return this.findings;
  }

  /** What the overlay shows now: the last check's findings, the slow tier's carried along. */
  get shownFindings(): readonly Finding[] {
    return this.findings;
  }

  /** The box's text as the checker last read it. */
  get text(): string {
    return this.model?.text ?? '';
  }

  layout(): void {
    this.overlay.layout();
  }

  private async applyFix(finding: Finding, suggestion: Suggestion): Promise<void> {
    // The card may have stayed open while the text changed (typing elsewhere keeps a finding's
    // card, a slow pack waits for a pause): the fix is taken from a check of the text as it is.
    const current = currentFix(this.check(), finding, suggestion);
    if (!current) return;
    const outcome = await applyEdits(this.box, current.edits);
    this.check();
    if (!outcome.ok && outcome.reason === 'not-taken') {
      this.overlay.showNotice(
        t(outcome.restored ? 'overlay_fixNotTaken' : 'overlay_fixNotTakenUnrestored'),
      );
    }
  }

  private review(): void {
    this.box.element.focus({ preventScroll: true });
    const first = this.errors()[0];
    if (first) this.overlay.showFindings([first], false);
  }

  private onKeyDown(event: KeyboardEvent): void {
    // Alt+Enter opens the card for the finding at the caret, as an editor's quick fix does.
    if (event.key === 'Enter' && event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      event.stopPropagation();
      this.showCardAtCaret(true);
    } else if (event.key === 'Escape' && this.overlay.isCardOpen) {
      this.overlay.closeCard();
    }
  }

  private showCardAtCaret(moveFocus: boolean): void {
    const offset = this.model?.caretOffset();
    if (offset === undefined) return;
    const here = this.overlay.findingsAt(offset);
    if (here.length > 0) this.overlay.showFindings(here, moveFocus);
    else if (moveFocus && this.findings.length > 0) this.overlay.showFindings(this.findings, true);
  }

  dispose(): void {
    clearTimeout(this.deferred);
    this.observer.disconnect();
    this.listeners.abort();
    this.overlay.remove();
  }
}

/**
 * The same fix on the same finding in a fresh check: same rule and matched text, the nearest
 * to where it was, and the fix with the same label. Undefined when the finding is gone.
 */
export function currentFix(
  findings: readonly Finding[],
  shown: Finding,
  suggestion: Suggestion,
): Suggestion | undefined {
  const same = findings
    .filter((f) => f.ruleId === shown.ruleId && f.match === shown.match)
    .sort((a, b) => Math.abs(a.start - shown.start) - Math.abs(b.start - shown.start));
  return same[0]?.suggestions.find((s) => s.label === suggestion.label);
}
