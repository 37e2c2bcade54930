/**
 * The roster (排班表, issue 14): the shifts with their breaks, who works which shift on which date, the keeper of
 * money, and who is on duty at an instant. The handover's owner rules read it; the admin edits it.
 */
export { rosterSchema, SHIFT_NAMES, DUTIES, DUTY_LABELS, HANDBOOK_SHIFTS, tenOnTwoOff } from './roster.js';
export type { Roster, RosterRecord, ShiftName, ShiftDef, Period, Duty, DutyPattern } from './roster.js';
export { shiftOf, rosterOn, onDuty, nextOnDuty, periodsOn, breaksOf, minutesOf } from './on-duty.js';
export { DEMO_ROSTER, emptyRoster } from './demo-roster.js';
export { createRosterRepository, ROSTER } from './roster-repository.js';
export type { RosterRepository } from './roster-repository.js';
export { createRosterService } from './roster-service.js';
export type { RosterService, StaffList } from './roster-service.js';
export { rosterRouter } from './roster-router.js';
