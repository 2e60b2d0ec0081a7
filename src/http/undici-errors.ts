// undici reports transport failures with its own error classes; both remote clients classify by the
// Node-style codes their previous transports produced (ETIMEDOUT, ECONNRESET, ECONNREFUSED, ...).
import { errors } from 'undici';

/** The Node-style code of a transport failure, or undefined when there is none. */
function toTransportCode(error: unknown): string | undefined {
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || error instanceof errors.ConnectTimeoutError) {
    return 'ETIMEDOUT';
  }
  const own = (error as { code?: unknown } | null)?.code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  // A socket closed mid-exchange: UND_ERR_SOCKET, with the system error (if any) as the cause.
  if (typeof cause === 'string' && /^E[A-Z]+$/u.test(cause)) return cause;
  if (own === 'UND_ERR_SOCKET' || own === 'UND_ERR_CLOSED') return 'ECONNRESET';
  return typeof own === 'string' ? own : undefined;
}

/** The code and a readable message of a transport failure, as the clients' error classifiers expect. */
export function toTransportFailure(error: unknown, timeoutMs: number | undefined): { code: string | undefined; message: string } {
  const code = toTransportCode(error);
  const message = code === 'ETIMEDOUT' ? `timeout of ${timeoutMs ?? 0}ms exceeded` : error instanceof Error ? error.message : String(error);
  return { code, message };
}
