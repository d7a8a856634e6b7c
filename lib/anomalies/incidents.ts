/**
 * One incident, one alert, per direction.
 *
 * An alert opens an incident in its direction (up: spend above what was expected; down: below).
 * While it is open, further alarming points in that direction are suppressed; it closes once
 * the series has gone `cooldownMs` without one, so a runaway lasting days stays one alert.
 * Directions are independent: a spike followed hours later by an outage (spend falling to
 * nothing) is two different things for on-call, and the second must not be swallowed by the
 * first's incident.
 */

export type Direction = 0 | 1;
export const UP: Direction = 0;
export const DOWN: Direction = 1;

export class IncidentTracker {
  // Plain fields per direction (up, down): a detector per series means 10,000 of these.
  private openUp = false;
  private openDown = false;
  private lastUp = 0;
  private lastDown = 0;
  private openedUp = NaN;
  private openedDown = NaN;

  constructor(private readonly cooldownMs: number) {}

  /**
   * Close incidents that have been quiet for the cooldown. Returns a bit set of the directions
   * that closed (1 = up, 2 = down) so the caller can forget evidence accumulated during them.
   */
  expire(timestamp: number): number {
    let closed = 0;
    if (this.openUp && timestamp - this.lastUp >= this.cooldownMs) {
      this.openUp = false;
      closed |= 1;
    }
    if (this.openDown && timestamp - this.lastDown >= this.cooldownMs) {
      this.openDown = false;
      closed |= 2;
    }
    return closed;
  }

  /** Is an incident in this direction open at `timestamp` (read-only)? */
  isOpen(direction: Direction, timestamp: number): boolean {
    return direction === UP
      ? this.openUp && timestamp - this.lastUp < this.cooldownMs
      : this.openDown && timestamp - this.lastDown < this.cooldownMs;
  }

  /** When the current (or last) incident in this direction opened. */
  openedAt(direction: Direction): number {
    return direction === UP ? this.openedUp : this.openedDown;
  }

  /** An alarming point: extends the open incident, or opens one. Returns true when it opened one (an alert). */
  alarm(direction: Direction, timestamp: number): boolean {
    const opened = !this.isOpen(direction, timestamp);
    if (direction === UP) {
      if (opened) this.openedUp = timestamp;
      this.openUp = true;
      this.lastUp = Math.max(this.lastUp, timestamp);
    } else {
      if (opened) this.openedDown = timestamp;
      this.openDown = true;
      this.lastDown = Math.max(this.lastDown, timestamp);
    }
    return opened;
  }
}
