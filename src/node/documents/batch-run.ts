/**
 * One batch run: rows → files in the output folder, an error report for the
 * rows that could not be made. Robust to what happens in an office: names
 * longer than the file system allows are shortened (never a dropped row),
 * existing files are kept (a suffixed name) unless `force`, duplicate 发文字号
 * are flagged, and Ctrl-C/SIGTERM writes the report so far and removes
 * temporary files before exiting.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { duplicateDocNumbers } from '../../lib/documents/batch-checks.ts';
import { renderRows } from './batch-pool.ts';
import type { DataRow } from './data.ts';
import type { FontConfig, LoadedFonts } from './fonts.ts';
import { writeOutputs, type OutputFormat } from './generate.ts';
import { fileNameFromPattern, freshName, removeTempFiles, writeFileAtomic } from './output.ts';
import type { LoadedTemplate } from './templates.ts';

export interface BatchError {
  row: number | string;
  field: string;
  message: string;
}

export interface BatchRunOptions {
  template: LoadedTemplate;
  fonts: LoadedFonts;
  fontConfig: FontConfig;
  contentRoot: string;
  formats: OutputFormat[];
  /** the seal image printed on every PDF (checked PNG/JPEG by the caller) */
  sealImage?: Uint8Array;
  outDir: string;
  /** file name pattern, e.g. "{row}-{unitName}" */
  pattern: string;
  threads: number;
  /** overwrite existing files instead of keeping them */
  force: boolean;
  /** 行 for spreadsheets, 条 for JSON/YAML lists */
  unit: '行' | '条';
  onRow?: (failed: number) => void;
}

export interface BatchSummary {
  written: number;
  failedRows: number;
  errors: BatchError[];
  /** rows written under a suffixed name because a file of that name existed */
  keptExisting: number;
  /** the report file, when one was written */
  report?: string;
}

export const REPORT_NAME = '错误报告.csv';
/** the list of 发文字号 given by --number-from, beside the files */
export const NUMBERS_NAME = '发文字号分配.csv';

function reportText(errors: readonly BatchError[]): string {
  return '\uFEFF' + Papa.unparse({ fields: ['行号', '字段', '问题'], data: errors.map((e) => [e.row, e.field, e.message]) });
}

export async function runBatch(rows: DataRow[], opts: BatchRunOptions): Promise<BatchSummary> {
  const { template, outDir, unit } = opts;
  const summary: BatchSummary = { written: 0, failedRows: 0, errors: [], keptExisting: 0 };
  const used = new Set<string>();
  let done = 0;

  // a stop signal: keep what is done, say what is not, leave no temp files
  const onSignal = (signal: NodeJS.Signals) => {
    removeTempFiles();
    const left = rows.length - done;
    const from = rows[done]?.row ?? '-';
    summary.errors.push({ row: from, field: '-', message: `批量生成被中断（${signal}）：第${from}${unit}起的 ${left} ${unit}未生成，已生成的 ${summary.written} 份保留` });
    const report = path.join(outDir, REPORT_NAME);
    try {
      const tmp = path.join(outDir, `.lianjian-${process.pid}-report.tmp`);
      writeFileSync(tmp, reportText(summary.errors));
      renameSync(tmp, report);
      console.error(`批量生成已中断（${signal}），错误报告已写入 ${report}`);
    } catch (err) {
      console.error(`批量生成已中断（${signal}），错误报告未能写入 ${report}：${(err as Error).message}`);
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const duplicates = duplicateDocNumbers(template.meta, rows, unit);
    const toRender = rows.filter((r) => !duplicates.has(r.row));
    const pending = rows.filter((r) => duplicates.has(r.row));
    const flushRejected = (upTo: number) => {
      // duplicates are reported in row order among the rendered rows
      while (pending.length && pending[0]!.row < upTo) {
        const r = pending.shift()!;
        summary.failedRows++;
        summary.errors.push({ row: r.row, ...duplicates.get(r.row)! });
        done++;
        opts.onRow?.(summary.failedRows);
      }
    };
    await renderRows({ contentRoot: opts.contentRoot, templateId: template.id, fontConfig: opts.fontConfig, formats: opts.formats, sealImage: opts.sealImage }, toRender, {
      threads: Math.min(opts.threads, Math.max(1, toRender.length)),
      local: { template, fonts: opts.fonts },
      onResult: async (r, result) => {
        flushRejected(r.row);
        if (!result.ok) {
          summary.failedRows++;
          for (const p of result.problems) summary.errors.push({ row: r.row, field: p.field, message: p.message });
        } else {
          const base = fileNameFromPattern(opts.pattern, result.values, { template: template.meta.title, row: r.row });
          const { name, keptExisting } = freshName(outDir, base, opts.formats, used, opts.force);
          if (keptExisting) summary.keptExisting++;
          await writeOutputs(outDir, name, result.outputs);
          summary.written++;
        }
        done++;
        opts.onRow?.(summary.failedRows);
      },
    });
    flushRejected(Infinity);
    if (summary.errors.length) {
      summary.report = path.join(outDir, REPORT_NAME);
      await writeFileAtomic(summary.report, reportText(summary.errors));
    }
    return summary;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
