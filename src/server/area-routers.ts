/** The business areas' routers and where they are mounted. New areas register here. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './http/context.js';
import { orgRoutes } from './org/org.routes.js';
import { staffRoutes } from './org/staff.routes.js';
import { relationsRoutes } from './org/relations.routes.js';
import { importRoutes } from './org/import.routes.js';
import { exportRoutes } from './org/export.routes.js';
import { settingsRoutes } from './org/settings.routes.js';
import { competencyRoutes } from './competency/competency.routes.js';
import { calendarRoutes } from './evaluation/calendar.routes.js';
import { sheetRoutes } from './evaluation/sheets.routes.js';
import { progressRoutes } from './evaluation/progress.routes.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { analysisRoutes } from './evaluation/analysis.routes.js';
import { catalogRoutes } from './training/catalog.routes.js';
import { planRoutes } from './training/plan.routes.js';
import { enrolmentRoutes } from './training/enrolment.routes.js';
import { recommendationsRoutes } from './training/recommendations.routes.js';
import { selfDevelopmentRoutes } from './training/self-development.routes.js';
import { jointRoutes } from './training/joint.routes.js';

export const areaRouters: Array<[string, OpenAPIHono<AppEnv>]> = [
  ['/api/org', orgRoutes],
  ['/api/staff', staffRoutes],
  ['/api/relations', relationsRoutes],
  ['/api/imports', importRoutes],
  ['/api/exports', exportRoutes],
  ['/api/settings', settingsRoutes],
  ['/api/competency', competencyRoutes],
  ['/api/evaluation', calendarRoutes],
  ['/api/evaluation', sheetRoutes],
  ['/api/evaluation', progressRoutes],
  ['/api/notifications', notificationsRoutes],
  ['/api/evaluation', analysisRoutes],
  ['/api/training', catalogRoutes],
  ['/api/training', planRoutes],
  ['/api/training', enrolmentRoutes],
  ['/api/training', recommendationsRoutes],
  ['/api/training', selfDevelopmentRoutes],
  ['/api/training', jointRoutes],
];
