/**
 * 代理入力 of a paper questionnaire (the MHLW program lets people answer on paper; the implementer types the answers
 * in): the checks the form and the server share. Completeness and scoring are the online submission's own
 * (stress-scoring.ts), so a paper answer set is scored exactly as an online one.
 */
import { stressItemCount, stressItems } from './questionnaire.js';
import type { AnswerMap, AnswerValue } from './stress-scoring.js';

/** Keys that are not a running number 1–57 written plainly ('1', not '01'), in the order given. */
export function unknownItemKeys(answers: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(answers).filter((key) => {
    const no = Number(key);
    return !(Number.isInteger(no) && no >= 1 && no <= stressItemCount && String(no) === key);
  });
}

/** The answers keyed by running number (the keys were checked with unknownItemKeys). */
export function toAnswerMap(answers: Readonly<Record<string, AnswerValue>>): AnswerMap {
  const map: AnswerMap = {};
  for (const [key, value] of Object.entries(answers)) map[Number(key)] = value;
  return map;
}

/** 「3(A3)、18(B1)」: running numbers with the number inside the area, as printed on the paper form. */
export function describeItems(nos: readonly number[]): string {
  return nos
    .map((no) => {
      const item = stressItems[no - 1];
      return item ? `${no}(${item.area}${item.areaNo})` : String(no);
    })
    .join('、');
}
