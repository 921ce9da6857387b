import type { RiskmapData } from '../../../src/lib/schema/index.ts';

/**
 * A long process: the main line runs through six posts; every fifth step is a
 * check that sends the file back; every eighth step forks into two parallel
 * reviews by the same post (stacked in one lane cell) that join again.
 */
export function fortyStepMap(): Pick<RiskmapData, 'lanes' | 'steps' | 'risks'> {
  const lanes = ['窗口受理岗', '业务科室经办人', '业务科室负责人', '财务审核岗', '分管领导', '领导班子集体决策'];
  const steps: RiskmapData['steps'] = [];
  for (let i = 0; i < 40; i++) {
    const kind = i === 0 ? '开始' : i === 39 ? '结束' : i % 5 === 4 ? '判断' : i % 7 === 3 ? '审批' : '办理';
    let next: RiskmapData['steps'][number]['next'] = i < 39 ? [i % 5 === 4 ? { to: `s${i + 1}`, label: '通过' } : `s${i + 1}`] : [];
    if (i % 5 === 4 && i > 4) next.push({ to: `s${i - 3}`, label: '退回补正' });
    if (i % 8 === 1 && i + 3 < 40) next = [`s${i + 1}`, `s${i + 2}`];
    if (i % 8 === 2 && i + 2 < 40) next = [`s${i + 2}`];
    const post = i % 8 === 3 ? lanes[((i - 1) * 7) % 6]! : lanes[(i * 7) % 6]!;
    steps.push({ id: `s${i}`, name: `第${i + 1}环节：审核申报材料并提出办理意见`.slice(0, 24), post, kind, basis: [], next });
  }
  const risks = steps.filter((_, i) => i % 3 === 1).map((s, i) => ({ id: `r${i}`, step: s.id, level: (['高', '中', '低'] as const)[i % 3] })) as unknown as RiskmapData['risks'];
  return { lanes, steps, risks };
}

