/**
 * 研修・自己啓発 on a performance sheet (the policy evaluates self-development): the training programmes taken in the
 * period and self-directed learning. The evaluatee keeps their own records until the self-evaluation; HR enters
 * training participation (marked 職員課登録) until the training module records it. Each side edits only its own.
 */
import { useState } from 'react';
import { useDates } from '../../app/dates.js';
import { learningKinds, type LearningKind, type LearningRecord, type LearningRecordInput, type PerformanceSheet } from '../../../domain/evaluation/sheet-workflow.js';
import type { SheetView } from '../../../domain/evaluation/evaluation-api.js';
import { ActionButton, ActionFeedback, type SheetRunner } from './sheet-actions.js';
import { SheetSection, SheetTable } from './sheet-fields.js';
import { randomId } from './sheets.queries.js';

type PerformanceView = Partial<PerformanceSheet> & SheetView['sheet'];

const kindLabels: Record<LearningKind, string> = { training: '研修', 'self-directed': '自己啓発' };
const sourceLabels: Record<LearningRecord['source'], string> = { evaluatee: '本人', hr: '職員課登録' };

const stamp = (value: unknown) => JSON.stringify(value ?? null);

function LearningTable({ records, caption }: { records: readonly LearningRecord[]; caption: string }) {
  const dates = useDates();
  return (
    <SheetTable caption={caption} columns={['区分', '名称', '期間', '時間数', '備考', '登録']}>
      {records.map((record) => (
        <tr key={`${record.source}-${record.id}`}>
          <td>{kindLabels[record.kind]}</td>
          <th scope="row">{record.title}</th>
          <td>
            {dates.date(record.startedOn)}
            {record.endedOn && record.endedOn !== record.startedOn ? ` 〜 ${dates.date(record.endedOn)}` : ''}
          </td>
          <td>{record.hours === null ? '—' : `${record.hours}時間`}</td>
          <td className="sheet-prose">{record.note || '—'}</td>
          <td>{record.source === 'hr' ? <span className="badge sheet-badge--hr">{sourceLabels.hr}</span> : sourceLabels.evaluatee}</td>
        </tr>
      ))}
    </SheetTable>
  );
}

/** Read-only: trainings attended and self-development confirmed by the supervisor in the period (training records). */
function RecordedTrainings({ records }: { records: SheetView['trainingRecords'] }) {
  const dates = useDates();
  return (
    <SheetTable caption="研修の受講・自己啓発(記録から)" columns={['区分', '名称', '期間', '時間数']}>
      {records.map((record) => (
        <tr key={`${record.source}-${record.id}`}>
          <td>{record.kindLabel}</td>
          <th scope="row">{record.title}</th>
          <td>
            {dates.date(record.startedOn)}
            {record.endedOn && record.endedOn !== record.startedOn ? ` 〜 ${dates.date(record.endedOn)}` : ''}
          </td>
          <td>{record.hours === null ? '—' : `${record.hours}時間`}</td>
        </tr>
      ))}
    </SheetTable>
  );
}

export function LearningSection({ runner, sheet }: { runner: SheetRunner; sheet: PerformanceView }) {
  const { view } = runner;
  if (!view.visibleFields.includes('learning') || sheet.learning === undefined) return null;
  const records = sheet.learning;
  const isEditable = view.editableFields.includes('learning');
  // What a save replaces: the records of the reader's side (HR's or the evaluatee's), never the other side's.
  const source: LearningRecord['source'] = view.relation === 'hr' ? 'hr' : 'evaluatee';
  const own = records.filter((r) => r.source === source);
  const others = records.filter((r) => r.source !== source);
  return (
    <SheetSection title="研修・自己啓発" id="sheet-learning">
      <p className="hint">評価期間中に受講した研修と、通信教育・e-ラーニング・自主研修グループなどの自己啓発です。「職員課登録」は職員課が登録した受講記録です。</p>
      {isEditable ? (
        <>
          {others.length > 0 ? <LearningTable records={others} caption={source === 'hr' ? '本人が登録した研修・自己啓発' : '職員課が登録した研修'} /> : null}
          <LearningDraft key={stamp(own)} runner={runner} saved={own} source={source} />
        </>
      ) : records.length > 0 ? (
        <LearningTable records={records} caption="研修・自己啓発" />
      ) : (
        <p>研修・自己啓発の記録はありません。</p>
      )}
      {view.trainingRecords.length > 0 ? <RecordedTrainings records={view.trainingRecords} /> : null}
    </SheetSection>
  );
}

type Row = { id: string; kind: LearningKind; title: string; startedOn: string; endedOn: string; hours: string; note: string };

const rowOf = (r: LearningRecordInput): Row => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  startedOn: r.startedOn,
  endedOn: r.endedOn ?? '',
  hours: r.hours === null ? '' : String(r.hours),
  note: r.note,
});
const recordOf = (r: Row): LearningRecordInput => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  startedOn: r.startedOn,
  endedOn: r.endedOn === '' ? null : r.endedOn,
  hours: r.hours.trim() === '' ? null : Number(r.hours),
  note: r.note,
});

function LearningDraft({ runner, saved, source }: { runner: SheetRunner; saved: LearningRecord[]; source: LearningRecord['source'] }) {
  const [rows, setRows] = useState<Row[]>(() => saved.map(rowOf));
  const set = (index: number, patch: Partial<Row>) => setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const add = () =>
    setRows([...rows, { id: randomId(), kind: source === 'hr' ? 'training' : 'self-directed', title: '', startedOn: '', endedOn: '', hours: '', note: '' }]);
  return (
    <>
      {rows.length > 0 ? (
        <SheetTable
          caption={source === 'hr' ? '職員課が登録する研修(編集)' : '研修・自己啓発(編集)'}
          columns={['番号', '区分', '名称', '開始日', '終了日', '時間数', '備考', '操作']}
          isEditor
        >
          {rows.map((row, index) => {
            const name = `記録${index + 1}`;
            return (
              <tr key={row.id}>
                <th scope="row">{name}</th>
                <td>
                  <select aria-label={`${name}の区分`} value={row.kind} onChange={(e) => set(index, { kind: e.target.value as LearningKind })}>
                    {learningKinds.map((k) => (
                      <option key={k} value={k}>
                        {kindLabels[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input type="text" aria-label={`${name}の名称`} maxLength={200} value={row.title} onChange={(e) => set(index, { title: e.target.value })} />
                </td>
                <td>
                  <input type="date" aria-label={`${name}の開始日`} value={row.startedOn} onChange={(e) => set(index, { startedOn: e.target.value })} />
                </td>
                <td>
                  <input type="date" aria-label={`${name}の終了日`} value={row.endedOn} onChange={(e) => set(index, { endedOn: e.target.value })} />
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="decimal"
                    className="sheet-weight"
                    aria-label={`${name}の時間数`}
                    min={0}
                    step={0.5}
                    value={row.hours}
                    onChange={(e) => set(index, { hours: e.target.value })}
                  />
                </td>
                <td>
                  <input type="text" aria-label={`${name}の備考`} maxLength={1000} value={row.note} onChange={(e) => set(index, { note: e.target.value })} />
                </td>
                <td>
                  <button type="button" className="button--danger button--small" disabled={runner.isBusy} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    {name}を削除
                  </button>
                </td>
              </tr>
            );
          })}
        </SheetTable>
      ) : (
        <p>{source === 'hr' ? '職員課が登録した研修はありません。' : '登録した研修・自己啓発はありません。'}</p>
      )}
      <ActionFeedback runner={runner} form="learning" />
      <div className="form-actions">
        <button type="button" className="button--secondary" disabled={runner.isBusy || rows.length >= 100} onClick={add}>
          記録を追加
        </button>
        <ActionButton runner={runner} type="save-learning" onClick={() => runner.run('learning', [{ type: 'save-learning', records: rows.map(recordOf) }])} />
      </div>
    </>
  );
}
