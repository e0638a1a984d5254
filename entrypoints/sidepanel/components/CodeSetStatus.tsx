import type { ReleaseRecord } from '../../../lib/db/schema';

interface Props {
  releases: ReleaseRecord[];
  today: string;
}

export function CodeSetStatus({ releases, today }: Props) {
  return (
    <section class="cl-status" aria-labelledby="cl-status-title">
      <h2 id="cl-status-title">Code sets</h2>
      {releases.length === 0 && <p class="cl-muted">No code set installed yet.</p>}
      <ul class="cl-release-list">
        {releases.map((r) => {
          const expired = today > r.effectiveTo;
          return (
            <li class="cl-release" key={r.id} data-testid="release" data-system={r.system}>
              <div class="cl-release-title">{r.title}</div>
              <div class="cl-release-dates">
                Effective {r.effectiveFrom} to {r.effectiveTo}
              </div>
              <div class="cl-release-counts">
                {r.counts.validCodes.toLocaleString('en-US')} valid codes · {r.counts.headers.toLocaleString('en-US')} headers
              </div>
              {expired && (
                <p class="cl-warning" role="alert" data-testid="expired-warning">
                  This release ended on {r.effectiveTo}. Codes for dates of service after that need a newer release.
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
