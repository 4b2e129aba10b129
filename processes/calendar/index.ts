// The Vietnamese working-day calendar: pure functions, no I/O. See working-calendar.ts for the layers of
// holidays and due-date.ts for the receipt rules.
export * from './calendar-entry';
export * from './completion';
export * from './due-date';
export * from './format-vi';
export * from './local-date';
export * from './lunar-calendar';
export * from './office-hours';
export * from './statutory-holidays';
export * from './step-budget';
export * from './working-calendar';
