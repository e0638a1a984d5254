import { UpdateError } from './errors';

export interface LimitedFetchOptions {
  fetch: typeof fetch;
  /** The whole transfer must finish within this time. */
  timeoutMs: number;
  /** …and no pause between two pieces of the body may be longer than this. */
  idleTimeoutMs?: number;
  /** Reading stops once the body is longer than this; the result says so. */
  maxBytes: number;
  init?: RequestInit;
  onProgress?: (received: number) => void | Promise<void>;
}

export interface LimitedBody {
  /** At most `maxBytes + 1` bytes: one more than allowed means the body is over the limit. */
  bytes: Uint8Array;
  overLimit: boolean;
  contentType: string;
  contentEncoding: string;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** What an HTTP error status means for whoever reads the message (a coder, or IT). */
export function describeStatus(status: number, statusText: string): string {
  const name = statusText || STATUS_NAMES[status] || '';
  const answered = `the server answered ${status}${name ? ` ${name}` : ''}`;
  if (status === 404 || status === 410) return `${answered}: the file is not at this address`;
  if (status === 401 || status === 403 || status === 407) return `${answered}: the server refused access to the file`;
  if (status >= 500) return `${answered}: the server has a problem; the next check tries again`;
  return answered;
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

/**
 * Fetches a URL and reads its body as a stream, with a total and an idle timeout and a size
 * limit: an endless or oversized answer is cut off instead of filling the worker's memory. HTTP
 * errors, network errors and timeouts become UpdateErrors naming the URL; judging the bytes is
 * left to the caller, which knows what they should be.
 */
export async function fetchLimited(url: string, options: LimitedFetchOptions): Promise<LimitedBody> {
  const { timeoutMs, idleTimeoutMs = timeoutMs, maxBytes, onProgress } = options;
  const controller = new AbortController();
  let why = '';
  const stop = (reason: string) => {
    why ||= reason;
    controller.abort();
  };
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('aborted')));
  });
  // Nobody may be waiting on it when the transfer ends normally: keep it from being "unhandled".
  aborted.catch(() => undefined);
  const total = setTimeout(() => stop(`it did not finish within ${seconds(timeoutMs)}`), timeoutMs);
  const idleStop = () => stop(`no data came for ${seconds(idleTimeoutMs)}`);
  let idle = setTimeout(idleStop, idleTimeoutMs);
  const stillAlive = () => {
    clearTimeout(idle);
    idle = setTimeout(idleStop, idleTimeoutMs);
  };
  try {
    let res: Response;
    try {
      // The race covers a fetch that ignores the signal; the signal frees the real connection.
      res = await Promise.race([options.fetch(url, { ...options.init, signal: controller.signal, redirect: 'follow' }), aborted]);
    } catch (err) {
      if (why) throw new UpdateError('timeout', url, `timed out: the server did not answer (${why})`);
      throw new UpdateError('network', url, `could not be reached (${networkCause(err)})`);
    }
    if (!res.ok) {
      // The error page is not needed; cancelling frees the connection, and a failed cancel changes nothing.
      void res.body?.cancel().catch(() => undefined);
      throw new UpdateError('status', url, describeStatus(res.status, res.statusText));
    }
    stillAlive();
    const contentType = res.headers.get('content-type') ?? '';
    const contentEncoding = res.headers.get('content-encoding') ?? '';
    if (!res.body) return { bytes: new Uint8Array(0), overLimit: false, contentType, contentEncoding };
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    let overLimit = false;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await Promise.race([reader.read(), aborted]);
      } catch (err) {
        void reader.cancel().catch(() => undefined);
        if (why) throw new UpdateError('timeout', url, `timed out after ${received} bytes (${why})`);
        throw new UpdateError('network', url, `broke off after ${received} bytes (${networkCause(err)})`);
      }
      if (step.done) break;
      stillAlive();
      const room = maxBytes + 1 - received;
      chunks.push(step.value.length > room ? step.value.subarray(0, room) : step.value);
      received += Math.min(step.value.length, room);
      if (received > maxBytes) {
        overLimit = true;
        void reader.cancel().catch(() => undefined);
        controller.abort();
        break;
      }
      await onProgress?.(received);
    }
    return { bytes: concat(chunks, received), overLimit, contentType, contentEncoding };
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function networkCause(err: unknown): string {
  // Node's fetch hides the real reason (ECONNREFUSED…) in `cause`; browsers say "Failed to fetch".
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err instanceof Error ? err.message : String(err)}${cause}`;
}

const GZIP_MAGIC = [0x1f, 0x8b];

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** The first non-blank character of a body, skipping a UTF-8 byte order mark. */
function firstChar(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i < bytes.length ? String.fromCharCode(bytes[i]) : '';
}

/**
 * Whether a body is a web page: a login page of a proxy, a captive portal, a server's error or
 * directory page answered with status 200. Markup starts with "<"; no pack or feed does.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  return firstChar(bytes) === '<';
}

/** Whether a body is JSON text (a pack that arrived already decompressed, or a feed). */
export function looksLikeJson(bytes: Uint8Array): boolean {
  const c = firstChar(bytes);
  return c === '{' || c === '[';
}
