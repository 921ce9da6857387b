/**
 * A query whose words run through a whole code (开除党籍 in half of 纪律处分条例's articles): the
 * articles that are about the term — it stands in the first clause of a sentence — come before the
 * short provisions of 分则 that only impose it, and only that code's own order changes.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/lib/search/build.ts';
import { pervasiveQueryTerms, reorderByTopic, topicClauses, topicFile } from '../../../src/lib/search/pervasive.ts';
import { memoryEngine } from '../../../src/node/search/build.ts';
import { articleDoc, plainDoc } from './fixtures.ts';

const names = ['示例纪律处分条例', '纪律处分条例'];
const article = (key: number, context: string, body: string) => articleDoc({ id: 'shili-tiaoli', names, key: String(key), context: `示例纪律处分条例 ${context}`, body, level: '党内法规' });

const GENERAL = '第一编 总则';
const SPECIAL = '第二编 分则';
const CONDUCT = ['组织秘密集团', '参加邪教组织', '叛逃境外', '公开发表反对党的言论', '组织迷信活动', '泄露党的秘密', '伪造证件', '侵占公物', '收受巨额财物', '组织非法集会', '煽动群众闹事', '包庇犯罪'];

const docs = [
  article(1, GENERAL, '为了维护党的章程和其他党内法规，严肃党的纪律，制定本条例。'),
  article(2, GENERAL, '对党员的纪律处分种类：\n（一）警告；\n（二）严重警告；\n（三）撤销党内职务；\n（四）留党察看；\n（五）开除党籍。'),
  // the article a cadre who types 开除党籍 wants: long, the term once, as its subject
  article(3, GENERAL, '党员受到开除党籍处分，五年内不得重新入党，也不得推荐担任与其原任职务相当或者高于其原任职务的党外职务。另有规定不准重新入党的，依照规定。党组织应当将处分决定存入本人档案，并告知其本人。'),
  article(4, GENERAL, '党组织在作出处分决定前，应当听取受处分党员本人的陈述和申辩。'),
  // 分则: short provisions that impose the term as their consequence, often twice
  ...CONDUCT.map((c, i) => article(10 + i, SPECIAL, `${c}的，给予开除党籍处分。情节较轻的，给予留党察看处分；情节严重的，给予开除党籍处分。`)),
  // an unrelated article without the term
  article(30, SPECIAL, '本条例由中央纪律检查委员会负责解释。'),
];
// other texts the index holds besides the code
const others = Array.from({ length: 40 }, (_, i) => plainDoc(i, `第${i}号文件，关于办公用房和公务接待的一般规定，与纪律处分无关。`));

const build = () => buildIndex([...docs, ...others], { boost: { 示例纪律处分条例: 1.5 } });
const keyOf = (url: string) => url.replace(/^.*#art-/, '');

describe('terms that run through a whole code', () => {
  it('takes the first clause of each sentence as an article’s topic, list items too', () => {
    expect(topicClauses('留党察看处分，分为留党察看一年、留党察看二年。对于受到留党察看处分一年的党员，期满后仍不符合条件的，应当延长。')).toEqual([
      '留党察看处分',
      '对于受到留党察看处分一年的党员',
    ]);
    expect(topicClauses('政务处分的种类为：\n（一）警告；\n（四）降级；')).toEqual(['政务处分的种类为', '警告', '降级']);
    expect(topicClauses('组织迷信活动的，给予开除党籍处分。')).toEqual(['组织迷信活动的']);
  });

  it('writes a topic file for a core code: its pervasive terms and the articles that have them as topic', () => {
    const built = build();
    expect(built.meta.topics).toHaveLength(1);
    const file = built.files.get(`t/${built.meta.topics![0]}`) as Record<string, number[]>;
    // 开除党籍 is in 14 of the 18 articles; as topic only in 第二条 (a list item) and 第三条 (its
    // opening clause: stored as ~offset)
    const first = built.meta.topics![0]!;
    expect(file['党籍']!.map((o) => (o < 0 ? `${keyOf(docs[~o]!.url)} opening` : keyOf(docs[o]!.url)))).toEqual(['2', '3 opening']);
    // 重新入党 is in one article: not pervasive, not in the file
    expect(file['入党']).toBeUndefined();
    expect(first).toBeGreaterThanOrEqual(0);
  });

  it('ranks the articles about 开除党籍 above the provisions of 分则 that impose it', async () => {
    const r = await memoryEngine(build()).search('开除党籍', { limit: 5 });
    expect(r.hits.slice(0, 2).map((h) => keyOf(h.url)).sort()).toEqual(['2', '3']);
  });

  it('leaves the order alone when the query has a word the code does not repeat everywhere', async () => {
    const engine = memoryEngine(build());
    const r = await engine.search('开除党籍 邪教组织', { limit: 3 });
    expect(keyOf(r.hits[0]!.url)).toBe('11');
  });

  it('gates on the query’s own words: all pervasive in the code, or nothing', () => {
    const lists = new Map<string, number[] | null>([
      ['开除', Array.from({ length: 12 }, (_, i) => [i, 1]).flat()],
      ['入党', [3, 1]],
    ]);
    const unit = (t: string) => ({ terms: [t], weight: 1 });
    expect(pervasiveQueryTerms([{ weight: 1, typed: true, units: [unit('开除')] }], lists, 0, 20)).toEqual(['开除']);
    expect(pervasiveQueryTerms([{ weight: 1, typed: true, units: [unit('开除'), unit('入党')] }], lists, 0, 20)).toBeNull();
    // a word found nowhere keeps the gate shut (被带走调查 is not a query about 调查)
    expect(pervasiveQueryTerms([{ weight: 1, typed: true, units: [unit('开除'), unit('带走')] }], lists, 0, 20)).toBeNull();
    // a subject word (share) or a question's focus (weight 2) is not the query's own word
    expect(pervasiveQueryTerms([{ weight: 1, typed: true, units: [unit('开除'), { terms: ['入党'], weight: 2 }] }], lists, 0, 20)).toEqual(['开除']);
  });

  it('reorders within the code only: the code keeps the scores it held, other docs keep theirs', () => {
    const scores = new Map([
      [10, 50],
      [11, 40],
      [12, 30],
      [13, 30],
      [99, 45],
    ]);
    reorderByTopic(scores, 10, 20, ['党籍'], { 党籍: [3] });
    expect(scores.get(99)).toBe(45);
    const code = [10, 11, 12, 13].map((d) => scores.get(d)!);
    expect(code.map(Math.round).sort((a, b) => b - a)).toEqual([50, 40, 30, 30]);
    // the topic article 13 takes the code’s best score, 10 the next the code held (below 99), and so on
    const ranked = [...scores].sort((a, b) => b[1] - a[1]).map(([d]) => d);
    expect(ranked).toEqual([13, 99, 10, 11, 12]);
  });

  it('puts an article about the term from its opening clause before one that has it as topic only later', () => {
    const scores = new Map([
      [10, 50],
      [11, 40],
      [12, 45],
    ]);
    // 10: topic in a later sentence; 11: in its opening clause (~1); 12: not a topic
    reorderByTopic(scores, 10, 20, ['党籍'], { 党籍: [0, ~1] });
    expect([...scores].sort((a, b) => b[1] - a[1]).map(([d]) => d)).toEqual([11, 10, 12]);
  });

  it('needs no topic file for a code whose terms are not pervasive (short texts)', () => {
    expect(topicFile(docs, 0, 3)).toBeNull();
  });
});
