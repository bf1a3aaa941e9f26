import { describe, expect, it } from 'vitest';
import { factsOn } from './plan.service.js';
import type { StaffWithPosts } from './plan.repository.js';

const person = (overrides: Partial<StaffWithPosts>): StaffWithPosts => ({
  staffId: 1,
  hireDate: '2020-04-01',
  separatedOn: null,
  employmentType: 'regular',
  posts: [],
  ...overrides,
});

describe('factsOn: who is employed on a date, with the level of the regular post in force', () => {
  const transferred = person({
    staffId: 2,
    // newest first, as the repository gives them: promoted to 係長 on 2025-04-01
    posts: [
      { startsOn: '2025-04-01', endsOn: null, level: 'supervisor' },
      { startsOn: '2020-04-01', endsOn: '2025-03-31', level: 'staff' },
    ],
  });
  const backFromLeave = person({ staffId: 3, leaves: [{ id: 1, staffId: 3, kind: 'childcare', startsOn: '2024-04-01', endsOn: '2025-03-31', note: '' }] });
  const cases: Array<[string, StaffWithPosts, string, ReturnType<typeof factsOn>]> = [
    ['before the hire date: not employed', person({ hireDate: '2025-10-01' }), '2025-09-30', []],
    ['on the hire date: employed', person({ hireDate: '2025-10-01' }), '2025-10-01', [{ staffId: 1, hireDate: '2025-10-01', employmentType: 'regular', positionLevel: null, situations: [] }]],
    ['on the day of separation (the last day): employed', person({ separatedOn: '2025-09-30' }), '2025-09-30', [{ staffId: 1, hireDate: '2020-04-01', employmentType: 'regular', positionLevel: null, situations: [] }]],
    ['after separation: not employed', person({ separatedOn: '2025-09-30' }), '2025-10-01', []],
    ['the post of the day before a promotion', transferred, '2025-03-31', [{ staffId: 2, hireDate: '2020-04-01', employmentType: 'regular', positionLevel: 'staff', situations: [] }]],
    ['the post from the promotion on', transferred, '2025-04-01', [{ staffId: 2, hireDate: '2020-04-01', employmentType: 'regular', positionLevel: 'supervisor', situations: [] }]],
    ['back from a childcare leave within 12 months', backFromLeave, '2025-10-01', [{ staffId: 3, hireDate: '2020-04-01', employmentType: 'regular', positionLevel: null, situations: ['returning-from-leave'] }]],
    ['still on leave: not yet returning', backFromLeave, '2025-03-31', [{ staffId: 3, hireDate: '2020-04-01', employmentType: 'regular', positionLevel: null, situations: [] }]],
    ['more than 12 months after the return', backFromLeave, '2026-04-02', [{ staffId: 3, hireDate: '2020-04-01', employmentType: 'regular', positionLevel: null, situations: [] }]],
  ];
  it.each(cases)('%s', (_name, p, date, expected) => {
    expect(factsOn([p], date, 12)).toEqual(expected);
  });

  it('reads 「休業からの復帰」 with the window of the settings: 6 months ends sooner, 18 months later', () => {
    const returning = (date: string, months: number) => factsOn([backFromLeave], date, months)[0]?.situations;
    // back at work on 2025-04-01: within 6 months until 2025-10-01 (the return is on or after 6 months before)
    expect(returning('2025-10-01', 6)).toEqual(['returning-from-leave']);
    expect(returning('2025-10-02', 6)).toEqual([]);
    expect(returning('2026-04-02', 12)).toEqual([]);
    expect(returning('2026-04-02', 18)).toEqual(['returning-from-leave']);
    expect(returning('2026-10-02', 18)).toEqual([]);
  });
});
