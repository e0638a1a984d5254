import type { ReleaseRecord } from '../../../lib/db/schema';

interface Props {
  releases: ReleaseRecord[];
  today: string;
  onOpen: () => void;
}

/**
 * The active releases in the header, always in sight: a coder must notice an expired release
 * before coding with it, whatever view is open.
 */
export function ReleaseChip({ releases, today, onOpen }: Props) {
  if (releases.length === 0) return null;
  const expired = releases.filter((r) => today > r.effectiveTo);
  const names = releases.map((r) => r.title).join(' · ');
  return (
    <button type="button" class={expired.length ? 'cl-release-chip cl-release-chip-expired' : 'cl-release-chip'} onClick={onOpen} data-testid="release-chip">
      {names}
      {expired.length > 0 && <span> — ended {expired[0].effectiveTo}</span>}
    </button>
  );
}
