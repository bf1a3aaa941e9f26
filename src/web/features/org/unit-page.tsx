/**
 * Unit page /org/units/:id: the unit, its history, and its members with their careers at a glance —
 * printable on A4 for personnel meetings. /my-unit takes a unit head to the unit they belong to.
 */
import { useId } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { careerPhaseLabels, unitKindLabels } from '../../../domain/org/org-model.js';
import { useUnit } from './org.queries.js';
import { CareerTimelineRow, FrontlineBadge } from './career-timeline.js';
import './org.css';
import { scrollRegion } from '../../components/scroll-region.js';

export function UnitPage() {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const id = Number(params.id);
  const asOf = search.get('asOf') ?? todayInJapan();
  // A 課's page shows its 係 too unless asked not to: the 課長 answers for all of them.
  const includeSubunits = search.get('sub') !== '0';
  const setIncludeSubunits = (value: boolean) => {
    const next = new URLSearchParams(search);
    if (value) next.delete('sub');
    else next.set('sub', '0');
    setSearch(next, { replace: true });
  };
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <>
        <PageHeading title="組織が見つかりません" />
        <p>URL が正しくありません。</p>
      </>
    );
  }
  return <UnitView id={id} asOf={asOf} includeSubunits={includeSubunits} onIncludeSubunits={setIncludeSubunits} />;
}

function UnitView({
  id,
  asOf,
  includeSubunits,
  onIncludeSubunits,
}: {
  id: number;
  asOf: string;
  includeSubunits: boolean;
  onIncludeSubunits: (value: boolean) => void;
}) {
  const dates = useDates();
  const htmlId = useId();
  const unit = useUnit(id, asOf, includeSubunits);
  const hasSubunits = unit.data ? unit.data.unit.kind !== 'section' : false;
  const showUnitColumn = includeSubunits && hasSubunits;
  const title = unit.data ? `${unit.data.unit.name}の職員と経歴` : '所属の職員と経歴';

  return (
    <>
      <PageHeading title={title}>
        <button type="button" className="button--secondary no-print" onClick={() => window.print()}>
          印刷
        </button>
      </PageHeading>
      <ErrorAlert error={unit.error} title="組織を読み込めませんでした。" />
      {unit.isPending ? <Loading /> : null}
      {unit.data ? (
        <>
          <section aria-labelledby={`${htmlId}-summary`} className="unit-summary">
            <h2 id={`${htmlId}-summary`} className="visually-hidden">
              組織の概要
            </h2>
            <dl className="facts facts--inline">
              <div>
                <dt>組織</dt>
                <dd>
                  {unit.data.unit.path}({unitKindLabels[unit.data.unit.kind]})
                </dd>
              </div>
              <div>
                <dt>基準日</dt>
                <dd>
                  {dates.date(asOf)}({dates.fiscalYearOf(asOf)})
                </dd>
              </div>
              <div>
                <dt>区分</dt>
                <dd>{unit.data.unit.isFrontline ? <FrontlineBadge /> : '現場以外'}</dd>
              </div>
              <div>
                <dt>分野</dt>
                <dd>{unit.data.unit.expertiseField ?? '—'}</dd>
              </div>
              <div>
                <dt>定数・現員</dt>
                <dd>
                  定数 {unit.data.unit.authorisedHeadcount ?? '—'} / 現員 {unit.data.unit.memberCount}
                </dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby={`${htmlId}-members`}>
            <h2 id={`${htmlId}-members`}>在籍職員({unit.data.members.length} 人)</h2>
            {hasSubunits ? (
              <label className="checkbox no-print">
                <input type="checkbox" checked={includeSubunits} onChange={(e) => onIncludeSubunits(e.target.checked)} />
                下位の組織の職員を含む
              </label>
            ) : null}
            <p className="hint no-print">
              経歴は古い順に左から並びます。★は現場(住民との直接的な折衝)の所属、「派遣」は派遣・出向です。所属名は当時の名称です。
            </p>
            {unit.data.members.length === 0 ? (
              <p>この日付に在籍している職員はいません。</p>
            ) : (
              <div className="table-wrap" {...scrollRegion('在籍職員の表')}>
                <table className="members-table">
                  <caption>
                    {unit.data.unit.name}の在籍職員と経歴({dates.date(asOf)}時点)
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">氏名</th>
                      {showUnitColumn ? <th scope="col">所属</th> : null}
                      <th scope="col">職位</th>
                      <th scope="col">雇用形態</th>
                      <th scope="col">在課年数</th>
                      <th scope="col">現場経験</th>
                      <th scope="col">キャリア段階</th>
                      <th scope="col">経歴</th>
                    </tr>
                  </thead>
                  <tbody>
                    {unit.data.members.map((member) => (
                      <tr key={member.staffId} className="members-table__row">
                        <th scope="row">
                          <Link to={`/staff/${member.staffId}`}>{member.name}</Link>
                          <span className="cell-sub">{member.kana}</span>
                          <span className="cell-sub">職員番号 {member.employeeNumber}</span>
                        </th>
                        {showUnitColumn ? <td className="members-table__unit">{member.unitName ?? ''}</td> : null}
                        <td>{member.positionName ?? ''}</td>
                        <td>{member.employmentTypeLabel}</td>
                        <td>
                          {member.yearsInUnit}年<span className="cell-sub">{dates.short(member.startsOn)}〜</span>
                        </td>
                        <td>{member.hasFrontlineExperience ? 'あり' : 'なし'}</td>
                        <td className="members-table__phase">{member.careerPhase ? careerPhaseLabels[member.careerPhase] : '—'}</td>
                        <td className="members-table__career">
                          <CareerTimelineRow career={member.career} label={`${member.name}の経歴`} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {unit.data.unit.history.length > 0 ? (
            <section aria-labelledby={`${htmlId}-history`} className="unit-history">
              <h2 id={`${htmlId}-history`}>組織の沿革</h2>
              <div className="table-wrap" {...scrollRegion('組織の沿革の表')}>
                <table>
                  <caption>{unit.data.unit.name}の名称・所管の変遷</caption>
                  <thead>
                    <tr>
                      <th scope="col">名称</th>
                      <th scope="col">期間</th>
                      <th scope="col">上位組織</th>
                    </tr>
                  </thead>
                  <tbody>
                    {unit.data.unit.history.map((h, index) => (
                      <tr key={`${h.startsOn}-${index}`}>
                        <th scope="row">{h.name}</th>
                        <td>{dates.period(h.startsOn, h.endsOn)}</td>
                        <td>{h.parentName ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** 所属の職員: the unit head's own unit, found through their current assignment. */
export function MyUnitPage() {
  const session = useSession();
  const unitId = session.headedUnitIds[0];
  if (unitId !== undefined) return <Navigate to={`/org/units/${unitId}`} replace />;
  return (
    <>
      <PageHeading title="所属の職員" />
      <p>所属長として担当する組織がありません。</p>
    </>
  );
}
