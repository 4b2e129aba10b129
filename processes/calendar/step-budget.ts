// An internal procedure (quy trình nội bộ) splits the legal time limit into step budgets, e.g. a house permit
// of 12 working days = counter 1 + infrastructure office 10 + counter 1. Budgets are management targets; the
// legal clock stays the appointment.
import type { LocalDate } from './local-date';
import type { WorkingCalendar } from './working-calendar';

export interface StepBudget {
  step: string;
  workingDays: number;
}

export interface StepDue extends StepBudget {
  /** The working day the step's budget is counted after. */
  startsAfter: LocalDate;
  dueOn: LocalDate;
}

/** Each step's due day when the steps run one after another from `start`. */
export function stepDueDates(start: LocalDate, steps: StepBudget[], calendar: WorkingCalendar): StepDue[] {
  let cursor = start;
  return steps.map((budget) => {
    const dueOn = calendar.addWorkingDays(cursor, budget.workingDays);
    const due = { ...budget, startsAfter: cursor, dueOn };
    cursor = dueOn;
    return due;
  });
}

/** Checks that the step budgets fit in the legal limit; returns the working days left unallocated. */
export function unallocatedWorkingDays(limit: number, steps: StepBudget[]): number {
  const allocated = steps.reduce((total, s) => total + s.workingDays, 0);
  if (allocated > limit) {
    throw new RangeError(
      `Tổng thời gian các bước (${allocated} ngày làm việc) vượt thời hạn giải quyết (${limit})`,
    );
  }
  return limit - allocated;
}
