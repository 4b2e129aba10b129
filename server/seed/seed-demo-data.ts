// Seeds an empty store with Hà Nội's organisation tree and the demo accounts. Idempotent: records are inserted
// only when absent (`$setOnInsert`), so seeding twice — or over an admin's edits — changes nothing.
import { recordAudit } from '../domain/audit-trail';
import { hashPassword } from '../auth/password';
import { AgencyModel } from '../models/Agency';
import { UserModel } from '../models/User';
import { demoPasswords } from './demo-passwords';
import { demoUsers } from './demo-users';
import { hanoiAgencies, twoLevelGovernmentSince } from './hanoi-agencies';

export interface DemoLogin {
  username: string;
  password: string;
  roles: string[];
  agency?: string;
}

export interface SeededDemoData {
  logins: DemoLogin[];
  inserted: number;
  /** DATA_DIR/demo-logins.json, where the passwords are kept. */
  loginsFile: string;
  /** True when this seeding generated passwords (first start): the one time they may be shown. */
  passwordsGenerated: boolean;
}

export async function seedDemoData(dataDir: string): Promise<SeededDemoData> {
  let inserted = 0;
  const now = new Date();
  const idOf = new Map<string, unknown>();
  for (const agency of hanoiAgencies) {
    const parent = agency.parentCode ? idOf.get(agency.parentCode) : undefined;
    const result = await AgencyModel.updateOne(
      { code: agency.code },
      {
        $setOnInsert: {
          code: agency.code,
          codeProvisional: agency.provisional,
          name: agency.name,
          level: agency.level,
          kind: agency.kind,
          ...(parent ? { parent } : {}),
          ...(agency.roles ? { roles: agency.roles } : {}),
          effectiveFrom: twoLevelGovernmentSince,
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true, timestamps: false },
    );
    inserted += result.upsertedCount;
    const stored = await AgencyModel.findOne({ code: agency.code }, { _id: 1 }).lean();
    idOf.set(agency.code, stored!._id);
  }

  const { file, passwords, generated } = await demoPasswords(
    dataDir,
    demoUsers.map((u) => u.username),
  );
  const agencyNames = new Map(hanoiAgencies.map((a) => [a.code, a.name]));
  for (const user of demoUsers) {
    if (await UserModel.exists({ username: user.username })) continue;
    const result = await UserModel.updateOne(
      { username: user.username },
      {
        $setOnInsert: {
          username: user.username,
          displayName: user.displayName,
          roles: user.roles,
          ...(user.agencyCode ? { agency: idOf.get(user.agencyCode) } : {}),
          groups: user.groups,
          passwordHash: await hashPassword(passwords[user.username]!),
          disabled: false,
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true, timestamps: false },
    );
    inserted += result.upsertedCount;
  }
  if (inserted > 0) {
    await recordAudit(undefined, {
      action: 'seed.demo-data',
      target: { kind: 'store' },
      details: { inserted },
    });
  }
  return {
    inserted,
    loginsFile: file,
    passwordsGenerated: generated,
    logins: demoUsers.map((u) => ({
      username: u.username,
      password: passwords[u.username]!,
      roles: u.roles,
      ...(u.agencyCode ? { agency: agencyNames.get(u.agencyCode) } : {}),
    })),
  };
}
