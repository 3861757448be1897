import type { FileErrorCode } from './file-error.js';
import type { TextEncoding } from './csv/decode.js';

/** A problem with one cell (or the whole row when `column` is absent). */
export interface CellIssue {
  column?: string;
  message: string;
}

/** One reported row: its physical line in the file and every problem found in it. */
export interface RowReport {
  line: number;
  issues: CellIssue[];
}

export type ImportStatus = 'success' | 'warning' | 'error';

export interface ImportReport {
  /** success: every row applies; warning: some rows rejected or kept with a notice; error: nothing applies. */
  status: ImportStatus;
  format: string;
  encoding: TextEncoding | null;
  columns: string[];
  /** Set when the whole file is refused. */
  fileError: { code: FileErrorCode; message: string; line?: number } | null;
  rows: { read: number; accepted: number; rejected: number; notices: number };
  /** Rows refused (first `REPORT_LIMIT`, in file order); `rows.rejected` has the full count. */
  rejected: RowReport[];
  /** Rows kept with a warning (e.g. unknown airport: the entry is kept without emission). */
  notices: RowReport[];
  /** Accepted rows per target (submodule key). */
  accepted: Record<string, number>;
}

export const REPORT_LIMIT = 1000;

export interface Progress {
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Bytes of the upload read so far: with the upload's size, a percentage while the total rows are unknown. */
  bytesRead: number;
}

/** Collects counts and a bounded list of row problems while the file streams. */
export class ReportBuilder {
  private readonly rejectedRows: RowReport[] = [];
  private readonly noticeRows: RowReport[] = [];
  private readonly perTarget: Record<string, number> = {};
  rowsRead = 0;
  rejectedCount = 0;
  noticeCount = 0;
  acceptedCount = 0;

  constructor(private readonly limit = REPORT_LIMIT) {}

  reject(line: number, issues: CellIssue[]) {
    this.rejectedCount += 1;
    if (this.rejectedRows.length < this.limit) this.rejectedRows.push({ line, issues });
  }

  notice(line: number, issues: CellIssue[]) {
    this.noticeCount += 1;
    if (this.noticeRows.length < this.limit) this.noticeRows.push({ line, issues });
  }

  accept(target: string) {
    this.acceptedCount += 1;
    this.perTarget[target] = (this.perTarget[target] ?? 0) + 1;
  }

  progress(bytesRead: number): Progress {
    return { rowsRead: this.rowsRead, accepted: this.acceptedCount, rejected: this.rejectedCount, bytesRead };
  }

  build(meta: Pick<ImportReport, 'format' | 'encoding' | 'columns' | 'fileError'>): ImportReport {
    const status: ImportStatus =
      meta.fileError || this.acceptedCount === 0 ? 'error' : this.rejectedCount > 0 || this.noticeCount > 0 ? 'warning' : 'success';
    return {
      status,
      ...meta,
      rows: { read: this.rowsRead, accepted: meta.fileError ? 0 : this.acceptedCount, rejected: this.rejectedCount, notices: this.noticeCount },
      rejected: this.rejectedRows,
      notices: this.noticeRows,
      accepted: meta.fileError ? {} : this.perTarget,
    };
  }
}
