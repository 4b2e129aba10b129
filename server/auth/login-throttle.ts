// Login throttling shared by every API process: each attempt is counted in the store against its account (from
// any address) and its address (on any account) before the password is checked; past the free tries each
// further failure makes the next attempt on that account or from that address wait longer (capped). A correct
// password resets the account's count, never the address's (or one valid account would clear a sprayer's).
import { LoginFailureModel, type LoginFailure } from '../models/LoginFailure';
import type { LoginThrottleSettings } from '../config/load-config';
import { delayAfterFailures, forgetAfterMs } from './login-delay';

/** How long an attempt past the free tries holds its key while its password is checked, so that parallel
 * attempts cannot all slip through the same open moment; replaced by the real delay when it ends. */
const holdMs = 30_000;

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/** One key counted for the attempt: the count after it, and whether it holds the key's lock. */
interface Claim {
  key: string;
  freeFailures: number;
  failures: number;
  holding: boolean;
}

export type LoginOutcome = 'failure' | 'success' | 'undecided';

export type LoginAdmission =
  | { admitted: true; settle(outcome: LoginOutcome): Promise<void> }
  | { admitted: false; retryAfterSeconds: number };

const accountKey = (username: string) => `account:${username.toLowerCase().slice(0, 40)}`;
const addressKey = (address: string) => `address:${address}`;

function waitSeconds(docs: LoginFailure[], now: Date): number {
  const until = Math.max(...docs.map((d) => d.lockedUntil.getTime()));
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** Counts the attempt against the key, atomically; undefined when the key is in its delay. */
async function claim(
  key: string,
  freeFailures: number,
  now: Date,
  forgetAt: Date,
): Promise<Claim | undefined> {
  for (let round = 0; round < 3; round++) {
    const withinFree = await LoginFailureModel.findOneAndUpdate(
      { _id: key, failures: { $lt: freeFailures } },
      { $inc: { failures: 1 }, $set: { expiresAt: forgetAt } },
      { returnDocument: 'after', lean: true },
    );
    if (withinFree) return { key, freeFailures, failures: withinFree.failures, holding: false };
    const delayOver = await LoginFailureModel.findOneAndUpdate(
      { _id: key, failures: { $gte: freeFailures }, lockedUntil: { $lte: now } },
      { $inc: { failures: 1 }, $set: { lockedUntil: new Date(now.getTime() + holdMs), expiresAt: forgetAt } },
      { returnDocument: 'after', lean: true },
    );
    if (delayOver) return { key, freeFailures, failures: delayOver.failures, holding: true };
    if (await LoginFailureModel.exists({ _id: key })) return undefined;
    try {
      await LoginFailureModel.create({
        _id: key,
        failures: 1,
        lockedUntil: new Date(0),
        expiresAt: forgetAt,
      });
      return { key, freeFailures, failures: 1, holding: false };
    } catch (error) {
      // Another process counted the first attempt at the same moment: count again on its document.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return undefined;
}

/** Takes the attempt back: it was no failure (a correct password, or the check never finished). */
async function release(claim: Claim, now: Date): Promise<void> {
  await LoginFailureModel.updateOne(
    { _id: claim.key },
    { $inc: { failures: -1 }, ...(claim.holding ? { $set: { lockedUntil: now } } : {}) },
  );
}

async function recordFailure(claim: Claim, settings: LoginThrottleSettings, now: Date): Promise<void> {
  const delay = delayAfterFailures(claim.failures, claim.freeFailures, settings);
  if (delay === 0) return;
  const lockedUntil = new Date(now.getTime() + delay);
  // A holder replaces its own hold; a free try only pushes the lock later, never shortens another's hold.
  await LoginFailureModel.updateOne(
    { _id: claim.key },
    claim.holding ? { $set: { lockedUntil } } : { $max: { lockedUntil } },
  );
}

export function createLoginThrottle(settings: LoginThrottleSettings) {
  return {
    /** Admits a sign-in attempt (counted as a failure until settled) or refuses it while a delay runs. */
    async admit(username: string, address: string): Promise<LoginAdmission> {
      const now = new Date();
      const forgetAt = new Date(now.getTime() + forgetAfterMs(settings));
      const keys = [
        { key: accountKey(username), free: settings.accountFreeFailures },
        { key: addressKey(address), free: settings.addressFreeFailures },
      ];
      const known = await LoginFailureModel.find({ _id: { $in: keys.map((k) => k.key) } }).lean();
      const expired = known.filter((d) => d.expiresAt <= now).map((d) => d._id);
      // The TTL monitor sweeps only now and then; a count past its window starts again from zero.
      if (expired.length)
        await LoginFailureModel.deleteMany({ _id: { $in: expired }, expiresAt: { $lte: now } });
      const locked = known.filter((d) => d.expiresAt > now && d.lockedUntil > now);
      if (locked.length) return { admitted: false, retryAfterSeconds: waitSeconds(locked, now) };

      const claims: Claim[] = [];
      for (const { key, free } of keys) {
        const counted = await claim(key, free, now, forgetAt);
        if (!counted) {
          for (const taken of claims) await release(taken, now);
          const current = await LoginFailureModel.find({ _id: key }).lean();
          return { admitted: false, retryAfterSeconds: waitSeconds(current, now) };
        }
        claims.push(counted);
      }
      const [account, addressClaim] = claims as [Claim, Claim];
      return {
        admitted: true,
        async settle(outcome) {
          const settled = new Date();
          if (outcome === 'failure') {
            for (const taken of claims) await recordFailure(taken, settings, settled);
          } else if (outcome === 'success') {
            await LoginFailureModel.deleteOne({ _id: account.key });
            await release(addressClaim, settled);
          } else {
            for (const taken of claims) await release(taken, settled);
          }
        },
      };
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
