// A generated Zeebe 8.3 diagram of about `elements` BPMN elements: start, a chain of service tasks bound to a
// contract job type, end, with the sequence flows between them and full DI, laid out in rows.
export function generatedBpmn(elements: number): string {
  const nodes = Math.max(3, Math.ceil((elements + 1) / 2));
  const perRow = 25;
  const position = (i: number) => ({ x: 100 + (i % perRow) * 150, y: 100 + Math.floor(i / perRow) * 150 });
  const id = (i: number) => (i === 0 ? 'Start' : i === nodes - 1 ? 'End' : `Task_${i}`);
  const semantic: string[] = [];
  const shapes: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const incoming = i > 0 ? `<bpmn:incoming>Flow_${i}</bpmn:incoming>` : '';
    const outgoing = i < nodes - 1 ? `<bpmn:outgoing>Flow_${i + 1}</bpmn:outgoing>` : '';
    const { x, y } = position(i);
    if (i === 0) {
      semantic.push(`<bpmn:startEvent id="Start">${outgoing}</bpmn:startEvent>`);
      shapes.push(
        `<bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="${x}" y="${y + 22}" width="36" height="36"/></bpmndi:BPMNShape>`,
      );
    } else if (i === nodes - 1) {
      semantic.push(`<bpmn:endEvent id="End">${incoming}</bpmn:endEvent>`);
      shapes.push(
        `<bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="${x}" y="${y + 22}" width="36" height="36"/></bpmndi:BPMNShape>`,
      );
    } else {
      semantic.push(
        `<bpmn:serviceTask id="${id(i)}" name="Bước ${i}"><bpmn:extensionElements><zeebe:taskDefinition type="dossier.notify"/></bpmn:extensionElements>${incoming}${outgoing}</bpmn:serviceTask>`,
      );
      shapes.push(
        `<bpmndi:BPMNShape id="${id(i)}_di" bpmnElement="${id(i)}"><dc:Bounds x="${x}" y="${y}" width="100" height="80"/></bpmndi:BPMNShape>`,
      );
    }
  }
  const edges: string[] = [];
  for (let i = 1; i < nodes; i++) {
    semantic.push(`<bpmn:sequenceFlow id="Flow_${i}" sourceRef="${id(i - 1)}" targetRef="${id(i)}"/>`);
    const from = position(i - 1);
    const to = position(i);
    edges.push(
      `<bpmndi:BPMNEdge id="Flow_${i}_di" bpmnElement="Flow_${i}"><di:waypoint x="${from.x + 100}" y="${from.y + 40}"/><di:waypoint x="${to.x}" y="${to.y + 40}"/></bpmndi:BPMNEdge>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Bench" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.3.0">
<bpmn:process id="bench-process" isExecutable="true">${semantic.join('')}</bpmn:process>
<bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="bench-process">${shapes.join('')}${edges.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}
