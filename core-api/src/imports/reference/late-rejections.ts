import { REPORT_LIMIT, type ImportReport, type ImportStatus, type RowReport } from '../report.js';

/**
 * Moves rows that a whole-file check refused after streaming (the unit tree) from accepted to rejected, and
 * recomputes the status with the report's own rule: error when nothing is left, warning when anything was
 * refused or noticed.
 */
export function rejectLate(report: ImportReport, late: readonly RowReport[], target: string, limit = REPORT_LIMIT): ImportReport {
  if (late.length === 0 || report.fileError) return report;
  const rows = { ...report.rows, accepted: report.rows.accepted - late.length, rejected: report.rows.rejected + late.length };
  const accepted = { ...report.accepted, [target]: (report.accepted[target] ?? 0) - late.length };
  const rejected = [...report.rejected, ...late].sort((a, b) => a.line - b.line).slice(0, limit);
  const status: ImportStatus = rows.accepted === 0 ? 'error' : 'warning';
  return { ...report, status, rows, accepted, rejected };
}
