// One pino logger for the whole process. Logs are JSON and must never carry personal data or
// secrets: the redaction list is the safety net, and callers log ids (customer numbers, Windward
// Uniques, job ids), never names, e-mails, phones or addresses.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACTED_KEYS = [
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
];

export function createLogger(options: { level: string; destination?: NodeJS.WritableStream } = { level: 'info' }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'customer-sync' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`), 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[redacted]',
      },
    },
    // Asynchronous: lines written while a write is pending go out together (one syscall instead of
    // one per line); pino flushes what is left when the process exits.
    (options.destination as pino.DestinationStream | undefined) ?? pino.destination({ dest: 2, sync: false }),
  );
}
