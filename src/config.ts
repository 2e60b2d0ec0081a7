// The only reader of process.env and config/*.json. Everything else receives the slice it needs.
// Precedence: config/default.json < config/<NODE_ENV>.json < environment variables < explicit overrides.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { matchParamsSchema, type MatchParams } from './match/index.js';

/** Package root, the same from src/ (tests) and dist/ (built). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "500ms", "2s", "5m", "1h" or a number of milliseconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
  if (!match) throw new Error(`not a duration: "${value}" (use 500ms, 2s, 5m, 1h or milliseconds)`);
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? 'ms'] ?? 1));
}

const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    return parseDuration(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
const optionalSecret = z.string().min(1).optional();
const commaList = z.union([z.array(z.string()), z.string()]).transform((value) =>
  (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean),
);

const configSchema = z.object({
  redis: z.object({ url: z.string().url(), queuePrefix: z.string().regex(/^[\w.-]+$/) }),
  database: z.object({ path: z.string().min(1) }),
  infosoft: z.object({
    url: z.string().url(),
    username: optionalSecret,
    password: optionalSecret,
    titleCodes: commaList,
    signature: z.string().min(1),
    timeout: duration,
    /** Weekdays with distribution (0 = Sunday): a move can start no earlier than the next one. */
    distributionWeekdays: z.array(z.number().int().min(0).max(6)).min(1),
  }),
  windward: z.object({
    url: z.string().url(),
    username: z.string().min(1),
    password: optionalSecret,
    terminalNumber: z.coerce.number().int().nonnegative(),
    timeout: duration,
    maxConcurrent: z.coerce.number().int().min(1).max(32),
    country: z.enum(['code', 'name']),
  }),
  dashboard: z
    .object({
      username: optionalSecret,
      password: optionalSecret,
      /** bull-board readOnlyMode, and 403 on every mutating request of the web process. */
      readOnly: z.union([z.boolean(), z.stringbool()]).default(false),
    })
    .prefault({}),
  web: z.object({ host: z.string().min(1), port: z.coerce.number().int().min(0).max(65535) }),
  /** When port is set, `customer-sync worker` serves its own /metrics there (on web.host). */
  metrics: z.object({ port: z.coerce.number().int().min(0).max(65535).optional() }).prefault({}),
  log: z.object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) }),
  sync: z.object({
    concurrency: z.coerce.number().int().min(1).max(256),
    pollEvery: duration,
    directions: z.enum(['infosoft-to-windward', 'both']),
    /** Which system wins when both changed the same field group since the last sync. */
    conflictPolicy: z.object({
      name: z.enum(['infosoft', 'windward']),
      phone: z.enum(['infosoft', 'windward']),
      email: z.enum(['infosoft', 'windward']),
      address: z.enum(['infosoft', 'windward']),
    }),
    changeSource: z.enum(['feed', 'notify']),
    feedOverlap: duration,
    attempts: z.coerce.number().int().min(1),
    backoff: duration,
    keepCompletedJobs: z.coerce.number().int().nonnegative(),
    keepFailedJobs: z.coerce.number().int().nonnegative(),
    keepFailedFor: duration,
    eventsMaxLen: z.coerce.number().int().positive(),
    maxBackoff: duration,
    lockTtl: duration,
    circuitThreshold: z.coerce.number().int().min(1),
    circuitProbeEvery: duration,
    mirrorRefreshEvery: duration,
    mirrorPageSize: z.coerce.number().int().min(1).max(10_000),
    /** Routine sync-log entries older than this are deleted; 0 keeps them all (store/sync-log.ts). */
    logRetention: duration,
    logPruneEvery: duration.pipe(z.number().positive()),
    /** The worker runs the Infosoft and Windward clients in a thread of their own (src/remote-thread). */
    clientThread: z.union([z.boolean(), z.stringbool()]),
  }),
});

export type Config = z.output<typeof configSchema> & { matching: MatchParams };
export type ConfigInput = z.input<typeof configSchema>;

/** Environment variable → path in the config tree (DESIGN §5.2). */
const ENV_KEYS: Record<string, string> = {
  REDIS_URL: 'redis.url',
  QUEUE_PREFIX: 'redis.queuePrefix',
  DATABASE_PATH: 'database.path',
  INFOSOFT_URL: 'infosoft.url',
  INFOSOFT_USERNAME: 'infosoft.username',
  INFOSOFT_PASSWORD: 'infosoft.password',
  INFOSOFT_TITLE_CODES: 'infosoft.titleCodes',
  INFOSOFT_SIGNATURE: 'infosoft.signature',
  WINDWARD_URL: 'windward.url',
  WINDWARD_USERNAME: 'windward.username',
  WINDWARD_PASSWORD: 'windward.password',
  WINDWARD_TERMINAL_NUMBER: 'windward.terminalNumber',
  WINDWARD_MAX_CONCURRENT: 'windward.maxConcurrent',
  DASHBOARD_USERNAME: 'dashboard.username',
  DASHBOARD_PASSWORD: 'dashboard.password',
  DASHBOARD_READ_ONLY: 'dashboard.readOnly',
  METRICS_PORT: 'metrics.port',
  PORT: 'web.port',
  HOST: 'web.host',
  LOG_LEVEL: 'log.level',
  SYNC_CONCURRENCY: 'sync.concurrency',
  POLL_EVERY: 'sync.pollEvery',
  SYNC_DIRECTIONS: 'sync.directions',
  SYNC_CLIENT_THREAD: 'sync.clientThread',
  SYNC_LOG_RETENTION: 'sync.logRetention',
};

/** Every environment variable customer-sync reads, for --help texts and .env.example checks. */
export const ENVIRONMENT_VARIABLES = Object.keys(ENV_KEYS);

type Tree = { [key: string]: unknown };

function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    node = (node[key] = typeof child === 'object' && child !== null ? { ...(child as Tree) } : {}) as Tree;
  }
  node[keys[keys.length - 1] as string] = value;
}

function mergeDeep(base: Tree, override: Tree): Tree {
  const result: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = result[key];
    result[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? mergeDeep(current as Tree, value as Tree)
        : value;
  }
  return result;
}

function readJson(path: string): Tree {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Tree;
  } catch (error) {
    throw new Error(`cannot read config file ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export class ConfigError extends Error {}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Applied last (CLI flags, tests). */
  overrides?: Tree;
  configDir?: string;
}

/** Loads and validates the configuration; throws ConfigError listing every bad key. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const configDir = options.configDir ?? `${PACKAGE_ROOT}config`;
  let tree = readJson(`${configDir}/default.json`);
  const profile = env.NODE_ENV ?? (env.VITEST ? 'test' : undefined);
  if (profile && existsSync(`${configDir}/${profile}.json`)) {
    tree = mergeDeep(tree, readJson(`${configDir}/${profile}.json`));
  }
  for (const [name, path] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(tree, path, value);
  }
  if (options.overrides) tree = mergeDeep(tree, options.overrides);
  const parsed = configSchema.safeParse(tree);
  if (!parsed.success) {
    const envByPath = Object.fromEntries(Object.entries(ENV_KEYS).map(([name, path]) => [path, name]));
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      const envName = envByPath[path];
      return `  - ${path}${envName ? ` (${envName})` : ''}: ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  }
  return Object.freeze({ ...parsed.data, matching: loadMatchParams(`${configDir}/matching.json`) });
}

/** Matcher weights and thresholds: generated by scripts/estimate-matching.ts, reviewed in git. */
function loadMatchParams(path: string): MatchParams {
  const parsed = matchParamsSchema.safeParse(readJson(path));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid ${path}:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
