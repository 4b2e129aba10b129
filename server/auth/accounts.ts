// The stored account behind a caller: found by its user name at sign-in, and the AuthUser it acts as (roles,
// officer groups, agency) for sign-in and every resumed session alike.
import { AgencyModel } from '../models/Agency';
import { UserModel, type User } from '../models/User';
import type { AuthUser } from './caller';

/** The account with its password hash, or null; user names are stored lower-case. */
export const findAccount = (username: string) =>
  UserModel.findOne({ username: username.toLowerCase() }).lean();

export async function authUserOf(
  user: Pick<User, '_id' | 'username' | 'displayName' | 'roles' | 'groups' | 'agency'>,
): Promise<AuthUser> {
  const agency = user.agency ? await AgencyModel.findById(user.agency, { code: 1, name: 1 }).lean() : null;
  return {
    id: user._id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    groups: user.groups,
    ...(agency ? { agency: { id: agency._id, code: agency.code, name: agency.name } } : {}),
  };
}
