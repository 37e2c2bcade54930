/** Hand-off tasks: follow-up work a remark hands to a colleague (改面单, 撤单, 联系快递跟进). */
/** The hand-offs a remark can open (the remark catalogue says which kind opens which). */
export type TaskType = 'fix_label' | 'cancel_waybill' | 'courier_followup' | 'return_receipt' | 'return_refund';
export type TaskState = 'open' | 'closed';

/** What staff read for each type (task list, handover, notices, the console via GET /api/labels): Chinese only. */
export const TASK_TITLES: Readonly<Record<TaskType, string>> = {
  fix_label: '改面单', // fix the shipping label
  cancel_waybill: '撤单', // cancel the waybill
  courier_followup: '联系快递和买家跟进', // follow up with the courier and the buyer
  return_receipt: '验收退货', // check a return signed for at the warehouse (returns feature)
  return_refund: '退货验收后退款', // refund a return the warehouse has checked (returns feature)
};

export interface Task {
  /** The id of the remark entry that opened it, so a repeated write never opens a second task. */
  id: string;
  type: TaskType;
  tid: string;
  state: TaskState;
  /** Usernames are what `assignee=me` matches; display names are what staff read. */
  assignee: string;
  assigneeName: string;
  openedBy: string;
  openedByName: string;
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  closedByName: string | null;
  /** The follow-up remark that closed it (null when closed by hand). */
  closedByEntry: string | null;
  note: string | null;
}

/** A message for the staff member who handed work off, shown by the console. */
export interface TaskNotification {
  id: string;
  recipient: string;
  taskId: string;
  tid: string;
  message: string;
  at: string;
  read: boolean;
  /** A console page to open beside the order (a knowledge answer's entry); absent for a task's close. */
  link?: string;
}

export interface TaskView extends Task {
  title: string;
  /** Minutes since it was opened (until it was closed). */
  ageMinutes: number;
}
