/**
 * The fixed, documented logins of the demo city. Each is a real staff member of the generated city, so the
 * login id is the 職員番号. They sit in the same units with the same posts whatever the staff count (≥ 20),
 * so the chain staff → evaluator (係長) → unit head (課長, confirmer) always holds:
 *
 * | key               | 職員番号 | who                                                  | roles              |
 * |-------------------|---------|------------------------------------------------------|--------------------|
 * | hrAdmin           | A0001   | 総務部 職員課 人事係 係長                                | hr_admin           |
 * | hrOfficer         | A0002   | 総務部 職員課 人事係 主事                                | hr_officer         |
 * | unitHead          | A0003   | 市民部 市民課 課長 (confirmer of evaluator and staff)  | —                  |
 * | evaluator         | A0004   | 市民部 市民課 窓口係 係長 (evaluator of staff)         | —                  |
 * | staff             | A0005   | 市民部 市民課 窓口係 主事, 4th year, rotation period    | —                  |
 * | auditor           | A0006   | 総務部 総務課 総務係 主任                                | auditor            |
 * | stressImplementer | A0007   | 保健福祉部 健康づくり課 成人保健係 保健師 (no HR, no post) | stress_implementer |
 * | caseHandler       | A0008   | 総務部 総務課 総務係 主任                                | case_handler       |
 * | sysAdmin          | A0009   | 総務部 情報政策課 情報システム係 主任                    | system_admin       |
 *
 * DEMO ONLY: every password here is published in the source. Never seed these into a real municipality.
 */
import type { Role } from '../../../domain/access/roles.js';

export const demoAccountKeys = [
  'hrAdmin',
  'hrOfficer',
  'unitHead',
  'evaluator',
  'staff',
  'auditor',
  'stressImplementer',
  'caseHandler',
  'sysAdmin',
] as const;
export type DemoAccountKey = (typeof demoAccountKeys)[number];

/** Demo-only password of the nine documented logins. */
export const demoPassword = 'demo-pass-2025';
/**
 * Demo-only password of the per-staff accounts (created when staffCount ≤ 2000, for realism); published too,
 * random-looking only so that nobody guesses it by habit.
 */
export const demoStaffPassword = 'mdr-7Kq2-x9Lw-demo';

export type DemoAccount = {
  key: DemoAccountKey;
  employeeNumber: string;
  password: string;
  roleLabel: string;
  roles: Role[];
};

export const demoAccounts: DemoAccount[] = [
  { key: 'hrAdmin', employeeNumber: 'A0001', password: demoPassword, roleLabel: '人事管理者(職員課 人事係長)', roles: ['hr_admin'] },
  { key: 'hrOfficer', employeeNumber: 'A0002', password: demoPassword, roleLabel: '人事担当(職員課 人事係)', roles: ['hr_officer'] },
  { key: 'unitHead', employeeNumber: 'A0003', password: demoPassword, roleLabel: '所属長・確認者(市民課長)', roles: [] },
  { key: 'evaluator', employeeNumber: 'A0004', password: demoPassword, roleLabel: '評価者(市民課 窓口係長)', roles: [] },
  { key: 'staff', employeeNumber: 'A0005', password: demoPassword, roleLabel: '職員(市民課 窓口係)', roles: [] },
  { key: 'auditor', employeeNumber: 'A0006', password: demoPassword, roleLabel: '監査担当(総務課)', roles: ['auditor'] },
  {
    key: 'stressImplementer',
    employeeNumber: 'A0007',
    password: demoPassword,
    roleLabel: 'ストレスチェック実施事務従事者(健康づくり課 保健師)',
    roles: ['stress_implementer'],
  },
  { key: 'caseHandler', employeeNumber: 'A0008', password: demoPassword, roleLabel: '相談・通報対応業務従事者(総務課)', roles: ['case_handler'] },
  { key: 'sysAdmin', employeeNumber: 'A0009', password: demoPassword, roleLabel: 'システム管理者(情報政策課)', roles: ['system_admin'] },
];

/** Where and who each demo login is; demo-city.ts places them and builds their careers from these facts. */
export type DemoPerson = {
  /** Code of the unit they belong to on `today` (see the unit catalogue in demo-city.ts). */
  unitCode: string;
  positionCode: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: 'male' | 'female';
  /** Age reached during the current fiscal year, so the person stays the same age whatever `today` is. */
  age: number;
  ageAtHire: number;
  jobCategory: string;
  qualifications: string[];
};

export const demoPeople: Record<DemoAccountKey, DemoPerson> = {
  hrAdmin: {
    unitCode: 'D01-K02-S01',
    positionCode: 'kakaricho',
    familyName: '山﨑',
    givenName: '美和',
    familyNameKana: 'ヤマザキ',
    givenNameKana: 'ミワ',
    sex: 'female',
    age: 46,
    ageAtHire: 22,
    jobCategory: '事務',
    qualifications: ['社会保険労務士'],
  },
  hrOfficer: {
    unitCode: 'D01-K02-S01',
    positionCode: 'shuji',
    familyName: '𠮷田',
    givenName: '健太',
    familyNameKana: 'ヨシダ',
    givenNameKana: 'ケンタ',
    sex: 'male',
    age: 29,
    ageAtHire: 22,
    jobCategory: '事務',
    qualifications: [],
  },
  unitHead: {
    unitCode: 'D03-K01',
    positionCode: 'kacho',
    familyName: '髙橋',
    givenName: '誠司',
    familyNameKana: 'タカハシ',
    givenNameKana: 'セイジ',
    sex: 'male',
    age: 55,
    ageAtHire: 22,
    jobCategory: '事務',
    qualifications: [],
  },
  evaluator: {
    unitCode: 'D03-K01-S01',
    positionCode: 'kakaricho',
    familyName: '中村',
    givenName: '恵美',
    familyNameKana: 'ナカムラ',
    givenNameKana: 'エミ',
    sex: 'female',
    age: 44,
    ageAtHire: 23,
    jobCategory: '事務',
    qualifications: [],
  },
  staff: {
    unitCode: 'D03-K01-S01',
    positionCode: 'shuji',
    familyName: '小川',
    givenName: '翔太',
    familyNameKana: 'オガワ',
    givenNameKana: 'ショウタ',
    sex: 'male',
    age: 26,
    ageAtHire: 22,
    jobCategory: '事務',
    qualifications: [],
  },
  auditor: {
    unitCode: 'D01-K01-S01',
    positionCode: 'shunin',
    familyName: '松井',
    givenName: '和彦',
    familyNameKana: 'マツイ',
    givenNameKana: 'カズヒコ',
    sex: 'male',
    age: 38,
    ageAtHire: 22,
    jobCategory: '事務',
    qualifications: ['行政書士'],
  },
  stressImplementer: {
    unitCode: 'D04-K05-S01',
    positionCode: 'hokenshi',
    familyName: '石田',
    givenName: '早苗',
    familyNameKana: 'イシダ',
    givenNameKana: 'サナエ',
    sex: 'female',
    age: 35,
    ageAtHire: 23,
    jobCategory: '保健師',
    qualifications: ['保健師', '看護師'],
  },
  caseHandler: {
    unitCode: 'D01-K01-S01',
    positionCode: 'shunin',
    familyName: '野口',
    givenName: '直樹',
    familyNameKana: 'ノグチ',
    givenNameKana: 'ナオキ',
    sex: 'male',
    age: 41,
    ageAtHire: 24,
    jobCategory: '事務',
    qualifications: [],
  },
  sysAdmin: {
    unitCode: 'D01-K03-S01',
    positionCode: 'shunin',
    familyName: '岡本',
    givenName: '拓也',
    familyNameKana: 'オカモト',
    givenNameKana: 'タクヤ',
    sex: 'male',
    age: 33,
    ageAtHire: 22,
    jobCategory: '事務',
    qualifications: ['基本情報技術者', '応用情報技術者'],
  },
};
