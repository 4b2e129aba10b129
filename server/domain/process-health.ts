// How the officers' views show a dossier's machine health (processes/process-health-states.ts): its label, and the
// technical message only to leaders and admins; the message kept short.
import type { Lang } from '../errors/messages';
import { processHealthStates, type ProcessHealth } from '../../processes/process-health-states';

/** The longest message kept: an error's text can be a stack's worth. */
export const HEALTH_MESSAGE_MAX = 1000;

export function healthMessage(text: string): string {
  return text.length > HEALTH_MESSAGE_MAX ? `${text.slice(0, HEALTH_MESSAGE_MAX - 1)}…` : text;
}

export function processHealthView(
  health: ProcessHealth | undefined,
  lang: Lang,
  viewer: { roles: readonly string[] },
) {
  if (!health) return undefined;
  const seesMessage = viewer.roles.includes('admin') || viewer.roles.includes('leader');
  return {
    state: health.state,
    label: processHealthStates[health.state][lang],
    since: health.since,
    ...(health.elementId ? { elementId: health.elementId } : {}),
    ...(seesMessage && health.message ? { message: health.message } : {}),
  };
}
