/**
 * The demo city's digital talent (policy IV): the DX推進本部 with the most senior official as 本部長 (the city's mayor
 * has no staff record), three working groups, DX推進リーダー in most 課 but not all — 市民課 and a few others are left
 * without one so that the coverage check shows gaps — two advisors (one current, one past), one exchange with a
 * fictitious town, and a few self-assessments of the 年度. Written through the digital area's services (as the demo
 * HR admin) and, for the people's own assessments, its repository. Deterministic for a seed and a date; nothing is
 * written if the HQ already exists. The demo accounts A0001–A0009 get no assessment and no leadership, so the
 * browser journeys start from a clean slate.
 */
import { fiscalYearOf, fiscalYearRange } from '../../../domain/common/fiscal-year.js';
import { defaultSkillFramework } from '../../../domain/digital/skill-framework.js';
import type { AssessmentLevels } from '../../../domain/digital/skill-assessment.js';
import type { Database } from '../client.js';
import type { Config } from '../../config.js';
import type { ServiceContext } from '../../http/context.js';
import { listPositionsOfMunicipality, listUnitsAsOf } from '../../org/org.service.js';
import { addDxMember, createDxAdvisor, createDxBody, createExchange } from '../../digital/dx-structure.service.js';
import { insertAssessment, insertLeader, listBodies, listRegularPostsOn, listStaffNames, updateAssessmentIfUnchanged } from '../../digital/digital.repository.js';
import { findDemoActor } from './demo-actor.repository.js';
import { createPrng } from './prng.js';
import type { DemoAreaSeeder } from './demo-areas.js';

const demoAccountNumbers = new Set(['A0001', 'A0002', 'A0003', 'A0004', 'A0005', 'A0006', 'A0007', 'A0008', 'A0009']);
/** Left without a leader on purpose: the division of the demo staff member, so the gap is one people recognise. */
const uncoveredDivisionNames = new Set(['市民課']);

export async function seedDemoDigital(database: Database, opts: { today: string; seed: number; config: Config }): Promise<Record<string, number>> {
  const actor = await findDemoActor(database.db);
  if (!actor) return {};
  if ((await listBodies(database.db, actor.municipalityId)).length > 0) return {};
  const now = new Date(`${opts.today}T09:00:00+09:00`);
  const ctx: ServiceContext = { database, actor, now, today: opts.today, requestId: 'demo-seed', config: opts.config };
  const rng = createPrng(opts.seed).fork('digital');
  const fiscalYear = fiscalYearOf(opts.today);
  const yearStart = fiscalYearRange(fiscalYear).startsOn;

  const [posts, unitList, { positions }] = await Promise.all([
    listRegularPostsOn(database.db, actor.municipalityId, null, opts.today),
    listUnitsAsOf(ctx, { asOf: opts.today }),
    listPositionsOfMunicipality(ctx),
  ]);
  const names = new Map((await listStaffNames(database.db, actor.municipalityId, posts.map((p) => p.staffId))).map((n) => [n.staffId, n]));
  const rankOf = new Map(positions.map((p) => [p.id, p]));
  const units = new Map(unitList.units.map((u) => [u.id, u]));
  const divisionOf = (unitId: number): number | null => {
    let u = units.get(unitId);
    while (u && u.kind !== 'division') u = u.parentId === null ? undefined : units.get(u.parentId);
    return u?.id ?? null;
  };
  const people = posts
    .filter((p, i, all) => all.findIndex((q) => q.staffId === p.staffId) === i && !demoAccountNumbers.has(names.get(p.staffId)?.employeeNumber ?? ''))
    .map((p) => ({ ...p, rank: rankOf.get(p.positionId)?.rank ?? 99, isManagerial: ['director', 'manager'].includes(rankOf.get(p.positionId)?.level ?? 'staff'), divisionId: divisionOf(p.unitId) }))
    .sort((a, b) => a.rank - b.rank || a.staffId - b.staffId);
  if (people.length < 10) return {};
  const counts: Record<string, number> = { bodies: 0, members: 0, leaders: 0, advisors: 0, exchanges: 0, assessments: 0 };

  // 推進本部: the most senior official as 本部長, the next two as 副本部長, the head of 情報政策課 (if any) as 構成員.
  const hq = await createDxBody(ctx, { kind: 'hq', parentBodyId: null, name: 'DX推進本部', theme: 'みどり野市DX推進計画(デモ)の推進', startsOn: yearStart, endsOn: null });
  counts.bodies! += 1;
  const [chief, ...deputies] = people;
  await addDxMember(ctx, { bodyId: hq.id, staffId: chief!.staffId, role: 'chief', startsOn: yearStart, endsOn: null });
  for (const d of deputies.slice(0, 2)) await addDxMember(ctx, { bodyId: hq.id, staffId: d.staffId, role: 'deputy', startsOn: yearStart, endsOn: null });
  counts.members! += 3;
  const itDivision = unitList.units.find((u) => u.kind === 'division' && u.name === '情報政策課');
  const itHead = itDivision ? people.find((p) => p.divisionId === itDivision.id && p.isManagerial && p.staffId !== chief!.staffId && !deputies.slice(0, 2).includes(p)) : undefined;
  if (itHead) {
    await addDxMember(ctx, { bodyId: hq.id, staffId: itHead.staffId, role: 'member', startsOn: yearStart, endsOn: null });
    counts.members! += 1;
  }

  // DX推進リーダー: a rank-and-file member of each division, except the ones left uncovered.
  const divisions = unitList.units.filter((u) => u.kind === 'division');
  const rankAndFile = people.filter((p) => !p.isManagerial);
  const leaders: number[] = [];
  for (const division of divisions) {
    if (uncoveredDivisionNames.has(division.name)) continue;
    const candidates = rankAndFile.filter((p) => p.divisionId === division.id);
    // every seventh division or so has nobody named yet (a realistic gap)
    if (candidates.length === 0 || rng.chance(0.12)) continue;
    const leader = rng.pick(candidates);
    // The repository directly: the divisions come from the same snapshot the service would check against.
    await insertLeader(database.db, { municipalityId: actor.municipalityId, unitId: division.id, staffId: leader.staffId, startsOn: yearStart, endsOn: null });
    leaders.push(leader.staffId);
    counts.leaders! += 1;
  }

  // ワーキンググループ: leaders of DX推進リーダー take part (IV-1: リーダー are the working groups' members).
  const groups = [
    ['業務効率化WG', 'RPA・AI-OCRによる定型業務の自動化'],
    ['データ活用WG', '統計・業務データを使った政策立案(EBPM)'],
    ['行政手続オンライン化WG', '申請・届出の電子化と窓口のデジタル化'],
  ] as const;
  const pool = rng.shuffle(leaders);
  for (const [index, [name, theme]] of groups.entries()) {
    const wg = await createDxBody(ctx, { kind: 'working_group', parentBodyId: hq.id, name, theme, startsOn: yearStart, endsOn: fiscalYearRange(fiscalYear).endsOn });
    counts.bodies! += 1;
    const members = pool.slice(index * 4, index * 4 + 4);
    for (const [i, staffId] of members.entries()) {
      await addDxMember(ctx, { bodyId: wg.id, staffId, role: i === 0 ? 'leader' : 'member', startsOn: yearStart, endsOn: null });
      counts.members! += 1;
    }
  }

  // DX推進アドバイザー
  await createDxAdvisor(ctx, {
    name: 'デモ 助言太郎',
    organisation: 'デモ情報大学(架空)',
    expertise: '自治体DX・データ活用',
    contractStartsOn: yearStart,
    contractEndsOn: fiscalYearRange(fiscalYear).endsOn,
    contact: 'advisor@example.invalid',
    note: '月1回の本部会議に出席(デモ)',
  });
  await createDxAdvisor(ctx, {
    name: 'デモ 前任花子',
    organisation: 'デモ・コンサルティング(架空)',
    expertise: '情報セキュリティ',
    contractStartsOn: fiscalYearRange(fiscalYear - 2).startsOn,
    contractEndsOn: fiscalYearRange(fiscalYear - 1).endsOn,
    contact: '',
    note: '',
  });
  counts.advisors = 2;

  // 交流プログラム (IV-2-(10))
  const exchangeDay = fiscalYearRange(fiscalYear).startsOn.replace(/-04-01$/, '-07-15');
  await createExchange(ctx, {
    partnerMunicipality: 'デモ県やまびこ町(架空)',
    title: 'RPA導入事例の相互視察(デモ)',
    direction: 'mutual',
    startsOn: exchangeDay,
    endsOn: exchangeDay,
    summary: '両市町のRPA・AI-OCRの導入事例を紹介し合い、運用上の課題を意見交換した。',
    outcome: '照合業務のシナリオを共有し、当市でも試行することになった。',
    participants: [
      ...pool.slice(0, 2).map((staffId) => ({ staffId, externalName: null, note: '' })),
      { staffId: null, externalName: 'デモ 山彦次郎', note: 'やまびこ町 情報政策担当(架空)' },
    ],
  });
  counts.exchanges = 1;

  // 自己評価: a few leaders and members, some confirmed by HR, one waiting.
  const assessed = rng.shuffle(rankAndFile.filter((p) => p.divisionId !== null)).slice(0, 8);
  for (const [i, person] of assessed.entries()) {
    const levels: AssessmentLevels = Object.fromEntries(defaultSkillFramework.areas.map((a) => [a.id, { level: rng.int(1, 4), note: '' }]));
    const status = i < 5 ? 'confirmed' : i < 7 ? 'submitted' : 'draft';
    const row = await insertAssessment(database.db, {
      municipalityId: actor.municipalityId,
      staffId: person.staffId,
      fiscalYear,
      levels,
      selfComment: 'デモの自己評価です。',
      status: status === 'confirmed' ? 'submitted' : status,
      submittedAt: status === 'draft' ? null : now.toISOString(),
    });
    if (row && status === 'confirmed') {
      await updateAssessmentIfUnchanged(database.db, actor.municipalityId, row.id, row.version, {
        status: 'confirmed',
        confirmedByStaffId: actor.staffId,
        confirmedAt: now.toISOString(),
        supervisorComment: '',
      });
    }
    if (row) counts.assessments! += 1;
  }
  return counts;
}

export const demoDigitalSeeder: DemoAreaSeeder = { label: 'デジタル人材', seed: seedDemoDigital };
