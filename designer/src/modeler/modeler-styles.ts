// Style sheets of the modeler and its add-ons, imported once by the screens that show a diagram.
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import '@camunda/linting/assets/linting.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
