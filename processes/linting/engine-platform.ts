// The execution platform every diagram is linted and modelled for: the Zeebe version the embedded engine implements
// (and the community-licensed Zeebe a province scales out to).
export const engineExecutionPlatform = 'Camunda Cloud';
export const engineExecutionPlatformVersion = '8.3.0';
