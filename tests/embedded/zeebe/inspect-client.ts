// Calls the embedded engine's inspection API as a test is allowed to: at its URL, with its bearer token.
import type { InspectionEndpoint, RunningEngine } from '../../../embedded/zeebe';

export function inspectionOf(engine: RunningEngine): InspectionEndpoint {
  if (!engine.inspection) throw new Error('the engine was started without an inspection API (inspectPort)');
  return engine.inspection;
}

export function inspectFetch(
  endpoint: InspectionEndpoint,
  urlPath: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${endpoint.url}${urlPath}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${endpoint.token}` },
  });
}

/** GET a JSON view; fails the test on any status but 200. */
export async function inspectJson<T>(endpoint: InspectionEndpoint, urlPath: string): Promise<T> {
  const res = await inspectFetch(endpoint, urlPath);
  if (!res.ok) throw new Error(`inspection ${urlPath}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Moves the controlled clock forward by ms. */
export async function advanceClock(endpoint: InspectionEndpoint, ms: number): Promise<void> {
  const res = await inspectFetch(endpoint, '/clock/advance', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  if (!res.ok) throw new Error(await res.text());
}
