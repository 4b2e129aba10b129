// The growing delay of login throttling: free failures, then a wait doubling from the base up to the cap.
import { delayAfterFailures, forgetAfterMs } from '../../server/auth/login-delay';

const settings = {
  accountFreeFailures: 3,
  addressFreeFailures: 20,
  baseDelaySeconds: 2,
  maxDelaySeconds: 60,
};

describe('delayAfterFailures', () => {
  it('lets the free failures through without a wait', () => {
    expect([0, 1, 2].map((n) => delayAfterFailures(n, 3, settings))).toEqual([0, 0, 0]);
  });

  it('waits the base after the last free failure, doubling with each failure after it, up to the cap', () => {
    expect([3, 4, 5, 6, 7, 8, 1000].map((n) => delayAfterFailures(n, 3, settings) / 1000)).toEqual([
      2, 4, 8, 16, 32, 60, 60,
    ]);
  });

  it('forgets a count no sooner than twice the longest wait, and not before 15 minutes', () => {
    expect(forgetAfterMs(settings)).toBe(15 * 60_000);
    expect(forgetAfterMs({ ...settings, maxDelaySeconds: 3600 })).toBe(2 * 3600_000);
  });
});
