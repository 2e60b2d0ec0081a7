// An axios adapter on undici's connection pool. axios stays the Windward client's API (config,
// auth, errors), but its Node http adapter costs about 100 µs of CPU per request (redirect and proxy
// handling, stream plumbing) against about 20 µs here: the benchmark's largest single cost per
// synced customer. Only what the Windward client uses is supported: text bodies, no redirects.
import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { Agent, type Dispatcher } from 'undici';
import { requestText, type TextResponse } from '../http/text-request.js';
import { toTransportFailure } from '../http/undici-errors.js';

export interface UndiciAdapter {
  adapter: AxiosAdapter;
  close(): Promise<void>;
}

/** `connections`: sockets per origin at most (keep-alive, reused). */
export function createUndiciAdapter(options: { connections: number }): UndiciAdapter {
  // pipelining 1: one request per connection at a time, so `connections` caps the requests in flight.
  const agent = new Agent({ connections: options.connections, pipelining: 1, keepAliveTimeout: 30_000 });

  const adapter: AxiosAdapter = async (config) => {
    const url = toFullUrl(config);
    const headers = AxiosHeaders.from(config.headers as AxiosHeaders).normalize(false);
    const method = (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod;
    const body = config.data === undefined || config.data === null ? null : (config.data as string | Buffer);
    // The clock starts when the request is written (not while it waits for a pooled connection):
    // until the answer's headers, then between body chunks. No timer per request: undici keeps one.
    const timeout = config.timeout && config.timeout > 0 ? config.timeout : undefined;
    let answer: TextResponse;
    try {
      answer = await requestText(agent, {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers: toPlainHeaders(headers),
        body,
        signal: config.signal as AbortSignal | undefined,
        ...(timeout === undefined ? {} : { headersTimeout: timeout, bodyTimeout: timeout }),
      });
    } catch (error) {
      throw toAxiosError(error, config);
    }
    const response: AxiosResponse<string> = {
      data: answer.body,
      status: answer.status,
      statusText: '',
      headers: AxiosHeaders.from(answer.headers as Record<string, string>),
      config,
      request: null,
    };
    const validate = config.validateStatus;
    if (!validate || validate(response.status)) return response;
    throw new AxiosError(
      `Request failed with status code ${response.status}`,
      response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST,
      config,
      null,
      response,
    );
  };

  return { adapter, close: () => agent.close() };
}

/** As axios joins baseURL and url (no re-encoding of what the client already encoded). */
function toFullUrl(config: InternalAxiosRequestConfig): URL {
  const relative = config.url ?? '';
  if (/^[a-z][a-z\d+\-.]*:\/\//iu.test(relative) || !config.baseURL) return new URL(relative);
  return new URL(`${config.baseURL.replace(/\/+$/u, '')}/${relative.replace(/^\/+/u, '')}`);
}

function toPlainHeaders(headers: AxiosHeaders): Record<string, string> {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers.toJSON())) {
    if (value !== undefined && value !== null) plain[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return plain;
}

/** The codes axios' own http adapter would report, so error classification does not change. */
function toAxiosError(error: unknown, config: InternalAxiosRequestConfig): AxiosError {
  if (config.signal?.aborted) return new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
  const { code, message } = toTransportFailure(error, config.timeout);
  return new AxiosError(message, code, config);
}
