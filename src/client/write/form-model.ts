/**
 * The write form's state as one object: the values as typed, which fields the
 * user has touched, whether every message is shown (after a submit), and
 * whether there is input not yet saved or downloaded. Every change the page
 * makes goes through a method here, so the page's controller stays small and
 * this module is tested without a browser.
 */
import { validateTemplateData, type DataProblem } from '../../lib/documents/data-schema.ts';
import type { TemplateData } from '../../lib/schema/template.ts';
import { applyObject, emptyRow, initialValues, moveItem, problemsByKey, toData, type ApplyResult, type FormField, type RawValues } from './form-state.ts';

export type ItemAction = 'add' | 'remove' | 'up' | 'down';

export interface CheckResult {
  problems: DataProblem[];
  /** messages by input key ("name", "name.2", "name.2.column") */
  byKey: Map<string, string[]>;
  /** how many messages in all */
  count: number;
}

export class WriteFormModel {
  values: RawValues;
  readonly touched = new Set<string>();
  /** after a submit every message is shown, not only those of touched fields */
  showAll = false;
  /** input typed since the last save, download or restore */
  dirty = false;
  private readonly byName: Map<string, FormField>;

  constructor(
    readonly fields: readonly FormField[],
    private readonly schema: Pick<TemplateData, 'fields' | 'deadlines'> = { fields: fields as TemplateData['fields'], deadlines: [] },
  ) {
    this.values = initialValues(fields);
    this.byName = new Map(fields.map((f) => [f.name, f]));
  }

  field(name: string): FormField | undefined {
    return this.byName.get(name);
  }

  /** The value at an input key ("name", "name.2", "name.2.column"). */
  valueAt(key: string): unknown {
    return key.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), this.values);
  }

  /** Stores what was typed into the input with this key; returns the field's name, or undefined for an unknown key. */
  setPath(path: string, value: string): string | undefined {
    const [name, idx, col] = path.split('.');
    const f = this.byName.get(name!);
    if (!f) return undefined;
    if (idx === undefined) this.values[name!] = value;
    else if (f.type === 'list') (this.values[name!] as string[])[Number(idx)] = value;
    else if (col) (this.values[name!] as Record<string, string>[])[Number(idx)]![col] = value;
    this.touched.add(name!);
    this.dirty = true;
    return name;
  }

  touch(path: string): void {
    this.touched.add(path.split('.')[0]!);
  }

  /** Add, remove or move a list item / table row; returns the index to focus afterwards. */
  itemAction(name: string, action: ItemAction, index: number): number {
    const f = this.byName.get(name);
    if (!f || (f.type !== 'list' && f.type !== 'table')) return index;
    const blank = () => (f.type === 'list' ? '' : emptyRow(f));
    const items = this.values[name] as (string | Record<string, string>)[];
    let focus = index;
    if (action === 'add') {
      items.push(blank());
      focus = items.length - 1;
    } else if (action === 'remove') {
      items.splice(index, 1);
      if (items.length === 0) items.push(blank());
      focus = Math.min(index, items.length - 1);
    } else {
      focus = action === 'up' ? index - 1 : index + 1;
      this.values[name] = moveItem(items, index, focus) as RawValues[string];
    }
    this.touched.add(name);
    this.dirty = true;
    return focus;
  }

  /**
   * Prefills the form from a data object keyed by field name or label — a
   * draft, a JSON file, a ledger row, or data handed over by another page.
   * Fields not in `data` keep their values; the filled ones count as touched.
   */
  prefill(data: Record<string, unknown>, opts: { markDirty?: boolean } = {}): ApplyResult {
    const r = applyObject(this.fields, this.values, data);
    this.values = r.values;
    for (const n of r.filled) this.touched.add(n);
    if (opts.markDirty ?? true) this.dirty = true;
    return r;
  }

  /** Replaces every value (a restored draft or an imported file). */
  replace(values: RawValues, filled: readonly string[] = this.fields.map((f) => f.name)): void {
    this.values = values;
    for (const n of filled) this.touched.add(n);
  }

  /** Back to the template's defaults, no message shown. */
  reset(): void {
    this.values = initialValues(this.fields);
    this.touched.clear();
    this.showAll = false;
    this.dirty = false;
  }

  /** A whole new set of values over fresh defaults: the template's example or a restored draft. */
  loadFresh(source: Record<string, unknown>): void {
    this.values = applyObject(this.fields, initialValues(this.fields), source).values;
    for (const f of this.fields) this.touched.add(f.name);
  }

  data(): Record<string, unknown> {
    return toData(this.fields, this.values);
  }

  /** Has the user typed anything that differs from a fresh form? */
  hasInput(): boolean {
    return JSON.stringify(this.values) !== JSON.stringify(initialValues(this.fields));
  }

  /** Unsaved input worth a warning before the page is left. */
  needsLeaveWarning(): boolean {
    return this.dirty && this.hasInput();
  }

  /** Checks the values with the shared schema; `extra` adds what only the browser knows (half-typed dates). */
  check(extra: ReadonlyMap<string, string[]> = new Map()): CheckResult {
    const result = validateTemplateData(this.schema, this.data());
    const problems = result.ok ? [] : result.problems;
    const byKey = problemsByKey(this.fields, this.values, problems);
    for (const [k, m] of extra) byKey.set(k, m);
    const count = [...byKey.values()].reduce((n, m) => n + m.length, 0);
    return { problems, byKey, count };
  }

  /** Whether messages for the input with this key are shown yet. */
  visible(key: string): boolean {
    return this.showAll || this.touched.has(key.split('.')[0]!);
  }
}
