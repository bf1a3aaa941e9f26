/**
 * On an ability sheet: the evaluatee's digital-skill self-assessment of the 年度 as confirmed by the supervisor
 * (policy IV-2-(7)), grouped by the digital ability item each framework area feeds. Read-only; raters use it as
 * evidence for the digital items.
 */
import { useDates } from '../../app/dates.js';
import type { SheetView } from '../../../domain/evaluation/evaluation-api.js';
import { SheetSection, SheetTable } from './sheet-fields.js';

export function DigitalSkillsSection({ view, itemLabels }: { view: SheetView; itemLabels: ReadonlyMap<string, string> }) {
  const dates = useDates();
  const skills = view.digitalSkills;
  if (!skills) return null;
  return (
    <SheetSection title="デジタルスキルの自己評価(確認済み)" id="sheet-digital-skills">
      <p className="hint">
        {skills.fiscalYear}年度に本人が入力し、{skills.confirmedByName ?? '上司'}が{skills.confirmedAt ? `${dates.timestamp(skills.confirmedAt)}に` : ''}
        確認した自己評価です。デジタルスキルの評価項目の参考にしてください。
      </p>
      <SheetTable caption="デジタルスキルの自己評価" columns={['評価項目', '分野', '段階', 'メモ']}>
        {skills.items.flatMap((item) =>
          item.areas.map((area) => (
            <tr key={area.areaId}>
              <td>{itemLabels.get(item.abilityItemId) ?? item.abilityItemId}</td>
              <th scope="row">{area.label}</th>
              <td>
                {area.level} {area.levelLabel}
              </td>
              <td className="sheet-prose">{area.note || '—'}</td>
            </tr>
          )),
        )}
      </SheetTable>
    </SheetSection>
  );
}
