// One HTTP exchange over an undici dispatcher, answered as text. Both remote clients read small
// bodies whole, so the answer is collected straight from undici's handler callbacks: undici's
// `request()` would wrap every answer in a Readable stream and an AsyncResource and read it back
// through `body.text()` (stream events, microtasks and allocations: about 5 % of the worker's CPU
// per synced customer in the benchmark's profile, six exchanges per customer).
//
// Same outcome as `request()` + `body.text()`: the status, headers parsed as undici parses them
// (lower-case names, repeated ones as arrays), the body decoded as UTF-8 without a leading BOM, and
// undici's own error objects on failure (timeouts, closed sockets), which callers classify.
import type { Dispatcher } from 'undici';

export interface TextResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export type TextRequestOptions = Dispatcher.DispatchOptions & {
  /** Aborts the exchange; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
};

export function requestText(dispatcher: Dispatcher, options: TextRequestOptions): Promise<TextResponse> {
  return new Promise<TextResponse>((resolve, reject) => {
    const { signal, ...dispatchOptions } = options;
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    dispatcher.dispatch(dispatchOptions, new TextHandler(resolve, reject, signal));
  });
}

/** undici's legacy handler interface, which its HTTP/1.1 client calls directly (no adapter in between). */
class TextHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private headers: Record<string, string | string[]> = {};
  private readonly chunks: Buffer[] = [];
  private length = 0;
  private settled = false;
  private removeAbortListener: (() => void) | null = null;

  constructor(
    private readonly resolve: (response: TextResponse) => void,
    private readonly reject: (error: unknown) => void,
    private readonly signal: AbortSignal | undefined,
  ) {}

  onConnect(abort: (error?: Error) => void): void {
    const signal = this.signal;
    if (!signal) return;
    if (signal.aborted) {
      abort(abortReason(signal));
      return;
    }
    const onAbort = () => abort(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    this.removeAbortListener = () => signal.removeEventListener('abort', onAbort);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null, _resume: () => void, _statusText?: string): boolean {
    // 1xx answers (100 Continue) come before the real one.
    if (statusCode < 200) return true;
    this.status = statusCode;
    this.headers = parseRawHeaders(rawHeaders ?? []);
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    this.length += chunk.length;
    return true;
  }

  onComplete(): void {
    if (this.settle()) this.resolve({ status: this.status, headers: this.headers, body: decodeUtf8(this.chunks, this.length) });
  }

  onError(error: Error): void {
    if (this.settle()) this.reject(error);
  }

  /** True the first time: a handler answers once. */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.removeAbortListener?.();
    this.removeAbortListener = null;
    return true;
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

/** As undici's parseHeaders: names lower-cased, values as latin1 text, a repeated name as an array. */
export function parseRawHeaders(raw: ReadonlyArray<Buffer | string>): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = text(raw[i] as Buffer | string).toLowerCase();
    const value = text(raw[i + 1] as Buffer | string);
    const seen = headers[name];
    if (seen === undefined) headers[name] = value;
    else if (typeof seen === 'string') headers[name] = [seen, value];
    else seen.push(value);
  }
  return headers;
}

const text = (value: Buffer | string): string => (typeof value === 'string' ? value : value.toString('latin1'));

/** UTF-8 text of the chunks, without a leading byte-order mark (as undici's body.text()). */
export function decodeUtf8(chunks: readonly Buffer[], length: number): string {
  if (length === 0) return '';
  const buffer = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
  const start = buffer.length > 2 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  return buffer.toString('utf8', start);
}
