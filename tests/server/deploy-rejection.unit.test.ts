// An engine's INVALID_ARGUMENT deploy rejection read as field errors: one per element and error, the element
// named by its name and id, any other rejection as one field on the diagram.
import { EngineError } from '../../server/engine/engine-errors';
import { deployRejectionProblems, isInvalidDeployment } from '../../server/domain/deploy-rejection';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:serviceTask id="Intake" name="Tiếp nhận hồ sơ" />
    <bpmn:serviceTask id="Review" />
  </bpmn:process>
</bpmn:definitions>`;

const rejection = (text: string) =>
  new EngineError(
    'invalid',
    `Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:\n${text}`,
    3,
  );

test('each element and error of the rejection is a field naming the element', async () => {
  const error = rejection(
    "'p.bpmn': - Element: Intake\n    - ERROR: failed to parse expression 'a +': Incomplete\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n- Element: Review\n    - ERROR: failed to evaluate expression 'x': the evaluation took longer than 25 ms",
  );
  expect(isInvalidDeployment(error)).toBe(true);
  expect(await deployRejectionProblems(error, xml)).toEqual([
    {
      path: 'bpmnXml#Intake',
      text: {
        vi: `Phần tử "Tiếp nhận hồ sơ" (Intake) bị bộ máy quy trình từ chối: failed to parse expression 'a +': Incomplete`,
        en: `Element "Tiếp nhận hồ sơ" (Intake) is refused by the workflow engine: failed to parse expression 'a +': Incomplete`,
      },
    },
    expect.objectContaining({ path: 'bpmnXml#Intake' }),
    {
      path: 'bpmnXml#Review',
      text: {
        vi: `Phần tử "Review" bị bộ máy quy trình từ chối: failed to evaluate expression 'x': the evaluation took longer than 25 ms`,
        en: `Element "Review" is refused by the workflow engine: failed to evaluate expression 'x': the evaluation took longer than 25 ms`,
      },
    },
  ]);
});

test('a rejection naming no element is one field on the diagram; other engine errors are not the diagram', async () => {
  const problems = await deployRejectionProblems(
    rejection("'p.bpmn': - Must contain at least one executable process"),
    xml,
  );
  expect(problems).toEqual([expect.objectContaining({ path: 'bpmnXml' })]);
  expect(isInvalidDeployment(new EngineError('unavailable', 'down'))).toBe(false);
});
