// Message subscriptions are found by message name and correlation key (engine.subscriptionsByMessage), not by
// scanning every open one: a message reaches its key's oldest subscription, and the index forgets what closed.
import { bpmn, chain, end, nextJob, start, task, useHarness } from '../support';

const h = useHarness();

const msg = `<bpmn:message id="msg_paid" name="paid"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>`;
const waitForPayment = `<bpmn:intermediateCatchEvent id="payment"><bpmn:messageEventDefinition messageRef="msg_paid" /></bpmn:intermediateCatchEvent>`;

test('a message reaches the oldest subscription of its key, and closed subscriptions leave the index', async () => {
  await h.zbc.deployResource({
    name: 'paid.bpmn',
    process: Buffer.from(
      bpmn(
        'orders',
        `${start()}${waitForPayment}${task('ship', 'paid-ship')}${end()}${chain('start', 'payment', 'ship', 'end')}`,
        msg,
      ),
    ),
  });
  const keys: string[] = [];
  for (let i = 0; i < 30; i++) {
    const orderId = `đơn-${i % 10}`; // three instances per key
    keys.push(
      (await h.zbc.createProcessInstance({ bpmnProcessId: 'orders', variables: { orderId } }))
        .processInstanceKey,
    );
  }
  const engine = h.engine.runtime.engine;
  const indexed = (): number =>
    [...engine.subscriptionsByMessage.values()].reduce((n, set) => n + set.size, 0);
  expect(await h.inspect('/incidents')).toEqual([]);
  expect(Object.keys(engine.state.messageSubscriptions).length).toBe(30);
  expect(indexed()).toBe(30);

  await h.zbc.publishMessage({ name: 'paid', correlationKey: 'đơn-3', variables: { amount: 7 } });
  // A message correlates once per process (Zeebe): to the oldest subscription of its key.
  const job = await nextJob(h.zbc, 'paid-ship');
  expect(job.variables).toEqual({ orderId: 'đơn-3', amount: 7 });
  expect(job.processInstanceKey).toBe(keys[3]);
  expect(indexed()).toBe(29);

  for (const key of keys.filter((_, i) => i % 10 === 5)) await h.zbc.cancelProcessInstance(key);
  expect(indexed()).toBe(26);
  expect(engine.subscriptionsByMessage.has('paid\u0000đơn-5')).toBe(false);
  expect(indexed()).toBe(Object.keys(engine.state.messageSubscriptions).length);
});
