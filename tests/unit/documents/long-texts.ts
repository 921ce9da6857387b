/** Long cell texts as a clerk writes them (示例, invented): a 400-character 整改要求 and a 1,500-character 反映的主要问题. */
import { fillDocument, type OfficialDocument } from '../../../src/lib/documents/index.ts';
import { templates } from './helpers.ts';

export const LONG_MEASURE = cut(
  400,
  '一是立即组织对2024年1月以来的全部公务接待进行逐笔清理，逐项核对接待审批单、公函、接待清单和报销凭证，对手续不全的据实补正，对无公函接待、超标准接待的，查明原因、明确责任，涉及违规费用的按规定予以退赔；' +
    '二是修订完善本单位公务接待管理办法，实行“一事一单一函”，明确接待范围、标准、审批权限和报销程序，接待清单须由经办人、审批人和财务审核人分别签字；' +
    '三是由单位主要负责人牵头召开专题民主生活会，深入查摆在落实中央八项规定精神方面存在的思想根源和制度漏洞，领导班子成员逐一作出说明；' +
    '四是对相关责任人进行批评教育，情节较重的依规依纪严肃处理，并将处理情况书面报区纪委监委第一监督检查室；' +
    '五是建立公务接待月度公示制度，每月在单位内部公示接待批次、人数和费用，接受干部职工监督，整改期间每半月报送一次工作进展情况；' +
    '六是举一反三，对公务用车、办公用房、差旅费报销等开展一次自查，形成问题清单和整改台账，整改完成后由单位纪检组织逐项验收销号。',
);

export const LONG_SUMMARY = cut(
  1500,
  repeatTo(
    1600,
    '实名举报人反映，被反映人赵某某（示例）自2021年起担任示例区某街道办事处城建科科长，负责辖区老旧小区改造项目的现场管理和工程量签证。举报反映以下问题：' +
      '一、在2023年某小区改造项目中，向施工单位负责人推荐其妻弟经营的建材公司供应外墙保温材料和防水卷材，供货价格明显高于同期市场价格，施工单位为取得工程量签证上的照顾而接受；' +
      '二、在工程量签证中，为施工单位多计外墙保温面积和管网改造长度，签证单上的数量与现场实际不符，涉及金额约数十万元，部分签证单未经监理单位复核即由其本人签字确认；' +
      '三、自2022年下半年起长期借用施工单位一辆越野车上下班及办理私事，车辆加油、保险等费用由施工单位承担；' +
      '四、2024年春节前后多次接受施工单位负责人安排的宴请，并收受购物卡若干张；' +
      '五、其妻弟的建材公司成立时间较短，无生产能力，主要通过转手供货赚取差价，举报人称掌握部分供货单据和车辆使用照片，可以配合核查。' +
      '举报人同时反映，街道办事处曾于2024年接到类似反映，但未予认真核查。' +
      '另据举报材料所附情况说明，该项目竣工结算审计尚未完成，施工单位已申请支付剩余工程款，被反映人多次催促财务部门加快拨付；项目监理单位现场负责人曾就签证数量提出异议，后被调离该项目。' +
      '举报人还反映，被反映人在街道城建科内部分工中长期一人负责签证审核，未落实“双人复核”要求，科室其他人员对签证情况不知情。' +
      '以上问题举报人均表示愿意当面说明并提供线索来源，要求对处理结果予以反馈。',
  ),
);

function repeatTo(n: number, s: string): string {
  let out = s;
  let k = 2;
  while ([...out].length < n) out += `（续${k++}）` + s;
  return out;
}
function cut(n: number, s: string): string {
  const chars = [...s];
  if (chars.length < n) throw new Error(`示例文字只有 ${chars.length} 字，不足 ${n} 字`);
  return chars.slice(0, n - 1).join('') + '。';
}

async function filled(id: string, change: (example: Record<string, unknown>) => void): Promise<OfficialDocument> {
  const t = (await templates()).find((x) => x.id === id)!;
  const data = structuredClone(t.meta.example) as Record<string, unknown>;
  change(data);
  const r = fillDocument(t, data);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.document;
}
/** 整改通知书 whose first 整改要求 has 400 characters */
export const longNotice = () =>
  filled('zhenggai-tongzhishu', (d) => {
    (d.problems as Record<string, string>[])[0]!.measure = LONG_MEASURE;
  });
/** 问题线索处置审批表 whose 反映的主要问题 has 1,500 characters */
export const longApproval = () =>
  filled('wenti-xiansuo-chuzhi-shenpibiao', (d) => {
    d.summary = LONG_SUMMARY;
  });

