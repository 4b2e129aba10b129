// Every operation of the API in one list: the router mounts these and the OpenAPI document is built from them.
import { agencyRoutes } from './agencies';
import { applicantRequestRoutes } from './applicant-requests';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { designerRoutes } from './designer';
import { devMailRoutes } from './dev-mail';
import type { RouteSpec } from './common';
import { documentRoutes } from './documents';
import { dossierRoutes } from './dossiers';
import { holidayRoutes } from './holidays';
import { procedureRoutes } from './procedures';
import { resultDocumentRoutes } from './result-documents';
import { slipRoutes } from './slips';
import { statisticsRoutes } from './statistics';
import { systemRoutes } from './system';
import { taskRoutes } from './tasks';
import { userRoutes } from './users';

export const routeSpecs = {
  system: systemRoutes,
  auth: authRoutes,
  agencies: agencyRoutes,
  users: userRoutes,
  procedures: procedureRoutes,
  dossiers: dossierRoutes,
  holidays: holidayRoutes,
  audit: auditRoutes,
  designer: designerRoutes,
  tasks: taskRoutes,
  applicantRequests: applicantRequestRoutes,
  statistics: statisticsRoutes,
  slips: slipRoutes,
  documents: documentRoutes,
  resultDocuments: resultDocumentRoutes,
  devMail: devMailRoutes,
};

export const allRouteSpecs: RouteSpec[] = Object.values(routeSpecs).flatMap((group) => Object.values(group));
