/** Severity of a diagnostic, from the most to the least serious. */
export type Severity = "error" | "warning" | "info";

/**
 * A note about a lossy or questionable step (a dropped `!=`, an undecidable marker, a guessed
 * package name). Nothing is dropped silently: every such step yields one of these.
 */
export interface Diagnostic {
  /** Stable kebab-case identifier, e.g. `marker-undecidable`. */
  code: string;
  severity: Severity;
  message: string;
  /** The METADATA field, config key or file the diagnostic concerns. */
  field?: string;
}

/** Builds a diagnostic; keeps call sites short. */
export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  field?: string,
): Diagnostic {
  return field === undefined ? { code, severity, message } : { code, severity, message, field };
}
