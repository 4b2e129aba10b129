// The platform always keeps one active administrator (quản trị viên): a change that would demote or disable the
// last one is refused with 409, so nobody can lock every administrator out of user administration.
import type { Types } from 'mongoose';
import { conflict } from '../errors/api-error';
import { UserModel, type User } from '../models/User';

const activeAdminFilter = { roles: 'admin' as const, disabled: { $ne: true } };

type AdminState = Pick<User, 'roles' | 'disabled'>;

const isActiveAdmin = (user: AdminState) => user.roles.includes('admin') && !user.disabled;

/** Whether applying `change` to `user` takes away an active administrator. */
export const endsActiveAdmin = (user: AdminState, change: Partial<AdminState>) =>
  isActiveAdmin(user) && !isActiveAdmin({ ...user, ...change });

/** Before the write: refuses when no other active administrator exists. */
export async function refuseEndingLastAdmin(userId: Types.ObjectId): Promise<void> {
  if (!(await UserModel.exists({ ...activeAdminFilter, _id: { $ne: userId } }))) {
    throw conflict('last_active_admin');
  }
}

/**
 * After the write: two administrators demoting each other at once both pass the check before it (the store
 * has no transactions), so the one who finds no active administrator left puts its user back and refuses.
 */
export async function undoIfNoAdminLeft(undo: () => Promise<unknown>): Promise<void> {
  if (await UserModel.exists(activeAdminFilter)) return;
  await undo();
  throw conflict('last_active_admin');
}
