/** The routes of the SPA. Every page except /login lives inside the signed-in layout. */
import { createBrowserRouter } from 'react-router';
import { SignedInLayout } from './shell.js';
import { HomePage } from './home-page.js';
import { NotFoundPage, RouteErrorPage } from './not-found-page.js';
import { LoginPage } from '../features/access/login-page.js';
import { AccountsPage } from '../features/access/accounts-page.js';
import { AuditPage } from '../features/access/audit-page.js';
import { OrgPage } from '../features/org/org-page.js';
import { UnitPage, MyUnitPage } from '../features/org/unit-page.js';
import { StaffSearchPage } from '../features/org/staff-search-page.js';
import { StaffProfilePage } from '../features/org/staff-profile-page.js';
import { ImportPage } from '../features/org/import-page.js';
import { ExportPage } from '../features/org/export-page.js';
import { RelationsPage } from '../features/org/relations-page.js';
import { SettingsPage } from '../features/org/settings-page.js';
import { CompetencyPage } from '../features/competency/competency-page.js';
import { CalendarPage } from '../features/evaluation/calendar-page.js';
import { ProgressPage } from '../features/evaluation/progress-page.js';
import { NotificationsPage } from '../features/notifications/notifications-page.js';
import { MyEvaluationPage } from '../features/evaluation/my-evaluation-page.js';
import { CyclesPage } from '../features/evaluation/cycles-page.js';
import { TeamGoalsPage } from '../features/evaluation/team-goals-page.js';
import { EvaluationSettingsPage } from '../features/evaluation/evaluation-settings-page.js';
import { SheetPage } from '../features/evaluation/sheet-page.js';
import { AnalysisPage } from '../features/evaluation/analysis-page.js';
import { SheetPrintPage } from '../features/evaluation/sheet-print-page.js';

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: <SignedInLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'org', element: <OrgPage /> },
        { path: 'org/units/:id', element: <UnitPage /> },
        { path: 'my-unit', element: <MyUnitPage /> },
        { path: 'staff', element: <StaffSearchPage /> },
        { path: 'staff/:id', element: <StaffProfilePage /> },
        { path: 'imports', element: <ImportPage /> },
        { path: 'exports', element: <ExportPage /> },
        { path: 'relations', element: <RelationsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'competency', element: <CompetencyPage /> },
        { path: 'evaluation/calendar', element: <CalendarPage /> },
        { path: 'evaluation/progress', element: <ProgressPage /> },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'evaluation', element: <MyEvaluationPage /> },
        { path: 'evaluation/cycles', element: <CyclesPage /> },
        { path: 'evaluation/team-goals', element: <TeamGoalsPage /> },
        { path: 'evaluation/settings', element: <EvaluationSettingsPage /> },
        { path: 'evaluation/sheets/:id', element: <SheetPage /> },
        { path: 'evaluation/sheets/:id/print', element: <SheetPrintPage /> },
        { path: 'evaluation/analysis', element: <AnalysisPage /> },
        { path: 'accounts', element: <AccountsPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
