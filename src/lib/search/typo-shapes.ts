/**
 * Characters that look alike (形近字): a cadre who writes with a shape-based input (五笔, handwriting)
 * or copies from a scan types 侍遇 for 待遇, 自已 for 自己, 职杈 for 职权 — a character of another
 * reading, which no pinyin file explains. The groups are the common confusions of the field's
 * vocabulary; a typed character's look-alikes are tried as corrections beside its homophones, and
 * the corpus decides among them as it does for homophones (typo.ts bestCorrection).
 */
const GROUPS = [
  '己已巳', '侍待持特', '徇询殉', '戊戌戍', '未末', '拔拨', '候侯', '崇祟', '贷货', '券卷',
  '辨辩辫', '即既', '概慨', '赃脏', '受授', '账帐', '赔陪', '偿尝', '查杳', '检捡俭验',
  '察擦', '监鉴', '职识织积', '责债绩', '贪贫', '污汗', '款欺', '营管', '徒徙', '刑形',
  '处外', '勉免', '诫戒械', '谈淡', '函涵', '核该', '措借错', '制治', '准淮', '则侧测',
  '例列', '规现观', '章竟', '祖租阻组', '违韦', '腐府', '败贩', '赌睹堵', '博搏', '驾架',
  '逃挑', '权杈', '守宁', '贿赂', '诺偌', '聘骋', '酬筹', '奖浆', '遇偶', '籍藉',
  '冒昌', '领颌', '律津', '纪经', '审宙', '级极', '娱误', '末沫', '享亨', '折拆',
  '免兔', '要耍', '问间', '侵浸',
];
// not the commonest characters (干于, 人入, 日曰): one of them beside a rare word makes a junction
// somewhere in the corpus (干股 is not 于股)

const SHAPES = new Map<string, string[]>();
for (const g of GROUPS) for (const c of g) SHAPES.set(c, [...new Set([...(SHAPES.get(c) ?? []), ...[...g].filter((x) => x !== c)])]);

/** The characters that look like `ch` (侍 → 待 持 特), [] for most. */
export function lookAlikes(ch: string): string[] {
  return SHAPES.get(ch) ?? [];
}
