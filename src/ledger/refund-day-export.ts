/**
 * The 17:30 refund register export: the day's register written beside the data as CSV and XLSX, where the refund
 * keeper picks it up. Each file is written whole (temp file, then rename), so she never opens half a register.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFormat } from './refund-export.js';

export interface RefundDayExportDeps {
  /** Folder the files go to (`<dataDir>/exports`). */
  dir: string;
  exportRefunds(date: string, format: ExportFormat): Promise<Buffer>;
  /** Rows registered that day. */
  count(date: string): number;
}

export function refundDayExport(deps: RefundDayExportDeps) {
  return {
    async exportDay(date: string): Promise<{ rows: number }> {
      await mkdir(deps.dir, { recursive: true });
      for (const format of ['csv', 'xlsx'] as const) {
        const file = join(deps.dir, `refunds-${date}.${format}`);
        await writeFile(`${file}.tmp`, await deps.exportRefunds(date, format));
        await rename(`${file}.tmp`, file);
      }
      return { rows: deps.count(date) };
    },
  };
}
