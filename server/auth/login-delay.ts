// The growing delay of login throttling: how long the next attempt waits after a given number of failures.
// Pure, so the schedule is read (and tested) in one place.
import type { LoginThrottleSettings } from '../config/load-config';

/** Milliseconds the next attempt waits once `failures` have been counted; 0 while failures stay free. */
export function delayAfterFailures(
  failures: number,
  freeFailures: number,
  settings: LoginThrottleSettings,
): number {
  if (failures < freeFailures) return 0;
  const doublings = Math.min(failures - freeFailures, 30);
  return Math.min(settings.baseDelaySeconds * 2 ** doublings, settings.maxDelaySeconds) * 1000;
}

/** A count is forgotten this long after its last failure: never before the longest delay has passed twice. */
export const forgetAfterMs = (settings: LoginThrottleSettings) =>
  Math.max(15 * 60_000, 2 * settings.maxDelaySeconds * 1000);
