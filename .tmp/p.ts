import { parseRegulationBody } from '../src/lib/regulations/index.ts';
const r = parseRegulationBody('第三十条 甲。\n\n第三十－条 乙。\n\n第三十二条 丙。\n');
console.log(r.articles.map((a) => a.id), r.warnings);
const b = parseRegulationBody('第十一条 甲。第十二条 乙。\n\n第十三条 丙。\n');
console.log(b.articles.map((a) => [a.id, a.text]), b.warnings);
