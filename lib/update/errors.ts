import { CodesetError } from '../codeset/errors';

/** What went wrong in an update, so the worker can decide (retry later, roll back) and tests can pin it. */
export type UpdateErrorKind =
  | 'network'
  | 'status'
  | 'timeout'
  | 'too-large'
  | 'truncated'
  | 'html'
  | 'not-a-pack'
  | 'sha256'
  | 'corrupt'
  | 'unknown-system'
  | 'mismatch'
  | 'feed'
  | 'quota'
  | 'interrupted'
  | 'storage';

/**
 * An update failure. It stays a CodesetError (it names the address or release and says what is
 * wrong in plain words) and adds a `kind` the state machine acts on.
 */
export class UpdateError extends CodesetError {
  constructor(
    readonly kind: UpdateErrorKind,
    file: string,
    problem: string,
  ) {
    super(file, problem);
    this.name = 'UpdateError';
  }
}

/**
 * Whether a storage write failed because the disk or the origin's quota is full. IndexedDB reports
 * it as a DOMException named QuotaExceededError, directly or as the error of the aborted
 * transaction; `idb` passes that exception on unchanged.
 */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++)
    if (typeof e === 'object' && (e as { name?: unknown }).name === 'QuotaExceededError') return true;
  return false;
}

/** What failed, in parts the update run composes into one plain-words message. */
export interface FailureDescription {
  kind: UpdateErrorKind;
  problem: string;
  /** The address or file concerned, when known. */
  file?: string;
}

/** Describes any thrown value (errors from lib/db or the browser are not UpdateErrors). */
export function describeFailure(err: unknown): FailureDescription {
  if (err instanceof UpdateError) return { kind: err.kind, problem: err.problem, file: err.file };
  if (isQuotaError(err))
    return { kind: 'quota', problem: 'there is not enough storage space for it (the browser refused to store more data; free some disk space)' };
  if (err instanceof CodesetError) return { kind: 'corrupt', problem: err.problem, file: err.file };
  return { kind: 'storage', problem: err instanceof Error ? err.message : String(err) };
}
