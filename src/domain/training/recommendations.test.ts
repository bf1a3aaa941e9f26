import { describe, expect, it } from 'vitest';
import type { AbilityItem } from '../competency/ability-items.js';
import { defaultGradeScale, pointScale, type GradeScale } from '../evaluation/grading.js';
import {
  indexCoursesByItem,
  isBelowStandard,
  rateItems,
  recommendCourses,
  trainingLoop,
  type ItemGrades,
  type RecommendableCourse,
} from './recommendations.js';

const item = (id: string, label: string): AbilityItem => ({ id, label, category: 'independence', group: 'policy', description: null });
const communication = item('communication', 'コミュニケーション');
const explanation = item('explanation', '説明');
const ethics = item('ethics', '倫理');
const leadership = item('leadership', '組織統率');
const staffItems = [ethics, explanation, communication];

const course = (id: number, title: string, abilityItemIds: string[], isActive = true): RecommendableCourse => ({ id, title, category: 'special', abilityItemIds, isActive });
const catalog = [
  course(1, '接遇研修', ['communication']),
  course(2, 'プレゼンテーション研修', ['explanation', 'communication']),
  course(3, '管理職研修', ['leadership']),
  course(4, '旧・話し方研修', ['communication'], false),
  course(5, '公務員倫理研修', ['ethics']),
];
const grades = (g: Record<string, string | null>): ItemGrades => Object.fromEntries(Object.entries(g).map(([k, grade]) => [k, { grade }]));

describe('isBelowStandard', () => {
  const fivePoint = pointScale(1, 5, 3)!;
  it.each<[GradeScale, string | null, boolean, string]>([
    [defaultGradeScale, 'S', false, 'above'],
    [defaultGradeScale, 'B', false, 'the standard itself'],
    [defaultGradeScale, 'C', true, 'one below'],
    [defaultGradeScale, 'D', true, 'two below'],
    [defaultGradeScale, null, false, 'not rated'],
    [defaultGradeScale, 'X', false, 'a code the scale does not have'],
    [fivePoint, '2', true, 'a point scale below its standard'],
    [fivePoint, '3', false, 'a point scale at its standard'],
  ])('%s grade %s → %s (%s)', (scale, grade, expected) => {
    expect(isBelowStandard(scale, grade)).toBe(expected);
  });
});

describe('recommendCourses', () => {
  const index = indexCoursesByItem(catalog);
  const run = (g: Record<string, string | null>, completed: { courseId: number; startsOn: string }[] = [], items = staffItems) =>
    recommendCourses({ ratedItems: rateItems(items, grades(g), defaultGradeScale), courses: index, completed, confirmedOn: '2026-02-10' });

  const cases: { name: string; grades: Record<string, string | null>; completed?: { courseId: number; startsOn: string }[]; expected: [number, string[]][] }[] = [
    { name: 'nothing below standard → nothing', grades: { ethics: 'B', explanation: 'A', communication: 'B' }, expected: [] },
    { name: 'one item below standard → the courses developing it', grades: { ethics: 'B', explanation: 'B', communication: 'C' }, expected: [[2, ['コミュニケーション']], [1, ['コミュニケーション']]] },
    {
      name: 'several items → one course listed once with all reasons, most reasons first',
      grades: { ethics: 'B', explanation: 'D', communication: 'C' },
      expected: [[2, ['説明', 'コミュニケーション']], [1, ['コミュニケーション']]],
    },
    { name: 'an item not required for the level (leadership) is ignored even if rated low', grades: { leadership: 'D', communication: 'B' }, expected: [] },
    { name: 'inactive courses are excluded', grades: { communication: 'C' }, expected: [[2, ['コミュニケーション']], [1, ['コミュニケーション']]] },
    { name: 'an item without any course gives nothing', grades: { ethics: 'B', explanation: null, communication: 'B' }, expected: [] },
    {
      name: 'a course completed in a session after the confirmation is not recommended',
      grades: { communication: 'C' },
      completed: [{ courseId: 1, startsOn: '2026-03-01' }],
      expected: [[2, ['コミュニケーション']]],
    },
    {
      name: 'a course completed before the evaluation (or on its day) is still recommended',
      grades: { communication: 'C' },
      completed: [
        { courseId: 1, startsOn: '2025-06-01' },
        { courseId: 2, startsOn: '2026-02-10' },
      ],
      expected: [[2, ['コミュニケーション']], [1, ['コミュニケーション']]],
    },
    { name: 'ethics low → the ethics course', grades: { ethics: 'C' }, expected: [[5, ['倫理']]] },
  ];
  it.each(cases)('$name', ({ grades: g, completed, expected }) => {
    expect(run(g, completed).map((c) => [c.courseId, c.reasons])).toEqual(expected);
  });

  it('keeps reason ids beside the names and the course title and category', () => {
    const [first] = run({ explanation: 'C', communication: 'C' });
    expect(first).toEqual({ courseId: 2, title: 'プレゼンテーション研修', category: 'special', reasonItemIds: ['explanation', 'communication'], reasons: ['説明', 'コミュニケーション'] });
  });

  it('rates only the items of the level and reports grade and standard', () => {
    expect(rateItems([communication], grades({ communication: 'C', leadership: 'D' }), defaultGradeScale)).toEqual([
      { itemId: 'communication', itemName: 'コミュニケーション', grade: 'C', standard: 'B', isBelowStandard: true },
    ]);
  });
});

describe('trainingLoop', () => {
  it('counts per level and item the people rated below standard and those trained since', () => {
    const rows = trainingLoop({
      itemsByLevel: [
        { positionLevel: 'staff', items: staffItems },
        { positionLevel: 'manager', items: [leadership, communication] },
      ],
      evaluations: [
        { staffId: 1, positionLevel: 'staff', grades: grades({ communication: 'C', explanation: 'D' }), scale: defaultGradeScale, confirmedOn: '2026-02-10' },
        { staffId: 2, positionLevel: 'staff', grades: grades({ communication: 'D' }), scale: defaultGradeScale, confirmedOn: '2026-02-10' },
        { staffId: 3, positionLevel: 'staff', grades: grades({ communication: 'B' }), scale: defaultGradeScale, confirmedOn: '2026-02-10' },
        { staffId: 4, positionLevel: 'manager', grades: grades({ leadership: 'C', ethics: 'D' }), scale: defaultGradeScale, confirmedOn: '2026-02-10' },
      ],
      trainings: [
        { staffId: 1, abilityItemIds: ['communication'], startsOn: '2026-03-01' },
        // before the confirmation: does not count
        { staffId: 2, abilityItemIds: ['communication'], startsOn: '2026-01-15' },
        { staffId: 4, abilityItemIds: ['leadership'], startsOn: '2026-02-11' },
      ],
    });
    expect(rows).toEqual([
      {
        positionLevel: 'staff',
        evaluated: 3,
        items: [
          { itemId: 'ethics', itemName: '倫理', ratedBelow: 0, trainedSince: 0 },
          { itemId: 'explanation', itemName: '説明', ratedBelow: 1, trainedSince: 0 },
          { itemId: 'communication', itemName: 'コミュニケーション', ratedBelow: 2, trainedSince: 1 },
        ],
      },
      {
        positionLevel: 'manager',
        evaluated: 1,
        items: [
          { itemId: 'leadership', itemName: '組織統率', ratedBelow: 1, trainedSince: 1 },
          { itemId: 'communication', itemName: 'コミュニケーション', ratedBelow: 0, trainedSince: 0 },
        ],
      },
    ]);
  });

  it('gives zero rows for a level nobody was evaluated at', () => {
    expect(trainingLoop({ itemsByLevel: [{ positionLevel: 'director', items: [leadership] }], evaluations: [], trainings: [] })).toEqual([
      { positionLevel: 'director', evaluated: 0, items: [{ itemId: 'leadership', itemName: '組織統率', ratedBelow: 0, trainedSince: 0 }] },
    ]);
  });
});
