/** Test factory for staff import rows (style.md buildX): one synthetic, obviously fictitious person in the staff file's column order. */
import { staffImportColumns } from './staff-import.js';

/** The staff file's header, as HR's spreadsheet has it. */
export const staffImportHeader = staffImportColumns.map((column) => column.label);

/** Cells by column label. */
export type StaffImportCells = Partial<Record<(typeof staffImportHeader)[number], string>>;

/** A valid staff row; `overrides` by column label. */
export function buildStaffImportCells(overrides: StaffImportCells = {}): string[] {
  const base: Record<string, string> = {
    職員番号: 'T0001',
    氏: '試験',
    名: '太郎',
    氏カナ: 'シケン',
    名カナ: 'タロウ',
    生年月日: 'S60.4.2',
    採用日: 'H20.4.1',
    雇用形態: '正規',
    職種: '事務',
    性別: '男',
    退職日: '',
    資格: '',
    ...overrides,
  };
  return staffImportHeader.map((label) => base[label] ?? '');
}
