// Event subprocesses: an interrupting message start (the withdrawal pattern of the process contract)
// terminates the running work; a non-interrupting timer start runs beside it.
import { activate, bpmn, chain, end, errorOf, flow, nextJob, start, useHarness, task } from './support';

const h = useHarness();

const withdrawn =
  '<bpmn:message id="w" name="dossier.withdrawn"><bpmn:extensionElements><zeebe:subscription correlationKey="=dossierCode" /></bpmn:extensionElements></bpmn:message>';

test('interrupting message event subprocess terminates the work and runs its own path', async () => {
  await h.zbc.deployResource({
    name: 'esp.bpmn',
    process: Buffer.from(
      bpmn(
        'esp',
        `${start()}${task('work', 'esp-work')}${end()}${chain('start', 'work', 'end')}
         <bpmn:subProcess id="withdrawal" triggeredByEvent="true">
           <bpmn:startEvent id="ws" isInterrupting="true"><bpmn:messageEventDefinition messageRef="w" /></bpmn:startEvent>
           ${task('refund', 'esp-refund')}${end('we')}${flow('w1', 'ws', 'refund')}${flow('w2', 'refund', 'we')}
         </bpmn:subProcess>
         <bpmn:subProcess id="reminder" triggeredByEvent="true">
           <bpmn:startEvent id="rs" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
           ${task('remind', 'esp-remind')}${end('re')}${flow('r1', 'rs', 'remind')}${flow('r2', 'remind', 're')}
         </bpmn:subProcess>`,
        withdrawn,
      ),
    ),
  });
  const pi = await h.zbc.createProcessInstance({ bpmnProcessId: 'esp', variables: { dossierCode: 'D1' } });
  const work = await nextJob(h.zbc, 'esp-work');
  await h.advance(3600000);
  const remind = await nextJob(h.zbc, 'esp-remind');
  await h.zbc.completeJob({ jobKey: remind.key, variables: {} });
  await h.zbc.publishMessage({ name: 'dossier.withdrawn', correlationKey: 'D1', variables: { reason: 'x' } });
  expect((await errorOf(h.zbc.completeJob({ jobKey: work.key, variables: {} }))).code).toBe(5);
  const refund = await nextJob(h.zbc, 'esp-refund');
  expect(refund.variables).toMatchObject({ dossierCode: 'D1', reason: 'x' });
  await h.zbc.completeJob({ jobKey: refund.key, variables: {} });
  const view = await h.inspect<{ state: string }>(`/process-instances/${pi.processInstanceKey}`);
  expect(view.state).toBe('COMPLETED');
  expect(await activate(h.zbc, 'esp-work')).toEqual([]);
});
