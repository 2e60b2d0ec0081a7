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

  const target = createTargetResolver();
  const adapter: AxiosAdapter = async (config) => {
    const url = target(config.baseURL, config.url);
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
        headers: toPlainHeaders(config.headers),
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
      // axios makes AxiosHeaders of these when the adapter returns (dispatchRequest).
      headers: answer.headers,
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

const ABSOLUTE = /^[a-z][a-z\d+\-.]*:\/\//iu;
/**
 * A relative URL that WHATWG URL parsing leaves as it is: unreserved and sub-delim characters,
 * ':', '@', '/', '?', and percent escapes other than an encoded dot (dot segments are resolved).
 * Anything else (spaces, quotes, non-ASCII, backslashes, '.' and '..' segments) takes new URL().
 */
const PLAIN_RELATIVE = /^(?![^?]*(?:^|\/)(?:\.|%2e){1,2}(?:[/?]|$))(?:[A-Za-z0-9\-._~!$&()*+,;=:@/?]|%(?!2e)[0-9A-Fa-f]{2})*$/iu;

export interface RequestTarget {
  origin: string;
  pathname: string;
  search: string;
}

/**
 * As axios joins baseURL and url, and as new URL() then reads the result (no re-encoding of what
 * the client already encoded). The client's baseURL never changes, so it is parsed once, not for
 * every request; a url new URL() would rewrite is handed to it.
 */
export function createTargetResolver(): (baseURL: string | undefined, url: string | undefined) => RequestTarget {
  let lastBase: string | undefined;
  let baseOrigin = '';
  let basePath = '';
  let baseIsPlain = false;
  return (baseURL, url) => {
    const relative = url ?? '';
    if (ABSOLUTE.test(relative) || !baseURL) return new URL(relative);
    const tail = relative.replace(/^\/+/u, '');
    if (baseURL !== lastBase) {
      const base = new URL(baseURL);
      lastBase = baseURL;
      baseOrigin = base.origin;
      basePath = base.pathname.replace(/\/+$/u, '');
      // A base URL that parsing would rewrite (upper-case host, query, spaces) always takes new URL().
      baseIsPlain = base.search === '' && base.hash === '' && base.href.replace(/\/+$/u, '') === baseURL.replace(/\/+$/u, '');
    }
    if (!baseIsPlain || !PLAIN_RELATIVE.test(relative)) return new URL(`${baseURL.replace(/\/+$/u, '')}/${tail}`);
    const path = `${basePath}/${tail}`;
    const query = path.indexOf('?');
    return query === -1
      ? { origin: baseOrigin, pathname: path, search: '' }
      : { origin: baseOrigin, pathname: path.slice(0, query), search: path.slice(query) };
  };
}

/** axios hands the adapter its headers as AxiosHeaders (names already merged case-insensitively). */
function toPlainHeaders(headers: InternalAxiosRequestConfig['headers']): Record<string, string> {
  const plain: Record<string, string> = {};
  const json = headers instanceof AxiosHeaders ? headers.toJSON(true) : AxiosHeaders.from(headers as AxiosHeaders).normalize(false).toJSON(true);
  for (const name in json) {
    const value = json[name];
    if (value !== undefined && value !== null) plain[name] = String(value);
  }
  return plain;
}

/** The codes axios' own http adapter would report, so error classification does not change. */
function toAxiosError(error: unknown, config: InternalAxiosRequestConfig): AxiosError {
  if (config.signal?.aborted) return new AxiosError('canceled', AxiosError.ERR_CANCELED, config);
  const { code, message } = toTransportFailure(error, config.timeout);
  return new AxiosError(message, code, config);
}
