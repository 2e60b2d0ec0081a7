import { Redis, type RedisOptions } from 'ioredis';

/**
 * BullMQ needs maxRetriesPerRequest: null on worker connections so that a Redis outage makes
 * commands wait for the reconnect instead of failing the job.
 */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...options });
}
