/** The coder's preferences for the panel. */
export interface PanelSettings {
  /** Copy codes as printed in the Tabular (S13.4XXA) or as many claim forms want them (S134XXA). */
  copyWithDots: boolean;
}

export const DEFAULT_SETTINGS: PanelSettings = { copyWithDots: true };

/** Reads stored settings defensively: unknown or mistyped fields fall back to the defaults. */
export function parseSettings(raw: unknown): PanelSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof PanelSettings, unknown>>;
  return { copyWithDots: typeof r.copyWithDots === 'boolean' ? r.copyWithDots : DEFAULT_SETTINGS.copyWithDots };
}
