// The shape every procedure model shares, from Decree 61/2018 and Decree 118/2025 as the domain brief reads
// them: intake with completeness check (one written guidance when incomplete), digitisation, the legal clock,
// processing inside a scope that carries the near-due and overdue timers, then approve / supplement / refuse.
// Supplement leaves the timed scope (the clock pauses) and re-enters it after the clock resumes, so the
// timers are armed again from the recomputed dueAt/warnAt.
import type { CandidateGroup, Flow, FlowNode, ProcessModel, ServiceNode, SubProcessNode } from './graph';
import { JOB_TYPES, TEMPLATE_VERSION, type JobKey } from './job-types';

export interface StepSpec {
  id: string;
  name: string;
  group: CandidateGroup;
}

/** An agency that receives part of an inter-agency dossier and returns its result. */
export interface PartnerLink {
  id: string;
  role: string;
  label: string;
  forwardMessage: string;
  returnMessage: string;
  /** Lead-process variable that receives the partner's `decision`. */
  resultVariable: string;
}

export interface ModelOptions {
  id: string;
  name: string;
  documentation: string;
  /** Counter/online intake (lead agency) or the message that opens a receiving agency's share. */
  entry:
    | { kind: 'intake'; feeAt?: 'intake' | 'result'; feeDecision?: string }
    | { kind: 'message'; message: string; name: string };
  deadline: { step?: string; shareWorkingDays?: number };
  review: StepSpec;
  checks?: StepSpec[];
  sign: StepSpec;
  afterSign?: StepSpec[];
  partners?: PartnerLink[];
  /** Lead agency returns the result to the applicant; a receiving agency returns its share to the lead. */
  finish: { kind: 'result' } | { kind: 'return'; toAgencyRole: string; message: string };
  /** Schedule of user tasks: the legal due date, or this agency's step budget. */
  taskDue: '=dueAt' | '=stepDueAt';
}

const MAIN = 0;

/** Task forms of the inbox, by the decisions they offer (the `decision` variable of the contract). */
export const TASK_FORMS = {
  /** approve | supplement | refuse */
  review: 'mot-cua:quyet-dinh-tham-dinh',
  /** approve | return | refuse */
  sign: 'mot-cua:quyet-dinh-ky-duyet',
  /** findings only, no decision */
  record: 'mot-cua:ghi-nhan-ket-qua-buoc',
  /** hand-over of the result to the applicant */
  handOver: 'mot-cua:tra-ket-qua',
} as const;

function service(
  id: string,
  name: string,
  job: JobKey,
  col: number,
  row: number,
  headers?: Record<string, string>,
): ServiceNode {
  const spec = JOB_TYPES[job];
  const node: ServiceNode = {
    kind: 'service',
    id,
    name,
    jobType: spec.type,
    template: { id: spec.templateId, version: TEMPLATE_VERSION },
    at: { col, row },
  };
  if (headers) node.headers = headers;
  return node;
}

function decisionIs(value: string): string {
  return `decision = "${value}"`;
}

interface Built {
  nodes: FlowNode[];
  flows: Flow[];
}

function chain(flows: Flow[], ids: string[]): void {
  for (let i = 1; i < ids.length; i += 1) {
    const from = ids[i - 1];
    const to = ids[i];
    if (from !== undefined && to !== undefined) flows.push({ from, to });
  }
}

/** Processing scope: review, optional checks, signature, optional follow-up and inter-agency round trip. */
function processingScope(o: ModelOptions, startCol: number): { scope: SubProcessNode; endCol: number } {
  const nodes: FlowNode[] = [];
  const flows: Flow[] = [];
  const user = (s: StepSpec, col: number, formKey: string): FlowNode => ({
    kind: 'user',
    id: s.id,
    name: s.name,
    candidateGroups: [s.group],
    formKey,
    dueDate: o.taskDue,
    at: { col, row: MAIN },
  });
  let col = startCol;
  nodes.push({ kind: 'start', id: 'ProcessingStart', name: 'Bắt đầu giải quyết', at: { col, row: MAIN } });
  col += 1;
  nodes.push(user(o.review, col, TASK_FORMS.review));
  flows.push({ from: 'ProcessingStart', to: o.review.id });
  col += 1;
  nodes.push({ kind: 'xor', id: 'ReviewDecision', name: 'Kết quả thẩm định?', at: { col, row: MAIN } });
  flows.push({ from: o.review.id, to: 'ReviewDecision' });
  nodes.push({ kind: 'end', id: 'ProcessingNeedsSupplement', name: 'Cần bổ sung', at: { col, row: -1 } });
  nodes.push({
    kind: 'end',
    id: 'ProcessingRefusedOnReview',
    name: 'Không đủ điều kiện',
    at: { col, row: 1 },
  });
  flows.push({
    from: 'ReviewDecision',
    to: 'ProcessingNeedsSupplement',
    name: 'Yêu cầu bổ sung',
    condition: decisionIs('supplement'),
  });
  flows.push({
    from: 'ReviewDecision',
    to: 'ProcessingRefusedOnReview',
    name: 'Từ chối',
    condition: decisionIs('refuse'),
  });
  let previous = 'ReviewDecision';
  let previousCondition: string | undefined = decisionIs('approve');
  const link = (to: string): void => {
    const flow: Flow = { from: previous, to };
    if (previousCondition) {
      flow.condition = previousCondition;
      flow.name = 'Đạt';
    }
    flows.push(flow);
    previous = to;
    previousCondition = undefined;
  };
  for (const check of o.checks ?? []) {
    col += 1;
    nodes.push(user(check, col, TASK_FORMS.record));
    link(check.id);
  }
  col += 1;
  nodes.push(user(o.sign, col, TASK_FORMS.sign));
  link(o.sign.id);
  col += 1;
  nodes.push({ kind: 'xor', id: 'SignDecision', name: 'Lãnh đạo quyết định?', at: { col, row: MAIN } });
  flows.push({ from: o.sign.id, to: 'SignDecision' });
  nodes.push({ kind: 'end', id: 'ProcessingRefusedOnSign', name: 'Lãnh đạo từ chối', at: { col, row: -1 } });
  flows.push({
    from: 'SignDecision',
    to: 'ProcessingRefusedOnSign',
    name: 'Từ chối',
    condition: decisionIs('refuse'),
  });
  flows.push({
    from: 'SignDecision',
    to: o.review.id,
    name: 'Trả lại thẩm định',
    condition: decisionIs('return'),
    viaRow: 1.4,
  });
  previous = 'SignDecision';
  previousCondition = decisionIs('approve');
  for (const step of o.afterSign ?? []) {
    col += 1;
    nodes.push(user(step, col, TASK_FORMS.record));
    link(step.id);
  }
  const partners = o.partners ?? [];
  if (partners.length > 0) {
    const parallel = partners.length > 1;
    const rows = parallel ? partners.map((_, i) => -0.6 + (1.2 * i) / (partners.length - 1)) : [MAIN];
    if (parallel) {
      col += 1;
      nodes.push({ kind: 'and', id: 'TransferSplit', at: { col, row: MAIN } });
      link('TransferSplit');
    }
    const transferCol = col + 1;
    partners.forEach((p, i) => {
      const row = rows[i] ?? MAIN;
      const transfer = service(`Transfer_${p.id}`, `Chuyển ${p.label}`, 'transfer', transferCol, row, {
        toAgencyRole: p.role,
        messageName: p.forwardMessage,
        direction: 'forward',
      });
      const wait: FlowNode = {
        kind: 'receive',
        id: `AwaitReturn_${p.id}`,
        name: `Nhận kết quả ${p.label}`,
        message: p.returnMessage,
        io: { outputs: [{ source: '=decision', target: p.resultVariable }] },
        at: { col: transferCol + 1, row },
      };
      nodes.push(transfer, wait);
      if (parallel) flows.push({ from: 'TransferSplit', to: transfer.id });
      else link(transfer.id);
      flows.push({ from: transfer.id, to: wait.id });
    });
    col = transferCol + 2;
    if (parallel) {
      nodes.push({ kind: 'and', id: 'TransferJoin', at: { col, row: MAIN } });
      for (const p of partners) flows.push({ from: `AwaitReturn_${p.id}`, to: 'TransferJoin' });
      previous = 'TransferJoin';
    } else {
      previous = `AwaitReturn_${partners[0]?.id ?? ''}`;
      col -= 1;
    }
  }
  col += 1;
  nodes.push({ kind: 'end', id: 'ProcessingApproved', name: 'Đã phê duyệt', at: { col, row: MAIN } });
  link('ProcessingApproved');
  const scope: SubProcessNode = {
    kind: 'subprocess',
    id: 'Processing',
    name: 'Giải quyết hồ sơ (tính hạn)',
    at: { col: startCol, row: MAIN },
    nodes,
    flows,
  };
  return { scope, endCol: col };
}

/** Near-due warning and overdue handling, non-interrupting on the processing scope. */
function deadlineWatch(startCol: number): Built {
  const warnCol = startCol + 0.5;
  const overdueCol = warnCol + 3;
  const row = 2.7;
  const nodes: FlowNode[] = [
    {
      kind: 'boundary-timer',
      id: 'NearDue',
      name: 'Sắp đến hạn',
      attachedTo: 'Processing',
      timerDate: '=warnAt',
      cancelActivity: false,
      at: { col: warnCol, row },
    },
    service('WarnNearDue', 'Cảnh báo sắp đến hạn', 'deadline', warnCol + 1, row, { action: 'warn' }),
    { kind: 'end', id: 'NearDueWarned', name: 'Đã cảnh báo', at: { col: warnCol + 2, row } },
    {
      kind: 'boundary-timer',
      id: 'Overdue',
      name: 'Quá hạn',
      attachedTo: 'Processing',
      timerDate: '=dueAt',
      cancelActivity: false,
      at: { col: overdueCol, row },
    },
    service('HandleOverdue', 'Xử lý quá hạn, văn bản xin lỗi (Mẫu 04)', 'deadline', overdueCol + 1, row, {
      action: 'overdue',
    }),
    service('NotifyOverdue', 'Thông báo hẹn lại ngày trả', 'notify', overdueCol + 2, row, {
      template: 'xin-loi-hen-lai',
    }),
    { kind: 'end', id: 'OverdueHandled', name: 'Đã hẹn lại', at: { col: overdueCol + 3, row } },
  ];
  const flows: Flow[] = [];
  chain(flows, ['NearDue', 'WarnNearDue', 'NearDueWarned']);
  chain(flows, ['Overdue', 'HandleOverdue', 'NotifyOverdue', 'OverdueHandled']);
  return { nodes, flows };
}

function withdrawal(o: ModelOptions, row: number): SubProcessNode {
  const lead = o.entry.kind === 'intake';
  const nodes: FlowNode[] = [
    {
      kind: 'start',
      id: 'WithdrawalRequested',
      name: 'Công dân rút hồ sơ',
      message: 'dossier.withdrawn',
      at: { col: 1, row },
    },
  ];
  const flows: Flow[] = [];
  if (lead) {
    nodes.push(service('RecordWithdrawal', 'Ghi nhận rút hồ sơ', 'refuse', 2, row, { kind: 'withdraw' }));
    nodes.push({ kind: 'end', id: 'Withdrawn', name: 'Đã rút hồ sơ', at: { col: 3, row } });
    chain(flows, ['WithdrawalRequested', 'RecordWithdrawal', 'Withdrawn']);
  } else {
    // The lead agency records the withdrawal; this share only stops.
    nodes.push({ kind: 'end', id: 'Withdrawn', name: 'Dừng phần việc liên thông', at: { col: 2, row } });
    chain(flows, ['WithdrawalRequested', 'Withdrawn']);
  }
  return {
    kind: 'subprocess',
    id: 'WithdrawalHandling',
    name: 'Rút hồ sơ',
    triggeredByEvent: true,
    at: { col: 1, row },
    nodes,
    flows,
  };
}

export function buildProcedureModel(o: ModelOptions): ProcessModel {
  const nodes: FlowNode[] = [];
  const flows: Flow[] = [];
  let col = 0;
  let previous: string;
  if (o.entry.kind === 'intake') {
    nodes.push({ kind: 'start', id: 'DossierSubmitted', name: 'Hồ sơ được nộp', at: { col, row: MAIN } });
    nodes.push(service('Intake', 'Tiếp nhận hồ sơ', 'intake', 1, MAIN));
    nodes.push({ kind: 'xor', id: 'Complete', name: 'Hồ sơ đầy đủ?', at: { col: 2, row: MAIN } });
    nodes.push(service('GuideSupplement', 'Hướng dẫn bổ sung (Mẫu 02)', 'supplement', 2, -1));
    nodes.push({
      kind: 'receive',
      id: 'AwaitIntakeSupplement',
      name: 'Chờ công dân bổ sung',
      message: 'dossier.supplemented',
      at: { col: 1, row: -1 },
    });
    nodes.push(service('Scan', 'Số hóa hồ sơ', 'scan', 3, MAIN));
    chain(flows, ['DossierSubmitted', 'Intake', 'Complete']);
    flows.push({ from: 'Complete', to: 'Scan', name: 'Đủ', condition: 'accepted = true' });
    flows.push({ from: 'Complete', to: 'GuideSupplement', name: 'Thiếu', isDefault: true });
    chain(flows, ['GuideSupplement', 'AwaitIntakeSupplement', 'Intake']);
    previous = 'Scan';
    col = 3;
    if (o.entry.feeAt === 'intake' && o.entry.feeDecision) {
      // The fee exemption the procedure's decision table decides, read by dossier.fee (contract: feeDecision).
      col += 1;
      nodes.push({
        kind: 'rule',
        id: 'DecideFee',
        name: 'Xác định miễn, giảm lệ phí',
        decisionId: o.entry.feeDecision,
        resultVariable: 'feeDecision',
        at: { col, row: MAIN },
      });
      chain(flows, [previous, 'DecideFee']);
      previous = 'DecideFee';
    }
    if (o.entry.feeAt === 'intake') {
      col += 1;
      nodes.push(service('CollectFee', 'Thu phí, lệ phí', 'fee', col, MAIN, { collectAt: 'intake' }));
      chain(flows, [previous, 'CollectFee']);
      previous = 'CollectFee';
    }
  } else {
    nodes.push({
      kind: 'start',
      id: 'ShareReceived',
      name: o.entry.name,
      message: o.entry.message,
      at: { col, row: MAIN },
    });
    previous = 'ShareReceived';
  }
  col += 1;
  const headers: Record<string, string> = { action: 'compute' };
  if (o.deadline.step) headers.step = o.deadline.step;
  if (o.deadline.shareWorkingDays !== undefined)
    headers.shareWorkingDays = String(o.deadline.shareWorkingDays);
  nodes.push(service('ComputeDeadline', 'Tính hạn xử lý', 'deadline', col, MAIN, headers));
  chain(flows, [previous, 'ComputeDeadline']);
  col += 1;
  nodes.push({ kind: 'xor', id: 'EnterProcessing', at: { col, row: MAIN } });
  chain(flows, ['ComputeDeadline', 'EnterProcessing']);
  const scopeStart = col + 1;
  const { scope, endCol } = processingScope(o, scopeStart);
  nodes.push(scope);
  flows.push({ from: 'EnterProcessing', to: 'Processing' });
  const watch = deadlineWatch(scopeStart);
  nodes.push(...watch.nodes);
  flows.push(...watch.flows);

  col = endCol + 1;
  nodes.push({ kind: 'xor', id: 'Outcome', name: 'Kết quả giải quyết?', at: { col, row: MAIN } });
  flows.push({ from: 'Processing', to: 'Outcome' });

  // Supplement: slip, wait for the citizen, resume the clock, re-enter the timed scope.
  const supplementRow = 1.6;
  nodes.push(
    service('RequestSupplement', 'Yêu cầu bổ sung hồ sơ (Mẫu 02)', 'supplement', col, supplementRow),
  );
  nodes.push({
    kind: 'receive',
    id: 'AwaitSupplement',
    name: 'Chờ công dân bổ sung',
    message: 'dossier.supplemented',
    at: { col: col + 1, row: supplementRow },
  });
  nodes.push(
    service('ResumeDeadline', 'Tiếp tục tính hạn', 'deadline', col + 2, supplementRow, { action: 'resume' }),
  );
  flows.push({
    from: 'Outcome',
    to: 'RequestSupplement',
    name: 'Bổ sung',
    condition: decisionIs('supplement'),
  });
  chain(flows, ['RequestSupplement', 'AwaitSupplement', 'ResumeDeadline']);
  flows.push({ from: 'ResumeDeadline', to: 'EnterProcessing', viaRow: 3.8 });

  // Refusal: written reasons to the applicant (lead) or to the lead agency (receiving agency).
  const refuseRow = -1.3;
  const refusal: string[] = [];
  if (o.finish.kind === 'result') {
    nodes.push(
      service('Refuse', 'Từ chối giải quyết (Mẫu 03)', 'refuse', col, refuseRow, { kind: 'refuse' }),
    );
    nodes.push(
      service('NotifyRefusal', 'Thông báo từ chối', 'notify', col + 1, refuseRow, { template: 'tu-choi' }),
    );
    refusal.push('Refuse', 'NotifyRefusal');
  } else {
    nodes.push(
      service('NotifyRefusal', 'Thông báo không giải quyết phần liên thông', 'notify', col, refuseRow, {
        template: 'lien-thong-tu-choi',
      }),
    );
    nodes.push(
      service('ReturnRefusal', 'Trả kết quả liên thông (từ chối)', 'transfer', col + 1, refuseRow, {
        toAgencyRole: o.finish.toAgencyRole,
        messageName: o.finish.message,
        direction: 'return',
      }),
    );
    refusal.push('NotifyRefusal', 'ReturnRefusal');
  }
  nodes.push({
    kind: 'end',
    id: 'Refused',
    name: 'Từ chối giải quyết',
    at: { col: col + 2, row: refuseRow },
  });
  flows.push({ from: 'Outcome', to: refusal[0] ?? '', name: 'Từ chối', condition: decisionIs('refuse') });
  chain(flows, [...refusal, 'Refused']);

  // Approval: result to the applicant, or this share's result back to the lead agency.
  const approved: string[] = [];
  if (o.finish.kind === 'result') {
    if (o.entry.kind === 'intake' && o.entry.feeAt === 'result') {
      col += 1;
      nodes.push(service('CollectFeeAtResult', 'Thu phí, lệ phí', 'fee', col, MAIN, { collectAt: 'result' }));
      approved.push('CollectFeeAtResult');
    }
    nodes.push(service('ResultReady', 'Kết quả sẵn sàng', 'result', col + 1, MAIN, { action: 'ready' }));
    nodes.push({
      kind: 'user',
      id: 'HandOverResult',
      name: 'Trả kết quả cho người nộp',
      candidateGroups: ['mot-cua'],
      formKey: TASK_FORMS.handOver,
      at: { col: col + 2, row: MAIN },
    });
    nodes.push(
      service('ResultDelivered', 'Đã trả kết quả', 'result', col + 3, MAIN, { action: 'delivered' }),
    );
    approved.push('ResultReady', 'HandOverResult', 'ResultDelivered');
    col += 4;
  } else {
    nodes.push(
      service('ReturnResult', 'Trả kết quả liên thông', 'transfer', col + 1, MAIN, {
        toAgencyRole: o.finish.toAgencyRole,
        messageName: o.finish.message,
        direction: 'return',
      }),
    );
    approved.push('ReturnResult');
    col += 2;
  }
  nodes.push({ kind: 'end', id: 'Completed', name: 'Hoàn thành', at: { col, row: MAIN } });
  flows.push({ from: 'Outcome', to: approved[0] ?? '', name: 'Phê duyệt', condition: decisionIs('approve') });
  chain(flows, [...approved, 'Completed']);

  nodes.push(withdrawal(o, 4.8));
  return { id: o.id, name: o.name, documentation: o.documentation, nodes, flows };
}
