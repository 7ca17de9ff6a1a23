import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { type CounterStore, flexibleLimiter } from '../http/rate-limit.js';
import { AppError } from '../trpc/app-error.js';
import { hashToken } from './token-hash.js';

export type SignInThrottleOptions = {
  /** Wrong passwords from one client for one account that may follow each other without a wait; the last of them starts the first wait. */
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a run of failures is remembered from its first failure. */
  memoryMs: number;
};

export const SIGN_IN_THROTTLE: SignInThrottleOptions = {
  freeFailures: 5,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  memoryMs: 24 * 60 * 60_000,
};

/**
 * Slows password guessing without handing attackers a lockout: failures are
 * counted per (account, client address) pair; the `freeFailures`th makes
 * that pair wait 1 s, and each further one twice as long (2 s, 4 s ...,
 * capped at 15 minutes). The account itself is never locked, so the owner signing in from
 * their own network is not refused because of failures from someone else's.
 * Counters live in the shared store; keys are hashes, never the address.
 */
export class SignInThrottle {
  private readonly failures: RateLimiterAbstract;
  /** A pair that must wait is "blocked" here until its wait is over. */
  private readonly waits: RateLimiterAbstract;

  constructor(
    store: CounterStore,
    private readonly options: SignInThrottleOptions = SIGN_IN_THROTTLE,
  ) {
    this.failures = flexibleLimiter(store, 'signin-failures', Number.MAX_SAFE_INTEGER, options.memoryMs);
    this.waits = flexibleLimiter(store, 'signin-wait', 1, options.maxDelayMs);
  }

  private keyOf(email: string, ip: string): string {
    return hashToken(`${email.trim().toLowerCase()}\n${ip}`);
  }

  /** Milliseconds this client must still wait before trying this account again (0: go ahead). */
  async waitMs(email: string, ip: string): Promise<number> {
    const wait = await this.waits.get(this.keyOf(email, ip));
    return wait && wait.consumedPoints > 1 ? Math.max(wait.msBeforeNext, 1) : 0;
  }

  async failed(email: string, ip: string): Promise<void> {
    const key = this.keyOf(email, ip);
    const { consumedPoints } = await this.failures.penalty(key, 1);
    const beyondFree = consumedPoints - this.options.freeFailures;
    if (beyondFree < 0) return;
    const delayMs = Math.min(this.options.firstDelayMs * 2 ** beyondFree, this.options.maxDelayMs);
    await this.waits.block(key, delayMs / 1000);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    const key = this.keyOf(email, ip);
    await Promise.all([this.failures.delete(key), this.waits.delete(key)]);
  }
}

/**
 * Runs one password check for `email` from `ip` under the throttle: refused
 * while the pair must wait, a wrong password (UNAUTHORIZED) counts against
 * the pair, a right one clears it.
 */
export async function throttledSignIn<T>(
  throttle: SignInThrottle,
  email: string,
  ip: string,
  check: () => Promise<T>,
): Promise<T> {
  const waitMs = await throttle.waitMs(email, ip);
  if (waitMs > 0) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many failed sign-ins for this account from your network; try again in ${Math.ceil(waitMs / 1000)} s`,
    );
  }
  try {
    const result = await check();
    await throttle.succeeded(email, ip);
    return result;
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHORIZED') await throttle.failed(email, ip);
    throw error;
  }
}
