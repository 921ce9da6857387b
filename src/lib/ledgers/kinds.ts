/**
 * The five ledger kinds (台账) of resident supervision and their columns.
 * A column is found in a spreadsheet by its Chinese label or an alias; the
 * key is what the code uses. Everything else about a kind (schema, steps,
 * documents) is derived from these tables.
 */

export type ColumnType = 'text' | 'multiline' | 'date' | 'number' | 'enum';

export interface ColumnSpec {
  key: string;
  /** the header the office writes (and the export writes back) */
  label: string;
  type: ColumnType;
  required?: boolean;
  options?: readonly string[];
  /** other headers accepted for this column; for enums, `值=规范值` maps a variant onto an option */
  aliases?: readonly string[];
  /** variants of enum values accepted and stored as the option, e.g. 重大事项决策 → 重大决策 */
  optionAliases?: Readonly<Record<string, string>>;
  /** shown in the view table (others only in the matter's detail) */
  list?: boolean;
}

export const LEDGER_KINDS = ['tasks', 'sanzhong', 'rectification', 'clues', 'meetings'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface KindSpec {
  kind: LedgerKind;
  /** the ledger's name in the office */
  title: string;
  /** short name for navigation and charts */
  short: string;
  columns: readonly ColumnSpec[];
  /** the column that names who must act (责任主体) */
  ownerKey: string;
  /** the column that identifies a matter in messages and the timeline */
  labelKey: string;
  /** the document template “生成文书” fills from a row (or the whole ledger) */
  template: string;
  /** whole ledger → one document (the annual task list), instead of one per row */
  wholeLedger?: boolean;
}

// columns every kind may carry: where a row belongs when one ledger covers several zones or groups
const PLACE: readonly ColumnSpec[] = [
  { key: 'zone', label: '协作区', type: 'text' },
  { key: 'group', label: '派驻组', type: 'text', aliases: ['派驻纪检监察组', '派驻机构'] },
  { key: 'note', label: '备注', type: 'multiline' },
];

const TASKS: KindSpec = {
  kind: 'tasks',
  title: '年度政治监督重点任务清单',
  short: '重点任务',
  ownerKey: 'owner',
  labelKey: 'matter',
  template: 'zhengzhi-jiandu-renwu-qingdan',
  wholeLedger: true,
  columns: [
    { key: 'id', label: '编号', type: 'text', aliases: ['序号'], list: true },
    { key: 'taskType', label: '任务类型', type: 'enum', options: ['重点任务', '第一议题'], list: true },
    { key: 'matter', label: '监督事项', type: 'text', required: true, list: true },
    { key: 'owner', label: '责任主体', type: 'text', required: true, aliases: ['责任单位'], list: true },
    { key: 'goal', label: '预期目标', type: 'multiline' },
    { key: 'due', label: '完成时限', type: 'date', required: true, list: true },
    { key: 'progress', label: '进展', type: 'multiline' },
    { key: 'status', label: '状态', type: 'enum', required: true, options: ['未开始', '推进中', '已完成', '逾期'], list: true },
    { key: 'doneDate', label: '完成日期', type: 'date' },
    { key: 'evidence', label: '佐证材料', type: 'multiline' },
    { key: 'supervisor', label: '监督责任人', type: 'text' },
    { key: 'method', label: '监督方式', type: 'text' },
    { key: 'meetingDate', label: '会议日期', type: 'date', aliases: ['学习日期'] },
    { key: 'topic', label: '学习主题', type: 'text', aliases: ['学习内容'] },
    { key: 'followUp', label: '跟进落实', type: 'multiline', aliases: ['跟进事项'] },
    ...PLACE,
  ],
};

const SANZHONG: KindSpec = {
  kind: 'sanzhong',
  title: '“三重一大”事项事前报备台账',
  short: '三重一大',
  ownerKey: 'unit',
  labelKey: 'matter',
  template: 'sanzhong-yida-baobeibiao',
  columns: [
    { key: 'id', label: '编号', type: 'text', aliases: ['序号'], list: true },
    { key: 'unit', label: '报备单位', type: 'text', required: true, aliases: ['责任主体'], list: true },
    { key: 'matter', label: '事项', type: 'text', required: true, aliases: ['事项名称'], list: true },
    {
      key: 'category', label: '类别', type: 'enum', required: true, aliases: ['事项类别'], list: true,
      options: ['重大决策', '重要干部任免', '重大项目安排', '大额资金使用'],
      optionAliases: { 重大事项决策: '重大决策', 重要人事任免: '重要干部任免' },
    },
    { key: 'amount', label: '涉及金额（万元）', type: 'number', aliases: ['涉及金额', '金额（万元）'] },
    { key: 'meetingType', label: '会议类型', type: 'enum', options: ['党组（党委）会议', '局（主任）办公会议', '其他会议'] },
    { key: 'reportDate', label: '报备时间', type: 'date', required: true, aliases: ['报备日期'], list: true },
    { key: 'meetingDate', label: '拟上会时间', type: 'date', required: true, aliases: ['拟召开会议日期', '上会时间'], list: true },
    { key: 'observer', label: '列席监督人', type: 'text', list: true },
    { key: 'content', label: '主要内容', type: 'multiline', aliases: ['主要内容及拟决策方案'] },
    { key: 'basis', label: '法规政策依据', type: 'multiline', aliases: ['决策依据'] },
    { key: 'procedure', label: '前期程序履行情况', type: 'multiline', aliases: ['前期程序'] },
    { key: 'reporter', label: '报备人', type: 'text' },
    { key: 'duringRecord', label: '事中监督记录', type: 'multiline' },
    { key: 'reviewDue', label: '回头看时限', type: 'date' },
    { key: 'reviewDate', label: '回头看日期', type: 'date', aliases: ['事后回头看日期'] },
    { key: 'reviewNote', label: '事后回头看', type: 'multiline', aliases: ['回头看情况'] },
    { key: 'docNumber', label: '报备表编号', type: 'text' },
    ...PLACE,
  ],
};

const RECTIFICATION: KindSpec = {
  kind: 'rectification',
  title: '整改跟踪台账',
  short: '以案促改',
  ownerKey: 'unit',
  labelKey: 'problem',
  template: 'zhenggai-tongzhishu',
  columns: [
    { key: 'id', label: '编号', type: 'text', aliases: ['序号'], list: true },
    { key: 'unit', label: '被监督单位', type: 'text', required: true, aliases: ['责任主体', '整改单位'], list: true },
    { key: 'inspection', label: '监督检查事项', type: 'text' },
    { key: 'period', label: '检查时间', type: 'text' },
    { key: 'problem', label: '存在问题', type: 'multiline', required: true, list: true },
    { key: 'basis', label: '违反的规定', type: 'text' },
    { key: 'requirement', label: '整改要求', type: 'multiline', required: true },
    { key: 'adviceNumber', label: '建议书文号', type: 'text' },
    { key: 'adviceDate', label: '建议书日期', type: 'date' },
    { key: 'noticeNumber', label: '通知书文号', type: 'text', list: true },
    { key: 'noticeDate', label: '通知书日期', type: 'date' },
    { key: 'rectifyDue', label: '整改期限', type: 'date', list: true },
    { key: 'reportDue', label: '整改报告时限', type: 'date' },
    { key: 'reportDate', label: '整改报告日期', type: 'date', aliases: ['反馈日期'] },
    { key: 'reviewDue', label: '回头看时限', type: 'date' },
    { key: 'reviewDate', label: '回头看日期', type: 'date' },
    { key: 'reviewResult', label: '回头看结论', type: 'multiline' },
    ...PLACE,
  ],
};

const CLUES: KindSpec = {
  kind: 'clues',
  title: '问题线索双向移交登记',
  short: '线索移交',
  ownerKey: 'receiver',
  labelKey: 'subject',
  template: 'xiansuo-yijiao-han',
  columns: [
    { key: 'number', label: '线索编号', type: 'text', required: true, list: true },
    {
      key: 'direction', label: '移交方向', type: 'enum', required: true, list: true,
      options: ['派驻机构移交协作区', '协作区移交派驻机构'],
      optionAliases: { 派驻纪检监察组移交协作区: '派驻机构移交协作区', 协作区移交派驻纪检监察组: '协作区移交派驻机构', '派驻→协作区': '派驻机构移交协作区', '协作区→派驻': '协作区移交派驻机构' },
    },
    { key: 'sender', label: '移交单位', type: 'text', required: true, list: true },
    { key: 'receiver', label: '接收单位', type: 'text', required: true, aliases: ['责任主体'], list: true },
    { key: 'subject', label: '被反映人及职务', type: 'text', required: true, aliases: ['被反映人'] },
    { key: 'summary', label: '主要问题', type: 'multiline', required: true },
    { key: 'pages', label: '材料页数', type: 'number' },
    { key: 'letterNumber', label: '移交函号', type: 'text', aliases: ['函号'], list: true },
    { key: 'transferDate', label: '移交日期', type: 'date', required: true, list: true },
    { key: 'reason', label: '移交理由', type: 'multiline' },
    { key: 'receiveDue', label: '接收时限', type: 'date' },
    { key: 'receiveDate', label: '接收日期', type: 'date', list: true },
    { key: 'disposal', label: '处置方式', type: 'enum', options: ['谈话函询', '初步核实', '暂存待查', '予以了结'], list: true },
    { key: 'feedbackDue', label: '反馈时限', type: 'date' },
    { key: 'feedbackDate', label: '反馈日期', type: 'date' },
    ...PLACE,
  ],
};

const MEETINGS: KindSpec = {
  kind: 'meetings',
  title: '协作区联席会议和政治生态会商记录',
  short: '联席会商',
  ownerKey: 'owner',
  labelKey: 'topic',
  template: 'xiezuoqu-lianxi-huiyi-jiyao',
  columns: [
    { key: 'date', label: '会议日期', type: 'date', required: true, list: true },
    { key: 'type', label: '会议类型', type: 'enum', required: true, options: ['协作区联席会议', '政治生态会商'], list: true },
    { key: 'zone', label: '协作区', type: 'text', required: true, list: true },
    { key: 'attendees', label: '参会人员', type: 'multiline', required: true, aliases: ['出席人员'] },
    { key: 'topic', label: '议题', type: 'text', required: true, list: true },
    { key: 'decisions', label: '议定事项', type: 'multiline', required: true },
    { key: 'followUp', label: '跟进任务', type: 'multiline', list: true },
    { key: 'owner', label: '责任主体', type: 'text', list: true },
    { key: 'due', label: '完成时限', type: 'date', list: true },
    { key: 'status', label: '完成情况', type: 'enum', options: ['未开始', '推进中', '已完成'], list: true },
    { key: 'doneDate', label: '完成日期', type: 'date' },
    { key: 'group', label: '派驻组', type: 'text', aliases: ['派驻纪检监察组'] },
    { key: 'note', label: '备注', type: 'multiline' },
  ],
};

export const KIND_SPECS: Record<LedgerKind, KindSpec> = {
  tasks: TASKS,
  sanzhong: SANZHONG,
  rectification: RECTIFICATION,
  clues: CLUES,
  meetings: MEETINGS,
};

/** A kind from its id or its Chinese name (as an office writes it in the sidecar). */
export function kindFrom(value: string): LedgerKind | undefined {
  const v = value.trim().replace(/[“”"]/g, '');
  for (const spec of Object.values(KIND_SPECS)) {
    if (v === spec.kind || v === spec.title.replace(/[“”"]/g, '') || v === spec.short) return spec.kind;
  }
  return undefined;
}

export const KIND_NAMES = LEDGER_KINDS.map((k) => `${k}（${KIND_SPECS[k].title}）`).join('、');
