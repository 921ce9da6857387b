/** `lianjian batch --ledger`: a ledger's rows as the data rows of the matching template (same mapping as the browser). */
import type { DataRow } from '../documents/data.ts';
import { formatProblem } from '../../lib/content/problem.ts';
import { followUpTasks, ledgerDocument, rowDocument } from '../../lib/ledgers/documents.ts';
import { KIND_SPECS } from '../../lib/ledgers/kinds.ts';
import { localToday } from '../../lib/ledgers/status.ts';
import { findTemplate } from '../documents/templates.ts';
import { loadLedgers, readLedgerArgument } from './load.ts';

export interface LedgerBatch {
  template: string;
  rows: DataRow[];
  unknownColumns: string[];
  /** the file holding the rows, for the per-row messages */
  dataFile: string;
  /** CSV encoding detected, for the command to say */
  encoding?: string;
}

export async function ledgerBatch(file: string, kind: string | undefined, contentRoot: string): Promise<LedgerBatch> {
  const r = await readLedgerArgument(file, kind, process.cwd(), contentRoot);
  const errors = r.problems.filter((p) => p.severity !== 'warning');
  if (errors.length || !r.ledger) {
    throw new Error(`台账有 ${errors.length} 个问题，未生成任何文书（lianjian check 或 lianjian ledger 可逐条查看）：\n${errors.map(formatProblem).join('\n')}`);
  }
  const ledger = r.ledger;
  const spec = KIND_SPECS[ledger.kind];
  if (spec.wholeLedger) {
    // the meetings' follow-up tasks of the same year belong on the annual list
    const meetings = (await loadLedgers(contentRoot)).ledgers.filter((l) => l.kind === 'meetings' && l.year === ledger.year);
    const doc = ledgerDocument(ledger, meetings.flatMap(followUpTasks), localToday());
    return { template: doc.template, rows: [{ row: 1, data: doc.values }], unknownColumns: [], dataFile: r.dataFile ?? r.file, encoding: r.encoding };
  }
  // the write page starts from the template's defaults (e.g. 抄送); so does the batch, for the same document
  const { meta } = await findTemplate(contentRoot, spec.template);
  const defaults = Object.fromEntries(meta.fields.filter((f) => f.default !== undefined).map((f) => [f.name, f.default]));
  const rows = ledger.rows.map((row) => ({ row: row.row, data: { ...defaults, ...rowDocument(ledger, row)!.values } }));
  return { template: spec.template, rows, unknownColumns: [], dataFile: r.dataFile ?? r.file, encoding: r.encoding };
}
