// The year configuration as a form edits it (pure): from the API's answer to the PUT body, a new year from a
// template, the contract's validation issues by field, and the reduction goals list.
import { MODULES, YearConfigurationBody, type ModuleKey, type YearConfiguration } from '@co2/contracts';

export const MODULE_KEYS = Object.keys(MODULES) as ModuleKey[];
/** Submodules without a threshold (a headcount is people, not kg). */
export const NO_THRESHOLD: readonly ModuleKey[] = ['headcount'];
export const UNCERTAINTY_TAGS = ['none', 'low', 'medium', 'high'] as const;

export const camel = (id: string) => id.replace(/[-/]([a-z])/g, (_, c: string) => c.toUpperCase());

/** The editable body of a stored configuration (a deep copy: the form may change it freely). */
export function draftOf(config: YearConfiguration): YearConfigurationBody {
  const { openToUsers, workingDaysPerYear, modules, reductionGoals } = structuredClone({ ...config }) as YearConfiguration;
  return { openToUsers, workingDaysPerYear, modules, reductionGoals };
}

/** A new year: the template year's modules, thresholds and goals, closed to users until an administrator opens it. */
export function newYearDraft(template: YearConfiguration | null): YearConfigurationBody {
  if (!template) return { openToUsers: false, workingDaysPerYear: 230, modules: {}, reductionGoals: [] };
  return { ...draftOf(template), openToUsers: false };
}

/** The next year to create: one after the newest configured year (or the current calendar year). */
export function suggestedYear(years: readonly { year: number }[], now = new Date()): number {
  return years.length ? Math.max(...years.map((y) => y.year)) + 1 : now.getUTCFullYear();
}

/** The contract's issues keyed by their path (`reductionGoals.0.targetYear`), first one per path. */
export function draftIssues(draft: YearConfigurationBody): Record<string, string> {
  const parsed = YearConfigurationBody.safeParse(draft);
  if (parsed.success) return {};
  const issues: Record<string, string> = {};
  for (const issue of parsed.error.issues) issues[issue.path.join('.')] ??= issue.message;
  return issues;
}

/** A server error's path (`body.reductionGoals.0.targetYear`) as the draft's (`reductionGoals.0.targetYear`). */
export const draftPath = (serverPath: string) => serverPath.replace(/^body\.?/, '');
