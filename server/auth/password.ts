// Password hashing with bcrypt (bcryptjs: pure JS, no install script, async so the event loop keeps serving).
import bcrypt from 'bcryptjs';

const cost = 11;
// Compared against when the username does not exist, so both cases take the same time.
const absentUserHash = bcrypt.hashSync('no such user', cost);

export const hashPassword = (password: string) => bcrypt.hash(password, cost);

export async function passwordMatches(password: string, hash: string | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? absentUserHash);
  return matches && hash !== undefined;
}
