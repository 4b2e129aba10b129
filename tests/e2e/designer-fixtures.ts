// A small procedure the designer tests start from: start → intake (job dossier.intake) → end, with the birth
// declaration form, targeting Zeebe 8.3.
import { getForm } from '../../forms/registry';

export const testProcedureCode = '9.000123';
export const birthForm = getForm('to-khai-khai-sinh')!;

export const intakeDiagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.3.0">
  <bpmn:process id="thu_tuc_thu_nghiem" name="Thủ tục thử nghiệm" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Nộp hồ sơ">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:serviceTask id="Intake" name="Tiếp nhận hồ sơ">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="dossier.intake" retries="3" />
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="End" name="Kết thúc">
      <bpmn:incoming>Flow_2</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Intake" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Intake" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="thu_tuc_thu_nghiem">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Intake_di" bpmnElement="Intake"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

export const createTestProcedureBody = {
  code: testProcedureCode,
  names: { vi: 'Thủ tục thử nghiệm thiết kế', en: 'Designer test procedure' },
  field: { name: 'Hộ tịch' },
  level: 'commune',
  version: {
    changelog: 'Phiên bản đầu',
    bpmnProcessId: 'thu_tuc_thu_nghiem',
    bpmnXml: intakeDiagram,
    forms: [{ formId: birthForm.meta.id, formVersion: birthForm.meta.version }],
    timeLimit: { value: 3, unit: 'working-days', sameDayCutoff: '15:00' },
    fees: [{ name: 'Lệ phí', amount: 0, collectAt: 'intake' }],
    components: [{ id: 'to-khai', name: 'Tờ khai', required: true, originals: 1 }],
  },
};
