import { isInForce, releaseForDate, SYSTEM_LABELS, type CodeSystem } from '../codeset/releases';

interface ReleaseLike {
  id: string;
  system: CodeSystem;
  title: string;
  effectiveFrom: string;
  effectiveTo: string;
}

/** What the panel says about one active release. */
export interface ReleaseNotice {
  /** The release ended before today: new encounters need a newer release. */
  expired: boolean;
  /** Plain words about the date of service, when one is set. */
  dateOfService?: { ok: boolean; text: string };
}

/**
 * The warnings of an active release for today and for the encounter's date of service. An
 * expired release is still right for an old date of service, so both are said separately.
 */
export function releaseNotice(active: ReleaseLike, installed: readonly ReleaseLike[], today: string, dateOfService: string): ReleaseNotice {
  const notice: ReleaseNotice = { expired: today > active.effectiveTo };
  if (!dateOfService) return notice;
  if (isInForce(active, dateOfService)) {
    notice.dateOfService = { ok: true, text: `In force on the date of service ${dateOfService}.` };
    return notice;
  }
  const found = releaseForDate(
    installed.filter((r) => r.system === active.system),
    dateOfService,
  );
  const label = SYSTEM_LABELS[active.system];
  const text =
    found.kind === 'inForce'
      ? `Not in force on ${dateOfService}: use ${found.release.title}.`
      : `No installed ${label} release covers the date of service ${dateOfService}; this release is in force ${active.effectiveFrom} to ${active.effectiveTo}.`;
  notice.dateOfService = { ok: false, text };
  return notice;
}

/** Systems with more than one installed release: only there is there a release to choose. */
export function systemsWithChoice(installed: readonly ReleaseLike[]): CodeSystem[] {
  const counts = new Map<CodeSystem, number>();
  for (const r of installed) counts.set(r.system, (counts.get(r.system) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([s]) => s);
}
