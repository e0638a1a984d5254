import { CodesetError } from './errors';

export interface DownloadOptions {
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
  onProgress?: (received: number, total: number | undefined) => void;
}

/**
 * Downloads a release file with a timeout and a size limit, reading the body as a stream so an
 * oversized or endless response is cut off instead of filling memory. Works in Node and in the
 * extension (plain `fetch`). Every failure becomes a CodesetError naming the URL.
 */
export async function downloadBytes(url: string, options: DownloadOptions = {}): Promise<Uint8Array> {
  const { timeoutMs = 120_000, maxBytes = 256 * 1024 * 1024, fetchImpl = fetch, onProgress } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetchImpl(url, { signal: controller.signal, redirect: 'follow' });
    } catch (err) {
      throw new CodesetError(url, `could not be downloaded (${describeFetchError(err, controller, timeoutMs)})`);
    }
    if (!res.ok) throw new CodesetError(url, `could not be downloaded: the server answered ${res.status} ${res.statusText}`.trim());
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new CodesetError(url, `is ${declared} bytes, over the ${maxBytes}-byte limit`);
    if (!res.body) throw new CodesetError(url, 'answered with an empty body');
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (err) {
        throw new CodesetError(url, `download broke off after ${received} bytes (${describeFetchError(err, controller, timeoutMs)})`);
      }
      if (step.done) break;
      received += step.value.length;
      if (received > maxBytes) {
        controller.abort();
        throw new CodesetError(url, `is larger than the ${maxBytes}-byte limit`);
      }
      chunks.push(step.value);
      onProgress?.(received, Number.isFinite(declared) ? declared : undefined);
    }
    if (Number.isFinite(declared) && received !== declared)
      throw new CodesetError(url, `download is truncated: got ${received} of ${declared} bytes`);
    const out = new Uint8Array(received);
    let offset = 0;
    for (const c of chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}

function describeFetchError(err: unknown, controller: AbortController, timeoutMs: number): string {
  if (controller.signal.aborted) return `no complete answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`;
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err instanceof Error ? err.message : String(err)}${cause}`;
}
