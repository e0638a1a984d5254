import { MANIFEST_FORMAT, PACK_FORMAT_VERSION, encodePack, sha256Hex, type CodeRow, type Pack } from '../../../lib/codeset/pack';
import type { FeedEntry } from '../../../lib/update/feed';
import type { UpdateRunState } from '../../../lib/update/run-state';
import type { RunStateStore } from '../../../lib/update/state-machine';
import { cmPackBuilder } from '../../support/packs';

/** FY2025 → FY2026 in miniature: 2 added, 1 deleted (became a header), 1 revised. */
export const CODES_2025: CodeRow[] = [
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['I10', 1, 'Essential (primary) hypertension'],
  ['Z91012', 1, 'Allergy to eggs'],
];
export const CODES_2026: CodeRow[] = [
  ['E11', 0, 'Type 2 diabetes mellitus'],
  ['E1122', 1, 'Type 2 diabetes mellitus with diabetic chronic kidney disease (CKD)'],
  ['E119', 1, 'Type 2 diabetes mellitus without complications'],
  ['I10', 1, 'Essential (primary) hypertension'],
  ['Z91012', 0, 'Allergy to eggs'],
  ['Z910120', 1, 'Allergy to eggs, unspecified'],
  ['Z910121', 1, 'Allergy to eggs with tolerance to baked egg'],
];

export const cmPack = cmPackBuilder({ codes: CODES_2025 });
export const fy = (release: string) => cmPack(release, { codes: Number(release) >= 2026 ? CODES_2026 : CODES_2025 });

export const FEED_URL = 'https://updates.example.org/coder-lens/manifest.json';
export const FEED_DIR = 'https://updates.example.org/coder-lens/';

/** A pack file as a feed serves it: its bytes and its feed entry (before resolving the URL). */
export interface ServedPack {
  bytes: Uint8Array;
  entry: Record<string, unknown> & { file: string; sha256: string; bytes: number };
}

export async function servedPack(pack: Pack, overrides: { bytes?: Uint8Array; entry?: Record<string, unknown> } = {}): Promise<ServedPack> {
  const bytes = overrides.bytes ?? encodePack(pack);
  const { codes: _codes, sections: _sections, ...header } = pack;
  const entry = { ...header, file: `${pack.system}-${pack.release}.pack.json.gz`, sha256: await sha256Hex(bytes), bytes: bytes.length, ...overrides.entry };
  return { bytes, entry };
}

export function feedJson(packs: ServedPack[]): string {
  return JSON.stringify({ format: MANIFEST_FORMAT, formatVersion: PACK_FORMAT_VERSION, packs: packs.map((p) => p.entry) });
}

/** The entry of a served pack as the validated feed gives it. */
export function feedEntry(p: ServedPack, dir = FEED_DIR): FeedEntry {
  const e = p.entry as unknown as FeedEntry & { file: string };
  return {
    system: e.system,
    release: e.release,
    title: e.title,
    effectiveFrom: e.effectiveFrom,
    effectiveTo: e.effectiveTo,
    url: new URL(e.file, dir).href,
    sha256: e.sha256,
    bytes: e.bytes,
    counts: { validCodes: e.counts.validCodes, headers: e.counts.headers },
  };
}

/** How the fake server answers one address. */
export interface Route {
  status?: number;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  /** Body delivered in pieces of this size (default: one piece). */
  chunkSize?: number;
  /** Never answer (the request waits until it is aborted). */
  hang?: boolean;
  /** Send this many bytes of the body, then nothing more (the connection stays open). */
  stallAfter?: number;
  /** An endless body of zero bytes (after `body`, if any). */
  endless?: boolean;
  /** The request fails as a refused connection does. */
  refuse?: boolean;
}

export interface FakeServer {
  fetch: typeof fetch;
  routes: Map<string, Route>;
  requests: Array<{ url: string; init?: RequestInit }>;
  /** Bytes handed out per address (to check that reading stopped early). */
  sent: Map<string, number>;
  serve(url: string, route: Route): void;
  servePacks(packs: ServedPack[], dir?: string): void;
}

const abortError = () => new DOMException('This operation was aborted', 'AbortError');

export function fakeServer(): FakeServer {
  const routes = new Map<string, Route>();
  const requests: FakeServer['requests'] = [];
  const sent = new Map<string, number>();
  const server: FakeServer = {
    routes,
    requests,
    sent,
    serve: (url, route) => void routes.set(url, route),
    servePacks(packs, dir = FEED_DIR) {
      for (const p of packs) routes.set(new URL(p.entry.file, dir).href, { body: p.bytes });
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      requests.push({ url, init });
      const signal = init?.signal ?? undefined;
      const route = routes.get(url) ?? { status: 404, body: 'Not Found' };
      if (route.refuse) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8080') });
      if (route.hang)
        return new Promise<Response>((_, reject) => {
          if (signal?.aborted) reject(abortError());
          signal?.addEventListener('abort', () => reject(abortError()));
        });
      const body = typeof route.body === 'string' ? new TextEncoder().encode(route.body) : (route.body ?? new Uint8Array(0));
      const size = route.chunkSize ?? Math.max(1, body.length);
      let offset = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const limit = route.stallAfter ?? body.length;
          if (offset >= limit && route.stallAfter !== undefined) return new Promise<void>(() => undefined);
          if (offset >= body.length) {
            if (route.endless) {
              sent.set(url, (sent.get(url) ?? 0) + 4096);
              controller.enqueue(new Uint8Array(4096));
              return;
            }
            controller.close();
            return;
          }
          const piece = body.subarray(offset, Math.min(offset + size, limit));
          offset += piece.length;
          sent.set(url, (sent.get(url) ?? 0) + piece.length);
          controller.enqueue(piece);
        },
      });
      return new Response(stream, { status: route.status ?? 200, headers: route.headers });
    }) as typeof fetch,
  };
  return server;
}

/** Thrown by a store or a db wrapper to stand for the browser stopping the worker. */
export class WorkerKilled extends Error {
  constructor() {
    super('the service worker was stopped');
  }
}

/**
 * The run-state store in memory. `killOnSave: n` stops "the worker" at its n-th save (counted from
 * the start): that save and every one after it throw, as nothing runs in a stopped worker, until
 * `restart()` stands for the next worker start.
 */
export interface MemoryStore extends RunStateStore {
  value: unknown;
  saves: UpdateRunState[];
  killOnSave?: number;
  dead: boolean;
  restart(): void;
}

export function memoryStore(initial?: unknown): MemoryStore {
  const store: MemoryStore = {
    value: initial,
    saves: [],
    dead: false,
    restart() {
      store.dead = false;
      store.killOnSave = undefined;
    },
    async load() {
      return structuredClone(store.value);
    },
    async save(state) {
      if (store.killOnSave !== undefined && store.saves.length + 1 >= store.killOnSave) store.dead = true;
      if (store.dead) throw new WorkerKilled();
      // Stored as storage.local stores it: a structured copy, not the live object.
      store.saves.push(structuredClone(state));
      store.value = structuredClone(state);
    },
  };
  return store;
}

/** A clock that moves a minute per reading. */
export function fakeClock(start = Date.UTC(2025, 9, 1, 6, 0, 0)): { now: () => number; set: (t: number) => void } {
  let t = start;
  return {
    now: () => (t += 60_000),
    set: (v) => {
      t = v;
    },
  };
}

/** The distinct phases a store went through, in order. */
export const phasesOf = (saves: UpdateRunState[]) => saves.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1]);
