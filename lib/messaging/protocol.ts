/**
 * Every message of the extension, declared once: name → payload and result. Receivers are split
 * by who handles them; senders and handlers are typed from these maps.
 */
export interface BackgroundMessages {
  /** Panel asks the worker to (re)run the import of the packs shipped in the extension. */
  importEmbeddedPacks: { payload: Record<string, never>; result: { ok: boolean; error?: string } };
  /** Panel chose the installed release to code with (a date of service in an earlier year). */
  setActiveRelease: { payload: { releaseId: string }; result: { ok: boolean; error?: string } };
}

export type BackgroundMessageName = keyof BackgroundMessages;

/** A message on the wire: one member per name, so checking `type` narrows `payload`. */
export type Envelope = { [N in BackgroundMessageName]: { type: N; payload: BackgroundMessages[N]['payload'] } }[BackgroundMessageName];

const NAMES: readonly BackgroundMessageName[] = ['importEmbeddedPacks', 'setActiveRelease'];

/** Release ids as `releaseId` writes them: `icd10cm@2026~<12 hex>` (bounded, no odd characters). */
const RELEASE_ID = /^[a-z0-9]{2,12}@[0-9A-Za-z.-]{1,16}~[0-9a-f]{12}$/;

/** Validates an incoming message (messages are untrusted input, even from our own pages). */
export function parseBackgroundMessage(raw: unknown): Envelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !(NAMES as readonly string[]).includes(type)) return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  switch (type as BackgroundMessageName) {
    case 'importEmbeddedPacks':
      return Object.keys(payload).length === 0 ? { type: 'importEmbeddedPacks', payload: {} } : null;
    case 'setActiveRelease': {
      const { releaseId, ...rest } = payload as { releaseId?: unknown };
      if (Object.keys(rest).length || typeof releaseId !== 'string' || !RELEASE_ID.test(releaseId)) return null;
      return { type: 'setActiveRelease', payload: { releaseId } };
    }
  }
}

export type BackgroundHandlers = {
  [N in BackgroundMessageName]: (payload: BackgroundMessages[N]['payload']) => Promise<BackgroundMessages[N]['result']>;
};

/** Calls the handler of a validated message (the map's types guarantee payload and handler agree). */
export function dispatchBackgroundMessage(handlers: BackgroundHandlers, msg: Envelope): Promise<unknown> {
  const handler = handlers[msg.type] as (payload: Envelope['payload']) => Promise<unknown>;
  return handler(msg.payload);
}
