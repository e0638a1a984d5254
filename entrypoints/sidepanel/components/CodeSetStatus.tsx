import { SYSTEM_LABELS } from '../../../lib/codeset/releases';
import type { ReleaseRecord } from '../../../lib/db/schema';
import { releaseNotice, systemsWithChoice } from '../../../lib/search-view/code-set-status';

interface Props {
  /** Active release of each system. */
  releases: ReleaseRecord[];
  /** Every installed release. */
  installed: ReleaseRecord[];
  today: string;
  dateOfService: string;
  switchError: string;
  onDateOfService: (date: string) => void;
  onUseRelease: (releaseId: string) => void;
}

/** The code sets in use: dates, warnings for today and the date of service, and the release choice. */
export function CodeSetStatus({ releases, installed, today, dateOfService, switchError, onDateOfService, onUseRelease }: Props) {
  const choice = systemsWithChoice(installed);
  return (
    <section class="cl-status" aria-labelledby="cl-status-title">
      <h2 id="cl-status-title">Code sets</h2>
      {releases.length === 0 && <p class="cl-muted">No code set installed yet.</p>}
      {choice.length > 0 && (
        <div class="cl-dos">
          <label for="cl-dos-input">Date of service</label>{' '}
          <input
            id="cl-dos-input"
            type="date"
            value={dateOfService}
            onChange={(e) => onDateOfService((e.currentTarget as HTMLInputElement).value)}
            aria-describedby="cl-dos-help"
          />
          <p id="cl-dos-help" class="cl-muted">
            Codes follow the date of service: the release in force on that date is used.
          </p>
        </div>
      )}
      {switchError && (
        <p class="cl-search-error" role="alert">
          {switchError}
        </p>
      )}
      <ul class="cl-release-list">
        {releases.map((r) => {
          const notice = releaseNotice(r, installed, today, dateOfService);
          const others = installed.filter((o) => o.system === r.system);
          return (
            <li class="cl-release" key={r.id} data-testid="release" data-system={r.system}>
              <div class="cl-release-title">{r.title}</div>
              <div class="cl-release-dates">
                Effective {r.effectiveFrom} to {r.effectiveTo}
              </div>
              <div class="cl-release-counts">
                {r.counts.validCodes.toLocaleString('en-US')} valid codes · {r.counts.headers.toLocaleString('en-US')} headers
              </div>
              {notice.expired && (
                <p class="cl-warning" role="status" data-testid="expired-warning">
                  This release ended on {r.effectiveTo}. Codes for dates of service after that need a newer release.
                </p>
              )}
              {notice.dateOfService && (
                <p class={notice.dateOfService.ok ? 'cl-muted' : 'cl-warning'} data-testid="dos-notice">
                  {notice.dateOfService.text}
                </p>
              )}
              {others.length > 1 && (
                <label class="cl-release-choice">
                  {SYSTEM_LABELS[r.system]} release{' '}
                  <select value={r.id} onChange={(e) => onUseRelease((e.currentTarget as HTMLSelectElement).value)}>
                    {others.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.title} ({o.effectiveFrom} to {o.effectiveTo})
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
