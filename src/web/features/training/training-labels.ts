/** How the training pages word a course's target rule and selection methods. */
import { employmentTypeLabels, positionLevelLabels } from '../../../domain/org/org-model.js';
import { selectionMethodLabels, tenureBandLabels, trainingSituationLabels, type SelectionMethod, type TargetRule } from '../../../domain/training/training-model.js';

/** 「係員・2年目職員・正規/任期付」; 「—」 when the rule names nobody (recommendation, designation or application only). */
export function describeTargetRule(rule: TargetRule): string {
  const parts = [
    rule.positionLevels.map((l) => positionLevelLabels[l]).join('/'),
    rule.tenureBands.map((b) => tenureBandLabels[b]).join('/'),
    rule.employmentTypes.map((t) => employmentTypeLabels[t]).join('/'),
    rule.situations.map((s) => trainingSituationLabels[s]).join('/'),
  ].filter((p) => p !== '');
  return parts.length === 0 ? '—' : parts.join('・');
}

export function describeSelection(methods: readonly SelectionMethod[]): string {
  return methods.map((m) => selectionMethodLabels[m]).join('・');
}
