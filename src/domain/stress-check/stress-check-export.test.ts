import { describe, expect, it } from 'vitest';
import { analyseGroups, type GroupEntry } from './group-analysis.js';
import { groupAnalysisTable, groupExportHeader, resultsExportHeader, resultsTable } from './stress-check-export.js';
import { defaultThresholds, scoreAnswers, type AnswerValue } from './stress-scoring.js';
import type { Campaign, GroupAnalysis } from './stress-check-api.js';

const entry = (unitId: number, sex: 'male' | 'female'): GroupEntry => ({
  unitId,
  sex,
  scores: { areaTotals: { A: 40, B: 60, C: 20, D: 4 }, judgement: { quantitativeLoad: 9, control: 8, supervisorSupport: 7, coworkerSupport: 8 }, scales: { quantitativeLoad: 2.5 } },
});

// 1 部 ─ 2 課 (12 people), 3 課 (4): 3 is small, 2 is hidden against differencing, 1 is shown with 16.
function analysis(): GroupAnalysis {
  const units = [
    { unitId: 1, parentUnitId: null, name: '総務部' },
    { unitId: 2, parentUnitId: 1, name: '総務課' },
    { unitId: 3, parentUnitId: 1, name: '=職員課' },
  ];
  const entries = [...Array.from({ length: 12 }, () => entry(2, 'male')), ...Array.from({ length: 4 }, () => entry(3, 'female'))];
  const result = analyseGroups(units, entries, 10);
  return {
    campaign: {} as Campaign,
    minGroupSize: 10,
    previousCampaign: null,
    total: result.total,
    previousTotal: null,
    units: result.units.map((u) => ({ ...u, previous: null })),
  };
}

describe('group analysis table', () => {
  it('is the screen: the total, then each unit with its reason; hidden groups carry no figure', () => {
    const rows = groupAnalysisTable(analysis());
    for (const row of rows) expect(row).toHaveLength(groupExportHeader.length);
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['全体', '0', '', '表示', '16'],
      ['総務部', '1', '全体', '表示', '16'],
      ['総務課', '2', '総務部', '非表示(差し引きで小集団が分かるため)', ''],
      ['=職員課', '2', '総務部', '非表示(10人未満、上位に合算)', ''],
    ]);
    for (const row of rows.slice(2)) expect(row.slice(4).every((cell) => cell === '')).toBe(true);
    // every figure in the file is of a group of at least 10
    for (const row of rows) if (row[4] !== '') expect(Number(row[4])).toBeGreaterThanOrEqual(10);
    expect(rows[1]![groupExportHeader.indexOf('量的負担')]).toBe('9.0');
  });

  it('hides the total too when fewer than the threshold answered', () => {
    const a = analysis();
    const rows = groupAnalysisTable({ ...a, total: null, units: a.units.map((u) => ({ ...u, status: 'small', figure: null })) });
    expect(rows[0]!.slice(0, 5)).toEqual(['全体', '0', '', '非表示(10人未満)', '']);
    expect(rows.every((r) => r.slice(4).every((c) => c === ''))).toBe(true);
  });
});

describe('results table', () => {
  it('one row per examinee with the determination, totals, scale scores and the workflow around it', () => {
    const answers = Object.fromEntries(Array.from({ length: 57 }, (_, i) => [i + 1, 4 as AnswerValue]));
    const outcome = scoreAnswers(answers, 'simple-sum', defaultThresholds);
    if (!outcome.ok) throw new Error('incomplete');
    const [row] = resultsTable([
      { employeeNumber: 'A0005', name: '架空 花子', unitName: null, submittedOn: '2025-10-01', shownOn: null, score: outcome.score, consent: null, interviewRequestStatus: 'withdrawn' },
    ]);
    expect(row).toHaveLength(resultsExportHeader.length);
    const cell = (label: string) => row![resultsExportHeader.indexOf(label)];
    expect(cell('高ストレス')).toBe('該当');
    expect(cell('心身のストレス反応(B)合計')).toBe('107');
    expect(cell('結果の通知日')).toBe('未通知');
    expect(cell('面接指導の申出')).toBe('取下げ');
    expect(cell('事業者への提供の同意')).toBe('未回答');
    expect(cell('活気(点数)')).toBe('3');
  });
});
