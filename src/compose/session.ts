import type { CheckTier, Finding, Suggestion } from '@/src/core/findings';
import type { BoxTextModel, ComposeBox } from '@/src/sites/types';
import { applyEdits } from '@/src/sites/edit';
import { t } from '@/src/i18n/messages';
import { carryOver } from './carry-over';
import type { CheckEngine } from './engine';
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

const TYPING_PAUSE_MS = 150;
/**
 * How long an edit waits for the engine's answer before the last findings are moved along it
 * instead. The answer usually comes within a few milliseconds, inside the same frame: drawing
 * the moved findings first would draw every keystroke twice, and drop for a moment any finding
 * the edit touches (the word being typed).
 */
const CARRY_AFTER_MS = 30;
/** Rounds of checks a submission or fix waits for while the text keeps changing under it. */
const MAX_ROUNDS = 8;

function byPosition(a: Finding, b: Finding): number {
  return (
    a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Findings and the text they are of. */
interface Checked {
  text: string;
  findings: Finding[];
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
 *
 * Checks are asked of the engine (in the background) and answered a few milliseconds later:
 * at most one is on its way at a time, and when it comes back the newest text is asked next,
 * so a slow pack lags behind the typing instead of holding it. Meanwhile the findings shown
 * are the last answers carried along each edit (carry-over.ts).
 */
export class ComposeSession {
  readonly overlay: BoxOverlay;
  private readonly observer: MutationObserver;
  private composing = false;
  private model: BoxTextModel | undefined;
  /** What the overlay shows: the answers below, carried to the box's text as last read. */
  private findings: Finding[] = [];
  /** Approved content inserted from the popup, until this box is submitted. */
  pendingShare: PendingShare | undefined;
  /** Aborted on dispose: every listener the session adds goes with it. */
  private readonly listeners = new AbortController();
  private deferred: ReturnType<typeof setTimeout> | undefined;
  private carryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Changes of the box's text seen so far: a model read before the last one is stale. */
  private edits = 0;
  /** The quick tier's last answer (every rule's, when the packs have no slow tier). */
  private quick: Checked | undefined;
  /** The slow tier's last answer. */
  private slow: Checked | undefined;
  /** The texts the engine last answered for, per tier (carried answers are not answers). */
  private quickAnswered: string | undefined;
  private slowAnswered: string | undefined;
  /** Why the last round of checks failed (the background could not be reached), until told. */
  private failure: unknown;
  /** What the next round of checks must cover: the quick tier, or both. */
  private wanted: 'quick' | 'both' | undefined;
  /** The round of checks on its way, if one is. */
  private running: Promise<void> | undefined;
  private disposed = false;

  constructor(
    readonly box: ComposeBox,
    private engine: CheckEngine,
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
      if (!this.composing) this.onTextChange();
    });
    this.observer.observe(box.element, { childList: true, subtree: true, characterData: true });
    // A textarea's text is its value, which no mutation reports.
    this.listen(box.element, 'input', () => {
      if (!this.composing) this.onTextChange();
    });
    this.listen(box.element, 'compositionstart', () => {
      this.composing = true;
    });
    this.listen(box.element, 'compositionend', () => {
      this.composing = false;
      this.onTextChange();
      void this.request('both');
    });
    this.listen(box.element, 'keydown', (event) => this.onKeyDown(event as KeyboardEvent));
    this.listen(box.element, 'mouseup', () => queueMicrotask(() => this.showCardAtCaret(false)));
    this.show();
    void this.request('both');
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

  /** The packs in force changed: forget every answer and check again with the new engine. */
  setEngine(engine: CheckEngine): void {
    this.engine = engine;
    this.quick = undefined;
    this.slow = undefined;
    this.quickAnswered = undefined;
    this.slowAnswered = undefined;
    this.show();
    void this.request('both');
  }

  /**
   * On a change of the text: the quick rules are asked now (their answer redraws the box), the
   * last findings move along the edit if that answer is late, and the slow tier (people's
   * names) is asked once typing pauses.
   */
  private onTextChange(): void {
    this.edits += 1;
    this.carryTimer ??= setTimeout(() => {
      this.carryTimer = undefined;
      this.show();
    }, CARRY_AFTER_MS);
    void this.request('quick');
    if (this.engine.hasSlowRules) this.deferCheck();
  }

  private deferCheck(): void {
    clearTimeout(this.deferred);
    // Never mid-composition: the text is not what the person means yet, and compositionend
    // checks it all.
    this.deferred = setTimeout(() => {
      if (!this.composing) void this.request('both');
    }, TYPING_PAUSE_MS);
  }

  /**
   * Shows the last answers as they stand in the box's text now: `read` when the caller has
   * just read the box and nothing changed since (reading a long post twice costs the frame).
   */
  private show(read?: BoxTextModel): void {
    if (this.disposed) return;
    clearTimeout(this.carryTimer);
    this.carryTimer = undefined;
    const model = read ?? this.box.driver.read(this.box.element);
    this.model = model;
    const { text } = model;
    // Carried one edit at a time, as the text changes: each step is then one range.
    if (this.quick && this.quick.text !== text)
      this.quick = { text, findings: carryOver(this.quick.findings, this.quick.text, text) };
    if (this.slow && this.slow.text !== text)
      this.slow = { text, findings: carryOver(this.slow.findings, this.slow.text, text) };
    this.findings = [...(this.quick?.findings ?? []), ...(this.slow?.findings ?? [])].sort(
      byPosition,
    );
    this.overlay.update(this.findings, model);
  }

  /** Whether the answers shown are the engine's for the box's text as it is now. */
  isUpToDate(): boolean {
    const { text } = this.box.driver.read(this.box.element);
    return this.quickAnswered === text && (!this.engine.hasSlowRules || this.slowAnswered === text);
  }

  private request(level: 'quick' | 'both'): Promise<void> {
    if (this.wanted !== 'both') this.wanted = level;
    this.running ??= this.pump().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Asks the engine until the newest text's wanted tiers are answered. A failed round (the
   * extension was reloaded, the background is restarting) ends the rounds and is kept for
   * checkNow to tell; typing asks again.
   */
  private async pump(): Promise<void> {
    try {
      await this.rounds();
      this.failure = undefined;
    } catch (error) {
      this.wanted = undefined;
      this.failure = error;
    }
  }

  private async rounds(): Promise<void> {
    while (this.wanted && !this.disposed) {
      // Mid-composition the box holds what the input method shows, not what the person means:
      // what is wanted waits, and compositionend asks for it all.
      if (this.composing) return;
      const level = this.wanted;
      this.wanted = undefined;
      const edits = this.edits;
      const model = this.box.driver.read(this.box.element);
      const { text } = model;
      const engine = this.engine;
      const slowToo = level === 'both' && engine.hasSlowRules && this.slowAnswered !== text;
      const quickToo = this.quickAnswered !== text;
      if (!quickToo && !slowToo) continue;
      if (text === '') {
        // An empty box has no findings (the checker's contract), so it is answered here: a
        // round trip for it would hold the first typed text behind it, and behind the
        // background's start when focusing the box is what woke it.
        this.answerEmpty(model);
        continue;
      }
      const options = { network: this.box.network };
      const [quick, slow] = await Promise.all([
        quickToo
          ? engine.check(text, engine.hasSlowRules ? { ...options, tier: 'quick' } : options)
          : undefined,
        slowToo ? engine.check(text, { ...options, tier: 'slow' as CheckTier }) : undefined,
      ]);
      // A new engine (the packs changed) asks again from scratch: these answers are of the old.
      if (engine !== this.engine || this.disposed) continue;
      if (quick) {
        this.quick = { text, findings: quick };
        this.quickAnswered = text;
      }
      if (slow) {
        this.slow = { text, findings: slow };
        this.slowAnswered = text;
      }
      this.show(edits === this.edits ? model : undefined);
    }
  }

  /** `read`: the box's model the empty text was just read from, which nothing changed since. */
  private answerEmpty(read: BoxTextModel): void {
    this.quick = { text: '', findings: [] };
    this.quickAnswered = '';
    if (this.engine.hasSlowRules) {
      this.slow = { text: '', findings: [] };
      this.slowAnswered = '';
    }
    this.show(read);
  }

  /**
   * Every tier asked of the box's text as it is now, and the findings once answered: what a
   * submission or a fix is judged by. Rejects when the engine cannot be reached.
   */
  async checkNow(): Promise<readonly Finding[]> {
    clearTimeout(this.deferred);
    // A few rounds: the person may type on while the first is answered.
    for (let round = 0; round < MAX_ROUNDS && !this.disposed && !this.isUpToDate(); round++) {
      if (this.running) await this.running;
      await this.request('both');
      if (this.failure !== undefined) {
        const failure = this.failure;
        this.failure = undefined;
        throw failure;
      }
    }
    return this.findings;
  }

  /** What the overlay shows now: the last check's findings, the slow tier's carried along. */
  get shownFindings(): readonly Finding[] {
    return this.findings;
  }

  /** The box's text as it is now. */
  get text(): string {
    return this.box.driver.read(this.box.element).text;
  }

  layout(): void {
    this.overlay.layout();
  }

  private async applyFix(finding: Finding, suggestion: Suggestion): Promise<void> {
    // The card may have stayed open while the text changed (typing elsewhere keeps a finding's
    // card, a slow pack waits for a pause): the fix is taken from a check of the text as it is.
    let findings: readonly Finding[];
    try {
      findings = await this.checkNow();
    } catch {
      // Without a check of the text as it is, the fix could land on the wrong characters.
      this.overlay.showNotice(t('overlay_fixNotTaken'));
      return;
    }
    const current = currentFix(findings, finding, suggestion);
    if (!current) return;
    const outcome = await applyEdits(this.box, current.edits);
    void this.request('both');
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
    this.disposed = true;
    clearTimeout(this.deferred);
    clearTimeout(this.carryTimer);
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
