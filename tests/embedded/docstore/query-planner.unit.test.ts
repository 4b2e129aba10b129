import { planOrdered, planQuery } from '../../../embedded/docstore/storage/query-planner';
import { SecondaryIndex } from '../../../embedded/docstore/storage/secondary-index';

const index = (key: Record<string, number>, unique = false) =>
  new SecondaryIndex({ v: 2, key, name: Object.keys(key).join('_'), ...(unique ? { unique: true } : {}) });

test('a lookup by a unique field uses its index even when an equality index is declared first', () => {
  const byAgency = index({ visibleToAgencies: 1, submittedAt: -1, _id: -1 });
  const byCode = index({ code: 1 }, true);
  const plan = planQuery({ visibleToAgencies: 'agency-1', code: '001.00.31.H26-261126-0001' }, [
    byAgency,
    byCode,
  ]);
  expect(plan?.index).toBe(byCode);
});

test('otherwise the index pinning the most leading fields wins', () => {
  const byAgency = index({ visibleToAgencies: 1, submittedAt: -1 });
  const byAgencyStatus = index({ visibleToAgencies: 1, status: 1, submittedAt: -1 });
  const plan = planQuery({ visibleToAgencies: 'agency-1', status: 4 }, [byAgency, byAgencyStatus]);
  expect(plan?.index).toBe(byAgencyStatus);
});

test('a sorted page walks the index pinning the most fields, whatever the declaration order', () => {
  const byAgency = index({ visibleToAgencies: 1, submittedAt: -1, _id: -1 });
  const byAgencyStatus = index({ visibleToAgencies: 1, status: 1, submittedAt: -1, _id: -1 });
  const sort = { submittedAt: -1, _id: -1 };
  const plan = planOrdered({ visibleToAgencies: 'agency-1', status: 4 }, sort, [byAgency, byAgencyStatus]);
  expect(plan?.index).toBe(byAgencyStatus);
  expect(plan?.prefix).toHaveLength(2);
  expect(plan?.reverse).toBe(true);
  // A status list pins nothing beyond the agency: the agency's index gives the order, mingo the statuses.
  const any = planOrdered({ visibleToAgencies: 'agency-1', status: { $in: [2, 4] } }, sort, [
    byAgency,
    byAgencyStatus,
  ]);
  expect(any?.index).toBe(byAgency);
});
