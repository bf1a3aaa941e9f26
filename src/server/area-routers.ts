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
import { stressCheckRoutes } from './stress-check/stress-check.routes.js';
import { reportsRoutes } from './training/reports.routes.js';
import { digitalTalentRoutes } from './digital/talent.routes.js';
import { plansRoutes } from './placement/plans.routes.js';
import { careersRoutes } from './placement/careers.routes.js';
import { rulesRoutes } from './placement/rules.routes.js';
import { optimiserRoutes } from './placement/optimiser.routes.js';
import { knowledgeRoutes } from './knowledge/knowledge.routes.js';
import { pipelineRoutes } from './recruitment/pipeline.routes.js';
import { scoringRoutes } from './recruitment/scoring.routes.js';
import { analyticsRoutes as recruitmentAnalyticsRoutes } from './recruitment/analytics.routes.js';
import { campaignsRoutes as recruitmentIntakeRoutes } from './recruitment/campaigns.routes.js';
import { publicRecruitmentRoutes } from './recruitment/public.routes.js';
import { deskRoutes } from './workplace/desk.routes.js';
import { publicDeskRoutes } from './workplace/desk-public.routes.js';

import { selfDeclarationRoutes } from './workplace/self-declaration.routes.js';
import { fellowRoutes } from './workplace/fellow.routes.js';

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
  ['/api/stress-check', stressCheckRoutes],
  ['/api/training', reportsRoutes],
  ['/api/digital', digitalTalentRoutes],
  ['/api/placement', plansRoutes],
  ['/api/placement', careersRoutes],
  ['/api/placement', rulesRoutes],
  ['/api/placement', optimiserRoutes],
  ['/api/knowledge', knowledgeRoutes],
  ['/api/recruitment', recruitmentIntakeRoutes],
  ['/api/public/recruitment', publicRecruitmentRoutes],
  ['/api/desks', deskRoutes],
  ['/api/public/desks', publicDeskRoutes],
  ['/api/recruitment', pipelineRoutes],
  ['/api/recruitment', scoringRoutes],
  ['/api/recruitment', recruitmentAnalyticsRoutes],
  ['/api/workplace', selfDeclarationRoutes],
  ['/api/workplace', fellowRoutes],
];
