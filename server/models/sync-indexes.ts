// Creates the indexes every model declares (autoIndex is off so start-up decides when, and waits for it).
import { AgencyModel } from './Agency';
import { AuditEventModel } from './AuditEvent';
import { CaughtMailModel } from './CaughtMail';
import { DossierModel } from './Dossier';
import { DossierCounterModel } from './DossierCounter';
import { HolidayModel } from './Holiday';
import { LoginFailureModel } from './LoginFailure';
import { NotificationModel } from './Notification';
import { ProcedureModel } from './Procedure';
import { SessionModel } from './Session';
import { TaskModel } from './Task';
import { UserModel } from './User';
import { WorkerHeartbeatModel } from './WorkerHeartbeat';

export const allModels = [
  AgencyModel,
  UserModel,
  SessionModel,
  LoginFailureModel,
  ProcedureModel,
  DossierModel,
  DossierCounterModel,
  TaskModel,
  HolidayModel,
  AuditEventModel,
  NotificationModel,
  CaughtMailModel,
  WorkerHeartbeatModel,
];

export async function syncModelIndexes(): Promise<void> {
  for (const model of allModels) await model.createIndexes();
}
