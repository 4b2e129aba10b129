// User administration (quản trị người dùng): a page of accounts, a new account, a change to one (roles, agency,
// groups, password, disabled) that never leaves the platform without an active administrator. Sessions and the
// audit trail are the caller's.
import type {
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  UserAnswer,
  UserPageAnswer,
} from '../api-schemas/users';
import { ApiError, badRequest, notFound } from '../errors/api-error';
import { hashPassword } from '../auth/password';
import { AgencyModel } from '../models/Agency';
import { UserModel, type User } from '../models/User';
import { endsActiveAdmin, refuseEndingLastAdmin, undoIfNoAdminLeft } from './last-admin';

const userView = (user: User, agencyCode?: string): UserAnswer => ({
  username: user.username,
  displayName: user.displayName,
  ...(user.email !== undefined ? { email: user.email } : {}),
  roles: user.roles,
  groups: user.groups,
  agencyCode: agencyCode ?? null,
  disabled: user.disabled,
  createdAt: user.createdAt.toISOString(),
});

async function agencyIdOf(code: string | undefined) {
  if (code === undefined) return undefined;
  const agency = await AgencyModel.findOne({ code }, { _id: 1 }).lean();
  if (!agency) throw badRequest([{ path: 'agencyCode', key: 'field_unknown_agency' }]);
  return agency._id;
}

/** The update that puts back the fields `set` changed, as they were in `before`. */
function restoreOf(before: User, set: Record<string, unknown>) {
  const stored = before as unknown as Record<string, unknown>;
  const fields = Object.keys(set);
  const kept = fields.filter((f) => stored[f] !== undefined);
  const absent = fields.filter((f) => stored[f] === undefined);
  return {
    ...(kept.length ? { $set: Object.fromEntries(kept.map((f) => [f, stored[f]])) } : {}),
    ...(absent.length ? { $unset: Object.fromEntries(absent.map((f) => [f, 1])) } : {}),
  };
}

export async function listUsers(query: ListUsersQuery): Promise<UserPageAnswer> {
  const filter = query.agencyCode ? { agency: await agencyIdOf(query.agencyCode) } : {};
  const users = await UserModel.find(filter, { passwordHash: 0 })
    .sort({ username: 1 })
    .skip((query.page - 1) * query.pageSize)
    .limit(query.pageSize + 1)
    .populate<{ agency?: { code: string } }>('agency', { code: 1 })
    .lean();
  return {
    items: users.slice(0, query.pageSize).map((u) => userView(u as unknown as User, u.agency?.code)),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: users.length > query.pageSize,
  };
}

/** The new account's id and view; 409 when the user name is taken, 400 for an unknown agency. */
export async function createUser(body: CreateUserBody) {
  const agency = await agencyIdOf(body.agencyCode);
  if (await UserModel.exists({ username: body.username })) {
    throw new ApiError(409, 'duplicate', { what: 'user', key: body.username });
  }
  const user = await UserModel.create({
    username: body.username,
    displayName: body.displayName,
    ...(body.email ? { email: body.email } : {}),
    roles: body.roles,
    ...(agency ? { agency } : {}),
    groups: body.groups ?? [],
    passwordHash: await hashPassword(body.password),
  });
  return { id: user._id, view: userView(user.toObject(), body.agencyCode) };
}

/** The changed account's id and view; 404 when unknown, 409 when it would end the last active administrator. */
export async function updateUser(username: string, body: UpdateUserBody) {
  const user = await UserModel.findOne({ username }).lean();
  if (!user) throw notFound('user');
  const set: Record<string, unknown> = {};
  if (body.displayName !== undefined) set.displayName = body.displayName;
  if (body.email !== undefined) set.email = body.email;
  if (body.roles !== undefined) set.roles = body.roles;
  if (body.groups !== undefined) set.groups = body.groups;
  if (body.disabled !== undefined) set.disabled = body.disabled;
  if (body.agencyCode !== undefined) set.agency = await agencyIdOf(body.agencyCode);
  if (body.password !== undefined) set.passwordHash = await hashPassword(body.password);
  const endsAdmin = endsActiveAdmin(user, body);
  if (endsAdmin) await refuseEndingLastAdmin(user._id);
  const updated = await UserModel.findOneAndUpdate(
    { _id: user._id },
    { $set: set },
    { returnDocument: 'after', lean: true },
  );
  if (endsAdmin) await undoIfNoAdminLeft(() => UserModel.updateOne({ _id: user._id }, restoreOf(user, set)));
  const agency = updated!.agency ? await AgencyModel.findById(updated!.agency, { code: 1 }).lean() : null;
  return { id: user._id, view: userView(updated!, agency?.code) };
}
