/**
 * /api/placement/careers (経歴の見える化): the JSON the career views answer with. Types only, shared by the server's
 * service and the web client.
 */
import type { UnitNode } from '../org/org-api.js';
import type { CityCareerMap, UnitMatrixRow } from './career-map.js';

/** GET /api/placement/careers/units: the units the reader may open (HR: all; a unit head: the units they head). */
export type CareerUnitList = {
  asOf: string;
  units: UnitNode[];
  /** the reader may also see the city heat map (placement.careers.city) */
  canSeeCity: boolean;
};

/** GET /api/placement/careers/units/:id */
export type UnitCareerView = {
  asOf: string;
  /** 年度 columns, oldest first */
  fiscalYears: number[];
  rotationYearsPerUnit: number;
  unit: UnitNode;
  includeSubunits: boolean;
  members: UnitMatrixRow[];
};

/** GET /api/placement/careers/city */
export type CityCareerView = CityCareerMap;
