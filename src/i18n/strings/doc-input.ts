/** Documents in and out: ledger forms (台账模板) and which font face each role of a PDF got. */
export const docInput = {
  'zh-CN': {
    'ledgerTemplate.download': '下载台账模板（XLSX）',
    'ledgerTemplate.note': '台账模板按本模板的字段生成：中文表头、示例行、下拉选项和日期单元格；每行一份，可用“从台账导入”或 lianjian batch 读取。',
    'write.fonts.faces': 'PDF 字体：{faces}',
    'write.fonts.substitute': '{role}用 {face}（代替 {standard}）',
    'write.fonts.failed': 'PDF 字体未能载入：{message}',
  },
  en: {
    'ledgerTemplate.download': 'Download the ledger form (XLSX)',
    'ledgerTemplate.note': 'The ledger form follows this template’s fields: Chinese headers, an example row, drop-down lists and date cells; one document per row, read by “Import from a ledger” or lianjian batch.',
    'write.fonts.faces': 'PDF fonts: {faces}',
    'write.fonts.substitute': '{role}: {face} (instead of {standard})',
    'write.fonts.failed': 'The PDF fonts could not be loaded: {message}',
  },
} as const;
