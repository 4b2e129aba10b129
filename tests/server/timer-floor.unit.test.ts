// The timer floor at publish: cycles and durations under TIMER_FLOOR_MS are found in processes and nested
// subprocesses, as written or as a FEEL string literal; expressions of variables are left to run time.
import { TIMER_FLOOR_MS, timerFloorProblems } from '../../server/domain/timer-floor';

const timer = (id: string, definition: Record<string, string>, name?: string) => ({
  $type: 'bpmn:BoundaryEvent',
  id,
  ...(name ? { name } : {}),
  eventDefinitions: [
    {
      $type: 'bpmn:TimerEventDefinition',
      ...Object.fromEntries(Object.entries(definition).map(([k, body]) => [k, { body }])),
    },
  ],
});

const pathsOf = (elements: ReturnType<typeof timer>[]) =>
  timerFloorProblems([{ flowElements: elements }]).map((p) => p.path);

test('the floor is one minute', () => {
  expect(TIMER_FLOOR_MS).toBe(60_000);
});

test('cycles and durations under a minute are refused, a minute and more pass', () => {
  expect(
    pathsOf([
      timer('c5s', { timeCycle: 'R/PT5S' }),
      timer('c59s', { timeCycle: 'R3/2026-01-01T00:00:00Z/PT59S' }),
      timer('cron', { timeCycle: '*/5 * * * * ?' }),
      timer('d10s', { timeDuration: 'PT10S' }),
      timer('literal', { timeDuration: '= "PT0.5S"' }),
      timer('c1m', { timeCycle: 'R/PT1M' }),
      timer('cronMinute', { timeCycle: '0 * * * * ?' }),
      timer('d1d', { timeDuration: 'P1D' }),
      timer('dMixed', { timeDuration: 'PT0H1M' }),
      timer('date', { timeDate: '2026-12-02T10:00:00Z' }),
    ]),
  ).toEqual(['bpmnXml#c5s', 'bpmnXml#c59s', 'bpmnXml#cron', 'bpmnXml#d10s', 'bpmnXml#literal']);
});

test('a timer computed from variables is only known at run time', () => {
  expect(pathsOf([timer('v', { timeCycle: '=cycle(duration(reminderEvery))' })])).toEqual([]);
});

test('timers inside subprocesses are found; the message names the element by name and id', () => {
  const problems = timerFloorProblems([
    {
      flowElements: [
        {
          ...timer('outer', {}),
          $type: 'bpmn:SubProcess',
          eventDefinitions: [],
          flowElements: [timer('remind', { timeDuration: 'PT30S' }, 'Nhắc cán bộ')],
        } as ReturnType<typeof timer>,
      ],
    },
  ]);
  expect(problems).toEqual([
    {
      path: 'bpmnXml#remind',
      text: {
        vi: 'Phần tử "Nhắc cán bộ" (remind) có thời hạn hẹn giờ "PT30S" ngắn hơn mức tối thiểu 1 phút',
        en: 'Element "Nhắc cán bộ" (remind) has a timer duration "PT30S" shorter than the 1-minute floor',
      },
    },
  ]);
});
