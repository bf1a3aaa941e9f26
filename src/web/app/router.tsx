/** The routes of the SPA. Every page except /login lives inside the signed-in layout. */
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { SignedInLayout } from './shell.js';
import { HomePage } from './home-page.js';
import { NotFoundPage, RouteErrorPage } from './not-found-page.js';
import { LoginPage } from '../features/access/login-page.js';
import { Loading } from '../components/page.js';

/**
 * A page loaded on first visit (its own chunk), so the first screen does not wait for every feature: a route
 * object's `lazy` answers the component.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: <SignedInLayout />,
      errorElement: <RouteErrorPage />,
      HydrateFallback: Loading,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'org', lazy: page(() => import('../features/org/org-page.js'), (m) => m.OrgPage) },
        { path: 'org/units/:id', lazy: page(() => import('../features/org/unit-page.js'), (m) => m.UnitPage) },
        { path: 'my-unit', lazy: page(() => import('../features/org/unit-page.js'), (m) => m.MyUnitPage) },
        { path: 'staff', lazy: page(() => import('../features/org/staff-search-page.js'), (m) => m.StaffSearchPage) },
        { path: 'staff/:id', lazy: page(() => import('../features/org/staff-profile-page.js'), (m) => m.StaffProfilePage) },
        { path: 'imports', lazy: page(() => import('../features/org/import-page.js'), (m) => m.ImportPage) },
        { path: 'exports', lazy: page(() => import('../features/org/export-page.js'), (m) => m.ExportPage) },
        { path: 'relations', lazy: page(() => import('../features/org/relations-page.js'), (m) => m.RelationsPage) },
        { path: 'settings', lazy: page(() => import('../features/org/settings-page.js'), (m) => m.SettingsPage) },
        { path: 'competency', lazy: page(() => import('../features/competency/competency-page.js'), (m) => m.CompetencyPage) },
        { path: 'training/courses', lazy: page(() => import('../features/training/catalog-page.js'), (m) => m.CatalogPage) },
        { path: 'training/plan', lazy: page(() => import('../features/training/plan-page.js'), (m) => m.PlanPage) },
        { path: 'training/sessions/:id', lazy: page(() => import('../features/training/enrolment-session-page.js'), (m) => m.EnrolmentSessionPage) },
        { path: 'training/sessions/:id/joint', lazy: page(() => import('../features/training/joint-session-page.js'), (m) => m.JointSessionPage) },
        { path: 'training/my', lazy: page(() => import('../features/training/enrolment-my-page.js'), (m) => m.EnrolmentMyPage) },
        { path: 'training/approvals', lazy: page(() => import('../features/training/enrolment-approvals-page.js'), (m) => m.EnrolmentApprovalsPage) },
        { path: 'training/recommendations', lazy: page(() => import('../features/training/recommendations-page.js'), (m) => m.RecommendationsPage) },
        { path: 'training/self-development', lazy: page(() => import('../features/training/self-development-page.js'), (m) => m.SelfDevelopmentPage) },
        { path: 'training/groups', lazy: page(() => import('../features/training/self-development-groups-page.js'), (m) => m.StudyGroupsPage) },
        { path: 'training/loop', lazy: page(() => import('../features/training/recommendations-loop-page.js'), (m) => m.TrainingLoopPage) },
        { path: 'evaluation/calendar', lazy: page(() => import('../features/evaluation/calendar-page.js'), (m) => m.CalendarPage) },
        { path: 'evaluation/progress', lazy: page(() => import('../features/evaluation/progress-page.js'), (m) => m.ProgressPage) },
        { path: 'notifications', lazy: page(() => import('../features/notifications/notifications-page.js'), (m) => m.NotificationsPage) },
        { path: 'evaluation', lazy: page(() => import('../features/evaluation/my-evaluation-page.js'), (m) => m.MyEvaluationPage) },
        { path: 'evaluation/cycles', lazy: page(() => import('../features/evaluation/cycles-page.js'), (m) => m.CyclesPage) },
        { path: 'evaluation/team-goals', lazy: page(() => import('../features/evaluation/team-goals-page.js'), (m) => m.TeamGoalsPage) },
        { path: 'evaluation/settings', lazy: page(() => import('../features/evaluation/evaluation-settings-page.js'), (m) => m.EvaluationSettingsPage) },
        { path: 'evaluation/sheets/:id', lazy: page(() => import('../features/evaluation/sheet-page.js'), (m) => m.SheetPage) },
        { path: 'evaluation/sheets/:id/print', lazy: page(() => import('../features/evaluation/sheet-print-page.js'), (m) => m.SheetPrintPage) },
        { path: 'evaluation/analysis', lazy: page(() => import('../features/evaluation/analysis-page.js'), (m) => m.AnalysisPage) },
        { path: 'accounts', lazy: page(() => import('../features/access/accounts-page.js'), (m) => m.AccountsPage) },
        { path: 'audit', lazy: page(() => import('../features/access/audit-page.js'), (m) => m.AuditPage) },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
