/**
 * The live evaluation of a transfer plan: counts, wishes met (1st/2nd/3rd), the units whose headcount changes
 * against their 定数 by position level (over-quota rows marked), continuity warnings, and every violation and
 * warning with its facts and what would clear it. Shared by the plan editor and the comparison.
 */
import { useId } from 'react';
import { positionLevelLabels } from '../../../domain/org/org-model.js';
import { ruleLabels, type RuleId } from '../../../domain/placement/placement-model.js';
import type { PlanFlag, PlanEvaluation } from '../../../domain/placement/plan-evaluation.js';
import type { PlanEvaluationView } from '../../../domain/placement/plans-api.js';
import { scrollRegion } from '../../components/scroll-region.js';

const checkLabels: Record<string, string> = {
  MOVE: '異動の内容が正しくない',
  QUOTA: '定数超過',
  CONTINUITY: '業務の継続性(一度に多くの職員が異動)',
};
export const flagLabel = (rule: PlanFlag['rule']) => (rule in ruleLabels ? ruleLabels[rule as RuleId] : (checkLabels[rule] ?? rule));
const severityLabels: Record<PlanFlag['severity'], string> = { violation: '違反', warning: '警告', info: '参考' };

/** Every flag of the evaluation: the moves' own first, then those about people not moved and about units. */
export function allFlags(evaluation: PlanEvaluation): PlanFlag[] {
  return [...evaluation.moves.flatMap((m) => m.flags), ...evaluation.flags];
}

/** The facts' keys in people's words (ids are left out: the names are there). */
const factLabels: Record<string, string> = {
  effectiveDate: '発令日',
  phase: 'キャリア段階',
  hireDate: '採用日',
  yearsSinceHire: '採用からの年数',
  unitName: '所属',
  inUnitSince: '在課開始日',
  yearsInUnit: '在課年数',
  hasFrontlineExperience: '窓口経験',
  expertiseFields: '専門分野',
  matchingUnits: '専門性に合う所属の数',
  rotationEndsAtYears: 'ローテーション期間の終わり(採用からの年数)',
  thresholdYears: '基準年数',
  windowYears: '期間(年)',
  toUnitName: '異動先',
  level: '職位区分',
  before: '異動前',
  after: '異動後',
  quota: '定数',
  membersBefore: '在籍',
  leaving: '転出',
  limit: '上限',
  maxShare: '上限(割合)',
  maxCount: '上限(人数)',
  specialReason: '特別な理由',
};
const phaseLabels: Record<string, string> = { rotation: 'ジョブローテーション期間', core: '中核職員', expert: 'ローテーション期間後' };

function factsText(facts: PlanFlag['facts']): string {
  return Object.entries(facts)
    .filter(([key, value]) => value !== null && value !== '' && !/Id$/.test(key))
    .map(([key, value]) => {
      const shown = typeof value === 'boolean' ? (value ? 'あり' : 'なし') : key === 'phase' ? (phaseLabels[String(value)] ?? String(value)) : key === 'level' && String(value) in positionLevelLabels ? positionLevelLabels[value as keyof typeof positionLevelLabels] : String(value);
      return `${factLabels[key] ?? key}: ${shown}`;
    })
    .join('、');
}

export function FlagItem({ flag, names, unitNames }: { flag: PlanFlag; names: Record<number, string>; unitNames: Record<number, string> }) {
  const who = flag.staffId !== null ? names[flag.staffId] : flag.unitId !== null ? unitNames[flag.unitId] : undefined;
  return (
    <li className={`plans-flag plans-flag--${flag.severity}`}>
      <p>
        <span className={`badge plans-severity plans-severity--${flag.severity}`}>{severityLabels[flag.severity]}</span> <strong>{flagLabel(flag.rule)}</strong>
        {who ? `(${who})` : ''}
      </p>
      <p>{flag.message}</p>
      <p className="plans-flag__clear">解消するには: {flag.clearedBy}</p>
      <details>
        <summary>根拠となる事実</summary>
        <p className="hint">{factsText(flag.facts)}</p>
      </details>
    </li>
  );
}

export function EvaluationPanel({ view, heading, compact = false }: { view: PlanEvaluationView; heading: string; compact?: boolean }) {
  const id = useId();
  const { evaluation, names, unitNames } = view;
  const flags = allFlags(evaluation);
  const violations = flags.filter((f) => f.severity === 'violation');
  const warnings = flags.filter((f) => f.severity === 'warning');
  const changed = evaluation.units.filter((u) => u.leaving > 0 || u.arriving > 0 || u.levels.some((l) => l.isOver));
  const continuity = evaluation.units.filter((u) => u.continuityWarning);
  const w = evaluation.wishes;
  return (
    <section aria-labelledby={`${id}-h`} className="plans-evaluation">
      <h2 id={`${id}-h`}>{heading}</h2>
      <ul className="plans-summary" aria-label="評価の要約">
        <li className={evaluation.counts.violations > 0 ? 'plans-summary__bad' : 'plans-summary__ok'}>違反 {evaluation.counts.violations}件</li>
        <li>警告 {evaluation.counts.warnings}件</li>
        <li>異動 {evaluation.counts.moves}人</li>
      </ul>

      <h3>希望の充足</h3>
      <dl className="plans-wishes">
        <div>
          <dt>第1希望</dt>
          <dd>{w.first}人</dd>
        </div>
        <div>
          <dt>第2希望</dt>
          <dd>{w.second}人</dd>
        </div>
        <div>
          <dt>第3希望</dt>
          <dd>{w.third}人</dd>
        </div>
        <div>
          <dt>希望どおりでない</dt>
          <dd>{w.notMet}人</dd>
        </div>
        <div>
          <dt>希望を出した職員</dt>
          <dd>{w.withWishes}人</dd>
        </div>
      </dl>

      <h3>所属ごとの人数と定数</h3>
      {changed.length === 0 ? (
        <p>人数が変わる所属はありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(`${heading}: 所属ごとの人数と定数の表`)}>
          <table className="plans-balance">
            <caption>異動で人数が変わる所属(職位別、異動前 → 異動後 / 定数)</caption>
            <thead>
              <tr>
                <th scope="col">所属</th>
                <th scope="col">職位</th>
                <th scope="col">異動前</th>
                <th scope="col">異動後</th>
                <th scope="col">定数</th>
                <th scope="col">判定</th>
              </tr>
            </thead>
            <tbody>
              {changed.flatMap((unit) =>
                unit.levels.map((level) => (
                  <tr key={`${unit.unitId}-${level.level}`} className={level.isViolation ? 'plans-row--violation' : level.isOver ? 'plans-row--over' : undefined}>
                    <th scope="row">
                      {unit.name}
                      <span className="hint plans-balance__move">
                        (転出{unit.leaving}・転入{unit.arriving})
                      </span>
                    </th>
                    <td>{positionLevelLabels[level.level]}</td>
                    <td className="plans-number">{level.before}</td>
                    <td className="plans-number">{level.after}</td>
                    <td className="plans-number">{level.quota ?? '—'}</td>
                    <td>{level.isViolation ? '定数超過(違反)' : level.isOver ? '定数超過(異動前から)' : '—'}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}

      <h3>業務の継続性</h3>
      {continuity.length === 0 ? (
        <p>一度に多くの職員が異動する所属はありません。</p>
      ) : (
        <ul>
          {continuity.map((u) => (
            <li key={u.unitId} className="plans-flag plans-flag--warning">
              {u.name}: 在籍{u.membersBefore}人のうち{u.leaving}人が異動(上限{u.leavingLimit}人)
            </li>
          ))}
        </ul>
      )}

      <h3>違反({violations.length}件)</h3>
      {violations.length === 0 ? (
        <p>違反はありません。</p>
      ) : (
        <ul className="plans-flags">
          {violations.map((flag, index) => (
            <FlagItem key={`v-${index}`} flag={flag} names={names} unitNames={unitNames} />
          ))}
        </ul>
      )}
      {compact ? null : (
        <>
          <h3>警告({warnings.length}件)</h3>
          {warnings.length === 0 ? (
            <p>警告はありません。</p>
          ) : (
            <details>
              <summary>警告を表示する({warnings.length}件)</summary>
              <ul className="plans-flags">
                {warnings.map((flag, index) => (
                  <FlagItem key={`w-${index}`} flag={flag} names={names} unitNames={unitNames} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
