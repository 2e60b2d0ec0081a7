// One pino logger for the whole process. Logs are JSON and must never carry personal data or
// secrets: the redaction below is the safety net, and callers log ids (customer numbers, Windward
// Uniques, job ids), never names, e-mails, phones or addresses.
import { pino, type Logger } from 'pino';

export type { Logger };

/** Keys censored at the top of a log object and one level down (`key` and `*.key`). */
const REDACTED_KEYS: ReadonlySet<string> = new Set([
  'password',
  'username',
  'authorization',
  'email',
  'Email',
  'phone',
  'phones',
  'name',
  'firstName',
  'lastName',
  'birthDate',
  'address',
  'socialSecurityNumber',
]);
/** Request headers censored under `req.headers`. */
const REDACTED_HEADERS: ReadonlySet<string> = new Set(['authorization', 'cookie']);
export const CENSOR = '[redacted]';

type LogObject = Record<string, unknown>;

const isObject = (value: unknown): value is LogObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy with the same prototype and every own property (an Error keeps its message and stack). */
function copyOf(value: LogObject): LogObject {
  return Object.create(Object.getPrototypeOf(value) as object | null, Object.getOwnPropertyDescriptors(value)) as LogObject;
}

/** `value` with the given keys censored, or `value` itself when none of them is there. */
function censorKeys(value: LogObject, keys: ReadonlySet<string>, inner?: (key: string, nested: unknown) => unknown): LogObject {
  let result = value;
  for (const key of Object.keys(value)) {
    const current = value[key];
    const replacement = keys.has(key) ? CENSOR : inner ? inner(key, current) : current;
    if (replacement === current) continue;
    if (result === value) result = copyOf(value);
    result[key] = replacement;
  }
  return result;
}

/**
 * Censors the personal keys of a log object, at its top and one level down, and `req.headers`'
 * credentials. The object is returned as it is when nothing is censored (the usual case), and only
 * what changes is copied: pino's own `redact` option gave the same result but parsed its 28 paths
 * and cloned on every line (23.5 kB of garbage and ~6 µs per line, one line per synced customer).
 */
export function redactPersonalData(object: LogObject): LogObject {
  return censorKeys(object, REDACTED_KEYS, (key, nested) =>
    isObject(nested) ? censorKeys(nested, REDACTED_KEYS, key === 'req' ? censorRequestHeaders : undefined) : nested,
  );
}

const censorRequestHeaders = (key: string, value: unknown): unknown =>
  key === 'headers' && isObject(value) ? censorKeys(value, REDACTED_HEADERS) : value;

export function createLogger(options: { level: string; destination?: NodeJS.WritableStream } = { level: 'info' }): Logger {
  const logger = pino(
    {
      level: options.level,
      base: { service: 'customer-sync' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: redactPersonalData },
    },
    // Asynchronous and buffered: lines go out in writes of 4 kB or once a second, whichever comes
    // first (the worker logs a line or two per synced customer, and a write per line was a system
    // call and a hop to libuv's pool each); pino flushes what is left when the process exits.
    (options.destination as pino.DestinationStream | undefined) ?? pino.destination({ dest: 2, sync: false, minLength: 4096, periodicFlush: 1000 }),
  );
  // A child's bindings bypass formatters.log (pino serializes them once, in child()): censor them
  // on the way in. Children inherit this method from the root, so every generation goes through it.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactPersonalData(bindings), childOptions);
  } as Logger['child'];
  return logger;
}
