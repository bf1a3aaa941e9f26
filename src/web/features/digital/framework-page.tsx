/**
 * デジタルスキルの枠組み /digital/framework: the areas staff assess themselves on (each tied to one digital ability item
 * of ability evaluation) and the level scale. Everyone reads it; HR changes it (the policy defaults stand until then).
 */
import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../../app/session.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { ApiError } from '../../app/api-client.js';
import { digitalSkillItems } from '../../../domain/competency/ability-items.js';
import type { SkillArea, SkillFramework, SkillLevel } from '../../../domain/digital/skill-framework.js';
import type { SkillFrameworkView } from '../../../domain/digital/digital-api.js';
import { useReloadDigital, useSaveSkillFramework, useSkillFramework } from './digital.queries.js';
import './digital.css';

const title = 'デジタルスキルの枠組み';
const itemLabel = new Map(digitalSkillItems.map((i) => [i.id, i.label]));
const isStale = (error: unknown) => error instanceof ApiError && error.code === 'common.conflict';

export function FrameworkPage() {
  const session = useSession();
  const view = useSkillFramework();
  const [message, setMessage] = useState('');
  const canManage = session.isHr;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        デジタルスキルの自己評価の分野と段階です。各分野は能力評価のデジタルスキルの評価項目(データリテラシー・デジタルツールの活用・情報セキュリティ・デジタル倫理)のどれか1つに対応し、確認済みの自己評価は能力評価シートのその項目のそばに表示されます。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={view.error} title="枠組みを読み込めませんでした。" />
      {view.isPending ? <Loading /> : null}
      {view.data ? <FrameworkForm key={view.data.updatedAt ?? 'default'} view={view.data} canManage={canManage} onMessage={setMessage} /> : null}
    </>
  );
}

function FrameworkForm({ view, canManage, onMessage }: { view: SkillFrameworkView; canManage: boolean; onMessage: (m: string) => void }) {
  const id = useId();
  const save = useSaveSkillFramework();
  const reload = useReloadDigital();
  const [areas, setAreas] = useState<SkillArea[]>(view.framework.areas);
  const [levels, setLevels] = useState<SkillLevel[]>(view.framework.levels);
  const errors = fieldErrorsOf(save.error);
  const setArea = (index: number, patch: Partial<SkillArea>) => setAreas(areas.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  const setLevel = (index: number, patch: Partial<SkillLevel>) => setLevels(levels.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const framework: SkillFramework = { areas, levels: levels.map((l, i) => ({ ...l, level: i + 1 })) };
    // The saved document re-keys this form; the page's message setter outlives it.
    save.mutateAsync({ updatedAt: view.updatedAt, framework }).then(() => onMessage('デジタルスキルの枠組みを保存しました。'), () => undefined);
  };
  const labelOf = (path: string) => {
    const [, group, index] = path.split('.');
    if (group === 'areas' && index !== undefined) return `分野${Number(index) + 1}`;
    if (group === 'levels' && index !== undefined) return `段階${Number(index) + 1}`;
    return '';
  };
  return (
    <form onSubmit={submit} noValidate>
      <FieldErrorSummary errors={errors} labelOf={labelOf} />
      {isStale(save.error) ? <ConflictAlert subject="枠組み" onReload={reload} /> : null}
      {errors.length === 0 && !isStale(save.error) ? <ErrorAlert error={save.error} title="保存できませんでした。" /> : null}
      <section className="panel" aria-labelledby={`${id}-areas`}>
        <h2 id={`${id}-areas`}>分野</h2>
        <div className="table-wrap" {...scrollRegion('分野の表')}>
          <table className="digital-table">
            <caption>分野 {areas.length} 件{view.isDefault ? '(初期値)' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">分野名</th>
                <th scope="col">ID</th>
                <th scope="col">説明</th>
                <th scope="col">能力評価の項目</th>
                {canManage ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {areas.map((area, index) =>
                canManage ? (
                  <tr key={index}>
                    <th scope="row">
                      <label className="visually-hidden" htmlFor={`${id}-a${index}-label`}>
                        分野{index + 1}の分野名
                      </label>
                      <input id={`${id}-a${index}-label`} value={area.label} maxLength={50} onChange={(e) => setArea(index, { label: e.target.value })} />
                    </th>
                    <td>
                      <label className="visually-hidden" htmlFor={`${id}-a${index}-id`}>
                        分野{index + 1}のID
                      </label>
                      <input id={`${id}-a${index}-id`} value={area.id} maxLength={60} onChange={(e) => setArea(index, { id: e.target.value })} />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`${id}-a${index}-desc`}>
                        分野{index + 1}の説明
                      </label>
                      <textarea id={`${id}-a${index}-desc`} rows={2} value={area.description} maxLength={500} onChange={(e) => setArea(index, { description: e.target.value })} />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`${id}-a${index}-item`}>
                        分野{index + 1}の能力評価の項目
                      </label>
                      <select id={`${id}-a${index}-item`} value={area.abilityItemId} onChange={(e) => setArea(index, { abilityItemId: e.target.value })}>
                        {digitalSkillItems.map((i) => (
                          <option key={i.id} value={i.id}>
                            {i.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button type="button" className="button--danger button--small" onClick={() => setAreas(areas.filter((_, i) => i !== index))}>
                        削除<span className="visually-hidden">(分野{index + 1})</span>
                      </button>
                    </td>
                  </tr>
                ) : (
                  <tr key={area.id}>
                    <th scope="row">{area.label}</th>
                    <td>{area.id}</td>
                    <td>{area.description}</td>
                    <td>{itemLabel.get(area.abilityItemId) ?? area.abilityItemId}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
        {canManage ? (
          <button
            type="button"
            className="button--secondary"
            onClick={() => setAreas([...areas, { id: `area-${areas.length + 1}`, label: '', description: '', abilityItemId: digitalSkillItems[1]!.id }])}
          >
            分野を追加
          </button>
        ) : null}
      </section>
      <section className="panel" aria-labelledby={`${id}-levels`}>
        <h2 id={`${id}-levels`}>段階</h2>
        <p className="hint">段階は1から順に番号が付きます(2〜6段階)。</p>
        <div className="table-wrap" {...scrollRegion('段階の表')}>
          <table className="digital-table">
            <caption>段階 {levels.length} 段階</caption>
            <thead>
              <tr>
                <th scope="col">段階</th>
                <th scope="col">名前</th>
                <th scope="col">説明</th>
                {canManage ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {levels.map((level, index) => (
                <tr key={index}>
                  <th scope="row">{index + 1}</th>
                  <td>
                    {canManage ? (
                      <>
                        <label className="visually-hidden" htmlFor={`${id}-l${index}-label`}>
                          段階{index + 1}の名前
                        </label>
                        <input id={`${id}-l${index}-label`} value={level.label} maxLength={20} onChange={(e) => setLevel(index, { label: e.target.value })} />
                      </>
                    ) : (
                      level.label
                    )}
                  </td>
                  <td>
                    {canManage ? (
                      <>
                        <label className="visually-hidden" htmlFor={`${id}-l${index}-desc`}>
                          段階{index + 1}の説明
                        </label>
                        <input id={`${id}-l${index}-desc`} value={level.description} maxLength={200} onChange={(e) => setLevel(index, { description: e.target.value })} />
                      </>
                    ) : (
                      level.description
                    )}
                  </td>
                  {canManage ? (
                    <td>
                      <button type="button" className="button--danger button--small" onClick={() => setLevels(levels.filter((_, i) => i !== index))}>
                        削除<span className="visually-hidden">(段階{index + 1})</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canManage ? (
          <button type="button" className="button--secondary" onClick={() => setLevels([...levels, { level: levels.length + 1, label: '', description: '' }])}>
            段階を追加
          </button>
        ) : null}
      </section>
      {canManage ? (
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={save.isPending}>
            枠組みを保存
          </button>
          <button type="button" onClick={() => { setAreas(view.defaults.areas); setLevels(view.defaults.levels); }}>
            初期値に戻す(保存するまで反映されません)
          </button>
        </div>
      ) : null}
    </form>
  );
}
