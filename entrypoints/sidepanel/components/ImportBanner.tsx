import type { ImportStatus } from '../../../lib/storage/items';

interface Props {
  status: ImportStatus;
  onRetry: () => void;
}

export function ImportBanner({ status, onRetry }: Props) {
  if (status.phase === 'importing') {
    const pct = status.total ? Math.round(((status.done ?? 0) / status.total) * 100) : 0;
    return (
      <div class="cl-banner" role="status" data-testid="import-progress">
        <span>
          Importing {status.title}… {pct}%
        </span>
        <progress max={100} value={pct} aria-label={`Importing ${status.title ?? 'code set'}`} />
      </div>
    );
  }
  if (status.phase === 'error')
    return (
      <div class="cl-banner cl-banner-error" role="alert" data-testid="import-error">
        <p>{status.error}</p>
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  return null;
}
