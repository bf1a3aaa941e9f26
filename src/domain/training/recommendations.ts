/**
 * Push-type recommendations and the ability → training loop (issue 4 item 5, policy II-4 and III-1-(2)): the items
 * of the person's latest confirmed ability evaluation rated below the standard grade, among those required for
 * their position level, lead to the active courses that develop them; HR sees per position level how many people
 * were rated low on each required item and how many of them have been trained since. Pure: no I/O, no clock.
 */
import type { AbilityItem } from '../competency/ability-items.js';
import type { PositionLevel } from '../org/org-model.js';
import { pointsOf, type GradeScale } from '../evaluation/grading.js';

/** One item of the person's sheet with the grade given and the standard of the scale. */
export type RatedItem = { itemId: string; itemName: string; grade: string | null; standard: string; isBelowStandard: boolean };

/** What the rules need of a course. */
export type RecommendableCourse = { id: number; title: string; category: string; abilityItemIds: readonly string[]; isActive: boolean };

/** A course recommended with the items (ids and names) that gave the reason, in the sheet's item order. */
export type RecommendedCourse = { courseId: number; title: string; category: string; reasonItemIds: string[]; reasons: string[] };

/** A training the person completed (or attended): the course and the session's first day. */
export type CompletedTraining = { courseId: number; startsOn: string };

/** Item grades of an assessment, as stored on the sheet (`rating.entries[itemId].grade`). */
export type ItemGrades = Readonly<Record<string, { grade: string | null } | undefined>>;

/**
 * A grade is below standard when it scores fewer points than the scale's standard (B on S/A/B/C/D). An item not
 * rated, or rated with a code the scale no longer has, is not below standard: no reason is made up.
 */
export function isBelowStandard(scale: GradeScale, grade: string | null): boolean {
  if (grade === null) return false;
  const points = pointsOf(scale, grade);
  const standard = pointsOf(scale, scale.standardCode);
  return points !== undefined && standard !== undefined && points < standard;
}

/** The items required for the person's level (those on the sheet) with their grades; entries for other items are ignored. */
export function rateItems(items: readonly AbilityItem[], grades: ItemGrades, scale: GradeScale): RatedItem[] {
  return items.map((item) => {
    const grade = grades[item.id]?.grade ?? null;
    return { itemId: item.id, itemName: item.label, grade, standard: scale.standardCode, isBelowStandard: isBelowStandard(scale, grade) };
  });
}

/** Active courses by the item they develop, built once for many people. */
export type CourseIndex = ReadonlyMap<string, readonly RecommendableCourse[]>;

export function indexCoursesByItem(courses: readonly RecommendableCourse[]): CourseIndex {
  const index = new Map<string, RecommendableCourse[]>();
  for (const course of courses) {
    if (!course.isActive) continue;
    for (const itemId of new Set(course.abilityItemIds)) {
      const list = index.get(itemId);
      if (list) list.push(course);
      else index.set(itemId, [course]);
    }
  }
  return index;
}

/**
 * The courses for one person: every active course developing at least one item rated below standard, listed once
 * with all its reasons. A course the person completed or attended in a session starting after the evaluation was
 * confirmed (`confirmedOn`) is left out — the training has been done since. Order: most reasons first, then title.
 */
export function recommendCourses(input: {
  ratedItems: readonly RatedItem[];
  courses: CourseIndex;
  completed: readonly CompletedTraining[];
  confirmedOn: string;
}): RecommendedCourse[] {
  const doneSince = new Set(input.completed.filter((t) => t.startsOn > input.confirmedOn).map((t) => t.courseId));
  const byCourse = new Map<number, RecommendedCourse>();
  for (const item of input.ratedItems) {
    if (!item.isBelowStandard) continue;
    for (const course of input.courses.get(item.itemId) ?? []) {
      if (doneSince.has(course.id)) continue;
      let entry = byCourse.get(course.id);
      if (!entry) {
        entry = { courseId: course.id, title: course.title, category: course.category, reasonItemIds: [], reasons: [] };
        byCourse.set(course.id, entry);
      }
      entry.reasonItemIds.push(item.itemId);
      entry.reasons.push(item.itemName);
    }
  }
  return [...byCourse.values()].sort((a, b) => b.reasons.length - a.reasons.length || a.title.localeCompare(b.title, 'ja') || a.courseId - b.courseId);
}

// ---------------------------------------------------------------------------------------------------------
// The loop report

/** One person's latest confirmed ability evaluation, for the loop. */
export type LoopEvaluation = { staffId: number; positionLevel: PositionLevel; grades: ItemGrades; scale: GradeScale; confirmedOn: string };

/** A completed or attended training of a person: the items its course develops and the session's first day. */
export type LoopTraining = { staffId: number; abilityItemIds: readonly string[]; startsOn: string };

export type LoopItemRow = { itemId: string; itemName: string; ratedBelow: number; trainedSince: number };
export type LoopLevelRow = { positionLevel: PositionLevel; evaluated: number; items: LoopItemRow[] };

/**
 * Per position level (in the order given), for each required item: how many people were rated below standard on it
 * in their latest confirmed ability evaluation, and how many of those completed a course developing the item in a
 * session starting after their evaluation was confirmed.
 */
export function trainingLoop(input: {
  itemsByLevel: readonly { positionLevel: PositionLevel; items: readonly AbilityItem[] }[];
  evaluations: readonly LoopEvaluation[];
  trainings: readonly LoopTraining[];
}): LoopLevelRow[] {
  const trainingsOf = new Map<number, LoopTraining[]>();
  for (const t of input.trainings) {
    const list = trainingsOf.get(t.staffId);
    if (list) list.push(t);
    else trainingsOf.set(t.staffId, [t]);
  }
  return input.itemsByLevel.map(({ positionLevel, items }) => {
    const rows = new Map<string, LoopItemRow>(items.map((item) => [item.id, { itemId: item.id, itemName: item.label, ratedBelow: 0, trainedSince: 0 }]));
    let evaluated = 0;
    for (const evaluation of input.evaluations) {
      if (evaluation.positionLevel !== positionLevel) continue;
      evaluated += 1;
      const trained = new Set<string>();
      for (const t of trainingsOf.get(evaluation.staffId) ?? []) {
        if (t.startsOn > evaluation.confirmedOn) for (const id of t.abilityItemIds) trained.add(id);
      }
      for (const item of items) {
        if (!isBelowStandard(evaluation.scale, evaluation.grades[item.id]?.grade ?? null)) continue;
        const row = rows.get(item.id)!;
        row.ratedBelow += 1;
        if (trained.has(item.id)) row.trainedSince += 1;
      }
    }
    return { positionLevel, evaluated, items: [...rows.values()] };
  });
}

// ---------------------------------------------------------------------------------------------------------
// API shapes (server and web)

export type PushView = { id: number; note: string; by: { staffId: number; name: string }; on: string };

/** GET /api/training/recommendations/:staffId */
export type RecommendationsView = {
  staff: { staffId: number; name: string };
  /** the latest ability evaluation the reader may see the ratings of; null when there is none yet */
  sheet: { id: number; cycle: { id: number; fiscalYear: number }; positionLevel: PositionLevel; positionLevelLabel: string; confirmedOn: string } | null;
  items: RatedItem[];
  courses: (Omit<RecommendedCourse, 'reasonItemIds'> & { categoryLabel: string; pushed: PushView | null })[];
  /** the reader may push a course to this person (their evaluator, or HR — never to oneself) */
  canPush: boolean;
};

/** GET /api/training/loop?fiscalYear= */
export type TrainingLoopView = {
  fiscalYear: number;
  /** false when the 年度's ability evaluation has not been opened */
  hasCycle: boolean;
  levels: (LoopLevelRow & { positionLevelLabel: string })[];
};
