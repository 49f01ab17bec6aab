import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../logger';

export interface RateLimitSettings {
  /** Cost points a signed-in caller (one token subject) may spend per minute. */
  pointsPerMinute: number;
  /** Points per minute for requests without a valid token, per client IP (each costs one). */
  anonymousPointsPerMinute: number;
  /** Redis key prefix; instances sharing a Redis and a prefix share the budgets. */
  keyPrefix: string;
  /** With Redis the budgets hold across instances; without, per process. */
  redisUrl?: string;
}

/** What a charge left: `remaining` points in the current minute, or when to retry if refused. */
export interface Charge {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Cost points per minute per caller, from rate-limiter-flexible: in Redis when configured (a
 * fixed one-minute window per key, atomic across instances), in memory otherwise. When Redis is
 * unreachable the in-memory limiter stands in, so an outage of Redis neither blocks every request
 * nor lifts the limit.
 */
export class RateLimits {
  private readonly signedIn: RateLimiterAbstract;
  private readonly anonymous: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(
    private readonly settings: RateLimitSettings,
    logger?: Logger,
  ) {
    const make = (points: number, prefix: string): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ points, duration: 60, keyPrefix: prefix });
      if (!this.redis) return memory;
      return new RateLimiterRedis({
        storeClient: this.redis,
        points,
        duration: 60,
        keyPrefix: prefix,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    };
    if (settings.redisUrl) {
      this.redis = new Redis(settings.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        lazyConnect: false,
      });
      this.redis.on('error', (err) => logger?.warn({ err }, 'rate-limit redis error; limiting in memory meanwhile'));
    }
    this.signedIn = make(settings.pointsPerMinute, `${settings.keyPrefix}:subject`);
    this.anonymous = make(settings.anonymousPointsPerMinute, `${settings.keyPrefix}:ip`);
  }

  /** Charges `points` to a token subject. */
  chargeSubject(subject: string, points: number): Promise<Charge> {
    return this.charge(this.signedIn, this.settings.pointsPerMinute, subject, points);
  }

  /** Charges one point to a client address that brought no valid token. */
  chargeAnonymous(ip: string): Promise<Charge> {
    return this.charge(this.anonymous, this.settings.anonymousPointsPerMinute, ip, 1);
  }

  /** What is left for a subject without charging it (for responses refused before pricing). */
  async peekSubject(subject: string): Promise<Charge> {
    const res = await this.signedIn.get(subject).catch(() => null);
    const limit = this.settings.pointsPerMinute;
    return {
      allowed: true,
      limit,
      remaining: res ? Math.max(0, limit - res.consumedPoints) : limit,
      retryAfterSeconds: 0,
    };
  }

  private async charge(limiter: RateLimiterAbstract, limit: number, key: string, points: number): Promise<Charge> {
    // An operation dearer than the whole budget could never pass; the per-request ceiling keeps
    // that from happening, but a zero-cost operation still costs one point so floods are counted.
    const cost = Math.max(1, Math.ceil(points));
    try {
      const res = await limiter.consume(key, cost);
      return { allowed: true, limit, remaining: res.remainingPoints, retryAfterSeconds: 0 };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return {
        allowed: false,
        limit,
        remaining: Math.max(0, refusal.remainingPoints),
        retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
      };
    }
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}
