import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from '../../src/config.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['2s', 2000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1500', 1500],
    [250, 250],
    ['1.5s', 1500],
  ])('%s → %i ms', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it.each(['', 'soon', '5 minutes', '-1s', '2d'])('rejects %j', (input) => {
    expect(() => parseDuration(input)).toThrow(/not a duration/);
  });
});

describe('loadConfig', () => {
  it('reads defaults, then the environment over them', () => {
    const config = loadConfig({
      env: { REDIS_URL: 'redis://10.0.0.1:6380', INFOSOFT_TITLE_CODES: 'IT, AP ,', POLL_EVERY: '30s', SYNC_CONCURRENCY: '16' },
    });
    expect(config.redis.url).toBe('redis://10.0.0.1:6380');
    expect(config.infosoft.titleCodes).toEqual(['IT', 'AP']);
    expect(config.sync.pollEvery).toBe(30_000);
    expect(config.sync.concurrency).toBe(16);
    expect(config.database.path).toBe('./data/customer-sync.db');
  });

  it('lists every bad key with its environment variable', () => {
    let error: unknown;
    try {
      loadConfig({ env: { REDIS_URL: 'not a url', SYNC_DIRECTIONS: 'sideways', POLL_EVERY: 'often' } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('redis.url (REDIS_URL)');
    expect(message).toContain('sync.directions (SYNC_DIRECTIONS)');
    expect(message).toContain('sync.pollEvery (POLL_EVERY)');
  });

  it.each<{ value: string | undefined; expected: boolean }>([
    { value: undefined, expected: true },
    { value: 'true', expected: true },
    { value: 'false', expected: false },
    { value: '0', expected: false },
    { value: '1', expected: true },
  ])('SYNC_CLIENT_THREAD=$value runs the remote clients in a thread: $expected', ({ value, expected }) => {
    expect(loadConfig({ env: value === undefined ? {} : { SYNC_CLIENT_THREAD: value } }).sync.clientThread).toBe(expected);
  });

  it('refuses a SYNC_CLIENT_THREAD that is not a boolean, naming the variable', () => {
    expect(() => loadConfig({ env: { SYNC_CLIENT_THREAD: 'sometimes' } })).toThrow(/sync\.clientThread \(SYNC_CLIENT_THREAD\)/);
  });

  it.each<{ value: string | undefined; expectedMs: number }>([
    { value: undefined, expectedMs: 180 * 86_400_000 },
    { value: '720h', expectedMs: 30 * 86_400_000 },
    { value: '0', expectedMs: 0 },
  ])('SYNC_LOG_RETENTION=$value keeps routine sync-log entries for $expectedMs ms', ({ value, expectedMs }) => {
    expect(loadConfig({ env: value === undefined ? {} : { SYNC_LOG_RETENTION: value } }).sync.logRetention).toBe(expectedMs);
  });

  it('refuses a SYNC_LOG_RETENTION that is not a duration, naming the variable', () => {
    expect(() => loadConfig({ env: { SYNC_LOG_RETENTION: 'forever' } })).toThrow(/sync\.logRetention \(SYNC_LOG_RETENTION\)/);
  });

  it('applies the NODE_ENV profile and explicit overrides last', () => {
    const config = loadConfig({ env: { NODE_ENV: 'test', LOG_LEVEL: 'debug' }, overrides: { sync: { attempts: 9 } } });
    expect(config.sync.backoff).toBe(50); // from config/test.json
    expect(config.log.level).toBe('debug'); // environment beats the profile
    expect(config.sync.attempts).toBe(9);
  });
});

describe('documentation of the environment', () => {
  it('lists every environment variable in .env.example and the README', async () => {
    const { readFileSync } = await import('node:fs');
    const { ENVIRONMENT_VARIABLES } = await import('../../src/config.js');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const missing = ENVIRONMENT_VARIABLES.filter((name) => !new RegExp(`^${name}=`, 'm').test(example) || !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
