/** UI strings of the 纪法贯通对照表 (parallel articles of the Party, government, civil-service and criminal rulebooks). */
export const parallels = {
  'zh-CN': {
    'par.title': '纪法贯通',
    'par.lead': '同一行为的对应条文（本项目组对照法规原文整理，以原文为准）：',
    'par.topics': '行为：{topics}',
    'par.side.party': '党纪',
    'par.side.government': '政务处分',
    'par.side.civil': '公务员处分',
    'par.side.criminal': '可能构成的犯罪',
    'par.byWording': '按字面相似推荐，纪法贯通对照表未收',
  },
  en: {
    'par.title': 'Parallel articles',
    'par.lead': 'Articles covering the same conduct (compiled by this project from the texts; the texts prevail):',
    'par.topics': 'Conduct: {topics}',
    'par.side.party': 'Party discipline',
    'par.side.government': 'Government sanctions',
    'par.side.civil': 'Civil-service sanctions',
    'par.side.criminal': 'Possible offence',
    'par.byWording': 'suggested by similar wording; not in the table of parallel articles',
  },
} as const;
