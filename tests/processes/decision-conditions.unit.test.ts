import { byUsualDecisionOrder, decisionOfCondition } from '../../processes/decision-conditions';

test('a flow condition routes the decision it compares with, as written in models or raw XML text', () => {
  expect(decisionOfCondition('=decision = "approve"')).toBe('approve');
  expect(decisionOfCondition('= decision="supplement"')).toBe('supplement');
  expect(decisionOfCondition('=decision = &quot;refuse&quot;')).toBe('refuse');
  expect(decisionOfCondition('=decision = "send_back"')).toBe('send_back');
});

test('conditions on other variables route no decision', () => {
  expect(decisionOfCondition('=amount > 100')).toBeUndefined();
  expect(decisionOfCondition('=residenceDecision = "approve"')).toBeUndefined();
  expect(decisionOfCondition('=partner_decision = "approve"')).toBeUndefined();
  expect(decisionOfCondition('')).toBeUndefined();
});

test('decisions sort in the order the screens offer them, unknown ones last', () => {
  expect(['return', 'zeta', 'approve', 'refuse', 'alpha', 'supplement'].sort(byUsualDecisionOrder)).toEqual([
    'approve',
    'supplement',
    'refuse',
    'return',
    'alpha',
    'zeta',
  ]);
});
