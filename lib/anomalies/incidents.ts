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
  private readonly open: [boolean, boolean] = [false, false];
  private readonly lastAlarming: [number, number] = [0, 0];
  private readonly opened: [number, number] = [NaN, NaN];

  constructor(private readonly cooldownMs: number) {}

  /**
   * Close incidents that have been quiet for the cooldown. Returns a bit set of the directions
   * that closed (1 = up, 2 = down) so the caller can forget evidence accumulated during them.
   */
  expire(timestamp: number): number {
    let closed = 0;
    for (let d = 0; d < 2; d++) {
      if (this.open[d] && timestamp - this.lastAlarming[d] >= this.cooldownMs) {
        this.open[d] = false;
        closed |= 1 << d;
      }
    }
    return closed;
  }

  /** Is an incident in this direction open at `timestamp` (read-only)? */
  isOpen(direction: Direction, timestamp: number): boolean {
    return this.open[direction] && timestamp - this.lastAlarming[direction] < this.cooldownMs;
  }

  /** When the current (or last) incident in this direction opened. */
  openedAt(direction: Direction): number {
    return this.opened[direction];
  }

  /** An alarming point: extends the open incident, or opens one. Returns true when it opened one (an alert). */
  alarm(direction: Direction, timestamp: number): boolean {
    const opened = !this.isOpen(direction, timestamp);
    if (opened) this.opened[direction] = timestamp;
    this.open[direction] = true;
    this.lastAlarming[direction] = Math.max(this.lastAlarming[direction], timestamp);
    return opened;
  }
}
