import type { ComposeSession } from './session';

/** How long "Post anyway" lets a box through: a site that ignores the replay is checked again. */
const ALLOWANCE_MS = 1000;

/**
 * The one owner of held submissions: at most one held at a time (the confirm card has focus),
 * and the single pass "Post anyway" grants the box it was held for.
 */
export class SubmissionHold {
  private held: { session: ComposeSession; replay: () => void } | undefined;
  private allowed: { session: ComposeSession; timer: ReturnType<typeof setTimeout> } | undefined;

  /** Holds `session`'s submission; `replay` sends it again as the person first tried to. */
  hold(session: ComposeSession, replay: () => void): void {
    this.held = { session, replay };
  }

  isHolding(session: ComposeSession): boolean {
    return this.held?.session === session;
  }

  /** Whether this submission was let through by "Post anyway" (used up by asking). */
  takeAllowance(session: ComposeSession): boolean {
    if (this.allowed?.session !== session) return false;
    clearTimeout(this.allowed.timer);
    this.allowed = undefined;
    return true;
  }

  /** "Post anyway": replays the held submission of `session`, once. False if none was held. */
  release(session: ComposeSession): boolean {
    const held = this.held;
    if (!held || held.session !== session) return false;
    this.held = undefined;
    if (this.allowed) clearTimeout(this.allowed.timer);
    this.allowed = {
      session,
      timer: setTimeout(() => {
        if (this.allowed?.session === session) this.allowed = undefined;
      }, ALLOWANCE_MS),
    };
    held.replay();
    return true;
  }

  /** Forgets a box the site removed. */
  forget(session: ComposeSession): void {
    if (this.held?.session === session) this.held = undefined;
    if (this.allowed?.session === session) {
      clearTimeout(this.allowed.timer);
      this.allowed = undefined;
    }
  }

  dispose(): void {
    if (this.allowed) clearTimeout(this.allowed.timer);
    this.held = undefined;
    this.allowed = undefined;
  }
}
