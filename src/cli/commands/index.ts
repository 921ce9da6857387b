import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

/**
 * Every subcommand, loaded only when it runs: `lianjian search` never loads pdfmake or docx, and
 * `lianjian --help` loads no command at all. `commands` lists the top-level names a module
 * registers with their one-line descriptions for the overall help (a test checks they match what
 * the module registers). Several modules may add subcommands under one name (`import`).
 */
export interface CommandEntry {
  commands: Record<string, string>;
  load(): Promise<CommandModule>;
}

export const commandEntries: CommandEntry[] = [
  { commands: { check: '校验全部内容（头信息、引用、交叉引用），列出每个问题' }, load: () => import('./check.ts') },
  { commands: { import: '导入外部资料' }, load: () => import('./import.ts') },
  {
    commands: { search: '全文搜索法规条文、案例、警示教育资料、文书模板和党课（与站点同一索引和排序）' },
    load: () => import('./search.ts'),
  },
  {
    commands: {
      lessons: '列出全部廉政党课课件包',
      lesson: '生成一个党课课件包：学员资料 PDF、讲稿、幻灯片、测试题及答案、签到与心得表',
    },
    load: () => import('./lessons.ts'),
  },
  { commands: { templates: '列出文书模板（按类别）' }, load: () => import('./templates.ts') },
  {
    commands: {
      doc: '用模板生成一份符合 GB/T 9704 的公文（DOCX/PDF）',
      'doc-example-data': '打印模板的示例数据（YAML），可复制后修改再用 --data 生成',
    },
    load: () => import('./doc.ts'),
  },
  { commands: { batch: '按数据表批量生成公文：每行一份；有问题的行单独报告，其余照常生成' }, load: () => import('./batch.ts') },
  {
    commands: { 'ledger-template': '生成模板的台账模板（XLSX）：中文表头、示例行、下拉选项、日期单元格；填好后用 lianjian batch 批量生成' },
    load: () => import('./ledger-template.ts'),
  },
  {
    commands: { ledger: '列出台账事项和逾期事项（按工作日历计算）；有逾期事项时退出码为 1，台账有错误时为 2' },
    load: () => import('./ledger.ts'),
  },
  {
    commands: { sanction: '量纪参考：用大白话查行为对应的条款、各情节档次可给予的处分、从轻从重条款、纪法衔接和适用过的案例' },
    load: () => import('./sanction.ts'),
  },
  {
    commands: {
      riskmaps: '列出全部权力运行流程图（廉政风险防控图）',
      riskmap: '生成一张权力运行流程图：SVG、PNG，以及附流程图的廉政风险点防控表 DOCX、PDF',
    },
    load: () => import('./riskmap.ts'),
  },
  {
    commands: { serve: '在本机提供构建好的站点（npm start 用它）：带安全响应头，发送构建时预压缩的 .br/.gz 文件' },
    load: () => import('./serve.ts'),
  },
];
