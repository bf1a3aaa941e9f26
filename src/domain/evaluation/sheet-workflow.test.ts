import { describe, expect, it } from 'vitest';
import { defaultFramework, itemsForLevel } from '../competency/ability-items.js';
import { defaultCalendarSettings, nextDue, overdueMilestones, resolveCalendar } from './evaluation-calendar.js';
import { defaultGradeScale, defaultOverallRule } from './grading.js';
import {
  abilityStates,
  allowedActions,
  applyTransition,
  createAbilitySheet,
  createPerformanceSheet,
  editableFields,
  performanceStates,
  sheetActionTypes,
  sheetProgress,
  sheetRelations,
  visibleFields,
  visibleHistory,
  type AbilitySheet,
  type AbilityState,
  type EvaluationSheet,
  type Goal,
  type Now,
  type PerformanceSheet,
  type PerformanceState,
  type SheetAction,
  type SheetActionType,
  type SheetRelation,
  type SheetSettings,
  type SheetState,
} from './sheet-workflow.js';

// ---------------------------------------------------------------------------------------------------------
// Fixtures: FY2025 second half (10/1–3/31) and the FY2025 ability year of a 係員.

const settings: SheetSettings = { scale: defaultGradeScale, overallRule: defaultOverallRule, complaintPeriodDays: 7 };
const on = (today: string): Now => ({ at: `${today}T01:00:00.000Z`, today });
const actorIds: Record<SheetRelation, number> = { evaluatee: 101, evaluator: 201, confirmer: 301, hr: 901 };
const as = (relation: SheetRelation) => ({ relation, staffId: actorIds[relation] });

function goal(id: string, weight: number | null, overrides: Partial<Goal> = {}): Goal {
  return { id, teamGoalId: 7, title: `目標${id}`, target: `指標${id}`, dueOn: '2026-03-31', weight, difficulty: 'standard', ...overrides };
}

function newPerformance(isHrProxy = false): PerformanceSheet {
  return createPerformanceSheet({ period: 'second-half', periodStartsOn: '2025-10-01', periodEndsOn: '2026-03-31', settings, isHrProxy });
}

function newAbility(isHrProxy = false): AbilitySheet {
  return createAbilitySheet({
    periodStartsOn: '2025-04-01',
    periodEndsOn: '2026-03-31',
    positionLevel: 'staff',
    items: itemsForLevel(defaultFramework(2025), 'staff'),
    settings,
    isHrProxy,
  });
}

function entryIds(sheet: EvaluationSheet): string[] {
  return sheet.kind === 'performance' ? sheet.goals.map((g) => g.id) : sheet.items.map((i) => i.id);
}

function gradesFor(sheet: EvaluationSheet, grade: string) {
  return Object.fromEntries(entryIds(sheet).map((id) => [id, { grade, comment: `${id}について` }]));
}

/** A valid payload for each action on the given sheet, and the day it is attempted on. */
function validAction(type: SheetActionType, sheet: EvaluationSheet): { action: SheetAction; now: Now } {
  const now = on(type === 'close' ? '2026-03-25' : '2026-03-20');
  const interview = (heldOn: string) => ({ heldOn, notes: '面談の記録' });
  const actions: { [K in SheetActionType]: Extract<SheetAction, { type: K }> } = {
    'save-goals': { type: 'save-goals', goals: [goal('g1', 60), goal('g2', 40)] },
    'submit-goals': { type: 'submit-goals' },
    'return-goals': { type: 'return-goals', comment: '指標を具体的にしてください' },
    'record-opening-interview': { type: 'record-opening-interview', interview: interview('2025-11-05') },
    'agree-goals': { type: 'agree-goals', comment: '合意します' },
    'request-revision': { type: 'request-revision', reason: '災害対応のため', proposedGoals: [goal('g1', 50), goal('g3', 50)] },
    'record-revision-interview': { type: 'record-revision-interview', interview: interview('2025-12-03') },
    'approve-revision': { type: 'approve-revision', comment: '' },
    'reject-revision': { type: 'reject-revision', comment: '当初の目標で継続してください' },
    'save-learning': {
      type: 'save-learning',
      records: [{ id: 'l1', kind: 'self-directed', title: '通信教育（統計入門）', startedOn: '2025-10-01', endedOn: '2025-12-20', hours: 20, note: '' }],
    },
    'save-self-evaluation': { type: 'save-self-evaluation', assessment: { entries: gradesFor(sheet, 'A'), overallGrade: 'A', comment: 'よくできた' } },
    'submit-self-evaluation': { type: 'submit-self-evaluation' },
    'record-closing-interview': { type: 'record-closing-interview', interview: interview('2026-02-20') },
    'save-rating': { type: 'save-rating', assessment: { entries: gradesFor(sheet, 'B'), overallGrade: 'B', comment: '標準的な成果' } },
    'submit-rating': { type: 'submit-rating' },
    'return-rating': { type: 'return-rating', comment: '根拠を補足してください' },
    'save-adjustment': { type: 'save-adjustment', adjustment: { overallGrade: 'A', reason: '他課との均衡を考慮' } },
    'save-confirmer-notes': { type: 'save-confirmer-notes', notes: '次年度は係長候補' },
    confirm: { type: 'confirm' },
    'record-feedback': { type: 'record-feedback', interview: interview('2026-03-10') },
    'disclose-result': { type: 'disclose-result' },
    'consult-complaint': { type: 'consult-complaint', text: '評価の根拠を知りたい' },
    'handle-complaint': { type: 'handle-complaint', outcome: 'no-change', notes: '職員課長が面談し説明した', revisedGrade: null },
    close: { type: 'close' },
  };
  return { action: actions[type], now };
}

function must<T extends EvaluationSheet>(sheet: T, type: SheetActionType, relation: SheetRelation, today?: string): T {
  const { action, now } = validAction(type, sheet);
  const result = applyTransition(sheet, action, as(relation), today ? on(today) : now);
  if (!result.ok) throw new Error(`${type} by ${relation} in ${sheet.state}: ${result.code} ${result.message}`);
  return result.sheet;
}

const performancePath: [SheetActionType, SheetRelation, string][] = [
  ['save-goals', 'evaluatee', '2025-10-20'],
  ['save-learning', 'hr', '2025-10-21'],
  ['submit-goals', 'evaluatee', '2025-10-25'],
  ['record-opening-interview', 'evaluator', '2025-11-05'],
  ['agree-goals', 'evaluator', '2025-11-05'],
  ['request-revision', 'evaluatee', '2025-12-01'],
  ['record-revision-interview', 'evaluator', '2025-12-03'],
  ['approve-revision', 'confirmer', '2025-12-04'],
  ['save-learning', 'evaluatee', '2026-01-10'],
  ['save-self-evaluation', 'evaluatee', '2026-02-10'],
  ['submit-self-evaluation', 'evaluatee', '2026-02-12'],
  ['record-closing-interview', 'evaluator', '2026-02-20'],
  ['save-rating', 'evaluator', '2026-02-21'],
  ['submit-rating', 'evaluator', '2026-02-22'],
  ['save-adjustment', 'confirmer', '2026-02-25'],
  ['save-confirmer-notes', 'confirmer', '2026-02-25'],
  ['confirm', 'confirmer', '2026-02-26'],
  ['record-feedback', 'evaluator', '2026-03-10'],
  ['disclose-result', 'hr', '2026-03-16'],
  ['consult-complaint', 'evaluatee', '2026-03-18'],
  ['handle-complaint', 'hr', '2026-03-19'],
  ['close', 'hr', '2026-03-30'],
];

const abilityPath: [SheetActionType, SheetRelation, string][] = [
  ['save-self-evaluation', 'evaluatee', '2026-02-10'],
  ['submit-self-evaluation', 'evaluatee', '2026-02-12'],
  ['save-rating', 'evaluator', '2026-02-21'],
  ['submit-rating', 'evaluator', '2026-02-22'],
  ['save-adjustment', 'confirmer', '2026-02-25'],
  ['save-confirmer-notes', 'confirmer', '2026-02-25'],
  ['confirm', 'confirmer', '2026-02-26'],
  ['record-feedback', 'evaluator', '2026-03-10'],
  ['close', 'hr', '2026-03-30'],
];

/** Walks a path and keeps, per state, the latest sheet in it: ready for every action allowed there. */
function snapshots<T extends EvaluationSheet>(start: T, path: [SheetActionType, SheetRelation, string][]): Map<SheetState, T> {
  const byState = new Map<SheetState, T>([[start.state, start]]);
  let sheet = start;
  for (const [type, relation, today] of path) {
    sheet = must(sheet, type, relation, today);
    byState.set(sheet.state, sheet);
  }
  return byState;
}

function rawPerformanceSnapshots(isHrProxy: boolean): Map<SheetState, PerformanceSheet> {
  return snapshots(newPerformance(isHrProxy), performancePath);
}

// ---------------------------------------------------------------------------------------------------------
// The machine, written out again by hand: state → action → [relations allowed, next state].

type Expected<S extends string> = Record<S, Partial<Record<SheetActionType, [SheetRelation[], S]>>>;

const expectedPerformance: Expected<PerformanceState> = {
  draft: {
    'save-goals': [['evaluatee'], 'draft'],
    'submit-goals': [['evaluatee'], 'goals-submitted'],
    'save-learning': [['evaluatee', 'hr'], 'draft'],
  },
  'goals-submitted': {
    'return-goals': [['evaluator'], 'draft'],
    'record-opening-interview': [['evaluator'], 'goals-submitted'],
    'agree-goals': [['evaluator'], 'goals-agreed'],
    'save-learning': [['evaluatee', 'hr'], 'goals-submitted'],
  },
  'goals-agreed': {
    'request-revision': [['evaluatee'], 'revision-requested'],
    'save-learning': [['evaluatee', 'hr'], 'goals-agreed'],
    'save-self-evaluation': [['evaluatee'], 'goals-agreed'],
    'submit-self-evaluation': [['evaluatee'], 'self-evaluated'],
  },
  'revision-requested': {
    'record-revision-interview': [['evaluator'], 'revision-interviewed'],
    'save-learning': [['evaluatee', 'hr'], 'revision-requested'],
  },
  'revision-interviewed': {
    'approve-revision': [['confirmer'], 'goals-agreed'],
    'reject-revision': [['confirmer'], 'goals-agreed'],
    'save-learning': [['evaluatee', 'hr'], 'revision-interviewed'],
  },
  'self-evaluated': {
    'record-closing-interview': [['evaluator'], 'self-evaluated'],
    'save-rating': [['evaluator'], 'self-evaluated'],
    'submit-rating': [['evaluator'], 'evaluator-rated'],
    'save-learning': [['hr'], 'self-evaluated'],
  },
  'evaluator-rated': {
    'return-rating': [['confirmer'], 'self-evaluated'],
    'save-adjustment': [['confirmer'], 'evaluator-rated'],
    'save-confirmer-notes': [['confirmer'], 'evaluator-rated'],
    confirm: [['confirmer'], 'confirmer-confirmed'],
    'save-learning': [['hr'], 'evaluator-rated'],
  },
  'confirmer-confirmed': {
    'save-confirmer-notes': [['confirmer'], 'confirmer-confirmed'],
    'record-feedback': [['evaluator'], 'feedback-given'],
    'save-learning': [['hr'], 'confirmer-confirmed'],
  },
  'feedback-given': {
    'disclose-result': [['hr'], 'result-disclosed'],
    'save-learning': [['hr'], 'feedback-given'],
  },
  'result-disclosed': {
    'consult-complaint': [['evaluatee'], 'complaint-consulted'],
    close: [['hr'], 'closed'],
    'save-learning': [['hr'], 'result-disclosed'],
  },
  'complaint-consulted': {
    'handle-complaint': [['hr'], 'complaint-handled'],
    'save-learning': [['hr'], 'complaint-consulted'],
  },
  'complaint-handled': {
    close: [['hr'], 'closed'],
    'save-learning': [['hr'], 'complaint-handled'],
  },
  closed: {},
};

const expectedAbility: Expected<AbilityState> = {
  draft: {
    'save-self-evaluation': [['evaluatee'], 'draft'],
    'submit-self-evaluation': [['evaluatee'], 'self-rated'],
  },
  'self-rated': {
    'save-rating': [['evaluator'], 'self-rated'],
    'submit-rating': [['evaluator'], 'evaluator-rated'],
  },
  'evaluator-rated': {
    'return-rating': [['confirmer'], 'self-rated'],
    'save-adjustment': [['confirmer'], 'evaluator-rated'],
    'save-confirmer-notes': [['confirmer'], 'evaluator-rated'],
    confirm: [['confirmer'], 'confirmer-confirmed'],
  },
  'confirmer-confirmed': {
    'save-confirmer-notes': [['confirmer'], 'confirmer-confirmed'],
    'record-feedback': [['evaluator'], 'feedback-given'],
  },
  'feedback-given': { close: [['hr'], 'closed'] },
  closed: {},
};

const abilityActionTypes = new Set<SheetActionType>(['save-self-evaluation', 'submit-self-evaluation', 'save-rating', 'submit-rating', 'return-rating', 'save-adjustment', 'save-confirmer-notes', 'confirm', 'record-feedback', 'close']);

/** With HR keeping the sheet for an evaluatee without an account, HR may also do the evaluatee's steps. */
function allowedRelations<S extends string>(expected: Expected<S>, state: S, type: SheetActionType, isHrProxy: boolean): SheetRelation[] {
  const relations = expected[state][type]?.[0] ?? [];
  return isHrProxy && relations.includes('evaluatee') && !relations.includes('hr') ? [...relations, 'hr'] : relations;
}

type Case = [string, SheetRelation, SheetActionType, boolean];

function cases(states: readonly string[]): Case[] {
  const all: Case[] = [];
  for (const isHrProxy of [false, true]) {
    for (const state of states) for (const type of sheetActionTypes) for (const relation of sheetRelations) all.push([state, relation, type, isHrProxy]);
  }
  return all;
}

describe('performance sheet: every (state, action, relation)', () => {
  const fixtures = { false: rawPerformanceSnapshots(false), true: rawPerformanceSnapshots(true) };

  it('reaches every state on the path', () => {
    expect([...fixtures.false.keys()].sort()).toEqual([...performanceStates].sort());
  });

  it.each(cases(performanceStates))('%s: %s → %s (HR proxy %s)', (state, relation, type, isHrProxy) => {
    const sheet = fixtures[String(isHrProxy) as 'true' | 'false'].get(state as PerformanceState);
    if (!sheet) throw new Error(`no fixture for ${state}`);
    const { action, now } = validAction(type, sheet);
    const result = applyTransition(sheet, action, as(relation), now);
    const allowed = allowedRelations(expectedPerformance, state as PerformanceState, type, isHrProxy);
    const anyone = allowedRelations(expectedPerformance, state as PerformanceState, type, true);
    if (allowed.includes(relation)) {
      expect(result).toMatchObject({ ok: true });
      if (result.ok) expect(result.sheet.state).toBe(expectedPerformance[state as PerformanceState][type]?.[1]);
    } else {
      const code = state === 'closed' ? 'evaluation.sheet-locked' : anyone.length > 0 ? 'evaluation.forbidden-relation' : 'evaluation.invalid-transition';
      expect(result).toMatchObject({ ok: false, code });
      if (!result.ok) expect(result.message).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
    }
  });

  it.each(performanceStates.flatMap((state) => sheetRelations.map((relation) => [state, relation] as const)))(
    'allowedActions(%s, %s) lists exactly the allowed actions',
    (state, relation) => {
      const sheet = fixtures.false.get(state);
      if (!sheet) throw new Error(`no fixture for ${state}`);
      const expected = sheetActionTypes.filter((type) => allowedRelations(expectedPerformance, state, type, false).includes(relation));
      expect(allowedActions(sheet, relation)).toEqual(expected);
    },
  );
});

describe('ability sheet: every (state, action, relation)', () => {
  const fixtures = { false: snapshots(newAbility(false), abilityPath), true: snapshots(newAbility(true), abilityPath) };

  it('reaches every state on the path', () => {
    expect([...fixtures.false.keys()].sort()).toEqual([...abilityStates].sort());
  });

  it.each(cases(abilityStates))('%s: %s → %s (HR proxy %s)', (state, relation, type, isHrProxy) => {
    const sheet = fixtures[String(isHrProxy) as 'true' | 'false'].get(state as AbilityState);
    if (!sheet) throw new Error(`no fixture for ${state}`);
    const { action, now } = validAction(type, sheet);
    const result = applyTransition(sheet, action, as(relation), now);
    const allowed = allowedRelations(expectedAbility, state as AbilityState, type, isHrProxy);
    const anyone = allowedRelations(expectedAbility, state as AbilityState, type, true);
    if (allowed.includes(relation)) {
      expect(result).toMatchObject({ ok: true });
      if (result.ok) expect(result.sheet.state).toBe(expectedAbility[state as AbilityState][type]?.[1]);
    } else {
      const code =
        state === 'closed'
          ? 'evaluation.sheet-locked'
          : !abilityActionTypes.has(type)
            ? 'evaluation.action-not-applicable'
            : anyone.length > 0
              ? 'evaluation.forbidden-relation'
              : 'evaluation.invalid-transition';
      expect(result).toMatchObject({ ok: false, code });
    }
  });

  it.each(abilityStates.flatMap((state) => sheetRelations.map((relation) => [state, relation] as const)))(
    'allowedActions(%s, %s) lists exactly the allowed actions',
    (state, relation) => {
      const sheet = fixtures.false.get(state);
      if (!sheet) throw new Error(`no fixture for ${state}`);
      const expected = sheetActionTypes.filter((type) => allowedRelations(expectedAbility, state, type, false).includes(relation));
      expect(allowedActions(sheet, relation)).toEqual(expected);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------
// Preconditions

function performanceIn(state: PerformanceState): PerformanceSheet {
  const sheet = rawPerformanceSnapshots(false).get(state);
  if (!sheet) throw new Error(`no fixture for ${state}`);
  return sheet;
}

describe('preconditions answer no with a code', () => {
  const draft = newPerformance();
  const withGoals = (goals: Goal[]): PerformanceSheet => ({ ...draft, goals });
  const cases: [string, EvaluationSheet, SheetAction, SheetRelation, string, string][] = [
    ['submitting no goals', draft, { type: 'submit-goals' }, 'evaluatee', '2025-10-20', 'evaluation.goals-missing'],
    ['weights adding to 90', withGoals([goal('a', 50), goal('b', 40)]), { type: 'submit-goals' }, 'evaluatee', '2025-10-20', 'evaluation.weights-not-100'],
    ['weights adding to 110', withGoals([goal('a', 60), goal('b', 50)]), { type: 'submit-goals' }, 'evaluatee', '2025-10-20', 'evaluation.weights-not-100'],
    ['a goal without weight', withGoals([goal('a', 100), goal('b', null)]), { type: 'submit-goals' }, 'evaluatee', '2025-10-20', 'evaluation.goal-incomplete'],
    ['a goal with weight 0', withGoals([goal('a', 100), goal('b', 0)]), { type: 'submit-goals' }, 'evaluatee', '2025-10-20', 'evaluation.goal-incomplete'],
    ['a goal without title', withGoals([goal('a', 100, { title: '  ' })]), { type: 'submit-goals' }, 'evaluatee', '2025-10-20', 'evaluation.goal-incomplete'],
    ['a goal without target', withGoals([goal('a', 100, { target: '' })]), { type: 'submit-goals' }, 'evaluatee', '2025-10-20', 'evaluation.goal-incomplete'],
    [
      'agreeing before the opening interview',
      { ...performanceIn('goals-submitted'), openingInterview: null },
      { type: 'agree-goals', comment: '合意' },
      'evaluator',
      '2025-11-05',
      'evaluation.opening-interview-missing',
    ],
    [
      'an interview in the future',
      performanceIn('goals-submitted'),
      { type: 'record-opening-interview', interview: { heldOn: '2025-11-06', notes: '' } },
      'evaluator',
      '2025-11-05',
      'evaluation.interview-date-invalid',
    ],
    [
      'an interview before the period',
      performanceIn('goals-submitted'),
      { type: 'record-opening-interview', interview: { heldOn: '2025-09-30', notes: '' } },
      'evaluator',
      '2025-11-05',
      'evaluation.interview-date-invalid',
    ],
    [
      'a revision with weights adding to 80',
      performanceIn('goals-agreed'),
      { type: 'request-revision', reason: '異動', proposedGoals: [goal('a', 40), goal('b', 40)] },
      'evaluatee',
      '2025-12-01',
      'evaluation.weights-not-100',
    ],
    [
      'a self-evaluation missing a goal',
      { ...performanceIn('goals-agreed'), selfEvaluation: { entries: { g1: { grade: 'A', comment: '' } }, overallGrade: null, comment: '' } },
      { type: 'submit-self-evaluation' },
      'evaluatee',
      '2026-02-12',
      'evaluation.self-evaluation-incomplete',
    ],
    [
      'a self-evaluation of a goal not on the sheet',
      performanceIn('goals-agreed'),
      { type: 'save-self-evaluation', assessment: { entries: { g2: { grade: 'A', comment: '' } }, overallGrade: null, comment: '' } },
      'evaluatee',
      '2026-02-12',
      'evaluation.unknown-entry',
    ],
    [
      'a self-grade off the scale',
      performanceIn('goals-agreed'),
      { type: 'save-self-evaluation', assessment: { entries: { g1: { grade: 'E', comment: '' } }, overallGrade: null, comment: '' } },
      'evaluatee',
      '2026-02-12',
      'evaluation.grade-not-in-scale',
    ],
    [
      'an overall rating off the scale',
      performanceIn('self-evaluated'),
      { type: 'save-rating', assessment: { entries: {}, overallGrade: 'AA', comment: '' } },
      'evaluator',
      '2026-02-21',
      'evaluation.grade-not-in-scale',
    ],
    [
      'rating before the closing interview',
      { ...performanceIn('self-evaluated'), closingInterview: null },
      { type: 'submit-rating' },
      'evaluator',
      '2026-02-22',
      'evaluation.closing-interview-missing',
    ],
    [
      'rating with a goal unrated',
      { ...performanceIn('self-evaluated'), rating: { entries: { g1: { grade: 'B', comment: '' } }, overallGrade: 'B', comment: '所見' } },
      { type: 'submit-rating' },
      'evaluator',
      '2026-02-22',
      'evaluation.rating-incomplete',
    ],
    [
      'rating without an overall grade',
      { ...performanceIn('self-evaluated'), rating: { ...performanceIn('self-evaluated').rating, overallGrade: null } },
      { type: 'submit-rating' },
      'evaluator',
      '2026-02-22',
      'evaluation.rating-incomplete',
    ],
    [
      'rating without a comment',
      { ...performanceIn('self-evaluated'), rating: { ...performanceIn('self-evaluated').rating, comment: ' ' } },
      { type: 'submit-rating' },
      'evaluator',
      '2026-02-22',
      'evaluation.rating-incomplete',
    ],
    [
      'an adjustment off the scale',
      performanceIn('evaluator-rated'),
      { type: 'save-adjustment', adjustment: { overallGrade: 'X', reason: '' } },
      'confirmer',
      '2026-02-25',
      'evaluation.grade-not-in-scale',
    ],
    [
      'an adjustment without reason',
      { ...performanceIn('evaluator-rated'), adjustment: { overallGrade: 'C', reason: '' } },
      { type: 'confirm' },
      'confirmer',
      '2026-02-26',
      'evaluation.adjustment-reason-required',
    ],
    ['a complaint after the period', performanceIn('result-disclosed'), { type: 'consult-complaint', text: '不満' }, 'evaluatee', '2026-03-24', 'evaluation.complaint-period-over'],
    ['closing during the complaint period', performanceIn('result-disclosed'), { type: 'close' }, 'hr', '2026-03-23', 'evaluation.complaint-period-open'],
    [
      'a revised grade missing',
      performanceIn('complaint-consulted'),
      { type: 'handle-complaint', outcome: 'grade-revised', notes: '再評価', revisedGrade: null },
      'hr',
      '2026-03-19',
      'evaluation.revised-grade-required',
    ],
    [
      'a revised grade off the scale',
      performanceIn('complaint-consulted'),
      { type: 'handle-complaint', outcome: 'grade-revised', notes: '再評価', revisedGrade: 'Z' },
      'hr',
      '2026-03-19',
      'evaluation.grade-not-in-scale',
    ],
    ['an empty return comment', performanceIn('goals-submitted'), { type: 'return-goals', comment: '  ' }, 'evaluator', '2025-11-05', 'evaluation.invalid-input'],
    ['an empty rejection comment', performanceIn('revision-interviewed'), { type: 'reject-revision', comment: '' }, 'confirmer', '2025-12-04', 'evaluation.invalid-input'],
    ['eleven goals', draft, { type: 'save-goals', goals: Array.from({ length: 11 }, (_, i) => goal(`g${i}`, 9)) }, 'evaluatee', '2025-10-20', 'evaluation.invalid-input'],
    ['two goals with one id', draft, { type: 'save-goals', goals: [goal('a', 50), goal('a', 50)] }, 'evaluatee', '2025-10-20', 'evaluation.invalid-input'],
    ['an invalid goal deadline', draft, { type: 'save-goals', goals: [goal('a', 100, { dueOn: '2026-02-30' })] }, 'evaluatee', '2025-10-20', 'evaluation.invalid-input'],
    [
      'a learning record ending before it starts',
      draft,
      { type: 'save-learning', records: [{ id: 'l', kind: 'training', title: '研修', startedOn: '2025-11-02', endedOn: '2025-11-01', hours: null, note: '' }] },
      'hr',
      '2025-11-05',
      'evaluation.invalid-input',
    ],
    ['an unknown action', draft, { type: 'promote' } as unknown as SheetAction, 'hr', '2025-10-20', 'evaluation.invalid-input'],
    [
      'ability: rating an item not on the sheet',
      snapshots(newAbility(), abilityPath.slice(0, 2)).get('self-rated') as AbilitySheet,
      { type: 'save-rating', assessment: { entries: { leadership: { grade: 'A', comment: '' } }, overallGrade: null, comment: '' } },
      'evaluator',
      '2026-02-21',
      'evaluation.unknown-entry',
    ],
    ['ability: submitting an empty self-rating', newAbility(), { type: 'submit-self-evaluation' }, 'evaluatee', '2026-02-12', 'evaluation.self-evaluation-incomplete'],
    [
      'ability: confirming an unrated sheet is impossible (rating incomplete)',
      snapshots(newAbility(), abilityPath.slice(0, 2)).get('self-rated') as AbilitySheet,
      { type: 'submit-rating' },
      'evaluator',
      '2026-02-22',
      'evaluation.rating-incomplete',
    ],
  ];
  it.each(cases)('%s', (_name, sheet, action, relation, today, code) => {
    const result = applyTransition(sheet, action, as(relation), on(today));
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
  });

  it('leaves the sheet untouched on a no', () => {
    const sheet = performanceIn('result-disclosed');
    const before = structuredClone(sheet);
    applyTransition(sheet, { type: 'close' }, as('hr'), on('2026-03-20'));
    expect(sheet).toEqual(before);
  });

  it('accepts equal weighting without weights', () => {
    const sheet: PerformanceSheet = {
      ...newPerformance(),
      settings: { ...settings, overallRule: { weighting: 'equal', tieBreak: 'toward-standard' } },
      goals: [goal('a', null), goal('b', null)],
    };
    expect(applyTransition(sheet, { type: 'submit-goals' }, as('evaluatee'), on('2025-10-20'))).toMatchObject({ ok: true });
  });

  it('accepts an interview on the first day of the period and on today', () => {
    const sheet = performanceIn('goals-submitted');
    for (const heldOn of ['2025-10-01', '2025-11-05']) {
      expect(applyTransition(sheet, { type: 'record-opening-interview', interview: { heldOn, notes: '' } }, as('evaluator'), on('2025-11-05'))).toMatchObject({ ok: true });
    }
  });

  it('accepts a complaint on the last day of the period and closes the day after', () => {
    const sheet = performanceIn('result-disclosed');
    expect(sheet.complaintUntil).toBe('2026-03-23');
    expect(applyTransition(sheet, { type: 'consult-complaint', text: '説明を求めます' }, as('evaluatee'), on('2026-03-23'))).toMatchObject({ ok: true });
    expect(applyTransition(sheet, { type: 'close' }, as('hr'), on('2026-03-24'))).toMatchObject({ ok: true, sheet: { state: 'closed' } });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Effects

describe('effects', () => {
  it('records the whole year in the history, with who and when, saves left out', () => {
    const closed = performanceIn('closed');
    expect(closed.history.map((h) => [h.action, h.from, h.to, h.relation])).toEqual(
      performancePath.filter(([type]) => !type.startsWith('save-')).map(([type, relation]) => [type, expect.any(String), expect.any(String), relation]),
    );
    expect(closed.history[0]).toEqual({ action: 'submit-goals', from: 'draft', to: 'goals-submitted', relation: 'evaluatee', staffId: 101, at: '2025-10-25T01:00:00.000Z' });
  });

  it('approving a revision replaces the goals and keeps the decided revision', () => {
    const agreed = performanceIn('goals-agreed');
    expect(agreed.goals.map((g) => [g.id, g.weight])).toEqual([
      ['g1', 50],
      ['g3', 50],
    ]);
    expect(agreed.revision).toBeNull();
    expect(agreed.revisions).toHaveLength(1);
    expect(agreed.revisions[0]).toMatchObject({ reason: '災害対応のため', requestedOn: '2025-12-01', interview: { heldOn: '2025-12-03' }, decision: { isApproved: true, decidedOn: '2025-12-04' } });
  });

  it('rejecting a revision keeps the goals', () => {
    const interviewed = performanceIn('revision-interviewed');
    const result = applyTransition(interviewed, { type: 'reject-revision', comment: '継続' }, as('confirmer'), on('2025-12-04'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheet.goals.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(result.sheet.revisions.at(-1)?.decision).toEqual({ isApproved: false, comment: '継続', decidedOn: '2025-12-04' });
  });

  it('approving a revision drops self-evaluation entries of removed goals', () => {
    const interviewed: PerformanceSheet = {
      ...performanceIn('revision-interviewed'),
      selfEvaluation: { entries: { g1: { grade: 'A', comment: '' }, g2: { grade: 'B', comment: '' } }, overallGrade: null, comment: '下書き' },
    };
    const result = applyTransition(interviewed, { type: 'approve-revision', comment: '' }, as('confirmer'), on('2025-12-04'));
    expect(result.ok && Object.keys(result.sheet.selfEvaluation.entries)).toEqual(['g1']);
  });

  it('confirming takes the adjusted grade, or the evaluator grade without adjustment', () => {
    expect(performanceIn('confirmer-confirmed').finalGrade).toBe('A');
    const unadjusted = { ...performanceIn('evaluator-rated'), adjustment: null };
    const result = applyTransition(unadjusted, { type: 'confirm' }, as('confirmer'), on('2026-02-26'));
    expect(result.ok && result.sheet.finalGrade).toBe('B');
    const sameGrade = { ...performanceIn('evaluator-rated'), adjustment: { overallGrade: 'B', reason: '' } };
    expect(applyTransition(sameGrade, { type: 'confirm' }, as('confirmer'), on('2026-02-26'))).toMatchObject({ ok: true, sheet: { finalGrade: 'B' } });
  });

  it('disclosure starts the complaint period (7 days, the day of disclosure not counted)', () => {
    expect(performanceIn('result-disclosed')).toMatchObject({ disclosedOn: '2026-03-16', complaintUntil: '2026-03-23' });
  });

  it('complaint handling records the outcome, and a revision changes the final grade', () => {
    expect(performanceIn('complaint-handled').complaint).toMatchObject({
      text: '評価の根拠を知りたい',
      consultedOn: '2026-03-18',
      handling: { outcome: 'no-change', previousGrade: 'A', revisedGrade: null, handledOn: '2026-03-19' },
    });
    const result = applyTransition(
      performanceIn('complaint-consulted'),
      { type: 'handle-complaint', outcome: 'grade-revised', notes: '再評価の結果', revisedGrade: 'S' },
      as('hr'),
      on('2026-03-19'),
    );
    expect(result).toMatchObject({ ok: true, sheet: { finalGrade: 'S', complaint: { handling: { previousGrade: 'A', revisedGrade: 'S' } } } });
  });

  it('a returned rating carries the confirmer comment, cleared when the evaluator submits again', () => {
    const returned = must(performanceIn('evaluator-rated'), 'return-rating', 'confirmer');
    expect(returned.ratingReview).toBe('根拠を補足してください');
    expect(must(returned, 'submit-rating', 'evaluator').ratingReview).toBeNull();
  });

  it('keeps evaluatee and HR learning records apart', () => {
    const learning = performanceIn('goals-agreed').learning;
    expect(learning.map((r) => r.source)).toEqual(['hr', 'evaluatee']);
    const cleared = applyTransition(performanceIn('goals-agreed'), { type: 'save-learning', records: [] }, as('evaluatee'), on('2026-01-11'));
    expect(cleared.ok && cleared.sheet.learning.map((r) => r.source)).toEqual(['hr']);
  });

  it('HR can keep a sheet for an evaluatee without an account', () => {
    let sheet = newPerformance(true);
    sheet = must(sheet, 'save-goals', 'hr');
    sheet = must(sheet, 'submit-goals', 'hr');
    expect(sheet.history.at(-1)).toMatchObject({ action: 'submit-goals', relation: 'hr', staffId: 901 });
  });

  it('does not change the sheet it was given', () => {
    const draft = newPerformance();
    const before = structuredClone(draft);
    must(draft, 'save-goals', 'evaluatee');
    expect(draft).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Editing and seeing

describe('editableFields', () => {
  const expected: Record<PerformanceState, Partial<Record<SheetRelation, string[]>>> = {
    draft: { evaluatee: ['goals', 'learning'], hr: ['learning'] },
    'goals-submitted': { evaluatee: ['learning'], hr: ['learning'] },
    'goals-agreed': { evaluatee: ['learning', 'selfEvaluation'], hr: ['learning'] },
    'revision-requested': { evaluatee: ['learning'], hr: ['learning'] },
    'revision-interviewed': { evaluatee: ['learning'], hr: ['learning'] },
    'self-evaluated': { evaluator: ['rating'], hr: ['learning'] },
    'evaluator-rated': { confirmer: ['adjustment', 'confirmerNotes'], hr: ['learning'] },
    'confirmer-confirmed': { confirmer: ['confirmerNotes'], hr: ['learning'] },
    'feedback-given': { hr: ['learning'] },
    'result-disclosed': { hr: ['learning'] },
    'complaint-consulted': { hr: ['learning'] },
    'complaint-handled': { hr: ['learning'] },
    closed: {},
  };
  it.each(performanceStates.flatMap((state) => sheetRelations.map((relation) => [state, relation] as const)))('performance %s, %s', (state, relation) => {
    expect(editableFields(performanceIn(state), relation)).toEqual(expected[state][relation] ?? []);
  });

  it('never lets the evaluator or the confirmer edit the self-evaluation, nor the confirmer the rating', () => {
    for (const state of performanceStates) {
      for (const proxy of [false, true]) {
        const sheet = { ...performanceIn(state), isHrProxy: proxy };
        expect(editableFields(sheet, 'evaluator')).not.toContain('selfEvaluation');
        expect(editableFields(sheet, 'confirmer')).not.toContain('selfEvaluation');
        expect(editableFields(sheet, 'confirmer')).not.toContain('rating');
      }
    }
  });

  it('gives HR the evaluatee fields on a sheet HR keeps', () => {
    expect(editableFields({ ...performanceIn('draft'), isHrProxy: true }, 'hr')).toEqual(['goals', 'learning']);
    expect(editableFields({ ...performanceIn('goals-agreed'), isHrProxy: true }, 'hr')).toEqual(['learning', 'selfEvaluation']);
  });

  const expectedAbilityFields: Record<AbilityState, Partial<Record<SheetRelation, string[]>>> = {
    draft: { evaluatee: ['selfEvaluation'] },
    'self-rated': { evaluator: ['rating'] },
    'evaluator-rated': { confirmer: ['adjustment', 'confirmerNotes'] },
    'confirmer-confirmed': { confirmer: ['confirmerNotes'] },
    'feedback-given': {},
    closed: {},
  };
  const abilityFixtures = snapshots(newAbility(), abilityPath);
  it.each(abilityStates.flatMap((state) => sheetRelations.map((relation) => [state, relation] as const)))('ability %s, %s', (state, relation) => {
    const sheet = abilityFixtures.get(state);
    if (!sheet) throw new Error(`no fixture for ${state}`);
    expect(editableFields(sheet, relation)).toEqual(expectedAbilityFields[state][relation] ?? []);
  });
});

describe('visibleFields', () => {
  const shared = ['goals', 'goalsComment', 'openingInterview', 'revision', 'learning', 'closingInterview', 'feedbackInterview', 'history'];
  const result = ['rating', 'adjustment', 'finalGrade'];
  const afterDisclosure: PerformanceState[] = ['result-disclosed', 'complaint-consulted', 'complaint-handled', 'closed'];

  it.each(performanceStates.map((state) => [state] as const))('performance, evaluatee, %s', (state) => {
    const fields = visibleFields(performanceIn(state), 'evaluatee');
    expect(fields).toEqual(expect.arrayContaining([...shared, 'selfEvaluation', 'complaint']));
    expect(fields).not.toContain('confirmerNotes');
    expect(fields).not.toContain('ratingReview');
    for (const field of result) expect(fields.includes(field as never)).toBe(afterDisclosure.includes(state));
  });

  it.each(performanceStates.map((state) => [state] as const))('performance, evaluator and confirmer, %s', (state) => {
    const sheet = performanceIn(state);
    const evaluator = visibleFields(sheet, 'evaluator');
    const confirmer = visibleFields(sheet, 'confirmer');
    const rank = performanceStates.indexOf(state);
    const atLeast = (s: PerformanceState): boolean => rank >= performanceStates.indexOf(s);
    expect(evaluator).toEqual(expect.arrayContaining([...shared, 'rating', 'ratingReview']));
    expect(evaluator).not.toContain('confirmerNotes');
    expect(evaluator).not.toContain('complaint');
    expect(confirmer).not.toContain('complaint');
    expect(confirmer).toContain('confirmerNotes');
    expect(evaluator.includes('selfEvaluation')).toBe(atLeast('self-evaluated'));
    expect(confirmer.includes('selfEvaluation')).toBe(atLeast('self-evaluated'));
    expect(confirmer.includes('rating')).toBe(atLeast('evaluator-rated'));
    expect(evaluator.includes('adjustment')).toBe(atLeast('confirmer-confirmed'));
    expect(evaluator.includes('finalGrade')).toBe(atLeast('confirmer-confirmed'));
  });

  it('revision states sit beside goals-agreed: the self-evaluation draft stays private', () => {
    expect(visibleFields(performanceIn('revision-requested'), 'evaluator')).not.toContain('selfEvaluation');
  });

  it('HR sees everything', () => {
    expect(visibleFields(performanceIn('draft'), 'hr')).toHaveLength(15);
  });

  it('the evaluatee never sees the confirmer notes, before or after feedback', () => {
    for (const state of performanceStates) expect(visibleFields(performanceIn(state), 'evaluatee')).not.toContain('confirmerNotes');
  });

  it('ability: the evaluatee sees the result from the feedback on', () => {
    const fixtures = snapshots(newAbility(), abilityPath);
    const seen = abilityStates.map((state) => visibleFields(fixtures.get(state) as AbilitySheet, 'evaluatee').includes('finalGrade'));
    expect(seen).toEqual([false, false, false, false, true, true]);
    expect(visibleFields(fixtures.get('closed') as AbilitySheet, 'evaluatee')).toEqual(['items', 'selfEvaluation', 'rating', 'adjustment', 'feedbackInterview', 'finalGrade', 'history']);
    expect(visibleFields(fixtures.get('self-rated') as AbilitySheet, 'confirmer')).toEqual(['items', 'selfEvaluation', 'ratingReview', 'adjustment', 'confirmerNotes', 'feedbackInterview', 'history']);
  });

  it('visibleHistory hides complaints from the raters and returned ratings from the evaluatee', () => {
    const resubmitted = must(must(performanceIn('evaluator-rated'), 'return-rating', 'confirmer'), 'submit-rating', 'evaluator');
    expect(visibleHistory(resubmitted, 'evaluatee').map((h) => h.action)).not.toContain('return-rating');
    expect(visibleHistory(resubmitted, 'evaluator').map((h) => h.action)).toContain('return-rating');
    const complaints = performanceIn('closed');
    expect(visibleHistory(complaints, 'evaluator').map((h) => h.action)).not.toContain('consult-complaint');
    expect(visibleHistory(complaints, 'confirmer').map((h) => h.action)).not.toContain('handle-complaint');
    expect(visibleHistory(complaints, 'evaluatee').map((h) => h.action)).toContain('consult-complaint');
    expect(visibleHistory(complaints, 'hr')).toHaveLength(complaints.history.length);
  });
});

describe('sheetProgress with the calendar', () => {
  const calendar = resolveCalendar(defaultCalendarSettings, 2025);

  it.each([
    ['draft', []],
    ['goals-submitted', ['goal-submission', 'opening-interview']],
    ['goals-agreed', ['goal-submission', 'opening-interview']],
    ['self-evaluated', ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview']],
    ['evaluator-rated', ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview', 'evaluator-rating']],
    ['feedback-given', ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview', 'evaluator-rating', 'confirmation', 'feedback']],
    ['closed', ['goal-submission', 'opening-interview', 'self-evaluation', 'closing-interview', 'evaluator-rating', 'confirmation', 'feedback', 'submission']],
  ] as const)('performance %s', (state, completed) => {
    expect(sheetProgress(performanceIn(state))).toEqual({ period: 'second-half', completed });
  });

  it('a draft sheet on 11/11 is overdue for its goals and next due is the goal submission', () => {
    const progress = sheetProgress(newPerformance());
    expect(overdueMilestones(calendar, progress, '2025-11-11').map((m) => m.step)).toEqual(['goal-submission']);
    expect(nextDue(calendar, progress, '2025-11-11')).toMatchObject({ milestone: { step: 'goal-submission' }, status: 'overdue' });
  });

  it('an ability sheet progresses by its states', () => {
    const fixtures = snapshots(newAbility(), abilityPath);
    expect(abilityStates.map((state) => sheetProgress(fixtures.get(state) as AbilitySheet).completed.length)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sheetProgress(newAbility()).period).toBe('year');
  });
});

describe('createAbilitySheet', () => {
  it('copies the items of the level so later framework edits do not reach the sheet', () => {
    const framework = defaultFramework(2025);
    const items = itemsForLevel(framework, 'chief');
    const sheet = createAbilitySheet({ periodStartsOn: '2025-04-01', periodEndsOn: '2026-03-31', positionLevel: 'chief', items, settings, isHrProxy: false });
    const first = items[0];
    if (first) first.label = '変更';
    expect(sheet.items[0]?.label).toBe('倫理');
    expect(sheet.items.map((i) => i.id)).toEqual([
      'ethics',
      'planning-execution',
      'explanation-coordination',
      'task-execution',
      'judgement',
      'subordinate-development',
      'data-literacy',
      'digital-tools',
      'digital-ethics',
    ]);
  });
});
