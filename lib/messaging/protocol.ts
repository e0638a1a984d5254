/**
 * Every message of the extension, declared once: name → payload and result. Receivers are split
 * by who handles them; senders and handlers are typed from these maps.
 */
export interface BackgroundMessages {
  /** Panel asks the worker to (re)run the import of the packs shipped in the extension. */
  importEmbeddedPacks: { payload: Record<string, never>; result: { ok: boolean; error?: string } };
}

export type BackgroundMessageName = keyof BackgroundMessages;

export interface Envelope<N extends BackgroundMessageName = BackgroundMessageName> {
  type: N;
  payload: BackgroundMessages[N]['payload'];
}

const NAMES: readonly BackgroundMessageName[] = ['importEmbeddedPacks'];

/** Validates an incoming message (messages are untrusted input, even from our own pages). */
export function parseBackgroundMessage(raw: unknown): Envelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !(NAMES as readonly string[]).includes(type)) return null;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  switch (type as BackgroundMessageName) {
    case 'importEmbeddedPacks':
      return Object.keys(payload).length === 0 ? { type: 'importEmbeddedPacks', payload: {} } : null;
  }
}

export type BackgroundHandlers = {
  [N in BackgroundMessageName]: (payload: BackgroundMessages[N]['payload']) => Promise<BackgroundMessages[N]['result']>;
};
