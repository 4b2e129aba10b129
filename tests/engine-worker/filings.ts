// What the lifecycle tests share: signed-in officers, the filings they send, and waiting for an inbox task.
import { validBirthDeclaration, validDeclarations } from '../forms/fixtures';
import { ApiClient } from '../server/support/api-client';
import { eventually, type LifecycleSystem } from './lifecycle-system';

type Applicant = { name: string; idNumber: string; phone?: string; email?: string };

const bothOriginals = (first: string) => [
  { component: first, original: true },
  { component: 'giay-chung-sinh', original: true },
];

/** A complete counter filing of birth registration (1.001193) with a valid declaration. */
export function birthRegistrationFiling(applicant: Partial<Applicant> = {}) {
  return {
    procedureCode: '1.001193',
    channel: 'counter',
    applicant: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', ...applicant },
    declaration: { data: validBirthDeclaration() },
    documents: bothOriginals('to-khai'),
    returnChannel: 'counter',
  };
}

/** A complete counter filing of the under-6 package (birth + permanent residence + health insurance card). */
export function under6PackageFiling(applicant: Partial<Applicant> = {}) {
  return {
    procedureCode: 'TAM.lien-thong-khai-sinh',
    channel: 'counter',
    applicant: { name: 'Trần Văn Hùng', idNumber: '001088654321', phone: '0912345678', ...applicant },
    declaration: { data: validDeclarations()['to-khai-lien-thong-khai-sinh-tre-duoi-6'] },
    documents: bothOriginals('to-khai-dien-tu'),
    returnChannel: 'counter',
  };
}

/** One signed-in API client per demo user. */
export async function signInAll(
  system: LifecycleSystem,
  usernames: string[],
): Promise<Record<string, ApiClient>> {
  const clients: Record<string, ApiClient> = {};
  for (const username of usernames) {
    const client = new ApiClient(() => system.url);
    expect((await client.login(username, system.logins[username]!.password)).status).toBe(200);
    clients[username] = client;
  }
  return clients;
}

export interface InboxTask {
  _id: string;
  dossierCode: string;
  elementId: string;
  bpmnProcessId: string;
}

/** Polls the caller's inbox until the dossier's task at `elementId` (of `bpmnProcessId`, if given) is there. */
export function openTask(client: ApiClient, code: string, elementId: string, bpmnProcessId?: string) {
  return eventually(`task ${bpmnProcessId ? `${bpmnProcessId}/` : ''}${elementId} of ${code}`, async () => {
    const items = (await client.get('/api/tasks')).body.items as InboxTask[];
    return items.find(
      (t) =>
        t.dossierCode === code &&
        t.elementId === elementId &&
        (bpmnProcessId === undefined || t.bpmnProcessId === bpmnProcessId),
    );
  });
}
