// The counter officer's side of a chaos run: files birth registrations (1.001193) at the counter on an open-loop
// Poisson schedule, each with its own idempotency key, and sends a filing again (same key, same body) until
// the API acknowledges it with a 2xx, as a counter application would after a timeout or an error.
import { validBirthDeclaration } from '../../tests/forms/fixtures';
import { poissonGapMs } from '../../bench/open-loop-load';
import type { Random } from './seeded-random';
import type { SignedIn } from './signed-in';

export interface Filing {
  index: number;
  idempotencyKey: string;
  /** Decided when filed: the specialist refuses this dossier at review. */
  refuse: boolean;
  attempts: number;
  /** Status of each answer that was not a 2xx, and network errors as 0. */
  failures: number[];
  acknowledged?: { status: number; code: string };
}

function birthRegistration(index: number, idempotencyKey: string) {
  return {
    procedureCode: '1.001193',
    channel: 'counter',
    applicant: {
      name: `Nguyễn Văn Thử ${index}`,
      idNumber: `001099${String(100_000 + index)}`,
      phone: '0912345678',
      email: `chaos${index}@example.vn`,
    },
    declaration: { data: validBirthDeclaration() },
    documents: [
      { component: 'to-khai', original: true },
      { component: 'giay-chung-sinh', original: true },
    ],
    returnChannel: 'counter',
    idempotencyKey,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one filing until it is acknowledged or `giveUpAt` (epoch ms) has passed. */
async function file(clerk: SignedIn, filing: Filing, giveUpAt: number): Promise<void> {
  const body = birthRegistration(filing.index, filing.idempotencyKey);
  for (let wait = 250; Date.now() < giveUpAt; wait = Math.min(wait * 2, 4000)) {
    filing.attempts++;
    try {
      const response = await clerk.request('POST', '/api/dossiers', body);
      if (response.status >= 200 && response.status < 300) {
        filing.acknowledged = { status: response.status, code: response.body.dossier.code as string };
        return;
      }
      filing.failures.push(response.status);
      // A 4xx other than a lost session will not change by sending it again.
      if (response.status >= 400 && response.status < 500 && response.status !== 429) return;
    } catch {
      filing.failures.push(0);
    }
    await sleep(wait);
  }
}

/**
 * Files `count` dossiers at `rate` per second on average; resolves when every filing is acknowledged, refused
 * with a 4xx, or still unacknowledged `retryForMs` after it was first sent.
 */
export async function fileDossiers(options: {
  clerk: SignedIn;
  count: number;
  rate: number;
  refuseOneIn: number;
  seed: number;
  random: Random;
  retryForMs: number;
  onFiled?: (filing: Filing) => void;
}): Promise<Filing[]> {
  const { clerk, count, rate, random } = options;
  const filings: Filing[] = [];
  const sending: Promise<void>[] = [];
  let nextAt = Date.now();
  for (let index = 0; index < count; index++) {
    await sleep(Math.max(0, nextAt - Date.now()));
    const filing: Filing = {
      index,
      idempotencyKey: `chaos-${options.seed}-${index}`,
      refuse: random() < 1 / options.refuseOneIn,
      attempts: 0,
      failures: [],
    };
    filings.push(filing);
    sending.push(file(clerk, filing, Date.now() + options.retryForMs).then(() => options.onFiled?.(filing)));
    nextAt += poissonGapMs(rate, random);
  }
  await Promise.all(sending);
  return filings;
}
