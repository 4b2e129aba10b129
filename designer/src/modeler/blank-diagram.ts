// A new procedure's first diagram: one start event, targeting the Zeebe version the embedded engine implements.
import {
  engineExecutionPlatform,
  engineExecutionPlatformVersion,
} from '../../../processes/linting/engine-platform';

export function blankDiagram(processId: string, name: string): string {
  const escaped = name.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="${engineExecutionPlatform}" modeler:executionPlatformVersion="${engineExecutionPlatformVersion}">
  <bpmn:process id="${processId}" name="${escaped}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Tiếp nhận" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="152" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
