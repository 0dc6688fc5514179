/**
 * The service catalog into the graph: service items, their materials, departments and legal bases as entities
 * (requires, handled_by, based_on), and passages a question can match — one "facts" passage per service item (names,
 * everyday words, department, conditions, time limit, fee, channels, materials) and one per material (so a matched
 * material brings its service item). The full item is kept on its entity: pre-review reads the catalog back from it.
 */
import type { CatalogServiceEntry, KgServiceFacts, ServiceCatalogFile } from '../../../../common/contract/index.js';
import type { GraphStore } from '../store/graph-store.js';
import { departmentId, documentId, materialId, passageId, sectionId, serviceId } from './ids.js';
import type { PendingPassage } from './indexer.js';

export const CHANNEL_NAMES: Record<string, { zh: string; en: string }> = {
  zheliban: { zh: '浙里办App（掌上办）', en: 'Zheliban app (mobile)' },
  web: { zh: '浙江政务服务网（网上办、一网通办）', en: 'Zhejiang government service portal (online)' },
  window: { zh: '线下窗口（政务服务中心）', en: 'In person at a service centre counter' },
  'self-service': { zh: '自助终端', en: 'Self-service terminal' },
  mail: { zh: '邮寄', en: 'By post' },
  'cross-province': { zh: '跨省通办（异地受理）', en: 'Inter-provincial service' },
  'traffic-12123': { zh: '交管12123 App', en: 'Traffic Management 12123 app' },
  etax: { zh: '电子税务局', en: 'Electronic tax bureau' },
};
const FORM = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' } as const;

/** "市场监督管理局 Administration for Market Regulation" → zh and en (split at the first space before a Latin letter). */
export function splitBilingual(s: string): { zh: string; en: string | null } {
  const m = s.match(/^(.*?)\s+([A-Za-z].*)$/);
  return m ? { zh: m[1]!.trim(), en: m[2]!.trim() } : { zh: s.trim(), en: null };
}

export function timeLimitText(s: CatalogServiceEntry): { zh?: string; en?: string } {
  const t = s.timeLimit;
  if (!t) return {};
  const zh = t.days === 0 ? '当场办结' : `${t.days}${t.workingDays ? '个工作日' : '日'}`;
  const en = t.days === 0 ? 'on the spot' : `${t.days} ${t.workingDays ? 'working days' : 'days'}`;
  const stat = t.statutoryDays !== undefined ? `（法定${t.statutoryDays}${t.statutoryWorkingDays ? '个工作日' : '日'}）` : '';
  return { zh: zh + stat + (t.note ? `；${t.note}` : ''), en: en + (t.noteEn ? `; ${t.noteEn}` : '') };
}

export function serviceFacts(s: CatalogServiceEntry): KgServiceFacts {
  const tl = timeLimitText(s);
  return {
    type: 'service',
    id: s.id,
    name: s.name,
    nameEn: s.nameEn,
    department: s.department,
    basis: s.basis,
    conditions: s.conditions.map((c) => (c.en ? `${c.zh} (${c.en})` : c.zh)),
    ...(tl.zh ? { timeLimit: tl.zh } : {}),
    ...(s.fee ? { fee: s.fee + (s.feeEn ? ` (${s.feeEn})` : '') } : {}),
    channels: s.channels.map((c) => CHANNEL_NAMES[c]?.zh ?? c),
    aliases: s.aliases,
    materials: s.materials.map((m) => ({
      id: m.id,
      name: m.name,
      nameEn: m.nameEn,
      required: m.required,
      form: m.form,
      count: m.count,
      needsSeal: m.needsSeal,
      needsSignature: m.needsSignature,
    })),
  };
}

/**
 * Aliases the facts passage shows (the catalog's first ones: official variants, then everyday words). An item has
 * 8–35; all of them are indexed (writeCatalog's indexText) and name the item, the answer shows these few.
 */
const ALIASES_SHOWN = 8;

/** The facts passage of a service item, in the catalog's words (Chinese first, English names alongside). */
export function factsText(s: CatalogServiceEntry): string {
  const tl = timeLimitText(s);
  const dept = splitBilingual(s.department);
  const parts = [
    `${s.name}（${s.nameEn}）`,
    s.aliases.length ? `又称：${s.aliases.slice(0, ALIASES_SHOWN).join('、')}${s.aliases.length > ALIASES_SHOWN ? '等' : ''}` : '',
    `办理部门：${dept.zh}${dept.en ? `（${dept.en}）` : ''}`,
    s.conditions.length ? `办理条件：${s.conditions.map((c) => c.zh).join('；')}` : '',
    tl.zh ? `办理时限：${tl.zh}` : '',
    s.fee ? `收费标准：${s.fee}${s.feeEn ? `（${s.feeEn}）` : ''}` : '',
    s.channels.length ? `办理渠道：${s.channels.map((c) => CHANNEL_NAMES[c]?.zh ?? c).join('、')}` : '',
    `申请材料：${s.materials.map((m) => `${m.name}${m.required ? '' : '（非必需）'}`).join('；')}`,
    s.basis.length ? `设定依据：${s.basis.map((b) => `《${b}》`).join('、')}` : '',
  ];
  return parts.filter(Boolean).join('。') + '。';
}

function materialText(s: CatalogServiceEntry, m: CatalogServiceEntry['materials'][number]): string {
  const extra = [
    `${FORM[m.form]}${m.count}份`,
    m.required ? '必需' : '非必需',
    m.needsSeal ? '需加盖公章' : '',
    m.needsSignature ? '需本人签字' : '',
    m.note ?? '',
  ].filter(Boolean);
  return `${s.name}（${s.nameEn}）所需材料：${m.name}（${m.nameEn}），${extra.join('，')}。`;
}

/** Writes the catalog's entities and relations; returns its passages to index. */
export function writeCatalog(store: GraphStore, sourceId: string, catalog: ServiceCatalogFile): PendingPassage[] {
  const out: PendingPassage[] = [];
  let p = 0;
  catalog.services.forEach((s, i) => {
    const sid = serviceId(s.id);
    store.upsertEntity({ id: sid, type: 'service', name: s.name, nameEn: s.nameEn, props: { item: s, order: i, notice: catalog.notice ?? null } }, sourceId);
    const dept = splitBilingual(s.department);
    const did = departmentId(dept.zh);
    store.upsertEntity({ id: did, type: 'department', name: dept.zh, nameEn: dept.en, props: null }, sourceId);
    store.addRelation({ src: sid, dst: did, type: 'handled_by' }, sourceId);
    for (const b of s.basis) {
      const bid = documentId(b);
      store.upsertEntity({ id: bid, type: 'document', name: b, nameEn: null, props: { law: true } }, sourceId);
      store.addRelation({ src: sid, dst: bid, type: 'based_on' }, sourceId);
    }
    const sec = sectionId(sourceId, i);
    store.addSection({ id: sec, sourceId, path: ['服务事项目录 Service catalog', `${s.name} ${s.nameEn}`], title: s.name, ord: i });
    const text = factsText(s);
    out.push({ id: passageId(sourceId, p++), sectionId: sec, ord: 0, original: text, indexText: `${text} ${s.aliases.join(' ')}`, entityId: sid });
    s.materials.forEach((m, j) => {
      const mid = materialId(s.id, m.id);
      store.upsertEntity({ id: mid, type: 'material', name: m.name, nameEn: m.nameEn, props: { service: s.id, ...m } }, sourceId);
      store.addRelation({ src: sid, dst: mid, type: 'requires' }, sourceId);
      const mt = materialText(s, m);
      out.push({ id: passageId(sourceId, p++), sectionId: sec, ord: j + 1, original: mt, indexText: `${mt} ${m.keywords.join(' ')}`, entityId: mid });
    });
  });
  return out;
}
